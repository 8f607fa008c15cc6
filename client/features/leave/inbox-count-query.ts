import { queryOptions } from '@tanstack/react-query';
import type { ApiData } from '@shared/http/errors';
import type { LeaveInboxDTO } from '@shared/leave/types';
import { api } from '../../lib/api';
import { leaveKeys } from './keys';

/**
 * How many requests wait for my decision (nav badge, start page). Its own tiny module: the
 * navigation is in the first bundle and must not pull in the leave feature.
 */
export const inboxCountQuery = () =>
  queryOptions({
    queryKey: leaveKeys.inboxCount(),
    queryFn: ({ signal }) =>
      api<ApiData<LeaveInboxDTO>>('/api/leave/inbox', { signal }).then((r) => r.data.count),
    // `leave:inbox` keeps it current; refetched after a lost connection.
    staleTime: Infinity,
  });
