import { atLeast, type SpaceRole } from '@shared/wiki/schemas';
import type { WikiCommentAbilities } from '@shared/wiki/types';
import type { StoredWikiComment } from './social.model';

/** What the comment rules need to know about the viewer's access to the page. */
export interface CommentViewer {
  id: string;
  /** The viewer's space role on this page's space. */
  role: SpaceRole | null;
  /** The page's `comment` ability (commenter+, page readable, not archived). */
  mayComment: boolean;
}

type C = Pick<StoredWikiComment, 'authorId' | 'deleted' | 'parentId'>;

/** Write a new top-level comment or a reply. */
export const canCreateComment = (v: CommentViewer) => v.mayComment;

/**
 * Pure comment rules: authors edit their own (while they may still comment); a top-level
 * comment is resolved or reopened by its author or an editor+ (not on an archived page); authors and space admins delete
 * (soft); replies go to live top-level comments (a reply to a reply attaches to its thread).
 */
export function commentAbilities(v: CommentViewer, c: C): WikiCommentAbilities {
  const own = c.authorId === v.id;
  const live = !c.deleted;
  return {
    edit: live && own && v.mayComment,
    // `mayComment` is false on an archived page: its threads stay as they were.
    resolve: live && c.parentId === null && v.mayComment && (own || atLeast(v.role, 'editor')),
    delete: live && (own || v.role === 'admin'),
    reply: live && v.mayComment,
  };
}
