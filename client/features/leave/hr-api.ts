import { api } from '../../lib/api';
import type { ApiData, ApiPage } from '@shared/http/errors';
import type { EntitlementInput, LeaveSettings, LeaveTypeInput } from '@shared/leave/schemas';
import type {
  CarryOverRunDTO,
  EntitlementImportResultDTO,
  LeaveBalanceDTO,
  LeaveEntitlementRowDTO,
  LeaveReportRowDTO,
  LeaveSettingsDTO,
  LeaveTypeDTO,
} from '@shared/leave/types';
import { leaveBase } from './api';

/** REST calls of HR (`/api/leave`: settings, types, entitlements, import, carry-over, reports). */
const data = <T>(p: Promise<ApiData<T>>) => p.then((r) => r.data);

export interface EntitlementListParams {
  year: number;
  q?: string;
  unitId?: string;
}

export const getSettings = (signal?: AbortSignal) =>
  data(api<ApiData<LeaveSettingsDTO>>(`${leaveBase}/settings`, { signal }));

export const putSettings = (input: LeaveSettings) =>
  data(
    api<ApiData<LeaveSettingsDTO>>(`${leaveBase}/settings`, { method: 'PUT', body: { ...input } }),
  );

export const createLeaveType = (input: LeaveTypeInput) =>
  data(api<ApiData<LeaveTypeDTO>>(`${leaveBase}/types`, { method: 'POST', body: { ...input } }));

export const updateLeaveType = (id: string, input: Partial<LeaveTypeInput>) =>
  data(
    api<ApiData<LeaveTypeDTO>>(`${leaveBase}/types/${encodeURIComponent(id)}`, {
      method: 'PATCH',
      body: { ...input },
    }),
  );

export const listEntitlements = (
  p: EntitlementListParams,
  cursor?: string | null,
  signal?: AbortSignal,
) =>
  api<ApiPage<LeaveEntitlementRowDTO>>(`${leaveBase}/entitlements`, {
    signal,
    query: { year: p.year, q: p.q, unitId: p.unitId, cursor: cursor ?? undefined },
  });

export const putEntitlement = (personId: string, year: number, input: EntitlementInput) =>
  data(
    api<ApiData<LeaveBalanceDTO>>(
      `${leaveBase}/people/${encodeURIComponent(personId)}/entitlement`,
      {
        method: 'PUT',
        query: { year },
        body: { ...input, additional: input.additional.map((l) => ({ ...l })) },
      },
    ),
  );

export const importEntitlements = (input: { year: number; csv: string }) =>
  data(
    api<ApiData<EntitlementImportResultDTO>>(`${leaveBase}/entitlements/import`, {
      method: 'POST',
      body: { ...input },
    }),
  );

export const runCarryOver = (fromYear: number) =>
  data(
    api<ApiData<CarryOverRunDTO>>(`${leaveBase}/carry-over`, {
      method: 'POST',
      body: { fromYear },
    }),
  );

export const getReports = (p: { year: number; officeId?: string }, signal?: AbortSignal) =>
  data(
    api<ApiData<LeaveReportRowDTO[]>>(`${leaveBase}/reports`, {
      signal,
      query: { year: p.year, officeId: p.officeId },
    }),
  );

/** The CSV download is a plain link (the browser sends the session cookie). */
export const reportsCsvUrl = (year: number) => `${leaveBase}/reports.csv?year=${year}`;
