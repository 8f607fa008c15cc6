import { api } from '../../lib/api';
import type { ApiData, ApiPage } from '@shared/http/errors';
import type { PersonDTO } from '@shared/people/types';
import type { CreatePersonInput, UpdatePersonInput } from '@shared/people/schemas';
import type { CreateLocationInput, CreateUnitInput, UpdateUnitInput } from '@shared/org/schemas';
import type { LocationDTO, UnitDTO } from '@shared/org/types';
import type { AuditEntryDTO } from '@shared/audit/types';

/** The created person and, when the server generated one, the one-time initial password. */
export interface CreatedPerson {
  person: PersonDTO;
  initialPassword: string | null;
}

type MaybeWithPassword = { initialPassword?: string; person?: PersonDTO } & Partial<PersonDTO>;

/** The server may return the password beside or inside `data`; accept both shapes. */
function unwrapCreated(
  res: ApiData<MaybeWithPassword> & { initialPassword?: string },
): CreatedPerson {
  const { initialPassword, person, ...rest } = res.data;
  return {
    person: person ?? (rest as PersonDTO),
    initialPassword: res.initialPassword ?? initialPassword ?? null,
  };
}

export async function createPerson(input: CreatePersonInput): Promise<CreatedPerson> {
  const res = await api<ApiData<MaybeWithPassword> & { initialPassword?: string }>('/api/people', {
    method: 'POST',
    body: { ...input },
  });
  return unwrapCreated(res);
}

export async function updatePerson(id: string, input: UpdatePersonInput): Promise<PersonDTO> {
  return (
    await api<ApiData<PersonDTO>>(`/api/people/${encodeURIComponent(id)}`, {
      method: 'PATCH',
      body: { ...input },
    })
  ).data;
}

/** Resets the password; returns the new one-time password when the server generated it. */
export async function resetPassword(id: string): Promise<string | null> {
  const res = await api<ApiData<Record<string, unknown>> | undefined>(
    `/api/people/${encodeURIComponent(id)}/password`,
    { method: 'POST', body: {} },
  );
  const data = res?.data ?? {};
  const pw = data.initialPassword ?? data.password ?? data.temporaryPassword;
  return typeof pw === 'string' ? pw : null;
}

export async function createUnit(input: CreateUnitInput): Promise<UnitDTO> {
  return (await api<ApiData<UnitDTO>>('/api/units', { method: 'POST', body: { ...input } })).data;
}

export async function updateUnit(id: string, input: UpdateUnitInput): Promise<UnitDTO> {
  return (
    await api<ApiData<UnitDTO>>(`/api/units/${encodeURIComponent(id)}`, {
      method: 'PATCH',
      body: { ...input },
    })
  ).data;
}

export async function deleteUnit(id: string): Promise<void> {
  await api<unknown>(`/api/units/${encodeURIComponent(id)}`, { method: 'DELETE' });
}

export async function createLocation(input: CreateLocationInput): Promise<LocationDTO> {
  return (await api<ApiData<LocationDTO>>('/api/locations', { method: 'POST', body: { ...input } }))
    .data;
}

export async function updateLocation(
  id: string,
  input: Partial<CreateLocationInput>,
): Promise<LocationDTO> {
  return (
    await api<ApiData<LocationDTO>>(`/api/locations/${encodeURIComponent(id)}`, {
      method: 'PATCH',
      body: { ...input },
    })
  ).data;
}

export interface AuditFilters {
  action?: string;
  actorId?: string;
  outcome?: 'success' | 'failure' | 'denied';
}

export function listAudit(
  filters: AuditFilters,
  cursor?: string | null,
  signal?: AbortSignal,
): Promise<ApiPage<AuditEntryDTO>> {
  return api<ApiPage<AuditEntryDTO>>('/api/audit', {
    query: {
      action: filters.action,
      actorId: filters.actorId,
      outcome: filters.outcome,
      cursor: cursor ?? undefined,
    },
    signal,
  });
}
