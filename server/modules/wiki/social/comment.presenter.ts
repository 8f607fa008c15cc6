import type { PersonRef } from '@shared/people/types';
import type { WikiCommentDTO } from '@shared/wiki/types';
import { peopleFromDirectory } from '../../people/directory-index';
import { presentPersonRef } from '../../people/people.presenter';
import { initials } from '../../../lib/text';
import { commentAbilities, type CommentViewer } from './comment.policy';
import type { StoredWikiComment } from './social.model';

/** Someone no longer in the directory still shows as an author. */
const unknownPerson = (id: string): PersonRef => ({
  id,
  displayName: '—',
  position: null,
  unitId: null,
  initials: initials('?'),
  photoUrl: null,
});

/** Person refs of the authors and resolvers of these comments, by id. */
export async function peopleOf(comments: StoredWikiComment[]): Promise<Map<string, PersonRef>> {
  const ids = new Set<string>();
  for (const c of comments) {
    ids.add(c.authorId);
    if (c.resolvedBy) ids.add(c.resolvedBy);
  }
  const people = await peopleFromDirectory([...ids]);
  return new Map(people.map((p) => [String(p._id), presentPersonRef(p)]));
}

/** Explicit DTO: the body is plain text and is emptied for a deleted comment. */
export function presentComment(
  pageId: string,
  c: StoredWikiComment,
  viewer: CommentViewer,
  people: Map<string, PersonRef>,
): WikiCommentDTO {
  return {
    id: c.id,
    pageId,
    parentId: c.parentId,
    author: people.get(c.authorId) ?? unknownPerson(c.authorId),
    body: c.deleted ? '' : c.body,
    resolved: c.resolved,
    resolvedBy: c.resolvedBy ? (people.get(c.resolvedBy) ?? unknownPerson(c.resolvedBy)) : null,
    deleted: c.deleted,
    createdAt: new Date(c.createdAt).toISOString(),
    editedAt: c.editedAt ? new Date(c.editedAt).toISOString() : null,
    abilities: commentAbilities(viewer, c),
  };
}

/**
 * Display order: top-level comments oldest first, each followed by its replies (oldest first).
 * A deleted comment is left out unless a live reply still hangs on it.
 */
export function threadOrder(comments: StoredWikiComment[]): StoredWikiComment[] {
  const byTime = [...comments].sort(
    (a, b) => new Date(a.createdAt).getTime() - new Date(b.createdAt).getTime(),
  );
  const replies = new Map<string, StoredWikiComment[]>();
  for (const c of byTime) {
    if (c.parentId) replies.set(c.parentId, [...(replies.get(c.parentId) ?? []), c]);
  }
  const out: StoredWikiComment[] = [];
  for (const top of byTime) {
    if (top.parentId) continue;
    const live = (replies.get(top.id) ?? []).filter((r) => !r.deleted);
    if (top.deleted && live.length === 0) continue;
    out.push(top, ...live);
  }
  return out;
}
