import {
  queryOptions,
  useMutation,
  useQuery,
  useQueryClient,
  useSuspenseQuery,
} from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import type { AuthConfigDTO, LoginInput } from '@shared/auth/schemas';
import type { MeDTO } from '@shared/people/types';
import type { Settings, UpdateSettingsInput } from '@shared/people/schemas';
import { api, resetCsrf } from '../../lib/api';
import { disconnectSocket } from '../../lib/socket';

export const authKeys = {
  all: ['auth'] as const,
  me: () => [...authKeys.all, 'me'] as const,
  config: () => [...authKeys.all, 'config'] as const,
};

export const meQueryOptions = () =>
  queryOptions({
    queryKey: authKeys.me(),
    queryFn: ({ signal }) => api<{ data: MeDTO }>('/api/me', { signal }).then((r) => r.data),
    staleTime: 5 * 60_000,
  });

/**
 * The signed-in person. Use inside the authenticated layout: its loader has already loaded
 * `/api/me`, so this never suspends there.
 */
export function useMe(): MeDTO {
  return useSuspenseQuery(meQueryOptions()).data;
}

/** The signed-in person or undefined (for places outside the authenticated layout). */
export function useMaybeMe() {
  return useQuery({ ...meQueryOptions(), retry: false });
}

export function useAuthConfig() {
  return useQuery({
    queryKey: authKeys.config(),
    queryFn: ({ signal }) =>
      api<{ data: AuthConfigDTO }>('/api/auth/config', { signal }).then((r) => r.data),
    staleTime: Infinity,
  });
}

export function useLogin() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: LoginInput) =>
      api<{ data: { id: string; csrfToken: string } }>('/api/auth/login', {
        method: 'POST',
        body: { ...input },
      }),
    onSuccess: async ({ data }) => {
      // The session id rotates at login; the server hands out the new token.
      resetCsrf(data.csrfToken);
      qc.removeQueries();
      await qc.fetchQuery(meQueryOptions());
    },
  });
}

/** Ends the session on the server, then forgets everything cached for this person. */
export function useLogout() {
  const qc = useQueryClient();
  const navigate = useNavigate();
  return useMutation({
    mutationFn: () => api<void>('/api/auth/logout', { method: 'POST' }),
    onSettled: async () => {
      disconnectSocket();
      resetCsrf();
      await navigate('/login', { replace: true });
      qc.clear();
    },
  });
}

const settingsMutationKey = ['settings', 'update'] as const;

/** Saves settings; the cached `me` changes first so the UI applies them at once. */
export function useUpdateSettings() {
  const qc = useQueryClient();
  return useMutation({
    mutationKey: settingsMutationKey,
    mutationFn: (input: UpdateSettingsInput) =>
      api<{ data: MeDTO }>('/api/me/settings', { method: 'PATCH', body: { ...input } }),
    onMutate: async (input) => {
      await qc.cancelQueries({ queryKey: authKeys.me() });
      const previous = qc.getQueryData<MeDTO>(authKeys.me());
      if (previous) {
        const settings: Settings = { ...previous.settings, ...input };
        qc.setQueryData<MeDTO>(authKeys.me(), { ...previous, settings });
      }
      return { previous };
    },
    onSuccess: ({ data }) => {
      // Only the last of several quick changes may overwrite the optimistic state.
      if (qc.isMutating({ mutationKey: settingsMutationKey }) <= 1)
        qc.setQueryData(authKeys.me(), data);
    },
    onError: (_err, _input, context) => {
      if (context?.previous) qc.setQueryData(authKeys.me(), context.previous);
    },
  });
}
