import { describe, expect, it } from 'vitest';
import { QueryClient } from '@tanstack/react-query';
import type { LeaveInboxDTO, LeaveRequestDTO, LeaveRequestDetailDTO } from '@shared/leave/types';
import { leaveKeys } from './keys';
import { onLeaveBalance, onLeaveCalendar, onLeaveInbox, onLeaveRequest } from './realtime';
import { ME, OTHER, leaveBalance, leaveDetail, leaveRequest, personRef } from './test-data';

const qc = () => new QueryClient({ defaultOptions: { queries: { retry: false } } });
const list = (c: QueryClient, year: number) =>
  c.getQueryData<LeaveRequestDTO[]>(leaveKeys.requests(year));

describe('leave:request', () => {
  it('replaces the request in the year lists and keeps the order newest first', () => {
    const c = qc();
    const older = leaveRequest({ id: 'a', createdAt: '2026-01-01T00:00:00Z' });
    const mine = leaveRequest({ id: 'b', createdAt: '2026-02-01T00:00:00Z' });
    c.setQueryData(leaveKeys.requests(2026), [mine, older]);
    onLeaveRequest(c, { request: { ...older, status: 'approved', rev: 2 } }, ME);
    expect(list(c, 2026)?.map((r) => [r.id, r.status])).toEqual([
      ['b', 'pending'],
      ['a', 'approved'],
    ]);
  });

  it('adds an own new request to the lists of the years it touches, not to others', () => {
    const c = qc();
    c.setQueryData(leaveKeys.requests(2026), []);
    c.setQueryData(leaveKeys.requests(2027), []);
    c.setQueryData(leaveKeys.requests(2025), []);
    const r = leaveRequest({ id: 'x', from: '2026-12-28', to: '2027-01-04' });
    onLeaveRequest(c, { request: r }, ME);
    expect(list(c, 2026)?.map((x) => x.id)).toEqual(['x']);
    expect(list(c, 2027)?.map((x) => x.id)).toEqual(['x']);
    expect(list(c, 2025)).toEqual([]);
  });

  it("does not add someone else's request to my lists", () => {
    const c = qc();
    c.setQueryData(leaveKeys.requests(2026), []);
    onLeaveRequest(c, { request: leaveRequest({ person: personRef(OTHER) }) }, ME);
    expect(list(c, 2026)).toEqual([]);
  });

  it('removes a request from a year an edit moved it out of', () => {
    const c = qc();
    const r = leaveRequest({ id: 'm' });
    c.setQueryData(leaveKeys.requests(2026), [r]);
    c.setQueryData(leaveKeys.requests(2027), []);
    onLeaveRequest(c, { request: { ...r, from: '2027-02-01', to: '2027-02-02', rev: 2 } }, ME);
    expect(list(c, 2026)).toEqual([]);
    expect(list(c, 2027)?.map((x) => x.id)).toEqual(['m']);
  });

  it('never lets an older revision overwrite a newer one', () => {
    const c = qc();
    const r = leaveRequest({ status: 'approved', rev: 3 });
    c.setQueryData(leaveKeys.requests(2026), [r]);
    c.setQueryData(leaveKeys.request(r.id), leaveDetail({ status: 'approved', rev: 3 }));
    onLeaveRequest(c, { request: { ...r, status: 'pending', rev: 2 } }, ME);
    expect(list(c, 2026)?.[0]?.status).toBe('approved');
    expect(c.getQueryData<LeaveRequestDetailDTO>(leaveKeys.request(r.id))?.status).toBe('approved');
  });

  it('patches the detail, keeps its history and marks it stale for the new history', async () => {
    const c = qc();
    const history = [
      {
        at: '2026-03-01T10:00:00Z',
        actor: null,
        action: 'created',
        from: null,
        to: 'pending' as const,
        comment: '',
      },
    ];
    const detail = leaveDetail({ history });
    c.setQueryData(leaveKeys.request(detail.id), detail);
    onLeaveRequest(c, { request: leaveRequest({ status: 'approved', rev: 2 }) }, ME);
    const next = c.getQueryData<LeaveRequestDetailDTO>(leaveKeys.request(detail.id));
    expect(next?.status).toBe('approved');
    expect(next?.history).toEqual(history);
    expect(c.getQueryState(leaveKeys.request(detail.id))?.isInvalidated).toBe(true);
  });

  it('drops a decided request from the inbox and replaces a changed one', () => {
    const c = qc();
    const a = leaveRequest({
      id: 'a',
      person: personRef(OTHER),
      abilities: { edit: false, withdraw: false, cancel: false, shorten: false, decide: true },
    });
    const b = { ...a, id: 'b' };
    c.setQueryData<LeaveInboxDTO>(leaveKeys.inbox(), { requests: [a, b], count: 2 });
    onLeaveRequest(
      c,
      {
        request: { ...a, status: 'approved', rev: 2, abilities: { ...a.abilities, decide: false } },
      },
      ME,
    );
    onLeaveRequest(c, { request: { ...b, to: '2026-07-09', days: 4, rev: 2 } }, ME);
    const inbox = c.getQueryData<LeaveInboxDTO>(leaveKeys.inbox());
    expect(inbox?.requests.map((r) => [r.id, r.days])).toEqual([['b', 4]]);
  });
});

describe('leave:balance', () => {
  it('sets my balance of that year', () => {
    const c = qc();
    c.setQueryData(leaveKeys.balance(2026), leaveBalance({ rev: 3 }));
    onLeaveBalance(c, { balance: leaveBalance({ rev: 4, approved: 5, pending: 0 }) }, ME);
    expect(c.getQueryData(leaveKeys.balance(2026))).toMatchObject({
      rev: 4,
      approved: 5,
      pending: 0,
    });
  });

  it('sets it even when it was not cached yet, and leaves other years alone', () => {
    const c = qc();
    c.setQueryData(leaveKeys.balance(2025), leaveBalance({ year: 2025, available: 2 }));
    onLeaveBalance(c, { balance: leaveBalance({ year: 2026, available: 12 }) }, ME);
    expect(c.getQueryData(leaveKeys.balance(2026))).toMatchObject({ available: 12 });
    expect(c.getQueryData(leaveKeys.balance(2025))).toMatchObject({ available: 2 });
  });

  it('ignores an older revision', () => {
    const c = qc();
    c.setQueryData(leaveKeys.balance(2026), leaveBalance({ rev: 7, available: 10 }));
    onLeaveBalance(c, { balance: leaveBalance({ rev: 6, available: 20 }) }, ME);
    expect(c.getQueryData(leaveKeys.balance(2026))).toMatchObject({ rev: 7, available: 10 });
  });

  it("does not write someone else's balance into mine", () => {
    const c = qc();
    c.setQueryData(leaveKeys.balance(2026), leaveBalance({ available: 10 }));
    onLeaveBalance(c, { balance: leaveBalance({ personId: OTHER, available: 1, rev: 9 }) }, ME);
    expect(c.getQueryData(leaveKeys.balance(2026))).toMatchObject({ available: 10 });
  });
});

describe('leave:inbox and leave:calendar', () => {
  it('sets the count and refetches an open inbox whose count differs', () => {
    const c = qc();
    c.setQueryData<LeaveInboxDTO>(leaveKeys.inbox(), { requests: [], count: 0 });
    onLeaveInbox(c, { count: 3 });
    expect(c.getQueryData(leaveKeys.inboxCount())).toBe(3);
    expect(c.getQueryState(leaveKeys.inbox())?.isInvalidated).toBe(true);
  });

  it('invalidates only calendars of that unit and month range', () => {
    const c = qc();
    const unit = 'aaaaaaaaaaaaaaaaaaaaaaaa';
    const july = leaveKeys.calendar({ month: '2026-07', unitId: unit });
    const august = leaveKeys.calendar({ month: '2026-08', unitId: unit });
    const other = leaveKeys.calendar({ month: '2026-07', unitId: 'bbbbbbbbbbbbbbbbbbbbbbbb' });
    for (const k of [july, august, other]) c.setQueryData(k, {});
    onLeaveCalendar(c, { unitId: unit, from: '2026-07-30', to: '2026-07-31' });
    expect(c.getQueryState(july)?.isInvalidated).toBe(true);
    expect(c.getQueryState(august)?.isInvalidated).toBe(false);
    expect(c.getQueryState(other)?.isInvalidated).toBe(false);
  });
});
