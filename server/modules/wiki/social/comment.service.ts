import type { z } from 'zod';
import type { commentCreateSchema, commentUpdateSchema } from '@shared/wiki/schemas';
import type { WikiCommentDTO } from '@shared/wiki/types';
import type { CurrentUser } from '../../auth/current-user';
import { HttpError, badRequest, forbidden, notFound } from '../../../lib/errors';
import { events } from '../../../lib/events';
import { createKeyedCache } from '../../../lib/keyed-cache';
import { withKeyLock } from '../../../lib/keyed-lock';
import { requirePage, type PageAccess } from '../access';
import { canCreateComment, commentAbilities, type CommentViewer } from './comment.policy';
import { peopleOf, presentComment, threadOrder } from './comment.presenter';
import { WikiCommentThreadModel, type CommentThread, type StoredWikiComment } from './social.model';

type CreateInput = z.output<typeof commentCreateSchema>;
type UpdateInput = z.output<typeof commentUpdateSchema>;

/** Threads of recently opened pages in memory (write-through; other instances drop the key). */
const threads = createKeyedCache<CommentThread | null>({
  name: 'wiki-comments',
  max: 2000,
  load: async (pageId) => normalise(await WikiCommentThreadModel.findById(pageId).lean()),
});

const live = (comments: StoredWikiComment[]) => comments.filter((c) => !c.deleted).length;

/**
 * Live comment counts of every page (the page view shows one on each request; the embedded
 * engine would scan the threads collection for it). Warmed from one read at start.
 */
const counts = createKeyedCache<number>({
  name: 'wiki-comment-counts',
  max: 100_000,
  load: async (pageId) =>
    live(normalise(await WikiCommentThreadModel.findById(pageId).lean())?.comments ?? []),
});

/** Fills the counts of all pages from one read (pages without a thread count 0). */
export async function warmCommentCounts(pageIds: Iterable<string>): Promise<void> {
  await counts.prime(async () => {
    const rows = new Map<string, number>();
    for (const id of pageIds) rows.set(id, 0);
    const docs = await WikiCommentThreadModel.find({}).lean();
    for (const doc of docs) {
      const t = normalise(doc);
      if (t) rows.set(t._id, live(t.comments));
    }
    return rows;
  });
}

function normalise(doc: unknown): CommentThread | null {
  if (!doc) return null;
  const d = doc as CommentThread;
  return { _id: d._id, rev: d.rev ?? 0, comments: d.comments ?? [] };
}

export const commentLock = (pageId: string) => `wiki-comments:${pageId}`;

const isDuplicate = (err: unknown) =>
  typeof err === 'object' && err !== null && (err as { code?: unknown }).code === 11000;

const clientIdReused = () =>
  new HttpError(409, 'client_id_reused', 'This comment id was already used by someone else.');

/** Outcome of a change: the new list (null = nothing to write) and what the caller returns. */
interface Change<R> {
  comments: StoredWikiComment[] | null;
  result: R;
}

/**
 * Applies `change` to the page's comments: serialised per page in this process and guarded by
 * `rev` against other instances (a lost race reloads and applies the change again).
 */
async function mutate<R>(
  pageId: string,
  change: (comments: StoredWikiComment[]) => Change<R>,
): Promise<R> {
  return withKeyLock(commentLock(pageId), async () => {
    for (let attempt = 0; ; attempt += 1) {
      const current = await threads.get(pageId);
      const { comments, result } = change(current?.comments ?? []);
      if (!comments) return result;
      const rev = (current?.rev ?? 0) + 1;
      let written: boolean;
      if (!current) {
        try {
          await WikiCommentThreadModel.create({ _id: pageId, comments, rev });
          written = true;
        } catch (err) {
          if (!isDuplicate(err)) throw err;
          written = false;
        }
      } else {
        const res = await WikiCommentThreadModel.updateOne(
          { _id: pageId, rev: current.rev },
          { $set: { comments, rev } },
        );
        written = res.matchedCount === 1;
      }
      if (written) {
        threads.set(pageId, { _id: pageId, comments, rev });
        counts.set(pageId, live(comments));
        return result;
      }
      threads.invalidate(pageId); // another instance wrote first: reload and apply again
      counts.invalidate(pageId);
      if (attempt >= 5) throw new HttpError(409, 'conflict', 'Please try again.');
    }
  });
}

const viewerOfAccess = (user: CurrentUser, access: PageAccess): CommentViewer => ({
  id: user.id,
  role: access.role,
  mayComment: access.abilities.comment,
});

async function presentOne(
  pageId: string,
  c: StoredWikiComment,
  viewer: CommentViewer,
): Promise<WikiCommentDTO> {
  return presentComment(pageId, c, viewer, await peopleOf([c]));
}

/** Live (not deleted) comments of a page; for the page presenter. */
export async function commentCount(pageId: string): Promise<number> {
  return counts.get(pageId);
}

/** The stored comments of a page (for notifications). */
export async function storedComments(pageId: string): Promise<StoredWikiComment[]> {
  return (await threads.get(pageId))?.comments ?? [];
}

export async function listComments(user: CurrentUser, pageId: string): Promise<WikiCommentDTO[]> {
  const access = await requirePage(user, pageId, 'read');
  const viewer = viewerOfAccess(user, access);
  const ordered = threadOrder(await storedComments(pageId));
  const people = await peopleOf(ordered);
  return ordered.map((c) => presentComment(pageId, c, viewer, people));
}

/** Creates a comment or reply; a replay of the same id by the same author returns it (`created` false). */
export async function createComment(
  user: CurrentUser,
  pageId: string,
  input: CreateInput,
): Promise<{ comment: WikiCommentDTO; created: boolean }> {
  // 404 unreadable, 409 archived, 403 below commenter.
  const access = await requirePage(user, pageId, 'comment');
  const viewer = viewerOfAccess(user, access);
  if (!canCreateComment(viewer)) throw forbidden();
  const id = input.id.toLowerCase();
  const { stored, created, parentAuthorId } = await mutate(pageId, (comments) => {
    const existing = comments.find((c) => c.id === id);
    if (existing) {
      if (existing.authorId !== user.id) throw clientIdReused();
      return { comments: null, result: { stored: existing, created: false, parentAuthorId: null } };
    }
    let parent: StoredWikiComment | null = null;
    if (input.parentId) {
      const direct = comments.find((c) => c.id === input.parentId?.toLowerCase());
      // One level of threads: a reply to a reply joins the thread of its top-level comment.
      parent = direct?.parentId
        ? (comments.find((c) => c.id === direct.parentId) ?? null)
        : (direct ?? null);
      if (!parent || parent.deleted) {
        throw badRequest('The comment to reply to does not exist.', [
          { path: 'parentId', code: 'unknown_reference', message: 'unknown_reference' },
        ]);
      }
    }
    const next: StoredWikiComment = {
      id,
      parentId: parent?.id ?? null,
      authorId: user.id,
      body: input.body,
      createdAt: new Date(),
      editedAt: null,
      resolved: false,
      resolvedBy: null,
      resolvedAt: null,
      deleted: false,
      deletedBy: null,
      deletedAt: null,
    };
    return {
      comments: [...comments, next],
      result: { stored: next, created: true, parentAuthorId: parent?.authorId ?? null },
    };
  });
  if (created) {
    events.publish('wiki.comment_changed', {
      pageId,
      spaceId: String(access.page.spaceId),
      commentId: id,
      actorId: user.id,
      created: true,
      parentAuthorId,
    });
  }
  return { comment: await presentOne(pageId, stored, viewer), created };
}

function replaceComment(comments: StoredWikiComment[], next: StoredWikiComment) {
  return comments.map((c) => (c.id === next.id ? next : c));
}

/** Edit the body (author) and/or resolve or reopen (top-level: author or editor+). */
export async function updateComment(
  user: CurrentUser,
  pageId: string,
  commentId: string,
  input: UpdateInput,
): Promise<WikiCommentDTO> {
  if (input.body === undefined && input.resolved === undefined) {
    throw badRequest('Nothing to change.', [
      { path: 'body', code: 'nothing_to_change', message: 'nothing_to_change' },
    ]);
  }
  const access = await requirePage(user, pageId, 'read');
  // An archived page's comments stay as they are (as `comment` on it: 409, not 403).
  if (access.page.archived) throw new HttpError(409, 'page_archived', 'The page is archived.');
  const viewer = viewerOfAccess(user, access);
  const id = commentId.toLowerCase();
  const { stored, changed } = await mutate(pageId, (comments) => {
    const c = comments.find((x) => x.id === id);
    if (!c || c.deleted) throw notFound();
    const may = commentAbilities(viewer, c);
    let next = c;
    if (input.body !== undefined && input.body !== c.body) {
      if (!may.edit) throw forbidden();
      next = { ...next, body: input.body, editedAt: new Date() };
    }
    if (input.resolved !== undefined && input.resolved !== c.resolved) {
      if (!may.resolve) throw forbidden();
      next = input.resolved
        ? { ...next, resolved: true, resolvedBy: user.id, resolvedAt: new Date() }
        : { ...next, resolved: false, resolvedBy: null, resolvedAt: null };
    }
    if (next === c) {
      // No change: still refuse what the viewer could not have done.
      if (input.body !== undefined && !may.edit) throw forbidden();
      if (input.resolved !== undefined && !may.resolve) throw forbidden();
      return { comments: null, result: { stored: c, changed: false } };
    }
    return { comments: replaceComment(comments, next), result: { stored: next, changed: true } };
  });
  if (changed) publishChange(user, access, pageId, id);
  return presentOne(pageId, stored, viewer);
}

/** Soft delete (author or space admin): the body is emptied, replies stay. Idempotent. */
export async function deleteComment(
  user: CurrentUser,
  pageId: string,
  commentId: string,
): Promise<WikiCommentDTO> {
  const access = await requirePage(user, pageId, 'read');
  const viewer = viewerOfAccess(user, access);
  const id = commentId.toLowerCase();
  const { stored, changed } = await mutate(pageId, (comments) => {
    const c = comments.find((x) => x.id === id);
    if (!c) throw notFound();
    const mayDelete = c.authorId === user.id || viewer.role === 'admin';
    if (!mayDelete) throw c.deleted ? notFound() : forbidden();
    if (c.deleted) return { comments: null, result: { stored: c, changed: false } };
    const next: StoredWikiComment = {
      ...c,
      body: '',
      deleted: true,
      deletedBy: user.id,
      deletedAt: new Date(),
    };
    return { comments: replaceComment(comments, next), result: { stored: next, changed: true } };
  });
  if (changed) publishChange(user, access, pageId, id);
  return presentOne(pageId, stored, viewer);
}

function publishChange(user: CurrentUser, access: PageAccess, pageId: string, commentId: string) {
  events.publish('wiki.comment_changed', {
    pageId,
    spaceId: String(access.page.spaceId),
    commentId,
    actorId: user.id,
    created: false,
    parentAuthorId: null,
  });
}

export function clearCommentCache(): void {
  threads.clear();
  counts.clear();
}
