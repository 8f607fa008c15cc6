// Helpers for the leave card browser tests: Stuttgart calendar days, working-day ranges, and API
// calls made with a signed-in page's cookies (set-up steps the test does not click through).
import { randomUUID } from 'node:crypto';
import type { Page } from '@playwright/test';
import { expect } from '@playwright/test';
import type {
  LeaveBalanceDTO,
  LeavePreviewDTO,
  LeaveRequestDetailDTO,
  LeaveTypeDTO,
} from '../../shared/leave/types';

/** Today as a Stuttgart calendar day (`YYYY-MM-DD`), as the server counts it. */
export function todayInBerlin(now = new Date()): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Berlin' }).format(now);
}

export function addDays(iso: string, n: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** ISO weekday 1 (Monday) … 7 (Sunday). */
export function weekday(iso: string): number {
  const d = new Date(`${iso}T00:00:00Z`).getUTCDay();
  return d === 0 ? 7 : d;
}

/** The Monday on or after `iso`. */
export function mondayFrom(iso: string): string {
  let d = iso;
  while (weekday(d) !== 1) d = addDays(d, 1);
  return d;
}

/** German display of a calendar day as the client writes it (`24.11.2026`). */
export function germanDay(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}.${m}.${y}`;
}

/**
 * Monday to Wednesday of the week `weeksAhead` weeks after this one, moved on week by week
 * while it crosses a year or touches the last two weeks of December (24./31.12. rules): the
 * assertions then count the working days the preview reports.
 */
export function futureWeekRange(weeksAhead: number): { from: string; to: string } {
  let from = mondayFrom(addDays(todayInBerlin(), 7 * weeksAhead));
  for (;;) {
    const to = addDays(from, 2);
    const lateDecember = from.slice(5) >= '12-18' || to.slice(5) >= '12-18';
    if (from.slice(0, 4) === to.slice(0, 4) && !lateDecember) return { from, to };
    from = addDays(from, 7);
  }
}

async function csrf(page: Page): Promise<string> {
  const res = await page.request.get('/api/auth/csrf');
  return ((await res.json()) as { token: string }).token;
}

/** A JSON call as the page's signed-in person; fails the test on an unexpected status. */
export async function api<T>(
  page: Page,
  method: 'GET' | 'POST' | 'PUT' | 'PATCH',
  path: string,
  data?: unknown,
  expected = [200, 201],
): Promise<T> {
  const res = await page.request.fetch(path, {
    method,
    headers: method === 'GET' ? {} : { 'X-CSRF-Token': await csrf(page) },
    data,
  });
  expect(expected, `${method} ${path}: ${res.status()} ${await res.text()}`).toContain(
    res.status(),
  );
  return ((await res.json()) as { data: T }).data;
}

export async function annualLeaveType(page: Page): Promise<LeaveTypeDTO> {
  const types = await api<LeaveTypeDTO[]>(page, 'GET', '/api/leave/types');
  const type = types.find((t) => t.counts && t.active);
  expect(type, 'a counting leave type').toBeTruthy();
  return type as LeaveTypeDTO;
}

export async function balance(page: Page, year: number): Promise<LeaveBalanceDTO> {
  return api<LeaveBalanceDTO>(page, 'GET', `/api/leave/balance?year=${year}`);
}

export async function preview(
  page: Page,
  typeId: string,
  from: string,
  to: string,
): Promise<LeavePreviewDTO> {
  return api<LeavePreviewDTO>(
    page,
    'GET',
    `/api/leave/preview?typeId=${typeId}&from=${from}&to=${to}&halfStart=false&halfEnd=false`,
  );
}

/** Files a request of the annual leave type as the page's person. */
export async function requestLeave(
  page: Page,
  range: { from: string; to: string },
  comment = '',
): Promise<LeaveRequestDetailDTO> {
  const type = await annualLeaveType(page);
  return api<LeaveRequestDetailDTO>(page, 'POST', '/api/leave/requests', {
    id: randomUUID(),
    typeId: type.id,
    from: range.from,
    to: range.to,
    halfStart: false,
    halfEnd: false,
    comment,
    deputyId: null,
  });
}

export async function decide(
  page: Page,
  id: string,
  decision: 'approve' | 'reject',
  comment = '',
): Promise<LeaveRequestDetailDTO> {
  return api<LeaveRequestDetailDTO>(page, 'POST', `/api/leave/requests/${id}/decision`, {
    decision,
    comment,
  });
}

/** The signed-in person's id. */
export async function myId(page: Page): Promise<string> {
  return (await api<{ id: string }>(page, 'GET', '/api/me')).id;
}
