import { api } from '../../lib/api';
import type { ApiData, ApiPage } from '@shared/http/errors';
import type { PersonDTO, PersonRef } from '@shared/people/types';
import type { UpdateOwnProfileInput } from '@shared/people/schemas';
import type { Role } from '@shared/people/roles';
import type { LocationDTO, UnitDTO } from '@shared/org/types';

/** Directory filters as the client keeps them (URL search params map 1:1 onto these). */
export interface DirectoryFilters {
  q?: string;
  unitId?: string;
  includeSubunits?: boolean;
  locationId?: string;
  role?: Role;
  active?: 'true' | 'false' | 'all';
  limit?: number;
}

/** Removes empty values so equal filters give equal query keys. */
export function normaliseFilters(f: DirectoryFilters): DirectoryFilters {
  const out: DirectoryFilters = {};
  const q = f.q?.trim();
  if (q) out.q = q;
  if (f.unitId) out.unitId = f.unitId;
  if (f.unitId && f.includeSubunits) out.includeSubunits = true;
  if (f.locationId) out.locationId = f.locationId;
  if (f.role) out.role = f.role;
  if (f.active) out.active = f.active;
  if (f.limit) out.limit = f.limit;
  return out;
}

export function listPeople(
  filters: DirectoryFilters,
  cursor?: string | null,
  signal?: AbortSignal,
): Promise<ApiPage<PersonDTO>> {
  const f = normaliseFilters(filters);
  return api<ApiPage<PersonDTO>>('/api/people', {
    query: {
      q: f.q,
      unitId: f.unitId,
      includeSubunits: f.includeSubunits ? 'true' : undefined,
      locationId: f.locationId,
      role: f.role,
      active: f.active,
      limit: f.limit,
      cursor: cursor ?? undefined,
    },
    signal,
  });
}

export async function getPerson(id: string, signal?: AbortSignal): Promise<PersonDTO> {
  return (await api<ApiData<PersonDTO>>(`/api/people/${encodeURIComponent(id)}`, { signal })).data;
}

export async function updateOwnProfile(input: UpdateOwnProfileInput): Promise<PersonDTO> {
  return (await api<ApiData<PersonDTO>>('/api/me/profile', { method: 'PATCH', body: { ...input } }))
    .data;
}

export async function listUnits(signal?: AbortSignal): Promise<UnitDTO[]> {
  return (await api<ApiData<UnitDTO[]>>('/api/units', { signal })).data;
}

export async function listLocations(signal?: AbortSignal): Promise<LocationDTO[]> {
  return (await api<ApiData<LocationDTO[]>>('/api/locations', { signal })).data;
}

/** A small person reference for pickers, built from a directory hit. */
export function toRef(p: PersonDTO | PersonRef): PersonRef {
  return {
    id: p.id,
    displayName: p.displayName,
    position: p.position,
    unitId: p.unitId,
    initials: p.initials,
    photoUrl: p.photoUrl,
  };
}
