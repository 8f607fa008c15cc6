import type { ReactElement } from 'react';
import { render } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createMemoryRouter, RouterProvider, type RouteObject } from 'react-router';
import type { MeDTO } from '@shared/people/types';
import { defaultSettings } from '@shared/people/schemas';
import i18n, { i18nReady } from '../lib/i18n';
import { authKeys } from '../features/auth/queries';

export { i18n };

// Texts load asynchronously (lazy chunks); tests render with them in place.
await i18nReady;

export const testMe = (over: Partial<MeDTO> = {}): MeDTO => ({
  id: '64b000000000000000000001',
  username: 'employee',
  displayName: 'Erika Muster',
  initials: 'EM',
  email: 'employee@stuttgart.example',
  roles: ['employee'],
  isManager: false,
  unitId: null,
  settings: { ...defaultSettings },
  abilities: {
    admin: false,
    manageNews: false,
    manageRooms: false,
    manageHr: false,
    viewAudit: false,
  },
  ...over,
});

export function testQueryClient(me?: MeDTO): QueryClient {
  const qc = new QueryClient({
    defaultOptions: { queries: { retry: false, staleTime: Infinity } },
  });
  if (me) qc.setQueryData(authKeys.me(), me);
  return qc;
}

/** Renders routes in a memory router with a query client (optionally signed in as `me`). */
export function renderRoutes(
  routes: RouteObject[],
  { path = '/', qc = testQueryClient(testMe()) }: { path?: string; qc?: QueryClient } = {},
) {
  const router = createMemoryRouter(routes, { initialEntries: [path] });
  const utils = render(
    <QueryClientProvider client={qc}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
  return { ...utils, router, qc };
}

export function renderWithRouter(ui: ReactElement, opts: { path?: string; qc?: QueryClient } = {}) {
  return renderRoutes([{ path: '*', element: ui }], opts);
}
