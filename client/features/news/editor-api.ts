import { api } from '../../lib/api';
import type { ApiData, ApiPage } from '@shared/http/errors';
import type {
  ChannelInput,
  CreateArticleInput,
  NewsStatus,
  TransitionInput,
  UpdateArticleInput,
} from '@shared/news/schemas';
import type {
  AcknowledgementDashboardDTO,
  NewsArticleDTO,
  NewsChannelDTO,
  NewsHistoryEntryDTO,
  NewsSummaryDTO,
  NewsUploadDTO,
} from '@shared/news/types';

const enc = encodeURIComponent;

/** A new article's id: 24 hex chars made on the client, so uploads and a retried create are idempotent. */
export function newArticleId(): string {
  const bytes = new Uint8Array(12);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** A UUID v4 for `uploadId` (also outside secure contexts, where `crypto.randomUUID` is missing). */
export function newUploadId(): string {
  const b = new Uint8Array(16);
  crypto.getRandomValues(b);
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

export async function getEditableArticle(id: string, signal?: AbortSignal) {
  return (await api<ApiData<NewsArticleDTO>>(`/api/news/${enc(id)}`, { signal })).data;
}

export async function createArticle(input: CreateArticleInput) {
  return (
    await api<ApiData<NewsArticleDTO>>('/api/news', {
      method: 'POST',
      body: input as unknown as Record<string, unknown>,
    })
  ).data;
}

export async function updateArticle(id: string, input: UpdateArticleInput) {
  return (
    await api<ApiData<NewsArticleDTO>>(`/api/news/${enc(id)}`, {
      method: 'PATCH',
      body: input as unknown as Record<string, unknown>,
    })
  ).data;
}

export type NewsTransition = 'submit' | 'approve' | 'reject' | 'publish' | 'unpublish';

export async function transitionArticle(
  id: string,
  action: NewsTransition,
  input: TransitionInput,
) {
  return (
    await api<ApiData<NewsArticleDTO>>(`/api/news/${enc(id)}/${action}`, {
      method: 'POST',
      body: { ...input },
    })
  ).data;
}

export async function deleteArticle(id: string): Promise<void> {
  await api<unknown>(`/api/news/${enc(id)}`, { method: 'DELETE' });
}

export async function getHistory(id: string, signal?: AbortSignal) {
  return (await api<ApiData<NewsHistoryEntryDTO[]>>(`/api/news/${enc(id)}/history`, { signal }))
    .data;
}

export interface ManageFilters {
  status: NewsStatus | 'all';
  channelId?: string;
}

/** The editor's list: every article they may edit in one status. */
export function listManaged(f: ManageFilters, cursor?: string | null, signal?: AbortSignal) {
  return api<ApiPage<NewsSummaryDTO>>('/api/news', {
    query: { status: f.status, channelId: f.channelId, cursor: cursor ?? undefined, limit: 20 },
    signal,
  });
}

/** The feed as another person sees it ("preview as audience"). */
export function listPreviewAs(personId: string, cursor?: string | null, signal?: AbortSignal) {
  return api<ApiPage<NewsSummaryDTO>>('/api/news', {
    query: { previewAs: personId, cursor: cursor ?? undefined, limit: 20 },
    signal,
  });
}

export async function listChannels(signal?: AbortSignal) {
  return (await api<ApiData<NewsChannelDTO[]>>('/api/news/channels', { signal })).data;
}

export async function createChannel(input: ChannelInput) {
  return (
    await api<ApiData<NewsChannelDTO>>('/api/news/channels', {
      method: 'POST',
      body: input as unknown as Record<string, unknown>,
    })
  ).data;
}

export async function updateChannel(id: string, input: ChannelInput) {
  return (
    await api<ApiData<NewsChannelDTO>>(`/api/news/channels/${enc(id)}`, {
      method: 'PUT',
      body: input as unknown as Record<string, unknown>,
    })
  ).data;
}

/** Uploads one file for an article (which may not be saved yet); `uploadId` makes a retry idempotent. */
export async function uploadNewsFile(
  articleId: string,
  file: File,
  uploadId: string,
  signal?: AbortSignal,
) {
  const form = new FormData();
  form.append('uploadId', uploadId);
  form.append('file', file, file.name);
  return (
    await api<ApiData<NewsUploadDTO>>(`/api/news/${enc(articleId)}/uploads`, {
      method: 'POST',
      body: form,
      signal,
    })
  ).data;
}

export async function getDashboard(id: string, signal?: AbortSignal) {
  return (
    await api<ApiData<AcknowledgementDashboardDTO>>(`/api/news/${enc(id)}/acknowledgements`, {
      signal,
    })
  ).data;
}

export const dashboardCsvUrl = (id: string) => `/api/news/${enc(id)}/acknowledgements.csv`;
