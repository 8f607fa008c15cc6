import {
  useInfiniteQuery,
  useMutation,
  useQueryClient,
  type QueryClient,
} from '@tanstack/react-query';
import type { CreatePersonInput, UpdatePersonInput } from '@shared/people/schemas';
import type { CreateLocationInput, CreateUnitInput, UpdateUnitInput } from '@shared/org/schemas';
import type { LocationDTO } from '@shared/org/types';
import { orgKeys, patchPerson, peopleKeys } from '../people/queries';
import {
  createLocation,
  createPerson,
  createUnit,
  deleteUnit,
  listAudit,
  resetPassword,
  updateLocation,
  updatePerson,
  updateUnit,
  type AuditFilters,
} from './api';

export const adminKeys = {
  all: ['admin'] as const,
  audits: () => [...adminKeys.all, 'audit'] as const,
  audit: (f: AuditFilters) =>
    [
      ...adminKeys.audits(),
      { action: f.action || undefined, actorId: f.actorId || undefined },
    ] as const,
};

export function useAuditLog(filters: AuditFilters) {
  return useInfiniteQuery({
    queryKey: adminKeys.audit(filters),
    queryFn: ({ pageParam, signal }) => listAudit(filters, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/** People lists and the unit list's member counts change with every person write. */
function afterPersonWrite(qc: QueryClient) {
  void qc.invalidateQueries({ queryKey: peopleKeys.lists() });
  void qc.invalidateQueries({ queryKey: orgKeys.units() });
  void qc.invalidateQueries({ queryKey: adminKeys.audits() });
}

export function useCreatePerson() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: CreatePersonInput) => createPerson(input),
    onSuccess: ({ person }) => {
      qc.setQueryData(peopleKeys.detail(person.id), person);
      afterPersonWrite(qc);
    },
  });
}

export function useUpdatePerson(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: UpdatePersonInput) => updatePerson(id, input),
    onSuccess: (person) => {
      patchPerson(qc, person);
      afterPersonWrite(qc);
    },
  });
}

export function useResetPassword(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => resetPassword(id),
    onSuccess: () => void qc.invalidateQueries({ queryKey: adminKeys.audits() }),
  });
}

/** Moving or renaming a unit changes paths, leaders and people's unit names: refetch broadly. */
function afterUnitWrite(qc: QueryClient) {
  void qc.invalidateQueries({ queryKey: orgKeys.units() });
  void qc.invalidateQueries({ queryKey: peopleKeys.all });
  void qc.invalidateQueries({ queryKey: adminKeys.audits() });
}

export function useCreateUnit() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateUnitInput) => createUnit(input),
    onSuccess: () => afterUnitWrite(qc),
  });
}

export function useUpdateUnit() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id: string; input: UpdateUnitInput }) => updateUnit(id, input),
    onSuccess: () => afterUnitWrite(qc),
  });
}

export function useDeleteUnit() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => deleteUnit(id),
    onSuccess: () => afterUnitWrite(qc),
  });
}

function patchLocation(qc: QueryClient, loc: LocationDTO) {
  qc.setQueryData<LocationDTO[]>(orgKeys.locations(), (old) => {
    if (!old) return old;
    const exists = old.some((l) => l.id === loc.id);
    const next = exists ? old.map((l) => (l.id === loc.id ? loc : l)) : [...old, loc];
    return next.sort((a, b) => a.name.localeCompare(b.name, 'de'));
  });
}

export function useCreateLocation() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateLocationInput) => createLocation(input),
    onSuccess: (loc) => {
      patchLocation(qc, loc);
      void qc.invalidateQueries({ queryKey: orgKeys.locations() });
    },
  });
}

export function useUpdateLocation() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id: string; input: Partial<CreateLocationInput> }) =>
      updateLocation(id, input),
    onSuccess: (loc) => {
      patchLocation(qc, loc);
      void qc.invalidateQueries({ queryKey: peopleKeys.all });
    },
  });
}
