import type { SpaceRole } from '@shared/wiki/schemas';

/**
 * Domain events of the wiki, published by its services after a successful write. Realtime
 * (invalidation events to watchers), notifications (watchers, owners, reviewers) and the search
 * index subscribe. Payloads carry ids only: subscribers present per recipient.
 */
export type PageChange =
  | 'created'
  | 'meta'
  | 'moved'
  | 'archived'
  | 'restored'
  | 'content'
  | 'published'
  | 'review_requested'
  | 'review_approved'
  | 'review_rejected'
  | 'restriction';

export interface WikiEvents {
  /** Settings or members of a space changed; `accessChanged`: who may read may have changed. */
  'wiki.space_changed': {
    spaceId: string;
    actorId: string;
    accessChanged: boolean;
    /** For a member change: whose explicit role was set (null = removed); notifies that person. */
    member?: { personId: string; role: SpaceRole | null };
  };
  'wiki.page_changed': {
    pageId: string;
    spaceId: string;
    actorId: string | null;
    change: PageChange;
    /** Who may read this page (and its sub-pages) may have changed. */
    accessChanged: boolean;
    /** For `moved`: the space tree changed shape. */
    treeChanged: boolean;
  };
  /** A version was kept (idle, manual, restore, approval). `authorIds`: who edited since the last one. */
  'wiki.revision_created': {
    pageId: string;
    spaceId: string;
    revisionId: string;
    kind: 'idle' | 'manual' | 'restore' | 'approved' | 'created';
    authorIds: string[];
  };
  'wiki.comment_changed': {
    pageId: string;
    spaceId: string;
    commentId: string;
    actorId: string;
    created: boolean;
    /** For a reply: the author of the comment it answers. */
    parentAuthorId: string | null;
  };
}
