import {
  keepPreviousData,
  queryOptions,
  useMutation,
  useQuery,
  useQueryClient,
  type QueryClient,
} from '@tanstack/react-query';
import type { LeaveRequestDetailDTO } from '@shared/leave/types';
import {
  cancelRequest,
  createRequest,
  decideRequest,
  getBalance,
  getCalendar,
  getCalendarUnits,
  getInbox,
  getLeaveTypes,
  getPreview,
  getRequest,
  listMyRequests,
  updateRequest,
  withdrawRequest,
  type CalendarParams,
  type LeavePreviewParams,
  type LeaveRequestFields,
} from './api';
import { leaveKeys } from './keys';
import { upsertRequest } from './cache';

export { inboxCountQuery } from './inbox-count-query';

export const leaveTypesQuery = () =>
  queryOptions({
    queryKey: leaveKeys.types(),
    queryFn: ({ signal }) => getLeaveTypes(signal),
    staleTime: 10 * 60_000,
  });

export const balanceQuery = (year: number) =>
  queryOptions({
    queryKey: leaveKeys.balance(year),
    queryFn: ({ signal }) => getBalance(year, signal),
    // `leave:balance` sets it; refetched after a lost connection.
    staleTime: 60_000,
  });

export const myRequestsQuery = (year: number) =>
  queryOptions({
    queryKey: leaveKeys.requests(year),
    queryFn: ({ signal }) => listMyRequests(year, signal),
    staleTime: 60_000,
  });

export const requestQuery = (id: string) =>
  queryOptions({
    queryKey: leaveKeys.request(id),
    queryFn: ({ signal }) => getRequest(id, signal),
    staleTime: 30_000,
  });

export const previewQuery = (p: LeavePreviewParams) =>
  queryOptions({
    queryKey: leaveKeys.preview(p),
    queryFn: ({ signal }) => getPreview(p, signal),
    staleTime: 15_000,
    retry: false,
  });

export const inboxQuery = () =>
  queryOptions({
    queryKey: leaveKeys.inbox(),
    queryFn: ({ signal }) => getInbox(signal),
    staleTime: 30_000,
  });

export const calendarQuery = (p: CalendarParams) =>
  queryOptions({
    queryKey: leaveKeys.calendar(p),
    queryFn: ({ signal }) => getCalendar(p, signal),
    staleTime: 60_000,
  });

export const calendarUnitsQuery = () =>
  queryOptions({
    queryKey: leaveKeys.calendarUnits(),
    queryFn: ({ signal }) => getCalendarUnits(signal),
    staleTime: 10 * 60_000,
  });

export const useLeaveTypes = () => useQuery(leaveTypesQuery());
export const useBalance = (year: number) => useQuery(balanceQuery(year));
export const useMyRequests = (year: number) => useQuery(myRequestsQuery(year));
export const useLeaveRequest = (id: string) => useQuery(requestQuery(id));

/** The live preview; `params` null while the form is incomplete. Keeps the last answer shown. */
export function usePreview(params: LeavePreviewParams | null) {
  return useQuery({
    ...previewQuery(params ?? { typeId: '', from: '', to: '', halfStart: false, halfEnd: false }),
    enabled: params !== null,
    placeholderData: keepPreviousData,
  });
}

/** After any own change: the answer goes into the caches; balances and previews are asked again. */
export function applyOwnChange(qc: QueryClient, request: LeaveRequestDetailDTO): void {
  upsertRequest(qc, request);
  void qc.invalidateQueries({ queryKey: leaveKeys.balances() });
  qc.removeQueries({ queryKey: leaveKeys.previews() });
}

export function useCreateRequest() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: LeaveRequestFields & { id: string }) => createRequest(input),
    onSuccess: (request) => applyOwnChange(qc, request),
  });
}

export function useUpdateRequest(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: LeaveRequestFields & { rev: number }) => updateRequest(id, input),
    onSuccess: (request) => applyOwnChange(qc, request),
  });
}

export function useWithdrawRequest(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => withdrawRequest(id),
    onSuccess: (request) => applyOwnChange(qc, request),
  });
}

export function useCancelRequest(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: { from?: string; comment: string }) => cancelRequest(id, input),
    onSuccess: (request) => applyOwnChange(qc, request),
  });
}

/** Approve or reject one request (detail page; the inbox's bulk flow lives with the approvals). */
export function useDecideRequest(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: { decision: 'approve' | 'reject'; comment: string }) =>
      decideRequest(id, input),
    onSuccess: (request) => {
      upsertRequest(qc, request);
      void qc.invalidateQueries({ queryKey: leaveKeys.inbox() });
      void qc.invalidateQueries({ queryKey: leaveKeys.inboxCount() });
    },
  });
}
