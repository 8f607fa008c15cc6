import {
  infiniteQueryOptions,
  queryOptions,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
  type QueryClient,
} from '@tanstack/react-query';
import type { NotificationDTO } from '@shared/notifications/types';
import type { ApiPage } from '@shared/http/errors';
import { api } from '../../lib/api';
import { markReadInList, markReadInPages, type NotificationPages } from './cache';

/** How many notifications the bell and the start page show. */
export const LATEST_LIMIT = 8;
export const PAGE_SIZE = 20;

export const notificationKeys = {
  all: ['notifications'] as const,
  unreadCount: () => [...notificationKeys.all, 'unread-count'] as const,
  latest: () => [...notificationKeys.all, 'latest'] as const,
  list: (unreadOnly: boolean) => [...notificationKeys.all, 'list', { unreadOnly }] as const,
};

export const unreadCountQuery = () =>
  queryOptions({
    queryKey: notificationKeys.unreadCount(),
    queryFn: ({ signal }) =>
      api<{ data: { count: number } }>('/api/notifications/unread-count', { signal }).then(
        (r) => r.data.count,
      ),
    // The socket keeps it current; refetch only when the connection was lost.
    staleTime: Infinity,
  });

export const latestQuery = () =>
  queryOptions({
    queryKey: notificationKeys.latest(),
    queryFn: ({ signal }) =>
      api<ApiPage<NotificationDTO>>('/api/notifications', {
        signal,
        query: { limit: LATEST_LIMIT },
      }).then((r) => r.data),
    staleTime: Infinity,
  });

export const listQuery = (unreadOnly: boolean) =>
  infiniteQueryOptions({
    queryKey: notificationKeys.list(unreadOnly),
    queryFn: ({ signal, pageParam }) =>
      api<ApiPage<NotificationDTO>>('/api/notifications', {
        signal,
        query: { limit: PAGE_SIZE, cursor: pageParam, unread: unreadOnly ? 'true' : undefined },
      }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    staleTime: Infinity,
  });

export const useUnreadCount = () => useQuery(unreadCountQuery());
export const useLatestNotifications = () => useQuery(latestQuery());
export const useNotificationList = (unreadOnly: boolean) => useInfiniteQuery(listQuery(unreadOnly));

/** Applies "these are read now" to every cached notification list. */
export function applyRead(qc: QueryClient, ids: string[] | 'all', at: string): void {
  qc.setQueryData<NotificationDTO[]>(notificationKeys.latest(), (old) =>
    markReadInList(old, ids, at),
  );
  for (const unreadOnly of [false, true]) {
    qc.setQueryData<NotificationPages>(notificationKeys.list(unreadOnly), (old) =>
      markReadInPages(old, ids, at),
    );
  }
}

function useReadMutation(path: (ids: string[] | 'all') => string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (ids: string[] | 'all') => api<unknown>(path(ids), { method: 'POST' }),
    onMutate: (ids) => {
      const previousCount = qc.getQueryData<number>(notificationKeys.unreadCount());
      applyRead(qc, ids, new Date().toISOString());
      if (previousCount !== undefined) {
        const next = ids === 'all' ? 0 : Math.max(0, previousCount - ids.length);
        qc.setQueryData(notificationKeys.unreadCount(), next);
      }
    },
    // The server's `notification:read` event brings the exact count; on failure ask again.
    onError: () => qc.invalidateQueries({ queryKey: notificationKeys.all }),
  });
}

export const useMarkRead = () =>
  useReadMutation((ids) => `/api/notifications/${ids === 'all' ? '' : ids[0]}/read`);
export const useMarkAllRead = () => useReadMutation(() => '/api/notifications/read-all');
