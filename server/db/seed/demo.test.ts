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
