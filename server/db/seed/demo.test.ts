import { describe, it, expect, beforeAll } from 'vitest';
import type { Express } from 'express';
import { useTestDatabase } from '../../test/db';
import { makeTestApp } from '../../test/app';
import request from 'supertest';
import { seedDemoIfEmpty, DEMO_PASSWORD } from './demo';
import { PersonModel } from '../../modules/people/person.model';
import { UnitModel } from '../../modules/org/unit.model';
import { LocationModel } from '../../modules/org/location.model';
import type { PersonDTO } from '@shared/people/types';

useTestDatabase();
let app: Express;

beforeAll(async () => {
  app = makeTestApp();
  expect(await seedDemoIfEmpty()).toBe(true);
});

async function signIn(username: string) {
  const agent = request.agent(app);
  const csrf = (await agent.get('/api/auth/csrf')).body.token as string;
  const res = await agent
    .post('/api/auth/login')
    .set('X-CSRF-Token', csrf)
    .send({ username, password: DEMO_PASSWORD });
  return { agent, status: res.status };
}

describe('demo seed', () => {
  it('creates a realistic organisation: offices with departments, leaders, locations, ~60 people', async () => {
    const offices = await UnitModel.find({ kind: 'office' }).lean();
    expect(offices.length).toBeGreaterThanOrEqual(6);
    expect(offices.map((o) => o.number)).toEqual(
      expect.arrayContaining(['10', '20', '23', '29', '30', '50', '51', '62', '66']),
    );
    expect(await UnitModel.countDocuments({ leaderId: null })).toBe(0);
    expect(await UnitModel.countDocuments({ kind: 'department', path: { $size: 0 } })).toBe(0);
    expect(await LocationModel.countDocuments()).toBeGreaterThanOrEqual(5);
    const people = await PersonModel.find().lean();
    expect(people.length).toBeGreaterThanOrEqual(55);
    for (const p of people) {
      expect(p.email).toMatch(/^[a-z0-9.]+@stuttgart\.example$/);
      expect(p.phone).toMatch(/^\+49 711 216-\d{5}$/);
      expect(p.searchTerms.length).toBeGreaterThan(0);
    }
    expect(new Set(people.map((p) => p.email)).size).toBe(people.length);
  });

  it('does nothing when people exist', async () => {
    const before = await PersonModel.countDocuments();
    expect(await seedDemoIfEmpty()).toBe(false);
    expect(await PersonModel.countDocuments()).toBe(before);
  });

  it('has the demo accounts with password demo1234 and the documented roles', async () => {
    const expected: Record<string, string[]> = {
      admin: ['admin', 'employee'],
      editor: ['editor', 'employee'],
      mover: ['employee', 'mover'],
      hr: ['employee', 'hr'],
      manager: ['employee'],
      employee: ['employee'],
      employee2: ['employee'],
    };
    for (const [username, roles] of Object.entries(expected)) {
      const p = await PersonModel.findOne({ username }).lean();
      expect(p?.roles, username).toEqual(roles);
    }
    expect((await signIn('admin')).status).toBe(200);
    expect((await signIn('employee2')).status).toBe(200);
  });

  it('makes `manager` the manager of `employee`, and puts `employee2` in another office', async () => {
    const { agent } = await signIn('employee');
    const me = (await agent.get('/api/me').expect(200)).body.data as { id: string };
    const profile = (await agent.get(`/api/people/${me.id}`).expect(200)).body.data as PersonDTO;
    const manager = await PersonModel.findOne({ username: 'manager' }).lean();
    expect(profile.manager?.id).toBe(String(manager?._id));
    expect(profile.deputy).not.toBeNull();
    const e2 = await PersonModel.findOne({ username: 'employee2' }).lean();
    const [u1, u2] = await Promise.all([
      UnitModel.findById(profile.unitId).lean(),
      UnitModel.findById(e2?.unitId).lean(),
    ]);
    expect(u1?.path[0]).toBeDefined();
    expect(String(u1?.path[0])).not.toBe(String(u2?.path[0]));
    const hr = await PersonModel.findOne({ username: 'hr' }).lean();
    const hrUnit = await UnitModel.findById(hr?.unitId).lean();
    expect(hrUnit?.name).toBe('Personalservice');
  });

  it('is searchable in the directory by name and responsibility', async () => {
    const { agent } = await signIn('employee');
    const mueller = await agent.get('/api/people?q=muller').expect(200);
    expect(mueller.body.data.map((p: PersonDTO) => p.displayName)).toContain('Jürgen Müller');
    const wohngeld = await agent.get('/api/people?q=wohngeld').expect(200);
    expect(wohngeld.body.data.length).toBeGreaterThan(0);
  });
});

describe('demo leave', () => {
  it('has leave types, this year’s ledger for everyone, carry-over for employee, mover as manager’s deputy', async () => {
    const { LeaveTypeModel } = await import('../../modules/leave/leave-type.model');
    const { LedgerModel } = await import('../../modules/leave/ledger.model');
    const { todayInBerlin } = await import('../../modules/leave/holidays');
    const year = Number(todayInBerlin().slice(0, 4));
    const types = await LeaveTypeModel.find().lean();
    expect(types.filter((t) => t.counts).map((t) => t.key)).toEqual(['annual']);
    expect(types.map((t) => t.key).sort()).toEqual(['annual', 'special', 'time-off', 'training']);
    const people = await PersonModel.find().lean();
    const ledgers = await LedgerModel.find({ year }).lean();
    expect(new Set(ledgers.map((l) => l.personId))).toEqual(
      new Set(people.map((p) => String(p._id))),
    );
    const employee = people.find((p) => p.username === 'employee');
    const manager = people.find((p) => p.username === 'manager');
    const mover = people.find((p) => p.username === 'mover');
    expect(ledgers.find((l) => l.personId === String(employee?._id))?.carryOver).toBe(4);
    expect(String(manager?.deputyId)).toBe(String(mover?._id));
  });

  it('shows colleagues’ approved and pending leave, and balances that match the requests', async () => {
    const { agent } = await signIn('employee');
    const { LeaveRequestModel } = await import('../../modules/leave/request.model');
    const requests = await LeaveRequestModel.find().lean();
    expect(requests.some((r) => r.status === 'approved')).toBe(true);
    expect(requests.some((r) => r.status === 'pending')).toBe(true);
    const ayse = requests.find((r) => r.status === 'approved' && r.counts && r.days === 5);
    expect(ayse).toBeDefined();
    const month = ayse!.from.slice(0, 7);
    const cal = (await agent.get(`/api/leave/calendar?month=${month}`).expect(200)).body.data as {
      people: { person: { id: string }; absences: { id: string; type: unknown }[] }[];
    };
    const row = cal.people.find((p) => p.person.id === String(ayse!.personId));
    expect(row?.absences.map((a) => a.id)).toContain(ayse!._id);
    expect(row?.absences[0]?.type).toBeNull();
    // A reader of another office may not open the team's calendar.
    const other = await signIn('employee2');
    const unitId = (await agent.get('/api/me').expect(200)).body.data.unitId as string;
    await other.agent.get(`/api/leave/calendar?month=${month}&unitId=${unitId}`).expect(403);
    // Her balance (read by her manager) holds exactly the approved days.
    const mgr = await signIn('manager');
    const year = Number(ayse!.from.slice(0, 4));
    const balance = (
      await mgr.agent
        .get(`/api/leave/people/${String(ayse!.personId)}/balance?year=${year}`)
        .expect(200)
    ).body.data as { approved: number; available: number };
    expect(balance.approved).toBe(
      requests
        .filter(
          (r) =>
            String(r.personId) === String(ayse!.personId) && r.counts && r.status === 'approved',
        )
        .reduce((sum, r) => sum + (r.charges.find((c) => c.year === year)?.days ?? 0), 0),
    );
  });
});
