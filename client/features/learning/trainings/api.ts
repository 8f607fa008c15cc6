import { api } from '../../../lib/api';
import type { ApiData, ApiPage } from '@shared/http/errors';
import type { RegistrationDTO, SessionDTO } from '@shared/learning/types';
import type { RegistrationStatus } from '@shared/learning/schemas';

/** REST calls of training sessions and registrations (S3), unwrapped from `{ data }`. */
const base = '/api/learning';
const enc = encodeURIComponent;
const data = <T>(p: Promise<ApiData<T>>) => p.then((r) => r.data);

export interface SessionDay {
  date: string;
  start: string;
  end: string;
}

/** The session form's fields as the API takes them (create adds the client id, edit the rev). */
export interface SessionFields {
  days: SessionDay[];
  format: 'classroom' | 'online';
  place: string;
  onlineUrl: string | null;
  seats: number | null;
  trainerIds: string[];
  registrationUntil: string | null;
}

export type RegistrationScope = 'mine' | 'decide' | 'session';

export const listSessions = (courseId: string, signal?: AbortSignal) =>
  data(api<ApiData<SessionDTO[]>>(`${base}/courses/${enc(courseId)}/sessions`, { signal }));

export const createSession = (courseId: string, input: SessionFields & { clientId: string }) =>
  data(
    api<ApiData<SessionDTO>>(`${base}/courses/${enc(courseId)}/sessions`, {
      method: 'POST',
      body: { ...input },
    }),
  );

export const updateSession = (sessionId: string, input: Partial<SessionFields> & { rev: number }) =>
  data(
    api<ApiData<SessionDTO>>(`${base}/sessions/${enc(sessionId)}`, {
      method: 'PATCH',
      body: { ...input },
    }),
  );

export const cancelSession = (sessionId: string, rev: number, reason: string) =>
  data(
    api<ApiData<SessionDTO>>(`${base}/sessions/${enc(sessionId)}/cancel`, {
      method: 'POST',
      body: { rev, reason },
    }),
  );

export const getParticipants = (sessionId: string, signal?: AbortSignal) =>
  data(
    api<ApiData<RegistrationDTO[]>>(`${base}/sessions/${enc(sessionId)}/participants`, { signal }),
  );

export const registerForSession = (sessionId: string, input: { clientId: string; note: string }) =>
  data(
    api<ApiData<RegistrationDTO>>(`${base}/sessions/${enc(sessionId)}/registrations`, {
      method: 'POST',
      body: { ...input },
    }),
  );

export const listRegistrations = (
  scope: RegistrationScope,
  opts: {
    sessionId?: string;
    courseId?: string;
    status?: RegistrationStatus;
    /** scope=decide: waiting for me (default) or already decided. */
    state?: 'open' | 'decided';
    cursor?: string;
  } = {},
  signal?: AbortSignal,
) =>
  api<ApiPage<RegistrationDTO>>(`${base}/registrations`, {
    signal,
    query: {
      scope,
      state: opts.state,
      courseId: opts.courseId,
      sessionId: opts.sessionId,
      status: opts.status,
      cursor: opts.cursor,
      limit: 100,
    },
  });

export const getRegistration = (id: string, signal?: AbortSignal) =>
  data(api<ApiData<RegistrationDTO>>(`${base}/registrations/${enc(id)}`, { signal }));

export const decideRegistration = (
  id: string,
  input: { rev: number; decision: 'approve' | 'reject'; reason: string },
) =>
  data(
    api<ApiData<RegistrationDTO>>(`${base}/registrations/${enc(id)}/decision`, {
      method: 'POST',
      body: { ...input },
    }),
  );

export const cancelRegistration = (id: string, rev: number, reason = '') =>
  data(
    api<ApiData<RegistrationDTO>>(`${base}/registrations/${enc(id)}/cancel`, {
      method: 'POST',
      body: { rev, reason },
    }),
  );
