import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { Express } from 'express';
import type { LeaveBalanceDTO } from '@shared/leave/types';
import { useTestDatabase } from '../../test/db';
import { makeTestApp, type Session } from '../../test/app';
import { NotificationModel } from '../notifications/notification.model';
import { makeRequestOrg, septemberDays, uuid, type Name } from './request.fixtures';
import { LeaveRequestModel } from './request.model';
import { LedgerModel, ledgerId } from './ledger.model';
import { setLedgerEntry } from './ledger.service';
import { refreshLeave } from './request-index';
import { escalateOverdue, repairOrphans, ORPHAN_AFTER_MS } from './escalation';
import { registerLeaveNotifications } from './leave.notifications';

useTestDatabase();

let app: Express;
let ids: Record<Name, string>;
let s: Record<Name, Session>;
let annual: { id: string };
const days = septemberDays();
const year = Number(days[0]!.slice(0, 4));
const send = (who: Name, method: 'post' | 'put', path: string, body: object = {}) =>
  s[who].agent[method](path).set('X-CSRF-Token', s[who].csrf).send(body);
const get = (who: Name, path: string) => s[who].agent.get(path);
const balanceOf = async (who: Name, personId: string) =>
  (await get(who, `/api/leave/people/${personId}/balance?year=${year}`).expect(200)).body
    .data as LeaveBalanceDTO;
const entriesOf = async (personId: string) =>
  (await LedgerModel.findById(ledgerId(personId, year)).lean())?.entries ?? {};

beforeAll(async () => {
  app = makeTestApp();
  ({ ids, s, annual } = await makeRequestOrg(app, 'cc'));
});

describe('leave decisions under concurrency', () => {
  it('20 parallel approvals that together exceed the lowered entitlement: never below 0, one state each, losers 409', async () => {
    const made: string[] = [];
    for (const day of days.slice(0, 20)) {
      const res = await send('emp', 'post', '/api/leave/requests', {
        id: uuid(),
        typeId: annual.id,
        from: day,
        to: day,
      }).expect(201);
      made.push(res.body.data.id as string);
    }
    // HR lowers the entitlement after the requests were made.
    const before = await balanceOf('hr', ids.emp);
    expect(before.pending).toBe(20);
    await send('hr', 'put', `/api/leave/people/${ids.emp}/entitlement?year=${year}`, {
      baseDays: 10,
      workdays: [1, 2, 3, 4, 5],
      employedFrom: null,
      employedTo: null,
      additional: [],
      rev: before.rev,
    }).expect(200);
    const results = await Promise.all(
      made.map((id) =>
        send('lead', 'post', `/api/leave/requests/${id}/decision`, { decision: 'approve' }),
      ),
    );
    const ok = results.filter((r) => r.status === 200);
    const lost = results.filter((r) => r.status === 409);
    expect(ok.length + lost.length).toBe(20);
    expect(ok).toHaveLength(10);
    for (const r of lost) expect(r.body.error.code).toBe('insufficient_balance');

    const stored = await LeaveRequestModel.find({ _id: { $in: made } }).lean();
    expect(stored).toHaveLength(20);
    expect(stored.filter((r) => r.status === 'approved')).toHaveLength(10);
    expect(stored.filter((r) => r.status === 'pending')).toHaveLength(10);
    for (const r of stored) {
      expect(r.history.filter((h) => h.action === 'approved').length).toBe(
        r.status === 'approved' ? 1 : 0,
      );
    }
    const after = await balanceOf('hr', ids.emp);
    expect(after.entitlement).toBe(10);
    expect(after.approved).toBe(10);
    expect(after.entitlement + after.carryOverUsable - after.approved).toBeGreaterThanOrEqual(0);
    // The ledger agrees with the requests, entry by entry.
    const entries = await entriesOf(ids.emp);
    for (const r of stored) expect(entries[r._id]?.state).toBe(r.status);
  });

  it('the same decision from two places at once applies once', async () => {
    const { body } = await send('col', 'post', '/api/leave/requests', {
      id: uuid(),
      typeId: annual.id,
      from: days[0],
      to: days[0],
    }).expect(201);
    const id = body.data.id as string;
    const res = await Promise.all(
      [1, 2, 3].map(() =>
        send('lead', 'post', `/api/leave/requests/${id}/decision`, { decision: 'reject' }),
      ),
    );
    expect(res.every((r) => r.status === 200)).toBe(true);
    const doc = await LeaveRequestModel.findById(id).lean();
    expect(doc?.history.filter((h) => h.action === 'rejected')).toHaveLength(1);
    expect((await entriesOf(ids.col))[id]).toBeUndefined();
  });
});

describe('escalation', () => {
  it('escalates an overdue request once, tells HR once, and HR may then decide it', async () => {
    const off = registerLeaveNotifications();
    try {
      const { body } = await send('emp2', 'post', '/api/leave/requests', {
        id: uuid(),
        typeId: annual.id,
        from: days[1],
        to: days[1],
      }).expect(201);
      const id = body.data.id as string;
      await send('hr', 'post', `/api/leave/requests/${id}/decision`, {
        decision: 'approve',
      }).expect(403);
      expect(await escalateOverdue()).not.toContain(id);
      // Straight to the collection: Mongoose keeps `createdAt` immutable.
      await LeaveRequestModel.collection.updateOne(
        { _id: id as never },
        { $set: { createdAt: new Date(Date.now() - 30 * 86_400_000) }, $inc: { rev: 1 } },
      );
      await refreshLeave(id);
      const [first, second] = await Promise.all([escalateOverdue(), escalateOverdue()]);
      expect([...first, ...second].filter((x) => x === id)).toHaveLength(1);
      expect(await escalateOverdue()).not.toContain(id);
      const hrNotes = () =>
        NotificationModel.countDocuments({ userId: ids.hr, kind: 'leave.escalated' });
      // The subscriber runs after the write: wait for it, then make sure no second one came.
      await vi.waitFor(async () => expect(await hrNotes()).toBeGreaterThan(0), { timeout: 5000 });
      await escalateOverdue();
      expect(await hrNotes()).toBe(1);
      const inbox = (await get('hr', '/api/leave/inbox').expect(200)).body.data;
      expect(inbox.requests.map((r: { id: string }) => r.id)).toContain(id);
      const res = await send('hr', 'post', `/api/leave/requests/${id}/decision`, {
        decision: 'approve',
      }).expect(200);
      expect(res.body.data.status).toBe('approved');
      const doc = await LeaveRequestModel.findById(id).lean();
      expect(doc?.history.map((h) => h.action)).toEqual(['created', 'escalated', 'approved']);
    } finally {
      off();
    }
  });
});

describe('crash between the ledger step and the request step', () => {
  it('a ledger entry written, the request missing: the replayed create completes it', async () => {
    const id = uuid();
    const day = days[2]!;
    await setLedgerEntry({
      personId: ids.col,
      requestId: id,
      state: 'pending',
      charges: [{ year, days: 1, upToExpiry: 0 }],
      previousYears: [],
    });
    const pendingBefore = (await balanceOf('col', ids.col)).pending;
    const res = await send('col', 'post', '/api/leave/requests', {
      id,
      typeId: annual.id,
      from: day,
      to: day,
    }).expect(201);
    expect(res.body.data.status).toBe('pending');
    expect((await balanceOf('col', ids.col)).pending).toBe(pendingBefore);
    expect((await entriesOf(ids.col))[id]).toMatchObject({ state: 'pending', days: 1 });
    expect(await repairOrphans(new Date(Date.now() + 2 * ORPHAN_AFTER_MS))).toBe(0);
  });

  it('the repair sweep removes an orphan after 10 minutes, not before', async () => {
    const id = uuid();
    await setLedgerEntry({
      personId: ids.col,
      requestId: id,
      state: 'pending',
      charges: [{ year, days: 2, upToExpiry: 0 }],
      previousYears: [],
    });
    const t0 = Date.now();
    expect(await repairOrphans(new Date(t0))).toBe(0);
    expect(await repairOrphans(new Date(t0 + ORPHAN_AFTER_MS / 2))).toBe(0);
    expect((await entriesOf(ids.col))[id]).toBeDefined();
    expect(await repairOrphans(new Date(t0 + ORPHAN_AFTER_MS + 1000))).toBe(1);
    expect((await entriesOf(ids.col))[id]).toBeUndefined();
  });
});
