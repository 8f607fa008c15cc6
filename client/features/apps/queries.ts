import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ApiData } from '@shared/http/errors';
import type { AppDTO } from '@shared/apps/types';
import type { AppInput, AppPatch } from '@shared/apps/schemas';
import type { HomeBoardDTO } from '@shared/home/types';
import { api } from '../../lib/api';

export const appsKeys = {
  all: ['apps'] as const,
  /** `GET /api/apps`: what I can see, pinned first in my order. */
  mine: () => [...appsKeys.all, 'mine'] as const,
  catalogue: () => [...appsKeys.all, 'catalogue'] as const,
};

// Not imported from the home feature: its query module pulls the board into this chunk.
const boardKey = ['home', 'board'] as const;

export const useMyApps = () =>
  useQuery({
    queryKey: appsKeys.mine(),
    queryFn: ({ signal }) => api<ApiData<AppDTO[]>>('/api/apps', { signal }).then((r) => r.data),
  });

/** Saves the pinned apps in order; the list and the start page's widget follow at once. */
export function useSavePins() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (appIds: string[]) =>
      api<ApiData<AppDTO[]>>('/api/apps/pins', { method: 'PUT', body: { appIds } }).then(
        (r) => r.data,
      ),
    onMutate: (appIds) => {
      const previous = qc.getQueryData<AppDTO[]>(appsKeys.mine());
      if (previous) qc.setQueryData(appsKeys.mine(), arrange(previous, appIds));
      return { previous };
    },
    onSuccess: (apps) => {
      qc.setQueryData(appsKeys.mine(), apps);
      qc.setQueryData<HomeBoardDTO>(boardKey, (old) =>
        old ? { ...old, data: { ...old.data, apps: apps.filter((a) => a.pinned) } } : old,
      );
    },
    onError: (_e, _v, ctx) => {
      if (ctx?.previous) qc.setQueryData(appsKeys.mine(), ctx.previous);
      void qc.invalidateQueries({ queryKey: appsKeys.mine() });
    },
  });
}

/** The list as the server will return it: the pinned ids first in order, then the rest by name. */
export function arrange(apps: AppDTO[], pinnedIds: string[]): AppDTO[] {
  const byId = new Map(apps.map((a) => [a.id, a]));
  const pinned = pinnedIds.flatMap((id) => {
    const a = byId.get(id);
    return a ? [{ ...a, pinned: true }] : [];
  });
  const set = new Set(pinnedIds);
  const rest = apps
    .filter((a) => !set.has(a.id))
    .map((a) => ({ ...a, pinned: false }))
    .sort((x, y) => x.name.de.localeCompare(y.name.de, 'de'));
  return [...pinned, ...rest];
}

// ---- catalogue (admins) ----

export const useCatalogue = () =>
  useQuery({
    queryKey: appsKeys.catalogue(),
    queryFn: ({ signal }) =>
      api<ApiData<AppDTO[]>>('/api/apps/catalogue', { signal }).then((r) => r.data),
  });

function useCatalogueMutation<V>(fn: (v: V) => Promise<unknown>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: appsKeys.all });
      void qc.invalidateQueries({ queryKey: boardKey });
    },
  });
}

export const useCreateApp = () =>
  useCatalogueMutation((input: AppInput) =>
    api('/api/apps', { method: 'POST', body: { ...input } }),
  );
export const useUpdateApp = () =>
  useCatalogueMutation(({ id, patch }: { id: string; patch: AppPatch }) =>
    api(`/api/apps/${id}`, { method: 'PATCH', body: { ...patch } }),
  );
export const useDeleteApp = () =>
  useCatalogueMutation((id: string) => api(`/api/apps/${id}`, { method: 'DELETE' }));
