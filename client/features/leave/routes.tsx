import type { RouteObject } from 'react-router';

/**
 * Routes of the leave card (static segments win over `leave/requests/:id`). The decider, calendar
 * and HR pages are loaded lazily from their own files.
 */
export const leaveRoutes: RouteObject[] = [
  {
    path: 'leave',
    lazy: async () => ({ Component: (await import('./pages/LeaveCardPage')).LeaveCardPage }),
  },
  {
    path: 'leave/new',
    lazy: async () => ({
      Component: (await import('./pages/LeaveRequestFormPage')).LeaveRequestFormPage,
    }),
  },
  {
    path: 'leave/requests/:id',
    lazy: async () => ({
      Component: (await import('./pages/LeaveRequestPage')).LeaveRequestPage,
    }),
  },
  {
    path: 'leave/requests/:id/edit',
    lazy: async () => ({
      Component: (await import('./pages/LeaveRequestFormPage')).LeaveRequestFormPage,
    }),
  },
  {
    path: 'leave/approvals',
    lazy: async () => ({ Component: (await import('./pages/ApprovalsPage')).ApprovalsPage }),
  },
  {
    path: 'leave/calendar',
    lazy: async () => ({ Component: (await import('./pages/TeamCalendarPage')).TeamCalendarPage }),
  },
  {
    path: 'leave/hr',
    lazy: async () => ({ Component: (await import('./pages/HrPage')).HrPage }),
  },
];
