import type { RouteObject } from 'react-router';

/**
 * Routes of the wiki. Reading, spaces and home are here; the co-editor, history and reviews
 * pages belong to `editor/` and `history/` (loaded lazily from their own files).
 */
export const wikiRoutes: RouteObject[] = [
  {
    path: 'wiki',
    lazy: async () => ({ Component: (await import('./pages/WikiHomePage')).WikiHomePage }),
  },
  {
    path: 'wiki/spaces/:spaceId',
    lazy: async () => ({ Component: (await import('./pages/WikiSpacePage')).WikiSpacePage }),
  },
  {
    path: 'wiki/p/:pageId',
    lazy: async () => ({ Component: (await import('./pages/WikiPageView')).WikiPageView }),
  },
  {
    path: 'wiki/p/:pageId/edit',
    lazy: async () => ({ Component: (await import('./editor/WikiEditPage')).WikiEditPage }),
  },
  {
    path: 'wiki/p/:pageId/history',
    lazy: async () => ({
      Component: (await import('./history/WikiHistoryPage')).WikiHistoryPage,
    }),
  },
  {
    path: 'wiki/reviews',
    lazy: async () => ({
      Component: (await import('./history/WikiReviewsPage')).WikiReviewsPage,
    }),
  },
];
