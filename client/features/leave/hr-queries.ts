import {
  queryOptions,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
  type QueryClient,
} from '@tanstack/react-query';
import type { EntitlementInput, LeaveSettings, LeaveTypeInput } from '@shared/leave/schemas';
import type { LeaveInboxDTO, LeaveTypeDTO } from '@shared/leave/types';
import {
  decideMany,
  decideRequest,
  getDelegation,
  getIcsUrl,
  getPersonBalance,
  putDelegation,
  renewIcsUrl,
} from './api';
import {
  createLeaveType,
  getReports,
  getSettings,
  importEntitlements,
  listEntitlements,
  putEntitlement,
  putSettings,
  runCarryOver,
  updateLeaveType,
  type EntitlementListParams,
} from './hr-api';
import { leaveKeys } from './keys';
import { upsertRequest } from './cache';
import { bulkOutcome, inboxAfterBulk } from './pages/ApprovalsBulk';

/** Queries and mutations of deciders (inbox, delegation), the calendar's ICS link and HR. */

// --- Deciders ---

export function useDecide() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { id: string; decision: 'approve' | 'reject'; comment: string }) =>
      decideRequest(v.id, { decision: v.decision, comment: v.comment }),
    onSuccess: (request) => {
      upsertRequest(qc, request);
      afterDecisions(qc);
    },
  });
}

export function useDecideMany() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (v: { ids: string[]; decision: 'approve' | 'reject'; comment: string }) =>
      bulkOutcome(v.ids, await decideMany(v)),
    onSuccess: (outcome) => {
      for (const r of outcome.updated) upsertRequest(qc, r);
      qc.setQueryData<LeaveInboxDTO>(leaveKeys.inbox(), (inbox) => inboxAfterBulk(inbox, outcome));
      afterDecisions(qc);
    },
  });
}

/** A decision changes the person's balance and the team calendars. */
function afterDecisions(qc: QueryClient) {
  void qc.invalidateQueries({ queryKey: [...leaveKeys.all, 'person-balance'] });
  void qc.invalidateQueries({ queryKey: leaveKeys.calendars() });
  void qc.invalidateQueries({ queryKey: leaveKeys.inboxCount() });
}

export const personBalanceQuery = (personId: string, year: number) =>
  queryOptions({
    queryKey: leaveKeys.personBalance(personId, year),
    queryFn: ({ signal }) => getPersonBalance(personId, year, signal),
    staleTime: 30_000,
    retry: false,
  });

export const delegationQuery = () =>
  queryOptions({
    queryKey: leaveKeys.delegation(),
    queryFn: ({ signal }) => getDelegation(signal),
    staleTime: 60_000,
    retry: false,
  });

export const useDelegation = (enabled: boolean) => useQuery({ ...delegationQuery(), enabled });

export function useSetDelegation() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (until: string | null) => putDelegation(until),
    onSuccess: (d) => qc.setQueryData(leaveKeys.delegation(), d),
  });
}

// --- ICS ---

export const useIcsUrl = (enabled: boolean) =>
  useQuery({
    queryKey: leaveKeys.ics(),
    queryFn: ({ signal }) => getIcsUrl(signal),
    enabled,
    staleTime: Infinity,
  });

export function useRenewIcsUrl() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: renewIcsUrl,
    onSuccess: (d) => qc.setQueryData(leaveKeys.ics(), d),
  });
}

// --- HR ---

export const hrSettingsQuery = () =>
  queryOptions({
    queryKey: leaveKeys.hr.settings(),
    queryFn: ({ signal }) => getSettings(signal),
    staleTime: 60_000,
  });

export function useSaveSettings() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: LeaveSettings) => putSettings(input),
    onSuccess: (s) => {
      qc.setQueryData(leaveKeys.hr.settings(), s);
      // Day counts (24.12./31.12.) and escalations depend on them.
      void qc.invalidateQueries({ queryKey: leaveKeys.calendars() });
      void qc.invalidateQueries({ queryKey: leaveKeys.balances() });
    },
  });
}

function patchType(qc: QueryClient, type: LeaveTypeDTO) {
  qc.setQueryData<LeaveTypeDTO[]>(leaveKeys.types(), (old) => {
    if (!old) return old;
    return old.some((t) => t.id === type.id)
      ? old.map((t) => (t.id === type.id ? type : t))
      : [...old, type];
  });
  void qc.invalidateQueries({ queryKey: leaveKeys.types() });
}

export function useCreateLeaveType() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: LeaveTypeInput) => createLeaveType(input),
    onSuccess: (t) => patchType(qc, t),
  });
}

export function useUpdateLeaveType() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { id: string; input: Partial<LeaveTypeInput> }) =>
      updateLeaveType(v.id, v.input),
    onSuccess: (t) => patchType(qc, t),
  });
}

export function useEntitlements(p: EntitlementListParams) {
  return useInfiniteQuery({
    queryKey: leaveKeys.hr.entitlements(p),
    queryFn: ({ pageParam, signal }) => listEntitlements(p, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useSaveEntitlement() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { personId: string; year: number; input: EntitlementInput }) =>
      putEntitlement(v.personId, v.year, v.input),
    onSuccess: (balance) => {
      qc.setQueryData(leaveKeys.personBalance(balance.personId, balance.year), balance);
      void qc.invalidateQueries({ queryKey: [...leaveKeys.hr.all(), 'entitlements'] });
    },
  });
}

export function useImportEntitlements() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: importEntitlements,
    onSuccess: () =>
      void qc.invalidateQueries({ queryKey: [...leaveKeys.hr.all(), 'entitlements'] }),
  });
}

export function useCarryOver() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: runCarryOver,
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: [...leaveKeys.hr.all(), 'entitlements'] });
      void qc.invalidateQueries({ queryKey: leaveKeys.balances() });
    },
  });
}

export const useReports = (p: { year: number; officeId?: string }) =>
  useQuery({
    queryKey: leaveKeys.hr.reports(p),
    queryFn: ({ signal }) => getReports(p, signal),
    staleTime: 60_000,
  });

export const useHrSettings = (enabled = true) => useQuery({ ...hrSettingsQuery(), enabled });
