import { z } from 'zod';
import {
  broadcastSchema,
  notificationIdParams,
  notificationListQuerySchema,
} from '@shared/notifications/types';
import { defineRoute, type RouteDef } from '../../lib/route';
import {
  broadcast,
  listNotifications,
  markAllRead,
  markRead,
  unreadCount,
} from './notifications.service';

export const notificationRoutes: RouteDef[] = [
  defineRoute({
    method: 'get',
    path: '/api/notifications',
    tag: 'notifications',
    summary: 'Own notifications, newest first (cursor pagination; `unread=true` for unread only)',
    access: 'user',
    query: notificationListQuerySchema,
    handler: ({ user, query }) => listNotifications(user, query),
  }),
  defineRoute({
    method: 'get',
    path: '/api/notifications/unread-count',
    tag: 'notifications',
    summary: 'Number of own unread notifications',
    access: 'user',
    response: z.object({ count: z.number().int() }),
    handler: async ({ user }) => ({ data: { count: await unreadCount(user) } }),
  }),
  defineRoute({
    method: 'post',
    path: '/api/notifications/read-all',
    tag: 'notifications',
    summary: 'Mark all own notifications read (idempotent)',
    access: 'user',
    response: z.object({ unreadCount: z.number().int() }),
    handler: async ({ user }) => ({ data: await markAllRead(user) }),
  }),
  defineRoute({
    method: 'post',
    path: '/api/notifications/broadcast',
    tag: 'notifications',
    summary: 'Admin: send a system notice to everyone, offices (with sub-units) or people',
    access: 'user',
    body: broadcastSchema,
    response: z.object({ recipients: z.number().int() }),
    handler: async ({ user, body, req }) => ({ data: await broadcast(user, body, req) }),
  }),
  defineRoute({
    method: 'post',
    path: '/api/notifications/:id/read',
    tag: 'notifications',
    summary: 'Mark one own notification read (idempotent; 404 for anyone else’s)',
    access: 'user',
    params: notificationIdParams,
    handler: async ({ user, params, req }) => ({ data: await markRead(user, params.id, req) }),
  }),
];
