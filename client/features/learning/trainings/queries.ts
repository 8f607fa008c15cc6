import {
  infiniteQueryOptions,
  queryOptions,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
  type QueryClient,
} from '@tanstack/react-query';
import type { RegistrationDTO } from '@shared/learning/types';
import { learningKeys } from '../keys';
import {
  cancelRegistration,
  cancelSession,
  createSession,
  decideRegistration,
  getParticipants,
  listRegistrations,
  listSessions,
  registerForSession,
  updateSession,
  type SessionFields,
} from './api';

export const sessionsQuery = (courseId: string) =>
  queryOptions({
    queryKey: learningKeys.sessions(courseId),
    queryFn: ({ signal }) => listSessions(courseId, signal),
    staleTime: 30_000,
  });

export const participantsQuery = (sessionId: string) =>
  queryOptions({
    queryKey: learningKeys.participants(sessionId),
    queryFn: ({ signal }) => getParticipants(sessionId, signal),
    staleTime: 15_000,
  });

/**
 * The inbox page's two lists, paged ("Mehr laden"). Both hang under `learningKeys.decide()`, so
 * the `learning:registrations` invalidation and every decision refresh them too.
 */
export const inboxKeys = {
  list: (state: 'open' | 'decided') => [...learningKeys.decide(), state] as const,
};

export const inboxQuery = (state: 'open' | 'decided') =>
  infiniteQueryOptions({
    queryKey: inboxKeys.list(state),
    queryFn: ({ pageParam, signal }) =>
      listRegistrations('decide', { state, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    staleTime: 30_000,
  });

export const useInbox = (state: 'open' | 'decided', enabled = true) =>
  useInfiniteQuery({ ...inboxQuery(state), enabled });

export const myRegistrationsQuery = () =>
  queryOptions({
    queryKey: learningKeys.myRegistrations(),
    queryFn: ({ signal }) => listRegistrations('mine', {}, signal).then((r) => r.data),
    staleTime: 30_000,
  });

export const useSessions = (courseId: string) => useQuery(sessionsQuery(courseId));
export const useParticipants = (sessionId: string, enabled = true) =>
  useQuery({ ...participantsQuery(sessionId), enabled });
export const useMyRegistrations = () => useQuery(myRegistrationsQuery());

/** After a change of a registration: its course's sessions, my lists and the inbox are stale. */
export function afterRegistrationChange(
  qc: QueryClient,
  r: Pick<RegistrationDTO, 'courseId' | 'sessionId'>,
) {
  void qc.invalidateQueries({ queryKey: learningKeys.sessions(r.courseId) });
  void qc.invalidateQueries({ queryKey: learningKeys.session(r.sessionId) });
  void qc.invalidateQueries({ queryKey: learningKeys.mine() });
  void qc.invalidateQueries({ queryKey: learningKeys.decide() });
}

export function useRegister(courseId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { sessionId: string; clientId: string; note: string }) =>
      registerForSession(v.sessionId, { clientId: v.clientId, note: v.note }),
    onSuccess: (r) => afterRegistrationChange(qc, { courseId, sessionId: r.sessionId }),
  });
}

export function useCancelRegistration() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { id: string; rev: number; reason?: string }) =>
      cancelRegistration(v.id, v.rev, v.reason),
    onSuccess: (r) => afterRegistrationChange(qc, r),
  });
}

export function useDecide() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { id: string; rev: number; decision: 'approve' | 'reject'; reason: string }) =>
      decideRegistration(v.id, { rev: v.rev, decision: v.decision, reason: v.reason }),
    onSuccess: (r) => afterRegistrationChange(qc, r),
  });
}

function invalidateSessions(qc: QueryClient, courseId: string, sessionId?: string) {
  void qc.invalidateQueries({ queryKey: learningKeys.sessions(courseId) });
  if (sessionId) void qc.invalidateQueries({ queryKey: learningKeys.session(sessionId) });
  void qc.invalidateQueries({ queryKey: learningKeys.lists() });
}

export function useCreateSession(courseId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: SessionFields & { clientId: string }) => createSession(courseId, input),
    onSuccess: () => invalidateSessions(qc, courseId),
  });
}

export function useUpdateSession(courseId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { id: string; input: Partial<SessionFields> & { rev: number } }) =>
      updateSession(v.id, v.input),
    onSuccess: (s) => invalidateSessions(qc, courseId, s.id),
  });
}

export function useCancelSession(courseId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { id: string; rev: number; reason: string }) =>
      cancelSession(v.id, v.rev, v.reason),
    onSuccess: (s) => {
      invalidateSessions(qc, courseId, s.id);
      void qc.invalidateQueries({ queryKey: learningKeys.mine() });
    },
  });
}
