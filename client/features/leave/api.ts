import { api } from '../../lib/api';
import type { ApiData } from '@shared/http/errors';
import type { PersonRef } from '@shared/people/types';
import type {
  LeaveBalanceDTO,
  LeaveInboxDTO,
  LeavePreviewDTO,
  LeaveRequestDTO,
  LeaveRequestDetailDTO,
  LeaveTypeDTO,
  TeamCalendarDTO,
} from '@shared/leave/types';

/** REST calls of the leave card (`/api/leave`), unwrapped from `{ data }`. HR calls: `hr-api.ts`. */
export const leaveBase = '/api/leave';
const req = (id: string) => `${leaveBase}/requests/${encodeURIComponent(id)}`;
const data = <T>(p: Promise<ApiData<T>>) => p.then((r) => r.data);

/** The form's fields as the API takes them (create adds the client id, edit the `rev`). */
export interface LeaveRequestFields {
  typeId: string;
  from: string;
  to: string;
  halfStart: boolean;
  halfEnd: boolean;
  comment: string;
  deputyId: string | null;
}

export interface LeavePreviewParams {
  typeId: string;
  from: string;
  to: string;
  halfStart: boolean;
  halfEnd: boolean;
  excludeId?: string;
}

export interface CalendarParams {
  month: string;
  unitId?: string;
  subtree?: boolean;
}

export interface CalendarUnitDTO {
  id: string;
  name: string;
  subtree: boolean;
}

export interface DelegationDTO {
  until: string | null;
  deputy?: PersonRef | null;
}

export interface BulkDecisionResult {
  id: string;
  ok: boolean;
  code?: string;
  request?: LeaveRequestDTO;
}

// --- Employee ---

export const getLeaveTypes = (signal?: AbortSignal) =>
  data(api<ApiData<LeaveTypeDTO[]>>(`${leaveBase}/types`, { signal }));

export const getBalance = (year: number, signal?: AbortSignal) =>
  data(api<ApiData<LeaveBalanceDTO>>(`${leaveBase}/balance`, { signal, query: { year } }));

export const getPreview = (p: LeavePreviewParams, signal?: AbortSignal) =>
  data(
    api<ApiData<LeavePreviewDTO>>(`${leaveBase}/preview`, {
      signal,
      query: {
        typeId: p.typeId,
        from: p.from,
        to: p.to,
        halfStart: p.halfStart,
        halfEnd: p.halfEnd,
        excludeId: p.excludeId,
      },
    }),
  );

export const listMyRequests = (year: number, signal?: AbortSignal) =>
  data(api<ApiData<LeaveRequestDTO[]>>(`${leaveBase}/requests`, { signal, query: { year } }));

export const createRequest = (input: LeaveRequestFields & { id: string }) =>
  data(
    api<ApiData<LeaveRequestDetailDTO>>(`${leaveBase}/requests`, {
      method: 'POST',
      body: { ...input },
    }),
  );

export const getRequest = (id: string, signal?: AbortSignal) =>
  data(api<ApiData<LeaveRequestDetailDTO>>(req(id), { signal }));

export const updateRequest = (id: string, input: LeaveRequestFields & { rev: number }) =>
  data(api<ApiData<LeaveRequestDetailDTO>>(req(id), { method: 'PATCH', body: { ...input } }));

export const withdrawRequest = (id: string) =>
  data(api<ApiData<LeaveRequestDetailDTO>>(`${req(id)}/withdraw`, { method: 'POST', body: {} }));

/** Without `from`: cancel the whole leave (before it starts). With `from`: first day back. */
export const cancelRequest = (id: string, input: { from?: string; comment: string }) =>
  data(
    api<ApiData<LeaveRequestDetailDTO>>(`${req(id)}/cancel`, {
      method: 'POST',
      body: input.from ? { from: input.from, comment: input.comment } : { comment: input.comment },
    }),
  );

// --- Deciders ---

export const getInbox = (signal?: AbortSignal) =>
  data(api<ApiData<LeaveInboxDTO>>(`${leaveBase}/inbox`, { signal }));

export const decideRequest = (
  id: string,
  input: { decision: 'approve' | 'reject'; comment: string },
) =>
  data(
    api<ApiData<LeaveRequestDetailDTO>>(`${req(id)}/decision`, {
      method: 'POST',
      body: { ...input },
    }),
  );

export const decideMany = (input: {
  ids: string[];
  decision: 'approve' | 'reject';
  comment: string;
}) =>
  data(
    api<ApiData<BulkDecisionResult[]>>(`${leaveBase}/decisions`, {
      method: 'POST',
      body: { ...input },
    }),
  );

export const getDelegation = (signal?: AbortSignal) =>
  data(api<ApiData<DelegationDTO>>(`${leaveBase}/delegation`, { signal }));

export const putDelegation = (until: string | null) =>
  data(api<ApiData<DelegationDTO>>(`${leaveBase}/delegation`, { method: 'PUT', body: { until } }));

export const getPersonBalance = (personId: string, year: number, signal?: AbortSignal) =>
  data(
    api<ApiData<LeaveBalanceDTO>>(`${leaveBase}/people/${encodeURIComponent(personId)}/balance`, {
      signal,
      query: { year },
    }),
  );

// --- Calendar ---

export const getCalendar = (p: CalendarParams, signal?: AbortSignal) =>
  data(
    api<ApiData<TeamCalendarDTO>>(`${leaveBase}/calendar`, {
      signal,
      query: { month: p.month, unitId: p.unitId, subtree: p.subtree ? 'true' : undefined },
    }),
  );

export const getCalendarUnits = (signal?: AbortSignal) =>
  data(api<ApiData<CalendarUnitDTO[]>>(`${leaveBase}/calendar/units`, { signal }));

export const getIcsUrl = (signal?: AbortSignal) =>
  data(api<ApiData<{ url: string }>>(`${leaveBase}/ics`, { signal }));

export const renewIcsUrl = () =>
  data(api<ApiData<{ url: string }>>(`${leaveBase}/ics`, { method: 'POST', body: {} }));
