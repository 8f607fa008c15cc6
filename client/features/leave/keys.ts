import type { CalendarParams, LeavePreviewParams } from './api';

/**
 * Query keys of the leave feature (one factory, so socket patches and invalidations hit the same
 * keys). C2 adds keys additively (HR, approvals).
 */
export const leaveKeys = {
  all: ['leave'] as const,
  types: () => [...leaveKeys.all, 'types'] as const,
  /** All cached balances (every year). */
  balances: () => [...leaveKeys.all, 'balance'] as const,
  balance: (year: number) => [...leaveKeys.balances(), year] as const,
  /** All cached lists of own requests (every year). */
  requestLists: () => [...leaveKeys.all, 'requests'] as const,
  requests: (year: number) => [...leaveKeys.requestLists(), year] as const,
  request: (id: string) => [...leaveKeys.all, 'request', id] as const,
  previews: () => [...leaveKeys.all, 'preview'] as const,
  preview: (p: LeavePreviewParams) =>
    [
      ...leaveKeys.previews(),
      p.typeId,
      p.from,
      p.to,
      p.halfStart,
      p.halfEnd,
      p.excludeId ?? null,
    ] as const,
  inbox: () => [...leaveKeys.all, 'inbox'] as const,
  /** The decider's count alone (nav badge, start page); kept live by `leave:inbox`. */
  inboxCount: () => [...leaveKeys.all, 'inbox-count'] as const,
  calendars: () => [...leaveKeys.all, 'calendar'] as const,
  calendar: (p: CalendarParams) =>
    [...leaveKeys.calendars(), p.month, p.unitId ?? null, p.subtree ?? false] as const,
  calendarUnits: () => [...leaveKeys.all, 'calendar-units'] as const,
  delegation: () => [...leaveKeys.all, 'delegation'] as const,
  ics: () => [...leaveKeys.all, 'ics'] as const,
  personBalance: (personId: string, year: number) =>
    [...leaveKeys.all, 'person-balance', personId, year] as const,
  hr: {
    all: () => [...leaveKeys.all, 'hr'] as const,
    settings: () => [...leaveKeys.hr.all(), 'settings'] as const,
    entitlements: (p: { year: number; q?: string; unitId?: string }) =>
      [...leaveKeys.hr.all(), 'entitlements', p.year, p.q ?? '', p.unitId ?? null] as const,
    reports: (p: { year: number; officeId?: string }) =>
      [...leaveKeys.hr.all(), 'reports', p.year, p.officeId ?? null] as const,
  },
};
