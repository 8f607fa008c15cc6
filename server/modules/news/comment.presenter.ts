import type { NewsCommentDTO } from '@shared/news/types';
import type { PersonRef } from '@shared/people/types';
import { peopleFromDirectory } from '../people/directory-index';
import { presentPersonRef } from '../people/people.presenter';
import type { StoredComment } from './comment.model';
import { canSeeCommentBody, commentAbilities } from './comment.policy';
import type { NewsViewer, PolicyArticle } from './news.policy';

export async function authorsOf(comments: StoredComment[]): Promise<Map<string, PersonRef>> {
  const people = await peopleFromDirectory([...new Set(comments.map((c) => c.authorId))]);
  return new Map(people.map((p) => [String(p._id), presentPersonRef(p)]));
}

/**
 * One comment for `viewer`; with `viewer` null the way any reader sees it (live events go to
 * every watcher alike, so they carry no abilities: clients derive their own from `author.id`).
 */
export function presentComment(
  id: string,
  c: StoredComment,
  article: PolicyArticle,
  viewer: NewsViewer | null,
  authors: Map<string, PersonRef>,
): NewsCommentDTO {
  return {
    id,
    parentId: c.parentId,
    author: authors.get(c.authorId) ?? null,
    body: canSeeCommentBody(viewer, article, c) ? c.body : '',
    hidden: c.hidden,
    deleted: c.deleted,
    createdAt: new Date(c.createdAt).toISOString(),
    editedAt: c.editedAt ? new Date(c.editedAt).toISOString() : null,
    abilities: viewer
      ? commentAbilities(viewer, article, c)
      : { update: false, delete: false, moderate: false },
  };
}

const time = (c: StoredComment) => new Date(c.createdAt).getTime();
const byTime = ([ia, a]: [string, StoredComment], [ib, b]: [string, StoredComment]) =>
  time(a) - time(b) || (ia < ib ? -1 : ia > ib ? 1 : 0);

/** Oldest first, each top-level comment followed by its replies (oldest first). */
export function threadOrder(comments: Record<string, StoredComment>): [string, StoredComment][] {
  const entries = Object.entries(comments);
  const ids = new Set(entries.map(([id]) => id));
  const roots = entries.filter(([, c]) => !c.parentId || !ids.has(c.parentId)).sort(byTime);
  const replies = new Map<string, [string, StoredComment][]>();
  for (const entry of entries) {
    const parent = entry[1].parentId;
    if (parent && ids.has(parent)) replies.set(parent, [...(replies.get(parent) ?? []), entry]);
  }
  return roots.flatMap((root) => [root, ...(replies.get(root[0]) ?? []).sort(byTime)]);
}
