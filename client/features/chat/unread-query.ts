import { queryOptions } from '@tanstack/react-query';
import type { ApiData } from '@shared/http/errors';
import type { ChatUnreadSummaryDTO } from '@shared/chat/types';
import { api } from '../../lib/api';
import { chatKeys } from './keys';

/**
 * The unread summary (nav badge, start-page widget). Its own tiny module: the navigation is in
 * the first bundle and must not pull in the chat feature.
 */
export const unreadQuery = () =>
  queryOptions({
    queryKey: chatKeys.unread(),
    queryFn: ({ signal }) =>
      api<ApiData<ChatUnreadSummaryDTO>>('/api/conversations/unread', { signal }).then(
        (r) => r.data,
      ),
    // The socket keeps it current (`chat:message`, `chat:read`); refetched after a lost connection.
    staleTime: Infinity,
  });
