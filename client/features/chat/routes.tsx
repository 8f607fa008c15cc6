import type { RouteObject } from 'react-router';

/** Routes of the chat feature (static `chat/browse`, `chat/search` win over `chat/:id`). */
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
    path: 'chat/search',
    lazy: async () => ({ Component: (await import('./pages/ChatSearchPage')).ChatSearchPage }),
  },
  {
    path: 'chat/:id',
    lazy: async () => ({ Component: (await import('./pages/ChatPage')).ChatPage }),
  },
];
