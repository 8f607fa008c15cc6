import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
  type QueryClient,
} from '@tanstack/react-query';
import type { ChannelInput, CreateArticleInput, UpdateArticleInput } from '@shared/news/schemas';
import type { AcknowledgementDashboardDTO, NewsArticleDTO } from '@shared/news/types';
import type { ServerToClientEvents } from '@shared/realtime/events';
import {
  createArticle,
  createChannel,
  deleteArticle,
  getDashboard,
  getEditableArticle,
  getHistory,
  listChannels,
  listManaged,
  listPreviewAs,
  transitionArticle,
  updateArticle,
  updateChannel,
  type ManageFilters,
  type NewsTransition,
} from './editor-api';

/**
 * Query keys of the editorial side. They live under `['news', …]` like the reader's keys, so a
 * broad `['news']` invalidation after an editorial write refreshes feeds as well.
 */
export const newsEditorKeys = {
  all: ['news', 'editor'] as const,
  article: (id: string) => [...newsEditorKeys.all, 'article', id] as const,
  history: (id: string) => [...newsEditorKeys.all, 'history', id] as const,
  channels: () => ['news', 'channels'] as const,
  manage: (f: ManageFilters) =>
    [...newsEditorKeys.all, 'manage', { status: f.status, channelId: f.channelId }] as const,
  previewAs: (personId: string) => [...newsEditorKeys.all, 'previewAs', personId] as const,
  dashboard: (id: string) => [...newsEditorKeys.all, 'dashboard', id] as const,
};

export function useEditableArticle(id: string | undefined, enabled = true) {
  return useQuery({
    queryKey: newsEditorKeys.article(id ?? ''),
    queryFn: ({ signal }) => getEditableArticle(id as string, signal),
    enabled: Boolean(id) && enabled,
    // The form holds the working copy: refetching under it would only confuse the stale check.
    refetchOnWindowFocus: false,
    retry: false,
  });
}

export function useArticleHistory(id: string | undefined) {
  return useQuery({
    queryKey: newsEditorKeys.history(id ?? ''),
    queryFn: ({ signal }) => getHistory(id as string, signal),
    enabled: Boolean(id),
  });
}

export function useChannels() {
  return useQuery({
    queryKey: newsEditorKeys.channels(),
    queryFn: ({ signal }) => listChannels(signal),
    staleTime: 60_000,
  });
}

export function useManagedArticles(f: ManageFilters) {
  return useInfiniteQuery({
    queryKey: newsEditorKeys.manage(f),
    queryFn: ({ pageParam, signal }) => listManaged(f, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

export function usePreviewAs(personId: string | null) {
  return useInfiniteQuery({
    queryKey: newsEditorKeys.previewAs(personId ?? ''),
    queryFn: ({ pageParam, signal }) => listPreviewAs(personId as string, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled: Boolean(personId),
  });
}

export function useDashboard(id: string | undefined) {
  return useQuery({
    queryKey: newsEditorKeys.dashboard(id ?? ''),
    queryFn: ({ signal }) => getDashboard(id as string, signal),
    enabled: Boolean(id),
    retry: false,
  });
}

/** After any editorial write: the editor's copy is exact, feeds and lists refetch. */
function afterArticleWrite(qc: QueryClient, article: NewsArticleDTO) {
  qc.setQueryData(newsEditorKeys.article(article.id), article);
  void qc.invalidateQueries({
    queryKey: ['news'],
    predicate: (q) =>
      !(q.queryKey[1] === 'editor' && q.queryKey[2] === 'article' && q.queryKey[3] === article.id),
  });
}

export function useCreateArticle() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateArticleInput) => createArticle(input),
    onSuccess: (article) => afterArticleWrite(qc, article),
  });
}

export function useUpdateArticle(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: UpdateArticleInput) => updateArticle(id, input),
    onSuccess: (article) => afterArticleWrite(qc, article),
  });
}

export function useTransition(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { action: NewsTransition; rev: number; comment?: string }) =>
      transitionArticle(id, v.action, { rev: v.rev, comment: v.comment ?? '' }),
    onSuccess: (article) => afterArticleWrite(qc, article),
  });
}

export function useDeleteArticle(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => deleteArticle(id),
    onSuccess: () => {
      qc.removeQueries({ queryKey: newsEditorKeys.article(id) });
      void qc.invalidateQueries({ queryKey: ['news'] });
    },
  });
}

export function useSaveChannel() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id: string | null; input: ChannelInput }) =>
      id ? updateChannel(id, input) : createChannel(input),
    onSuccess: () => void qc.invalidateQueries({ queryKey: newsEditorKeys.channels() }),
  });
}

type AckPayload = Parameters<ServerToClientEvents['news:acknowledged']>[0];

/**
 * One more confirmation, applied to a cached dashboard without a refetch: overall and office counts
 * rise and the person leaves the pending list. Events of another round or a person already gone from
 * the pending list (a repeated event) change nothing.
 */
export function applyAcknowledged(
  d: AcknowledgementDashboardDTO | undefined,
  e: AckPayload,
): AcknowledgementDashboardDTO | undefined {
  if (!d || d.articleId !== e.articleId || d.round !== e.round) return d;
  const wasPending = d.pending.some((p) => p.id === e.person.id);
  // With a truncated pending list the person may be missing from it and still be new.
  if (!wasPending && !d.pendingTruncated) return d;
  if (d.acknowledged >= d.total) return d;
  return {
    ...d,
    acknowledged: d.acknowledged + 1,
    offices: d.offices.map((o) =>
      o.id === e.officeId && o.acknowledged < o.total
        ? { ...o, acknowledged: o.acknowledged + 1 }
        : o,
    ),
    pending: d.pending.filter((p) => p.id !== e.person.id),
  };
}

export function patchDashboard(qc: QueryClient, e: AckPayload): void {
  qc.setQueryData<AcknowledgementDashboardDTO>(newsEditorKeys.dashboard(e.articleId), (old) =>
    applyAcknowledged(old, e),
  );
}
