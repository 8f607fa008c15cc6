// Day and balance rules across services: what a change books must match what the ledger holds.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Express } from 'express';
import { addDays, isoWeekday } from '@shared/leave/days';
import type { LeaveBalanceDTO } from '@shared/leave/types';
import { useTestDatabase } from '../../test/db';
import { makeTestApp, type Session } from '../../test/app';
import type { CurrentUser } from '../auth/current-user';
import { makeRequestOrg, septemberDays, uuid, type Name } from './request.fixtures';
import { LedgerModel, ledgerId } from './ledger.model';
import { cancelRequest } from './cancel.service';
import { setCarryOver } from './carry-over.service';

useTestDatabase();

let app: Express;
let ids: Record<Name, string>;
let s: Record<Name, Session>;
let annual: { id: string };
const days = septemberDays();
const year = Number(days[0]!.slice(0, 4));
const mondays = days.filter((d) => isoWeekday(d) === 1 && days.includes(addDays(d, 7)));
const send = (who: Name, method: 'post' | 'put', path: string, body: object = {}) =>
  s[who].agent[method](path).set('X-CSRF-Token', s[who].csrf).send(body);
const balanceOf = async (personId: string) =>
  (await s.hr.agent.get(`/api/leave/people/${personId}/balance?year=${year}`).expect(200)).body
    .data as LeaveBalanceDTO;
const setTerms = async (personId: string, terms: { baseDays: number; workdays: number[] }) =>
  send('hr', 'put', `/api/leave/people/${personId}/entitlement?year=${year}`, {
    ...terms,
    employedFrom: null,
    employedTo: null,
    additional: [],
    rev: (await balanceOf(personId)).rev,
  }).expect(200);
const userOf = (name: Name): CurrentUser => ({
  id: ids[name],
  username: `lc-${name}`,
  displayName: name,
  roles: ['employee'],
  unitId: null,
  leads: [],
  sessionId: '',
});

beforeAll(async () => {
  app = makeTestApp();
  ({ ids, s, annual } = await makeRequestOrg(app, 'lc'));
});

describe('leave correctness', () => {
  it('shortening never books more than before, also after HR changed the weekdays', async () => {
    const mon = mondays[0]!;
    await setTerms(ids.col, { baseDays: 30, workdays: [1] });
    const { body } = await send('col', 'post', '/api/leave/requests', {
      id: uuid(),
      typeId: annual.id,
      from: mon,
      to: addDays(mon, 7),
    }).expect(201);
    const id = body.data.id as string;
    expect(body.data.days).toBe(2); // two Mondays
    await send('lead', 'post', `/api/leave/requests/${id}/decision`, {
      decision: 'approve',
    }).expect(200);
    // During the leave HR records that the person works Monday to Friday now.
    await setTerms(ids.col, { baseDays: 30, workdays: [1, 2, 3, 4, 5] });
    const before = await balanceOf(ids.col);
    const row = await cancelRequest(
      userOf('col'),
      id,
      { from: addDays(mon, 7), comment: '' },
      { today: addDays(mon, 1) },
    );
    expect(row).toMatchObject({ status: 'approved', to: addDays(mon, 6) });
    expect(row.days).toBeLessThanOrEqual(2);
    const after = await balanceOf(ids.col);
    expect(after.approved).toBeLessThanOrEqual(before.approved);
    const ledger = await LedgerModel.findById(ledgerId(ids.col, year)).lean();
    expect(ledger?.entries[id]).toMatchObject({ state: 'approved', days: row.days });
  });

  it('the preview flags what the create refuses: carry-over does not pay for days after its expiry', async () => {
    await setCarryOver(ids.emp2, year, 2, `${year}-03-31`);
    await setTerms(ids.emp2, { baseDays: 5, workdays: [1, 2, 3, 4, 5] });
    const mon = mondays[1]!;
    const range = { typeId: annual.id, from: mon, to: addDays(mon, 7) };
    const preview = (
      await s.emp2.agent
        .get('/api/leave/preview')
        .query({ ...range, halfStart: false, halfEnd: false })
        .expect(200)
    ).body.data;
    expect(preview.days).toBe(6);
    expect(preview.availableAfter).toBe(1); // 5 + 2 carried over − 6, as the card shows it
    expect(preview.problems).toContain('insufficient_balance');
    const res = await send('emp2', 'post', '/api/leave/requests', { id: uuid(), ...range });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('insufficient_balance');
  });
});
