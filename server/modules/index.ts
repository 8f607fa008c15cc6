import type { RouteDef } from '../lib/route';
import { systemRoutes } from './system/system.routes';
import { authRoutes } from './auth/auth.routes';
import { meRoutes } from './people/me.routes';
import { photoRoutes } from './people/photo.routes';
import { peopleRoutes } from './people/people.routes';
import { orgRoutes } from './org/org.routes';
import { audienceRoutes } from './org/audience.routes';
import { auditRoutes } from './audit/audit.routes';
import { notificationRoutes } from './notifications/notifications.routes';
import { homeRoutes } from './home/home.routes';
import { appRoutes } from './apps/apps.routes';
import { newsEngagementRoutes } from './news/engagement.routes';
import { newsRoutes } from './news/news.routes';
import { chatConversationRoutes } from './chat/conversation.routes';
import { chatMessageRoutes } from './chat/message.routes';
import { leaveCalendarRoutes } from './leave/calendar.routes';
import { leaveIcsRoutes } from './leave/ics.routes';
import { leaveReportRoutes } from './leave/report.routes';
import { leaveBalanceRoutes } from './leave/balance.routes';
import { leaveHrRoutes } from './leave/hr.routes';
import { leaveRequestRoutes } from './leave/request.routes';
import { wikiRoutes } from './wiki/wiki.routes';
import { wikiSocialRoutes } from './wiki/social/social.routes';
import { wikiSearchRoutes } from './wiki/search/search.routes';
import { wikiContentRoutes } from './wiki/content/content.routes';
import { wikiReviewRoutes } from './wiki/content/review.routes';
import { roomEventRoutes } from './rooms/events/events.routes';
import { roomFileRoutes } from './rooms/files/files.routes';
import { roomFeedRoutes } from './rooms/feed/feed.routes';
import { roomMemberRoutes } from './rooms/members/members.routes';
import { roomRequestRoutes } from './rooms/requests/room-requests.routes';
import { roomRoutes } from './rooms/rooms.routes';
import { roomTaskRoutes } from './rooms/tasks/tasks.routes';
import { learningRoutes } from './learning';

/** Every feature's routes, in mount order. A feature adds one line here. */
export function allRoutes(): RouteDef[] {
  return [
    ...systemRoutes,
    ...authRoutes,
    ...meRoutes,
    ...photoRoutes,
    ...peopleRoutes,
    ...orgRoutes,
    ...audienceRoutes,
    ...auditRoutes,
    ...notificationRoutes,
    ...homeRoutes,
    ...appRoutes,
    ...newsRoutes,
    ...newsEngagementRoutes,
    // Before the conversation routes: `/api/conversations/search` must not match `/:id`.
    ...chatMessageRoutes,
    ...chatConversationRoutes,
    ...leaveCalendarRoutes,
    ...leaveIcsRoutes,
    ...leaveReportRoutes,
    ...leaveBalanceRoutes,
    ...leaveHrRoutes,
    ...leaveRequestRoutes,
    ...wikiRoutes,
    ...wikiSocialRoutes,
    ...wikiSearchRoutes,
    ...wikiContentRoutes,
    ...wikiReviewRoutes,
    ...roomEventRoutes,
    ...roomFileRoutes,
    ...roomFeedRoutes,
    ...roomMemberRoutes,
    ...roomRequestRoutes,
    ...roomRoutes,
    ...roomTaskRoutes,
    ...learningRoutes,
  ];
}
