import type { RouteObject } from 'react-router';

/** "My apps", the app catalogue and the start page's default layouts (admin pages check abilities). */
export const appsRoutes: RouteObject[] = [
  {
    path: 'apps',
    lazy: async () => ({ Component: (await import('./AppsPage')).AppsPage }),
  },
  {
    path: 'admin/apps',
    lazy: async () => ({ Component: (await import('./admin/AppsAdminPage')).AppsAdminPage }),
  },
  {
    path: 'admin/home-layouts',
    lazy: async () => ({
      Component: (await import('../home/admin/DefaultLayoutsPage')).DefaultLayoutsPage,
    }),
  },
];
