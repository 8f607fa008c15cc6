import type { Realtime } from '../realtime';
import { events } from '../lib/events';
import { registerNotificationRules } from './notifications/notification-rules';

/**
 * The one place that connects domain events to realtime and notifications (later: search).
 * Returns an unsubscribe.
 */
export function registerSubscribers({ realtime }: { realtime: Realtime }): () => void {
  const offs = [
    events.on('auth.logout', ({ sessionId }) => realtime.endSession(sessionId, 'logout')),
    events.on('person.deactivated', ({ personId }) => realtime.endUser(personId, 'deactivated')),
    events.on('person.sessions_revoked', ({ personId }) => realtime.endUser(personId, 'revoked')),
    events.on('notification.created', ({ userId, notification, unreadCount }) =>
      realtime.toUser(userId, 'notification:new', { notification, unreadCount }),
    ),
    events.on('notification.read', ({ userId, ids, unreadCount }) =>
      realtime.toUser(userId, 'notification:read', { ids, unreadCount }),
    ),
    registerNotificationRules(),
  ];
  return () => offs.forEach((off) => off());
}
