import { api } from '../../lib/api';
import type { ApiPage } from '@shared/http/errors';
import type {
  NewsArticleDTO,
  NewsChannelDTO,
  NewsCommentDTO,
  NewsSummaryDTO,
} from '@shared/news/types';
import type { NewsReaction } from '@shared/news/schemas';

/** Reader filters of the feed (URL search params map 1:1 onto these). */
export interface NewsFilters {
  channelId?: string;
  unread?: boolean;
  mandatory?: boolean;
  limit?: number;
}

/** Removes empty values so equal filters give equal query keys. */
export function normaliseNewsFilters(f: NewsFilters): NewsFilters {
  const out: NewsFilters = {};
  if (f.channelId) out.channelId = f.channelId;
  if (f.unread) out.unread = true;
  if (f.mandatory) out.mandatory = true;
  if (f.limit) out.limit = f.limit;
  return out;
}

/** A new ObjectId-shaped id (24 hex): timestamp + random, so retried creates are stored once. */
export function newObjectId(): string {
  const time = Math.floor(Date.now() / 1000)
    .toString(16)
    .padStart(8, '0');
  const rest = Array.from(crypto.getRandomValues(new Uint8Array(8)), (b) =>
    b.toString(16).padStart(2, '0'),
  ).join('');
  return `${time}${rest}`;
}

export function listNews(
  filters: NewsFilters,
  cursor?: string | null,
  signal?: AbortSignal,
): Promise<ApiPage<NewsSummaryDTO>> {
  const f = normaliseNewsFilters(filters);
  return api<ApiPage<NewsSummaryDTO>>('/api/news', {
    signal,
    query: {
      cursor,
      limit: f.limit,
      channelId: f.channelId,
      unread: f.unread ? 'true' : undefined,
      mandatory: f.mandatory ? 'true' : undefined,
    },
  });
}

export const getArticle = (id: string, signal?: AbortSignal) =>
  api<{ data: NewsArticleDTO }>(`/api/news/${id}`, { signal }).then((r) => r.data);

export const listChannels = (signal?: AbortSignal) =>
  api<{ data: NewsChannelDTO[] }>('/api/news/channels', { signal }).then((r) => r.data);

export const markArticleRead = (id: string) =>
  api<unknown>(`/api/news/${id}/read`, { method: 'POST' });

/** The server may answer with the acknowledgement time; the caller falls back to now. */
export const acknowledgeArticle = (id: string) =>
  api<{ data?: { at?: string; acknowledgedAt?: string; round?: number } } | undefined>(
    `/api/news/${id}/acknowledge`,
    { method: 'POST' },
  );

export type ReactionResult =
  { data?: { reactions?: Partial<Record<NewsReaction, number>> } } | undefined;

export const setReaction = (id: string, reaction: NewsReaction) =>
  api<ReactionResult>(`/api/news/${id}/reaction`, { method: 'PUT', body: { reaction } });

export const clearReaction = (id: string) =>
  api<ReactionResult>(`/api/news/${id}/reaction`, { method: 'DELETE' });

export const listComments = (id: string, signal?: AbortSignal) =>
  api<{ data: NewsCommentDTO[] }>(`/api/news/${id}/comments`, { signal }).then((r) => r.data);

export const addComment = (
  articleId: string,
  input: { id: string; body: string; parentId: string | null },
) =>
  api<{ data: NewsCommentDTO }>(`/api/news/${articleId}/comments`, {
    method: 'POST',
    body: input,
  }).then((r) => r.data);

export const updateComment = (
  articleId: string,
  commentId: string,
  patch: { body?: string; hidden?: boolean },
) =>
  api<{ data: NewsCommentDTO }>(`/api/news/${articleId}/comments/${commentId}`, {
    method: 'PATCH',
    body: patch,
  }).then((r) => r.data);

export const deleteComment = (articleId: string, commentId: string) =>
  api<{ data?: NewsCommentDTO } | undefined>(`/api/news/${articleId}/comments/${commentId}`, {
    method: 'DELETE',
  }).then((r) => r?.data ?? null);
