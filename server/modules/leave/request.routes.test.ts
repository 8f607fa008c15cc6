import { beforeAll, describe, expect, it, vi } from 'vitest';
import request from 'supertest';
import type { Express } from 'express';
import { addDays } from '@shared/leave/days';
import type { LeaveBalanceDTO, LeaveInboxDTO, LeaveRequestDetailDTO } from '@shared/leave/types';
import { useTestDatabase } from '../../test/db';
import { makeTestApp, type Session } from '../../test/app';
import { makeRequestOrg, septemberDays, uuid, type Name } from './request.fixtures';
import { todayInBerlin } from './holidays';
import { NotificationModel } from '../notifications/notification.model';
import { registerLeaveNotifications } from './leave.notifications';

useTestDatabase();

let app: Express;
let ids: Record<Name, string>;
let s: Record<Name, Session>;
let annual: { id: string };
let special: { id: string };
const days = septemberDays();
const year = Number(days[0]!.slice(0, 4));
const send = (who: Name, method: 'post' | 'patch' | 'put', path: string, body: object = {}) =>
  s[who].agent[method](path).set('X-CSRF-Token', s[who].csrf).send(body);
const get = (who: Name, path: string) => s[who].agent.get(path);
const create = (who: Name, from: string, to = from, extra: object = {}) =>
  send(who, 'post', '/api/leave/requests', { id: uuid(), typeId: annual.id, from, to, ...extra });
const decide = (who: Name, id: string, decision: 'approve' | 'reject', comment = '') =>
  send(who, 'post', `/api/leave/requests/${id}/decision`, { decision, comment });
const balance = async (who: Name, y = year) =>
  (await get(who, `/api/leave/balance?year=${y}`).expect(200)).body.data as LeaveBalanceDTO;
const inbox = async (who: Name) =>
  (await get(who, '/api/leave/inbox').expect(200)).body.data as LeaveInboxDTO;

beforeAll(async () => {
  app = makeTestApp();
  const org = await makeRequestOrg(app, 'rq');
  ({ ids, s, annual, special } = org);
});

describe('leave requests: access and validation', () => {
  it('401 without a session on every route', async () => {
    const id = uuid();
    const anon = request(app);
    for (const p of [
      '/api/leave/requests',
      `/api/leave/requests/${id}`,
      '/api/leave/inbox',
      '/api/leave/delegation',
      `/api/leave/preview?typeId=${ids.emp}&from=${days[0]}&to=${days[0]}`,
    ]) {
      await anon.get(p).expect(401);
    }
    const guest = request.agent(app);
    const csrf = ((await guest.get('/api/auth/csrf')).body as { token: string }).token;
    const g = (m: 'post' | 'patch' | 'put', p: string, body: object = {}) =>
      guest[m](p).set('X-CSRF-Token', csrf).send(body);
    await g('post', '/api/leave/requests', {
      id,
      typeId: annual.id,
      from: days[0],
      to: days[0],
    }).expect(401);
    await g('patch', `/api/leave/requests/${id}`, {}).expect(401);
    await g('post', `/api/leave/requests/${id}/withdraw`).expect(401);
    await g('post', `/api/leave/requests/${id}/cancel`).expect(401);
    await g('post', `/api/leave/requests/${id}/decision`, { decision: 'approve' }).expect(401);
    await g('post', '/api/leave/decisions', { ids: [id], decision: 'approve' }).expect(401);
    await g('put', '/api/leave/delegation', { until: null }).expect(401);
  });

  it('400 for bad ids, bodies, types, deputies, empty ranges and overlaps', async () => {
    await get('emp', '/api/leave/requests/not-a-uuid').expect(400);
    await send('emp', 'post', '/api/leave/requests', {
      id: 'x',
      typeId: annual.id,
      from: days[0],
      to: days[0],
    }).expect(400);
    await create('emp', days[1]!, days[0]).expect(400);
    await create('emp', '2025-02-30').expect(400);
    await create('emp', days[0]!, days[0], { typeId: ids.emp }).expect(400);
    await create('emp', days[0]!, days[0], { deputyId: ids.emp }).expect(400);
    await create('emp', days[0]!, days[0], { deputyId: '0123456789abcdef01234567' }).expect(400);
    const sat = [0, 1, 2, 3, 4, 5, 6]
      .map((n) => addDays(days[0]!, n))
      .find((d) => new Date(`${d}T00:00:00Z`).getUTCDay() === 6)!;
    const empty = await create('emp', sat, addDays(sat, 1)).expect(400);
    expect(empty.body.error.code).toBe('no_working_days');
    await create('emp', days[0]!).expect(201);
    const overlap = await create('emp', days[0]!, days[1]).expect(400);
    expect(overlap.body.error.code).toBe('leave_overlap');
  });

  it('ignores status, personId, decidedBy and approvedBy in bodies', async () => {
    const res = await create('emp2', days[2]!, days[2], {
      status: 'approved',
      personId: ids.col,
      decidedBy: ids.lead,
      approvedBy: ids.lead,
    }).expect(201);
    const r = res.body.data as LeaveRequestDetailDTO;
    expect(r.status).toBe('pending');
    expect(r.person.id).toBe(ids.emp2);
    expect(r.decidedBy).toBeNull();
    const cancel = await send('emp2', 'post', `/api/leave/requests/${r.id}/withdraw`, {
      status: 'approved',
    }).expect(200);
    expect(cancel.body.data.status).toBe('withdrawn');
  });

  it('404 for unknown requests on every :id route', async () => {
    const id = uuid();
    await get('emp', `/api/leave/requests/${id}`).expect(404);
    await send('emp', 'patch', `/api/leave/requests/${id}`, {
      rev: 0,
      typeId: annual.id,
      from: days[0],
      to: days[0],
    }).expect(404);
    await send('emp', 'post', `/api/leave/requests/${id}/withdraw`).expect(404);
    await send('emp', 'post', `/api/leave/requests/${id}/cancel`).expect(404);
    await decide('lead', id, 'approve').expect(404);
  });
});

describe('leave requests: create, replay, visibility', () => {
  it('creates (201), replays (200), refuses the id for someone else (409), reserves the days', async () => {
    const before = await balance('col');
    const id = uuid();
    const body = { id, typeId: annual.id, from: days[3], to: days[4], comment: 'Familie' };
    const first = await send('col', 'post', '/api/leave/requests', body).expect(201);
    expect(first.body.data).toMatchObject({
      id,
      days: 2,
      status: 'pending',
      approver: { id: ids.lead },
    });
    expect(first.body.data.history).toHaveLength(1);
    await send('col', 'post', '/api/leave/requests', body).expect(200);
    await send('col', 'post', '/api/leave/requests', { ...body, id: id.toUpperCase() }).expect(200);
    const stolen = await send('emp2', 'post', '/api/leave/requests', {
      ...body,
      from: days[10],
      to: days[10],
    }).expect(409);
    expect(stolen.body.error.code).toBe('client_id_reused');
    const after = await balance('col');
    expect(after.pending).toBe(before.pending + 2);
    const mine = await get('col', `/api/leave/requests?year=${year}`).expect(200);
    expect(mine.body.data.map((r: { id: string }) => r.id)).toContain(id);
  });

  it('owner, leader, leader above and HR see a request; colleagues, other leaders and admins get 403', async () => {
    const { body } = await create('col', days[5]!).expect(201);
    const p = `/api/leave/requests/${body.data.id}`;
    for (const who of ['col', 'lead', 'head', 'hr'] as const) await get(who, p).expect(200);
    for (const who of ['emp', 'xlead', 'xemp', 'admin', 'dep'] as const)
      await get(who, p).expect(403);
    const lead = (await get('lead', p)).body.data as LeaveRequestDetailDTO;
    expect(lead.abilities.decide).toBe(true);
    const head = (await get('head', p)).body.data as LeaveRequestDetailDTO;
    expect(head.abilities.decide).toBe(false);
    await decide('xlead', body.data.id, 'approve').expect(403);
    await decide('head', body.data.id, 'approve').expect(403);
    await decide('hr', body.data.id, 'approve').expect(403);
    expect((await inbox('xlead')).requests.map((r) => r.id)).not.toContain(body.data.id);
    expect((await inbox('lead')).requests.map((r) => r.id)).toContain(body.data.id);
  });

  it('preview: days, balance after, conflicts with colleagues, approver, problems', async () => {
    const q = `typeId=${annual.id}&from=${days[3]}&to=${days[5]}`;
    const res = await get('emp', `/api/leave/preview?${q}`).expect(200);
    expect(res.body.data.days).toBe(3);
    expect(res.body.data.approver.id).toBe(ids.lead);
    expect(res.body.data.conflicts.map((c: { person: { id: string } }) => c.person.id)).toContain(
      ids.col,
    );
    expect(typeof res.body.data.availableAfter).toBe('number');
    const other = await get(
      'emp',
      `/api/leave/preview?typeId=${special.id}&from=${days[3]}&to=${days[3]}`,
    ).expect(200);
    expect(other.body.data.availableAfter).toBeNull();
    const over = await get(
      'emp',
      `/api/leave/preview?typeId=${annual.id}&from=${days[0]}&to=${days[0]}`,
    ).expect(200);
    expect(over.body.data.problems).toContain('leave_overlap');
  });
});

describe('leave requests: edit, withdraw', () => {
  it('edits a pending request with its rev (stale rev 409, others 403), withdraw gives days back', async () => {
    const b0 = await balance('emp2');
    const { body } = await create('emp2', days[6]!).expect(201);
    const id = body.data.id as string;
    const edit = { typeId: annual.id, from: days[6], to: days[7], comment: 'länger' };
    await send('emp', 'patch', `/api/leave/requests/${id}`, { ...edit, rev: 0 }).expect(403);
    const ok = await send('emp2', 'patch', `/api/leave/requests/${id}`, {
      ...edit,
      rev: 0,
      status: 'approved',
    }).expect(200);
    expect(ok.body.data).toMatchObject({ days: 2, status: 'pending', rev: 1 });
    await send('emp2', 'patch', `/api/leave/requests/${id}`, { ...edit, rev: 0 }).expect(409);
    expect((await balance('emp2')).pending).toBe(b0.pending + 2);
    await send('lead', 'post', `/api/leave/requests/${id}/withdraw`).expect(403);
    await send('emp2', 'post', `/api/leave/requests/${id}/withdraw`).expect(200);
    await send('emp2', 'post', `/api/leave/requests/${id}/withdraw`).expect(200); // replay
    expect((await balance('emp2')).pending).toBe(b0.pending);
    await decide('lead', id, 'approve').expect(409);
    const edited = await send('emp2', 'patch', `/api/leave/requests/${id}`, { ...edit, rev: 2 });
    expect(edited.status).toBe(409);
    expect(edited.body.error.code).toBe('invalid_transition');
  });
});

describe('leave requests: balance', () => {
  it('a request or an edit beyond the balance is refused with 409 and leaves no trace', async () => {
    const b0 = await balance('xemp');
    const long = { from: `${year}-09-01`, to: `${year}-10-31` };
    const tooMuch = await create('xemp', long.from, long.to).expect(409);
    expect(tooMuch.body.error.code).toBe('insufficient_balance');
    const { body } = await create('xemp', days[17]!).expect(201);
    const grown = await send('xemp', 'patch', `/api/leave/requests/${body.data.id}`, {
      rev: 0,
      typeId: annual.id,
      ...long,
    }).expect(409);
    expect(grown.body.error.code).toBe('insufficient_balance');
    const b1 = await balance('xemp');
    expect(b1.pending).toBe(b0.pending + 1);
    const stored = (await get('xemp', `/api/leave/requests/${body.data.id}`)).body.data;
    expect(stored).toMatchObject({ from: days[17], to: days[17], rev: 0, days: 1 });
    // A type that does not count is not limited by the balance.
    const free = (
      await create('xemp', `${year}-11-02`, `${year}-12-18`, { typeId: special.id }).expect(201)
    ).body.data;
    expect((await balance('xemp')).pending).toBe(b1.pending);
    expect(free.days).toBeGreaterThan(30);
  });
});

describe('leave decisions', () => {
  it('approve once: the same decision again is answered with the stored state, a different one 409', async () => {
    const b0 = await balance('emp');
    const { body } = await create('emp', days[8]!).expect(201);
    const id = body.data.id as string;
    const first = await decide('lead', id, 'approve', 'ok').expect(200);
    expect(first.body.data).toMatchObject({
      status: 'approved',
      decidedBy: { id: ids.lead },
      decisionComment: 'ok',
    });
    const again = await decide('lead', id, 'approve').expect(200);
    expect(again.body.data.rev).toBe(first.body.data.rev);
    const reject = await decide('lead', id, 'reject').expect(409);
    expect(reject.body.error.code).toBe('invalid_transition');
    const b1 = await balance('emp');
    expect(b1.approved).toBe(b0.approved + 1);
    expect(b1.pending).toBe(b0.pending);
    const detail = (await get('emp', `/api/leave/requests/${id}`)).body
      .data as LeaveRequestDetailDTO;
    expect(detail.history.map((h) => h.action)).toEqual(['created', 'approved']);
  });

  it('approve and reject at once: exactly one applies, the other gets 409', async () => {
    const { body } = await create('emp', days[9]!).expect(201);
    const id = body.data.id as string;
    const [a, r] = await Promise.all([decide('lead', id, 'approve'), decide('lead', id, 'reject')]);
    const statuses = [a!.status, r!.status].sort();
    expect(statuses).toEqual([200, 409]);
    const winner = a!.status === 200 ? 'approved' : 'rejected';
    const stored = (await get('emp', `/api/leave/requests/${id}`)).body
      .data as LeaveRequestDetailDTO;
    expect(stored.status).toBe(winner);
    expect(stored.history.filter((h) => h.action !== 'created')).toHaveLength(1);
  });

  it('nobody decides their own request: not as leader, not as deputy in charge, not as HR', async () => {
    const own = await create('lead', days[11]!).expect(201);
    expect(own.body.data.approver.id).toBe(ids.head);
    const res = await decide('lead', own.body.data.id, 'approve').expect(403);
    expect(res.body.error.code).toBe('own_request');
    await send('lead', 'put', '/api/leave/delegation', {
      until: addDays(todayInBerlin(), 3),
    }).expect(200);
    const dep = await create('dep', days[11]!).expect(201);
    expect(dep.body.data.approver.id).toBe(ids.lead);
    expect((await decide('dep', dep.body.data.id, 'approve').expect(403)).body.error.code).toBe(
      'own_request',
    );
    await send('lead', 'put', '/api/leave/delegation', { until: null }).expect(200);
    await decide('head', own.body.data.id, 'approve').expect(200);
  });

  it('cancel before the start needs the approver: approve → cancelled (days back), reject → approved', async () => {
    const b0 = await balance('col');
    const a = (await create('col', days[12]!).expect(201)).body.data.id as string;
    const b = (await create('col', days[13]!).expect(201)).body.data.id as string;
    await decide('lead', a, 'approve').expect(200);
    await decide('lead', b, 'approve').expect(200);
    await send('lead', 'post', `/api/leave/requests/${a}/cancel`, {}).expect(403);
    expect(
      (await send('col', 'post', `/api/leave/requests/${a}/cancel`, {}).expect(200)).body.data
        .status,
    ).toBe('cancel_requested');
    await send('col', 'post', `/api/leave/requests/${b}/cancel`, {}).expect(200);
    expect((await decide('lead', a, 'approve').expect(200)).body.data.status).toBe('cancelled');
    expect((await decide('lead', b, 'reject').expect(200)).body.data.status).toBe('approved');
    await decide('lead', a, 'approve').expect(200); // the same decision replayed
    await decide('lead', a, 'reject').expect(409);
    const b1 = await balance('col');
    expect(b1.approved).toBe(b0.approved + 1);
    await send('col', 'post', `/api/leave/requests/${b}/withdraw`).expect(409);
  });

  it('a started leave is shortened at once: ends the day before, days given back, stays approved', async () => {
    const today = todayInBerlin();
    const y = Number(today.slice(0, 4));
    const from = addDays(today, -3);
    const to = addDays(today, 10);
    const { body } = await create('emp2', from, to, { typeId: annual.id }).expect(201);
    const id = body.data.id as string;
    const fullDays = body.data.days as number;
    await decide('lead', id, 'approve').expect(200);
    const before = await balance('emp2', y);
    await send('emp2', 'post', `/api/leave/requests/${id}/cancel`, {}).expect(409);
    await send('emp2', 'post', `/api/leave/requests/${id}/cancel`, {
      from: addDays(today, -1),
    }).expect(400);
    const cut = addDays(today, 1);
    const res = await send('emp2', 'post', `/api/leave/requests/${id}/cancel`, {
      from: cut,
    }).expect(200);
    expect(res.body.data).toMatchObject({ status: 'approved', to: today });
    expect(res.body.data.days).toBeLessThan(fullDays);
    await send('emp2', 'post', `/api/leave/requests/${id}/cancel`, { from: cut }).expect(200); // replay
    const after = await balance('emp2', y);
    if (Number(to.slice(0, 4)) === y)
      expect(after.approved).toBe(before.approved - (fullDays - res.body.data.days));
  });

  it('bulk: one result per id', async () => {
    const a = (await create('emp', days[14]!).expect(201)).body.data.id as string;
    const b = (await create('col', days[14]!).expect(201)).body.data.id as string;
    const foreign = (await create('xemp', days[14]!).expect(201)).body.data.id as string;
    const unknown = uuid();
    const res = await send('lead', 'post', '/api/leave/decisions', {
      ids: [a, b, foreign, unknown],
      decision: 'reject',
      comment: 'Termin',
    }).expect(200);
    const byId = new Map(
      (res.body.data as { id: string; ok: boolean; code?: string }[]).map((r) => [r.id, r]),
    );
    expect(byId.get(a)).toMatchObject({ ok: true, request: { status: 'rejected' } });
    expect(byId.get(b)).toMatchObject({ ok: true });
    expect(byId.get(foreign)).toMatchObject({ ok: false, code: 'forbidden' });
    expect(byId.get(unknown)).toMatchObject({ ok: false, code: 'not_found' });
    await send('lead', 'post', '/api/leave/decisions', { ids: [], decision: 'reject' }).expect(400);
  });
});

describe('deputy, delegation and inbox', () => {
  it('the deputy sees the inbox only while the manager has delegated or is on approved leave today', async () => {
    const pending = (await create('emp', days[15]!).expect(201)).body.data.id as string;
    expect((await inbox('dep')).requests.map((r) => r.id)).not.toContain(pending);
    await decide('dep', pending, 'approve').expect(403);
    await send('emp', 'put', '/api/leave/delegation', { until: todayInBerlin() }).expect(403);
    await send('lead', 'put', '/api/leave/delegation', { until: '2000-01-01' }).expect(400);
    const del = await send('lead', 'put', '/api/leave/delegation', {
      until: addDays(todayInBerlin(), 2),
    }).expect(200);
    expect(del.body.data).toMatchObject({ deputy: { id: ids.dep }, abilities: { delegate: true } });
    expect((await get('lead', '/api/leave/delegation')).body.data.until).toBe(
      addDays(todayInBerlin(), 2),
    );
    const dInbox = await inbox('dep');
    expect(dInbox.requests.map((r) => r.id)).toContain(pending);
    expect(dInbox.count).toBe(dInbox.requests.length);
    expect((await get('emp', `/api/leave/requests/${pending}`)).body.data.approver.id).toBe(
      ids.dep,
    );
    await send('lead', 'put', '/api/leave/delegation', { until: null }).expect(200);
    expect((await inbox('dep')).requests.map((r) => r.id)).not.toContain(pending);

    // The manager on approved leave today: approvals move to the deputy without any write.
    const today = todayInBerlin();
    const away = (
      await create('lead', today, addDays(today, 1), { typeId: special.id }).expect(201)
    ).body.data.id as string;
    expect((await inbox('dep')).requests.map((r) => r.id)).not.toContain(pending);
    await decide('head', away, 'approve').expect(200);
    expect((await inbox('dep')).requests.map((r) => r.id)).toContain(pending);
    // The primary approver may still decide while away.
    expect((await inbox('lead')).requests.map((r) => r.id)).toContain(pending);
    await decide('dep', pending, 'approve').expect(200);
  });
});

describe('leave notifications', () => {
  it('the approver hears of a new request, the requester of the decision, the deputy of a delegation', async () => {
    const off = registerLeaveNotifications();
    const count = (userId: string, kind: string) =>
      NotificationModel.countDocuments({ userId, kind });
    try {
      const { body } = await create('col', days[16]!).expect(201);
      // The manager is on leave today (test above): the request goes to the deputy.
      expect(body.data.approver.id).toBe(ids.dep);
      await vi.waitFor(async () => expect(await count(ids.dep, 'leave.requested')).toBe(1));
      expect(await count(ids.lead, 'leave.requested')).toBe(0);
      await decide('lead', body.data.id, 'reject', 'Leider nein').expect(200);
      await vi.waitFor(async () => expect(await count(ids.col, 'leave.rejected')).toBe(1));
      await send('lead', 'put', '/api/leave/delegation', { until: todayInBerlin() }).expect(200);
      await vi.waitFor(async () => expect(await count(ids.dep, 'leave.delegated')).toBe(1));
      await send('lead', 'put', '/api/leave/delegation', { until: null }).expect(200);
      expect(await count(ids.xlead, 'leave.requested')).toBe(0);
    } finally {
      off();
    }
  });
});
