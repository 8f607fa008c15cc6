import type { NewsCommentDTO } from '@shared/news/types';
import type { StoredComment } from './comment.model';
import { canModerate, newsAbilities, type NewsViewer, type PolicyArticle } from './news.policy';

/**
 * Comment permissions (pure). Writing needs the article's `comment` ability (live, readable,
 * comments allowed); authors edit and delete their own; moderators (`canModerate`: editors,
 * admins, the channel's editors) hide, unhide and delete any comment.
 */
export const canWriteComment = (viewer: NewsViewer, a: PolicyArticle, now = new Date()) =>
  newsAbilities(viewer, a, null, undefined, now).comment;

/** Readers see comments only while comments are allowed; moderators always. */
export const canListComments = (viewer: NewsViewer, a: PolicyArticle) =>
  a.allowComments || canModerate(viewer, a);

const isOwn = (viewer: NewsViewer, c: Pick<StoredComment, 'authorId'>) =>
  c.authorId === viewer.user.id;

export function commentAbilities(
  viewer: NewsViewer,
  a: PolicyArticle,
  c: Pick<StoredComment, 'authorId' | 'deleted' | 'hidden'>,
  now = new Date(),
): NewsCommentDTO['abilities'] {
  const moderate = canModerate(viewer, a);
  const own = isOwn(viewer, c);
  return {
    // A hidden comment stays as the moderator left it.
    update: own && !c.deleted && !c.hidden && canWriteComment(viewer, a, now),
    delete: !c.deleted && (own || moderate),
    moderate: moderate && !c.deleted,
  };
}

/** Hidden bodies are shown to moderators only; deleted ones to nobody (they are emptied). */
export const canSeeCommentBody = (
  viewer: NewsViewer | null,
  a: PolicyArticle,
  c: Pick<StoredComment, 'deleted' | 'hidden'>,
) => !c.deleted && (!c.hidden || (viewer !== null && canModerate(viewer, a)));
