import type { RouteObject } from 'react-router';

/** Routes of the news feature, mounted inside the app layout (editor routes join this array). */
export const newsRoutes: RouteObject[] = [
  {
    path: 'news',
    lazy: async () => ({ Component: (await import('./pages/NewsListPage')).NewsListPage }),
  },
  {
    path: 'news/:id',
    lazy: async () => ({ Component: (await import('./pages/NewsArticlePage')).NewsArticlePage }),
  },
  // Editorial pages (static segments win over `news/:id`).
  {
    path: 'news/new',
    lazy: async () => ({ Component: (await import('./pages/NewsEditorPage')).NewsEditorPage }),
  },
  {
    path: 'news/manage',
    lazy: async () => ({ Component: (await import('./pages/NewsManagePage')).NewsManagePage }),
  },
  {
    path: 'news/channels',
    lazy: async () => ({
      Component: (await import('./pages/NewsChannelsPage')).NewsChannelsPage,
    }),
  },
  {
    path: 'news/:id/edit',
    lazy: async () => ({ Component: (await import('./pages/NewsEditorPage')).NewsEditorPage }),
  },
  {
    path: 'news/:id/dashboard',
    lazy: async () => ({
      Component: (await import('./pages/NewsDashboardPage')).NewsDashboardPage,
    }),
  },
];
