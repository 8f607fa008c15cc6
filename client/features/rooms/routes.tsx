import type { RouteObject } from 'react-router';
import type { RoomModule } from '@shared/rooms/schemas';
import { RoomTab, type RoomTabComponent } from './RoomTab';

/** A lazily loaded tab (DEFAULT export `({ room })`), rendered inside the room shell. */
function tab(
  load: () => Promise<{ default: RoomTabComponent }>,
  module?: RoomModule,
): Pick<RouteObject, 'lazy'> {
  return {
    lazy: async () => {
      const Tab = (await load()).default;
      return { Component: () => <RoomTab Tab={Tab} module={module} /> };
    },
  };
}

/**
 * Team rooms: overview (mine + discover), room requests, and the room shell with one child route
 * per tab. Module tabs belong to their helpers' folders (feed, chat, wiki, files, events, tasks).
 */
export const roomsRoutes: RouteObject[] = [
  {
    path: 'rooms',
    lazy: async () => ({ Component: (await import('./pages/RoomsPage')).RoomsPage }),
  },
  {
    path: 'rooms/requests',
    lazy: async () => ({
      Component: (await import('./pages/RoomRequestsPage')).RoomRequestsPage,
    }),
  },
  {
    path: 'rooms/:roomId',
    lazy: async () => ({ Component: (await import('./pages/RoomShell')).RoomShell }),
    children: [
      { index: true, ...tab(() => import('./feed/FeedTab'), 'feed') },
      { path: 'chat', ...tab(() => import('./chat/ChatTab'), 'chat') },
      { path: 'wiki/*', ...tab(() => import('./wiki/WikiTab'), 'wiki') },
      { path: 'files', ...tab(() => import('./files/FilesTab'), 'files') },
      { path: 'events', ...tab(() => import('./events/EventsTab'), 'events') },
      { path: 'tasks', ...tab(() => import('./tasks/TasksTab'), 'tasks') },
      { path: 'members', ...tab(() => import('./pages/MembersTab')) },
      { path: 'settings', ...tab(() => import('./pages/SettingsTab')) },
    ],
  },
];
