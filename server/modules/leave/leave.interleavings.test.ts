// Interleavings of the request workflow: every pair of writers that can meet on one request or
// one ledger, with the invariants checked afterwards (ledger entry = request state, never below 0).
import { beforeAll, describe, expect, it } from 'vitest';
import type { Express } from 'express';
import type { LeaveBalanceDTO } from '@shared/leave/types';
import { withKeyLock } from '../../lib/keyed-lock';
import { useTestDatabase } from '../../test/db';
import { makeTestApp, type Session } from '../../test/app';
import { makeRequestOrg, septemberDays, uuid, type Name } from './request.fixtures';
import { LeaveRequestModel } from './request.model';
import { LedgerModel, ledgerId } from './ledger.model';
import { setLedgerEntry } from './ledger.service';
import { ORPHAN_AFTER_MS, repairOrphans } from './escalation';
import { ledgerStateOf, requestLock } from './request.transition';
import type { LeaveStatus } from '@shared/leave/schemas';

useTestDatabase();

let app: Express;
let ids: Record<Name, string>;
let s: Record<Name, Session>;
let annual: { id: string };
const days = septemberDays();
const year = Number(days[0]!.slice(0, 4));
const send = (who: Name, method: 'post' | 'patch', path: string, body: object = {}) =>
  s[who].agent[method](path).set('X-CSRF-Token', s[who].csrf).send(body);
const balanceOf = async (personId: string) =>
  (await s.hr.agent.get(`/api/leave/people/${personId}/balance?year=${year}`).expect(200)).body
    .data as LeaveBalanceDTO;

const request = (who: Name, from: string, to = from) =>
  send(who, 'post', '/api/leave/requests', { id: uuid(), typeId: annual.id, from, to });
const decide = (who: Name, id: string, decision: 'approve' | 'reject') =>
  send(who, 'post', `/api/leave/requests/${id}/decision`, { decision });

/** Every request of the person agrees with its ledger entry, and the balance is not negative. */
async function expectConsistent(personId: string): Promise<void> {
  const ledger = await LedgerModel.findById(ledgerId(personId, year)).lean();
  const entries = ledger?.entries ?? {};
  const docs = await LeaveRequestModel.find({ personId }).lean();
  for (const d of docs) {
    const state = ledgerStateOf(d.status as LeaveStatus);
    if (!d.counts || state === null) expect(entries[d._id], d._id).toBeUndefined();
    else expect(entries[d._id], d._id).toMatchObject({ state, days: d.days });
  }
  for (const id of Object.keys(entries)) expect(docs.map((d) => d._id)).toContain(id);
  const b = await balanceOf(personId);
  expect(b.available).toBeGreaterThanOrEqual(0);
  expect(b.entitlement + b.carryOverUsable - b.approved).toBeGreaterThanOrEqual(0);
}

beforeAll(async () => {
  app = makeTestApp();
  ({ ids, s, annual } = await makeRequestOrg(app, 'il'));
});

describe('leave interleavings', () => {
  it('a replayed create holds the request lock, so the orphan repair cannot take its entry away', async () => {
    const id = uuid();
    const day = days[0]!;
    // A crash after the ledger step long ago: the entry has been an orphan for a while.
    await setLedgerEntry({
      personId: ids.col,
      requestId: id,
      state: 'pending',
      charges: [{ year, days: 1, upToExpiry: 0 }],
      previousYears: [],
    });
    const t0 = Date.now();
    expect(await repairOrphans(new Date(t0))).toBe(0);
    let create: Promise<{ status: number }> | undefined;
    await withKeyLock(requestLock(id), async () => {
      // The repair sweep holds the lock and has seen no request: the replay must wait for it.
      create = send('col', 'post', '/api/leave/requests', {
        id,
        typeId: annual.id,
        from: day,
        to: day,
      }).then((r) => r);
      await new Promise((resolve) => setTimeout(resolve, 400));
      expect(await LeaveRequestModel.findById(id).lean()).toBeNull();
    });
    expect((await create!).status).toBe(201);
    expect(await repairOrphans(new Date(t0 + 2 * ORPHAN_AFTER_MS))).toBe(0);
    await expectConsistent(ids.col);
  });

  it('two tabs, approve vs withdraw, edit vs approve, bulk vs single: one outcome each, ledger agrees', async () => {
    // Two tabs request overlapping leave at once: exactly one is accepted.
    const tabs = await Promise.all([request('emp', days[1]!, days[2]!), request('emp', days[2]!)]);
    expect(tabs.map((r) => r.status).sort()).toEqual([201, 400]);
    const tabId = tabs.find((r) => r.status === 201)!.body.data.id as string;

    // Approve and withdraw at once: one of them wins, the other gets 409.
    const both = await Promise.all([
      decide('lead', tabId, 'approve'),
      send('emp', 'post', `/api/leave/requests/${tabId}/withdraw`),
    ]);
    expect(both.map((r) => r.status).sort()).toEqual([200, 409]);

    // Edit (to two days) and approve at once: the approval books what the stored request says.
    const e = (await request('emp', days[5]!).expect(201)).body.data;
    const race = await Promise.all([
      send('emp', 'patch', `/api/leave/requests/${e.id}`, {
        typeId: annual.id,
        from: days[5],
        to: days[6],
        rev: e.rev,
      }),
      decide('lead', e.id, 'approve'),
    ]);
    expect(race.map((r) => r.status)).toContain(200);

    // Bulk and single decisions on the same requests at once: each request ends in one state.
    const ids2 = await Promise.all(
      days
        .slice(8, 12)
        .map(async (d) => (await request('emp', d).expect(201)).body.data.id as string),
    );
    const [bulk, ...singles] = await Promise.all([
      send('lead', 'post', '/api/leave/decisions', { ids: ids2, decision: 'approve' }),
      ...ids2.map((id) => decide('dep', id, 'reject')),
      ...ids2.map((id) => decide('lead', id, 'reject')),
    ]);
    expect(bulk!.status).toBe(200);
    for (const id of ids2) {
      const doc = await LeaveRequestModel.findById(id).lean();
      const decisions = doc!.history.filter(
        (h) => h.action === 'approved' || h.action === 'rejected',
      );
      expect(decisions, id).toHaveLength(1);
    }
    expect(singles.every((r) => r.status === 200 || r.status === 409 || r.status === 403)).toBe(
      true,
    );
    await expectConsistent(ids.emp);
  });
});
