import type { RouteObject } from 'react-router';

/** Routes of the admin area, mounted inside the app layout. Each page checks `me.abilities`. */
export const adminRoutes: RouteObject[] = [
  {
    path: 'admin',
    lazy: async () => ({ Component: (await import('./pages/AdminHomePage')).AdminHomePage }),
  },
  {
    path: 'admin/people',
    lazy: async () => ({ Component: (await import('./pages/AdminPeoplePage')).AdminPeoplePage }),
  },
  {
    path: 'admin/people/:id',
    lazy: async () => ({ Component: (await import('./pages/AdminPersonPage')).AdminPersonPage }),
  },
  {
    path: 'admin/units',
    lazy: async () => ({ Component: (await import('./pages/AdminUnitsPage')).AdminUnitsPage }),
  },
  {
    path: 'admin/locations',
    lazy: async () => ({
      Component: (await import('./pages/AdminLocationsPage')).AdminLocationsPage,
    }),
  },
  {
    path: 'admin/audit',
    lazy: async () => ({ Component: (await import('./pages/AdminAuditPage')).AdminAuditPage }),
  },
];
