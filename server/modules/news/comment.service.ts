import type { Request } from 'express';
import type { CommentInput } from '@shared/news/schemas';
import { commentInputSchema, commentUpdateSchema } from '@shared/news/schemas';
import type { NewsCommentDTO } from '@shared/news/types';
import type { z } from 'zod';
import type { CurrentUser } from '../auth/current-user';
import { badRequest, conflict, notFound } from '../../lib/errors';
import { events } from '../../lib/events';
import { createKeyedCache } from '../../lib/keyed-cache';
import { withKeyLock } from '../../lib/keyed-lock';
import { deny } from '../audit/deny';
import { countersLock } from './reaction.service';
import { CommentThreadModel, type StoredComment } from './comment.model';
import { canListComments, canWriteComment, commentAbilities } from './comment.policy';
import { authorsOf, presentComment, threadOrder } from './comment.presenter';
import { loadReadableArticle } from './news.access';
import { articleStats, bumpComments } from './news.stats';

type Comments = Record<string, StoredComment>;

/** Threads of recently opened articles in memory; other instances drop a key after a write. */
const threads = createKeyedCache<Comments>({
  name: 'news-threads',
  max: 2000,
  load: async (articleId) =>
    (await CommentThreadModel.findById(articleId).lean())?.comments ?? ({} as Comments),
});

export function clearThreadCache(): void {
  threads.clear();
}

const visible = (c: StoredComment) => !c.deleted && !c.hidden;

/**
 * One `$set` by `_id` (the only filter the embedded engine does not scan for), serialised per
 * thread because the embedded engine does not isolate concurrent updates of one document.
 */
async function writeComment(articleId: string, id: string, next: StoredComment): Promise<void> {
  await CommentThreadModel.updateOne(
    { _id: articleId },
    { $set: { [`comments.${id}`]: next } },
    { upsert: true },
  );
  const current = await threads.get(articleId);
  threads.set(articleId, { ...current, [id]: next });
}

async function afterChange(
  articleId: string,
  id: string,
  stored: StoredComment,
  article: Parameters<typeof presentComment>[2],
  delta: number,
): Promise<void> {
  const stats = delta
    ? await withKeyLock(countersLock(articleId), () => bumpComments(articleId, delta))
    : (await articleStats([articleId])).get(articleId);
  const commentCount = Math.max(0, stats?.comments ?? 0);
  events.publish('news.comment', {
    articleId,
    // Presented as a reader sees it: every watcher gets the same payload.
    comment: presentComment(id, stored, article, null, await authorsOf([stored])),
    commentCount,
  });
}

export async function listComments(
  user: CurrentUser,
  articleId: string,
  req?: Request,
): Promise<NewsCommentDTO[]> {
  const { article, viewer } = await loadReadableArticle(user, articleId, req);
  if (!canListComments(viewer, article)) return [];
  const ordered = threadOrder(await threads.get(articleId));
  const authors = await authorsOf(ordered.map(([, c]) => c));
  return ordered.map(([id, c]) => presentComment(id, c, article, viewer, authors));
}

/** Adds a comment; a resend with the same client id returns the stored one (200, not twice). */
export async function addComment(
  user: CurrentUser,
  articleId: string,
  raw: CommentInput,
  req?: Request,
): Promise<{ comment: NewsCommentDTO; created: boolean }> {
  const input = commentInputSchema.parse(raw);
  const { article, viewer } = await loadReadableArticle(user, articleId, req);
  if (!canWriteComment(viewer, article)) {
    throw await deny(user, 'news.comment.create', { type: 'news_article', id: articleId }, req);
  }
  const result = await withKeyLock(`news_threads:${articleId}`, async () => {
    const comments = await threads.get(articleId);
    const existing = comments[input.id];
    if (existing) {
      if (existing.authorId !== user.id) throw conflict('This comment id is already in use.');
      return { stored: existing, created: false };
    }
    let parentId = input.parentId;
    if (parentId) {
      const parent = comments[parentId];
      if (!parent) {
        throw badRequest('Unknown comment', [
          { path: 'parentId', code: 'unknown_reference', message: 'Unknown comment' },
        ]);
      }
      parentId = parent.parentId ?? parentId; // one level of threads: answer the thread's root
    }
    const stored: StoredComment = {
      authorId: user.id,
      parentId,
      body: input.body,
      hidden: false,
      deleted: false,
      createdAt: new Date(),
      editedAt: null,
      moderatedById: null,
    };
    await writeComment(articleId, input.id, stored);
    return { stored, created: true };
  });
  if (result.created) await afterChange(articleId, input.id, result.stored, article, 1);
  const authors = await authorsOf([result.stored]);
  return {
    comment: presentComment(input.id, result.stored, article, viewer, authors),
    created: result.created,
  };
}

/** The author edits the text; moderators hide or unhide. */
export async function updateComment(
  user: CurrentUser,
  articleId: string,
  commentId: string,
  raw: z.input<typeof commentUpdateSchema>,
  req?: Request,
): Promise<NewsCommentDTO> {
  const input = commentUpdateSchema.parse(raw);
  const { article, viewer } = await loadReadableArticle(user, articleId, req);
  const { stored, delta, changed } = await withKeyLock(`news_threads:${articleId}`, async () => {
    const current = (await threads.get(articleId))[commentId];
    if (!current || !canListComments(viewer, article)) throw notFound();
    const may = commentAbilities(viewer, article, current);
    const refused =
      (input.body !== undefined && !may.update) || (input.hidden !== undefined && !may.moderate);
    if (refused) {
      throw await deny(user, 'news.comment.update', { type: 'news_comment', id: commentId }, req);
    }
    const next: StoredComment = { ...current };
    if (input.body !== undefined && input.body !== current.body) {
      next.body = input.body;
      next.editedAt = new Date();
    }
    if (input.hidden !== undefined && input.hidden !== current.hidden) {
      next.hidden = input.hidden;
      next.moderatedById = user.id;
    }
    const changed = next.body !== current.body || next.hidden !== current.hidden;
    if (changed) await writeComment(articleId, commentId, next);
    return { stored: next, changed, delta: Number(visible(next)) - Number(visible(current)) };
  });
  if (changed) await afterChange(articleId, commentId, stored, article, delta);
  const authors = await authorsOf([stored]);
  return presentComment(commentId, stored, article, viewer, authors);
}

/** Soft delete (shown as deleted, text removed): the author, or a moderator. Idempotent. */
export async function deleteComment(
  user: CurrentUser,
  articleId: string,
  commentId: string,
  req?: Request,
): Promise<NewsCommentDTO> {
  const { article, viewer } = await loadReadableArticle(user, articleId, req);
  const result = await withKeyLock(`news_threads:${articleId}`, async () => {
    const current = (await threads.get(articleId))[commentId];
    if (!current || !canListComments(viewer, article)) throw notFound();
    if (current.deleted) return { stored: current, changed: false, wasVisible: false };
    if (!commentAbilities(viewer, article, current).delete) {
      throw await deny(user, 'news.comment.delete', { type: 'news_comment', id: commentId }, req);
    }
    const next: StoredComment = {
      ...current,
      body: '',
      deleted: true,
      moderatedById: current.authorId === user.id ? null : user.id,
    };
    await writeComment(articleId, commentId, next);
    return { stored: next, changed: true, wasVisible: visible(current) };
  });
  if (result.changed) {
    await afterChange(articleId, commentId, result.stored, article, result.wasVisible ? -1 : 0);
  }
  const authors = await authorsOf([result.stored]);
  return presentComment(commentId, result.stored, article, viewer, authors);
}
