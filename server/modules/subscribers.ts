import type { Realtime } from '../realtime';
import { events } from '../lib/events';
import { registerNotificationRules } from './notifications/notification-rules';
import { registerNewsEngagement } from './news/engagement.subscribers';
import { registerNewsRealtime } from './news/news.realtime';
import { registerChatRealtime } from './chat/chat.realtime';
import { registerChatMessageRealtime } from './chat/message.realtime';
import { registerLeaveCalendarRealtime } from './leave/calendar.realtime';
import { registerLeaveNotifications } from './leave/leave.notifications';
import { registerLeaveRealtime } from './leave/leave.realtime';
import { registerWikiSocial } from './wiki/social/social.notifications';
import { registerWikiRealtime } from './wiki/wiki.realtime';
import { registerRoomsSubscribers } from './rooms/integrations/register';
import { registerRoomFeed } from './rooms/feed/feed.register';
import { registerComplianceRealtime } from './learning/mandatory/compliance.realtime';
import { registerLearningRealtime } from './learning/learning.realtime';

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
    events.on('home.layout_changed', ({ userId, layout }) =>
      realtime.toUser(userId, 'home:layout', { layout }),
    ),
    events.on('apps.changed', ({ userId }) => {
      if (userId) realtime.toUser(userId, 'apps:changed', {});
      else realtime.io.emit('apps:changed', {}); // the catalogue: every signed-in socket refetches
    }),
    registerNotificationRules(),
    registerNewsEngagement(realtime),
    registerNewsRealtime(realtime),
    registerChatRealtime(realtime),
    registerChatMessageRealtime(realtime),
    registerLeaveCalendarRealtime(realtime),
    registerLeaveNotifications(),
    registerLeaveRealtime(realtime),
    registerWikiSocial(),
    registerWikiRealtime(realtime),
    registerRoomsSubscribers(realtime),
    registerRoomFeed(),
    registerComplianceRealtime(realtime),
    registerLearningRealtime(realtime),
  ];
  return () => offs.forEach((off) => off());
}
