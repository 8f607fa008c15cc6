import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import request from 'supertest';
import type { Express } from 'express';
import { Types } from 'mongoose';
import type { LeaveBalanceDTO, LeaveEntitlementRowDTO, LeaveTypeDTO } from '@shared/leave/types';
import { useTestDatabase } from '../../test/db';
import { makePerson, makeTestApp, session, type Session } from '../../test/app';
import { UnitModel } from '../org/unit.model';
import { AuditModel } from '../audit/audit.model';
import { ensureDefaultLeaveTypes } from './leave-type.model';
import { setLedgerEntry } from './ledger.service';

useTestDatabase();

let app: Express;
const s: Record<string, Session> = {};
const ids: Record<string, string> = {};
const Y = 2035;
const send = (method: 'post' | 'put' | 'patch', who: string, path: string, body: object = {}) =>
  s[who]!.agent[method](path).set('X-CSRF-Token', s[who]!.csrf).send(body);
const get = (who: string, path: string) => s[who]!.agent.get(path);

beforeAll(async () => {
  app = makeTestApp();
  await ensureDefaultLeaveTypes();
  await ensureDefaultLeaveTypes();
  const office = String(
    (await UnitModel.create({ name: 'Amt', kind: 'office', sortKey: 'amt' }))._id,
  );
  const team = String(
    (
      await UnitModel.create({
        name: 'Team',
        kind: 'team',
        parentId: office,
        path: [office],
        sortKey: 'team',
      })
    )._id,
  );
  ids.boss = (await makePerson({ username: 'boss', unitId: office })).id;
  ids.lead = (await makePerson({ username: 'lead', unitId: team })).id;
  ids.emp = (await makePerson({ username: 'emp', unitId: team })).id;
  ids.other = (await makePerson({ username: 'other' })).id;
  ids.hr = (await makePerson({ username: 'hr', roles: ['hr'] })).id;
  await UnitModel.updateOne({ _id: office }, { leaderId: ids.boss });
  await UnitModel.updateOne({ _id: team }, { leaderId: ids.lead });
  ids.team = team;
  for (const who of ['boss', 'lead', 'emp', 'other', 'hr']) s[who] = await session(app, who);
});

describe('access', () => {
  it('401 without a session', async () => {
    const anon = request(app);
    for (const path of [
      '/api/leave/types',
      '/api/leave/balance',
      `/api/leave/people/${ids.emp}/balance`,
      '/api/leave/settings',
      `/api/leave/entitlements?year=${Y}`,
    ]) {
      await anon.get(path).expect(401);
    }
  });

  it('403 for employees on every HR write and the list', async () => {
    await get('emp', `/api/leave/entitlements?year=${Y}`).expect(403);
    await send('put', 'emp', '/api/leave/settings', {
      dec24: 'free',
      dec31: 'free',
      carryExpiry: '03-31',
      escalationDays: 5,
    }).expect(403);
    await send('post', 'emp', '/api/leave/types', {
      key: 'x-type',
      name: { de: 'X', en: 'X' },
      counts: false,
      color: 'grey',
    }).expect(403);
    await send('put', 'emp', `/api/leave/people/${ids.emp}/entitlement?year=${Y}`, {
      baseDays: 40,
      workdays: [1, 2, 3, 4, 5],
      rev: 0,
    }).expect(403);
    await send('post', 'emp', '/api/leave/entitlements/import', { year: Y, csv: 'emp;40' }).expect(
      403,
    );
    await send('post', 'emp', '/api/leave/carry-over', { fromYear: Y }).expect(403);
  });

  it('balances: own, leaders of the chain and HR; not colleagues or other units', async () => {
    const own = (await get('emp', `/api/leave/balance?year=${Y}`).expect(200)).body
      .data as LeaveBalanceDTO;
    expect(own).toMatchObject({
      personId: ids.emp,
      year: Y,
      entitlement: 30,
      available: 30,
      abilities: { editEntitlement: false },
    });
    await get('lead', `/api/leave/people/${ids.emp}/balance?year=${Y}`).expect(200);
    await get('boss', `/api/leave/people/${ids.emp}/balance?year=${Y}`).expect(200);
    const hr = await get('hr', `/api/leave/people/${ids.emp}/balance?year=${Y}`).expect(200);
    expect(hr.body.data.abilities.editEntitlement).toBe(true);
    await get('other', `/api/leave/people/${ids.emp}/balance?year=${Y}`).expect(403);
    await get('emp', `/api/leave/people/${ids.lead}/balance?year=${Y}`).expect(403);
    await get('hr', `/api/leave/people/${String(new Types.ObjectId())}/balance?year=${Y}`).expect(
      404,
    );
    await get('emp', '/api/leave/balance?year=1999').expect(400);
  });
});

describe('types and settings', () => {
  it('the four default types exist once; HR adds and changes types', async () => {
    const types = (await get('emp', '/api/leave/types').expect(200)).body.data as LeaveTypeDTO[];
    expect(types.map((t) => t.key).sort()).toEqual(['annual', 'special', 'time-off', 'training']);
    expect(types.find((t) => t.key === 'annual')?.counts).toBe(true);
    const created = await send('post', 'hr', '/api/leave/types', {
      key: 'bildung',
      name: { de: 'Bildungsurlaub', en: 'Educational leave' },
      counts: false,
      color: 'green',
    }).expect(201);
    await send('post', 'hr', '/api/leave/types', {
      key: 'bildung',
      name: { de: 'B', en: 'B' },
      counts: false,
      color: 'green',
    }).expect(409);
    await send('post', 'hr', '/api/leave/types', {
      key: 'Bad Key',
      name: { de: 'B', en: 'B' },
      counts: false,
      color: 'green',
    }).expect(400);
    const id = created.body.data.id as string;
    const patched = await send('patch', 'hr', `/api/leave/types/${id}`, {
      active: false,
      key: 'renamed',
    }).expect(200);
    expect(patched.body.data).toMatchObject({
      key: 'bildung',
      active: false,
      counts: false,
      color: 'green',
    });
    await send('patch', 'hr', `/api/leave/types/${String(new Types.ObjectId())}`, {
      active: false,
    }).expect(404);
  });

  it('settings: everyone reads, HR writes (validated, audited)', async () => {
    const read = await get('emp', '/api/leave/settings').expect(200);
    expect(read.body.data).toEqual({
      dec24: 'half',
      dec31: 'half',
      carryExpiry: '03-31',
      escalationDays: 5,
      abilities: { edit: false },
    });
    await send('put', 'hr', '/api/leave/settings', {
      dec24: 'free',
      dec31: 'half',
      carryExpiry: '13-01',
      escalationDays: 5,
    }).expect(400);
    const put = await send('put', 'hr', '/api/leave/settings', {
      dec24: 'free',
      dec31: 'half',
      carryExpiry: '04-30',
      escalationDays: 7,
    }).expect(200);
    expect(put.body.data).toMatchObject({
      dec24: 'free',
      carryExpiry: '04-30',
      abilities: { edit: true },
    });
    expect((await get('emp', '/api/leave/settings').expect(200)).body.data.dec24).toBe('free');
    expect(await AuditModel.countDocuments({ action: 'leave.settings_updated' })).toBe(1);
    await send('put', 'hr', '/api/leave/settings', {
      dec24: 'half',
      dec31: 'half',
      carryExpiry: '03-31',
      escalationDays: 5,
    }).expect(200);
  });
});

describe('entitlements', () => {
  it('HR edits with rev: 200, stale 409, below approved 409, unknown fields ignored', async () => {
    const path = `/api/leave/people/${ids.lead}/entitlement?year=${Y}`;
    const before = (await get('hr', `/api/leave/people/${ids.lead}/balance?year=${Y}`).expect(200))
      .body.data as LeaveBalanceDTO;
    const body = {
      baseDays: 30,
      workdays: [1, 2, 3, 4],
      employedFrom: null,
      employedTo: null,
      additional: [{ label: 'Schwerbehinderung', days: 5 }],
      rev: before.rev,
      // Mass assignment: none of these may land.
      approved: 0,
      carryOver: 99,
      personId: ids.other,
      entries: { x: 1 },
    };
    const ok = (await send('put', 'hr', path, body).expect(200)).body.data as LeaveBalanceDTO;
    expect(ok).toMatchObject({
      personId: ids.lead,
      entitlement: 29,
      carryOver: 0,
      workdays: [1, 2, 3, 4],
      rev: before.rev + 1,
    });
    expect((await send('put', 'hr', path, body).expect(409)).body.error.code).toBe('conflict');
    await send('put', 'hr', path, { ...body, baseDays: 30.3, rev: ok.rev }).expect(400);
    await send('put', 'hr', path, { ...body, workdays: [], rev: ok.rev }).expect(400);
    await setLedgerEntry({
      personId: ids.lead!,
      requestId: randomUUID(),
      state: 'approved',
      charges: [{ year: Y, days: 20, upToExpiry: 0 }],
      previousYears: [],
    });
    const now = (await get('hr', `/api/leave/people/${ids.lead}/balance?year=${Y}`).expect(200))
      .body.data as LeaveBalanceDTO;
    const below = await send('put', 'hr', path, {
      ...body,
      baseDays: 10,
      additional: [],
      rev: now.rev,
    }).expect(409);
    expect(below.body.error.code).toBe('entitlement_below_approved');
    expect(
      await AuditModel.countDocuments({ action: 'leave.entitlement_updated', subjectId: ids.lead }),
    ).toBe(1);
  });

  it('the list: HR only, by unit and name, paged', async () => {
    const page = await get(
      'hr',
      `/api/leave/entitlements?year=${Y}&unitId=${ids.team}&limit=1`,
    ).expect(200);
    const rows = page.body.data as LeaveEntitlementRowDTO[];
    expect(rows).toHaveLength(1);
    expect(page.body.nextCursor).toEqual(expect.any(String));
    const next = await get(
      'hr',
      `/api/leave/entitlements?year=${Y}&unitId=${ids.team}&limit=1&cursor=${page.body.nextCursor as string}`,
    ).expect(200);
    const all = [...rows, ...(next.body.data as LeaveEntitlementRowDTO[])]
      .map((r) => r.person.id)
      .sort();
    expect(all).toEqual([ids.emp, ids.lead].sort());
    expect(next.body.nextCursor).toBeNull();
  });

  it('CSV import: header optional, bad lines reported, importing twice changes nothing', async () => {
    const csv = [
      'username;baseDays;workdays;employedFrom;employedTo;additionalLabel;additionalDays',
      'emp;30;1-3;;;Schwerbehinderung;5',
      'boss;30;1,2,3,4,5;2035-07-15;;;',
      'nobody;30;1-5;;;;',
      'other;abc;1-5;;;;',
      'other;30;1-9;;;;',
      'other;30;1-5;2035-02-30;;;',
      'other;30;1-5;;;Label;',
      '',
      'hr;20',
    ].join('\n');
    const first = await send('post', 'hr', '/api/leave/entitlements/import', {
      year: Y,
      csv,
    }).expect(200);
    expect(first.body.data).toEqual({
      imported: 3,
      errors: [
        { line: 4, code: 'unknown_person' },
        { line: 5, code: 'invalid_days' },
        { line: 6, code: 'invalid_workdays' },
        { line: 7, code: 'invalid_date' },
        { line: 8, code: 'invalid_additional' },
      ],
    });
    const emp = (await get('hr', `/api/leave/people/${ids.emp}/balance?year=${Y}`).expect(200)).body
      .data as LeaveBalanceDTO;
    expect(emp).toMatchObject({ entitlement: 18 + 5, workdays: [1, 2, 3] });
    const boss = (await get('hr', `/api/leave/people/${ids.boss}/balance?year=${Y}`).expect(200))
      .body.data as LeaveBalanceDTO;
    expect(boss).toMatchObject({ entitlement: 13, employedFrom: '2035-07-15' });
    const again = await send('post', 'hr', '/api/leave/entitlements/import', {
      year: Y,
      csv,
    }).expect(200);
    expect(again.body.data).toEqual(first.body.data);
    const emp2 = (await get('hr', `/api/leave/people/${ids.emp}/balance?year=${Y}`).expect(200))
      .body.data as LeaveBalanceDTO;
    expect(emp2.rev).toBe(emp.rev);
    expect(await AuditModel.countDocuments({ action: 'leave.entitlements_imported' })).toBe(2);
  });
});

describe('carry-over run', () => {
  it('HR runs it twice: the same result, the next year carries the remainder', async () => {
    const first = await send('post', 'hr', '/api/leave/carry-over', { fromYear: Y }).expect(200);
    const second = await send('post', 'hr', '/api/leave/carry-over', { fromYear: Y }).expect(200);
    expect(second.body.data).toEqual(first.body.data);
    // lead: 29 entitlement − 20 approved = 9.
    const next = (await get('lead', `/api/leave/balance?year=${Y + 1}`).expect(200)).body
      .data as LeaveBalanceDTO;
    expect(next).toMatchObject({
      carryOver: 9,
      carryExpires: `${Y + 1}-03-31`,
      workdays: [1, 2, 3, 4],
    });
    await send('post', 'hr', '/api/leave/carry-over', { fromYear: 'x' }).expect(400);
  });
});
