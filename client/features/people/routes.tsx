import type { RouteObject } from 'react-router';

/** Routes of the people feature (directory, profile, org tree), mounted inside the app layout. */
export const peopleRoutes: RouteObject[] = [
  {
    path: 'people',
    lazy: async () => ({ Component: (await import('./pages/DirectoryPage')).DirectoryPage }),
  },
  {
    path: 'people/:id',
    lazy: async () => ({ Component: (await import('./pages/ProfilePage')).ProfilePage }),
  },
  {
    path: 'org',
    lazy: async () => ({ Component: (await import('./pages/OrgTreePage')).OrgTreePage }),
  },
  {
    path: 'org/:unitId',
    lazy: async () => ({ Component: (await import('./pages/UnitPage')).UnitPage }),
  },
];
