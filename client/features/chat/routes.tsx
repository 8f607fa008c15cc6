import type { RouteObject } from 'react-router';

/** Routes of the chat feature (static `chat/browse` wins over `chat/:id`). */
export const chatRoutes: RouteObject[] = [
  {
    path: 'chat',
    lazy: async () => ({ Component: (await import('./pages/ChatPage')).ChatPage }),
  },
  {
    path: 'chat/browse',
    lazy: async () => ({
      Component: (await import('./pages/BrowseChannelsPage')).BrowseChannelsPage,
    }),
  },
  {
    path: 'chat/:id',
    lazy: async () => ({ Component: (await import('./pages/ChatPage')).ChatPage }),
  },
];
