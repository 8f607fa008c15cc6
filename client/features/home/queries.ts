import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ApiData } from '@shared/http/errors';
import type { DefaultLayoutDTO, HomeBoardDTO } from '@shared/home/types';
import type { DefaultLayoutInput, DefaultLayoutPatch } from '@shared/home/schemas';
import type { WidgetPlacement } from '@shared/home/widgets';
import { api } from '../../lib/api';
import { rememberLayout } from './layout-memory';

export type BoardLayout = HomeBoardDTO['layout'];

export const homeKeys = {
  all: ['home'] as const,
  /** The board: layout + every widget's data (`GET /api/home`); realtime patches it. */
  board: () => [...homeKeys.all, 'board'] as const,
  defaults: () => [...homeKeys.all, 'defaults'] as const,
};

export const boardQuery = () =>
  queryOptions({
    queryKey: homeKeys.board(),
    queryFn: ({ signal }) =>
      api<ApiData<HomeBoardDTO>>('/api/home', { signal }).then((r) => r.data),
    // Kept current by the socket (news, apps, layout); refetched after a lost connection.
    staleTime: 60_000,
  });

export const useHomeBoard = () => useQuery(boardQuery());

/** One widget's slice of the board (the widgets read their data through this). */
export function useBoardData<K extends keyof HomeBoardDTO['data']>(key: K) {
  return useQuery({ ...boardQuery(), select: (b: HomeBoardDTO) => b.data[key] });
}

function setLayout(qc: ReturnType<typeof useQueryClient>, layout: BoardLayout) {
  qc.setQueryData<HomeBoardDTO>(homeKeys.board(), (old) => (old ? { ...old, layout } : old));
}

export function useSaveLayout(userId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: { widgets: WidgetPlacement[]; rev: number }) =>
      api<ApiData<BoardLayout>>('/api/home/layout', { method: 'PUT', body: { ...input } }).then(
        (r) => r.data,
      ),
    onSuccess: (layout) => {
      setLayout(qc, layout);
      rememberLayout(userId, layout.widgets);
    },
    // 409: another tab saved first; show its layout.
    onError: () => qc.invalidateQueries({ queryKey: homeKeys.board() }),
  });
}

export function useResetLayout(userId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () =>
      api<ApiData<BoardLayout>>('/api/home/layout', { method: 'DELETE' }).then((r) => r.data),
    onSuccess: (layout) => {
      setLayout(qc, layout);
      rememberLayout(userId, layout.widgets);
    },
  });
}

// ---- default layouts (admins) ----

export const useDefaultLayouts = () =>
  useQuery({
    queryKey: homeKeys.defaults(),
    queryFn: ({ signal }) =>
      api<ApiData<DefaultLayoutDTO[]>>('/api/home/defaults', { signal }).then((r) => r.data),
  });

function useDefaultsMutation<V>(fn: (v: V) => Promise<unknown>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: homeKeys.defaults() });
      // The admin's own board may follow a default.
      void qc.invalidateQueries({ queryKey: homeKeys.board() });
    },
  });
}

export const useCreateDefault = () =>
  useDefaultsMutation((input: DefaultLayoutInput) =>
    api('/api/home/defaults', { method: 'POST', body: { ...input } }),
  );
export const useUpdateDefault = () =>
  useDefaultsMutation(({ id, patch }: { id: string; patch: DefaultLayoutPatch }) =>
    api(`/api/home/defaults/${id}`, { method: 'PATCH', body: { ...patch } }),
  );
export const useDeleteDefault = () =>
  useDefaultsMutation((id: string) => api(`/api/home/defaults/${id}`, { method: 'DELETE' }));
