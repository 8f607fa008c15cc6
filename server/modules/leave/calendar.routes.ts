import { calendarQuerySchema } from '@shared/leave/schemas';
import { defineRoute, type RouteDef } from '../../lib/route';
import { calendarUnits, teamCalendar } from './calendar.service';

export const leaveCalendarRoutes: RouteDef[] = [
  defineRoute({
    method: 'get',
    path: '/api/leave/calendar',
    tag: 'leave',
    summary:
      'Team calendar of a unit for a month (type only where allowed; pending shown as pending)',
    access: 'user',
    query: calendarQuerySchema,
    handler: async ({ user, query, req }) => ({ data: await teamCalendar(user, query, req) }),
  }),
  defineRoute({
    method: 'get',
    path: '/api/leave/calendar/units',
    tag: 'leave',
    summary: 'Units whose team calendar I may open (subtree: with the units below)',
    access: 'user',
    handler: async ({ user }) => ({ data: await calendarUnits(user) }),
  }),
];
