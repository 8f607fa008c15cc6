import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
  type QueryClient,
} from '@tanstack/react-query';
import type { NewsArticleDTO, NewsCommentDTO, NewsSummaryDTO } from '@shared/news/types';
import type { NewsReaction } from '@shared/news/schemas';
import {
  acknowledgeArticle,
  addComment,
  clearReaction,
  deleteComment,
  getArticle,
  listChannels,
  listComments,
  listNews,
  markArticleRead,
  newObjectId,
  normaliseNewsFilters,
  setReaction,
  updateComment,
  type NewsFilters,
} from './api';
import { findInPages, upsertComment, upsertInPages, type NewsPages } from './cache';

export const PAGE_SIZE = 12;

/** Query keys of the news feature: mutations and socket events patch exactly these. */
export const newsKeys = {
  all: ['news'] as const,
  lists: () => [...newsKeys.all, 'list'] as const,
  list: (filters: NewsFilters) => [...newsKeys.lists(), normaliseNewsFilters(filters)] as const,
  details: () => [...newsKeys.all, 'detail'] as const,
  detail: (id: string) => [...newsKeys.details(), id] as const,
  comments: (id: string) => [...newsKeys.all, 'comments', id] as const,
  channels: () => [...newsKeys.all, 'channels'] as const,
};

/** The reader feed with cursor pagination ("load more"); the socket keeps it current. */
export function useNewsList(filters: NewsFilters) {
  const f: NewsFilters = { limit: PAGE_SIZE, ...filters };
  return useInfiniteQuery({
    queryKey: newsKeys.list(f),
    queryFn: ({ pageParam, signal }) => listNews(f, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}

export function useArticle(id: string | undefined) {
  return useQuery({
    queryKey: newsKeys.detail(id ?? ''),
    queryFn: ({ signal }) => getArticle(id as string, signal),
    enabled: Boolean(id),
    staleTime: 60_000,
  });
}

export function useChannels() {
  return useQuery({
    queryKey: newsKeys.channels(),
    queryFn: ({ signal }) => listChannels(signal),
    staleTime: 5 * 60_000,
  });
}

export function useComments(articleId: string, enabled = true) {
  return useQuery({
    queryKey: newsKeys.comments(articleId),
    queryFn: ({ signal }) => listComments(articleId, signal),
    enabled,
    staleTime: 60_000,
  });
}

/** Filters of a cached list query key (`['news','list', filters]`). */
export const filtersOfKey = (key: readonly unknown[]): NewsFilters => (key[2] ?? {}) as NewsFilters;

/**
 * Applies a change of one article to every cached list (re-placed by order and filters: a read
 * article leaves "unread only") and to the detail entry.
 */
export function patchArticle(
  qc: QueryClient,
  id: string,
  patch: (a: NewsSummaryDTO) => NewsSummaryDTO,
): void {
  for (const [key, data] of qc.getQueriesData<NewsPages>({ queryKey: newsKeys.lists() })) {
    const current = findInPages(data, id);
    if (!data || !current) continue;
    qc.setQueryData<NewsPages>(key, upsertInPages(data, patch(current), filtersOfKey(key)));
  }
  qc.setQueryData<NewsArticleDTO>(newsKeys.detail(id), (old) =>
    old ? { ...old, ...patch(old) } : old,
  );
}

/** Marks the article read on the server once per page view; lists drop the "new" badge. */
export function useMarkRead() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => markArticleRead(id),
    onSuccess: (_r, id) =>
      patchArticle(qc, id, (a) =>
        a.viewer.read ? a : { ...a, viewer: { ...a.viewer, read: true } },
      ),
  });
}

export function useAcknowledge(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => acknowledgeArticle(id),
    onSuccess: (res) => {
      const at = res?.data?.at ?? res?.data?.acknowledgedAt ?? new Date().toISOString();
      patchArticle(qc, id, (a) => ({ ...a, viewer: { ...a.viewer, acknowledgedAt: at } }));
    },
  });
}

/** Totals after switching the viewer's reaction from `from` to `to` (optimistic). */
export function shiftReaction(
  totals: Partial<Record<NewsReaction, number>>,
  from: NewsReaction | null,
  to: NewsReaction | null,
): Partial<Record<NewsReaction, number>> {
  const next = { ...totals };
  if (from) next[from] = Math.max(0, (next[from] ?? 0) - 1);
  if (to) next[to] = (next[to] ?? 0) + 1;
  return next;
}

/** Toggles the viewer's reaction: pressing the current one removes it. */
export function useReact(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ to }: { from: NewsReaction | null; to: NewsReaction | null }) =>
      to ? setReaction(id, to) : clearReaction(id),
    onMutate: ({ from, to }) =>
      patchArticle(qc, id, (a) => ({
        ...a,
        reactions: shiftReaction(a.reactions, from, to),
        viewer: { ...a.viewer, reaction: to },
      })),
    onSuccess: (res) => {
      const totals = res?.data?.reactions;
      if (totals) patchArticle(qc, id, (a) => ({ ...a, reactions: totals }));
    },
    onError: () => qc.invalidateQueries({ queryKey: newsKeys.detail(id) }),
  });
}

/** Stores a comment (or its new state) and the count it implies. */
export function applyComment(
  qc: QueryClient,
  articleId: string,
  comment: NewsCommentDTO,
  commentCount?: number,
): void {
  qc.setQueryData<NewsCommentDTO[]>(newsKeys.comments(articleId), (old) =>
    upsertComment(old, comment),
  );
  if (commentCount !== undefined)
    patchArticle(qc, articleId, (a) =>
      a.commentCount === commentCount ? a : { ...a, commentCount },
    );
}

export function useAddComment(articleId: string) {
  const qc = useQueryClient();
  return useMutation({
    // The id is made once per submitted text, so a retry after a lost answer is stored once.
    mutationFn: (input: { id?: string; body: string; parentId: string | null }) =>
      addComment(articleId, { ...input, id: input.id ?? newObjectId() }),
    onSuccess: (comment) => {
      const known = qc
        .getQueryData<NewsCommentDTO[]>(newsKeys.comments(articleId))
        ?.some((c) => c.id === comment.id);
      applyComment(qc, articleId, comment);
      if (!known) patchArticle(qc, articleId, (a) => ({ ...a, commentCount: a.commentCount + 1 }));
    },
  });
}

export function useUpdateComment(articleId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { commentId: string; body?: string; hidden?: boolean }) =>
      updateComment(articleId, v.commentId, { body: v.body, hidden: v.hidden }),
    onSuccess: (comment) => applyComment(qc, articleId, comment),
  });
}

export function useDeleteComment(articleId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (commentId: string) => deleteComment(articleId, commentId),
    onSuccess: (comment) => {
      if (comment) applyComment(qc, articleId, comment);
      else void qc.invalidateQueries({ queryKey: newsKeys.comments(articleId) });
    },
  });
}
