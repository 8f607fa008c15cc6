import { describe, it, expect, beforeAll } from 'vitest';
import request from 'supertest';
import type { Express } from 'express';
import { useTestDatabase } from '../../test/db';
import { makeTestApp, session, type Session } from '../../test/app';
import { AuditModel } from '../audit/audit.model';
import { PersonModel } from './person.model';
import { makeOrg } from './people.fixtures';
import { events } from '../../lib/events';
import type { CreatedPersonDTO, PersonDTO } from '@shared/people/types';

useTestDatabase();
let app: Express;
let org: Awaited<ReturnType<typeof makeOrg>>;
let asAdmin: Session;
let asEmployee: Session;
let asHr: Session;

beforeAll(async () => {
  app = makeTestApp();
  org = await makeOrg();
  asAdmin = await session(app, 'admin');
  asEmployee = await session(app, 'employee');
  asHr = await session(app, 'hr');
});

const newPerson = (username: string) => ({
  username,
  givenName: 'Jürgen',
  familyName: 'Schäfer',
  email: `${username}@stuttgart.example`,
  unitId: String(org.units.dept._id),
  position: 'Sachbearbeiter Bauanträge',
});

async function login(username: string, password: string) {
  const s = await session(app);
  return s.agent.post('/api/auth/login').set('X-CSRF-Token', s.csrf).send({ username, password });
}

describe('admin routes refuse non-admins with 403 and audit the refusal', () => {
  const id = (): string => org.people.other.id;
  it.each([
    ['post', (): string => '/api/people', () => newPerson('x1')],
    ['patch', (): string => `/api/people/${id()}`, () => ({ position: 'Chef' })],
    ['post', (): string => `/api/people/${id()}/password`, () => ({})],
  ] as const)('%s as employee and HR', async (method, path, body) => {
    for (const s of [asEmployee, asHr]) {
      const res = await s.agent[method](path()).set('X-CSRF-Token', s.csrf).send(body());
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe('forbidden');
    }
    expect(
      await AuditModel.countDocuments({ outcome: 'denied', actorId: org.people.hr._id }),
    ).toBeGreaterThan(0);
  });

  it('leaves the person unchanged', async () => {
    const p = await PersonModel.findById(org.people.other.id).lean();
    expect(p?.position).toBeNull();
  });
});

describe('POST /api/people', () => {
  it('creates a person with a generated one-time password that works once handed over', async () => {
    const res = await asAdmin.agent
      .post('/api/people')
      .set('X-CSRF-Token', asAdmin.csrf)
      .send(newPerson('jschaefer'))
      .expect(201);
    const created = res.body.data as CreatedPersonDTO;
    expect(created.person.displayName).toBe('Jürgen Schäfer');
    expect(created.person.roles).toEqual(['employee']);
    expect(created.person.manager?.id).toBe(org.people.manager.id);
    expect(created.initialPassword).toMatch(/^[A-Za-z0-9_-]{16}$/);
    expect((await login('jschaefer', created.initialPassword as string)).status).toBe(200);
    const found = await asEmployee.agent.get('/api/people?q=schafer').expect(200);
    expect(found.body.data.map((p: PersonDTO) => p.username)).toEqual(['jschaefer']);
    expect(await AuditModel.countDocuments({ action: 'person.create', outcome: 'success' })).toBe(
      1,
    );
  });

  it('uses a given password and returns none', async () => {
    const res = await asAdmin.agent
      .post('/api/people')
      .set('X-CSRF-Token', asAdmin.csrf)
      .send({ ...newPerson('given-pw'), password: 'a-long-password' })
      .expect(201);
    expect(res.body.data.initialPassword).toBeNull();
    expect((await login('given-pw', 'a-long-password')).status).toBe(200);
  });

  it('answers 409 for a taken user name', async () => {
    const res = await asAdmin.agent
      .post('/api/people')
      .set('X-CSRF-Token', asAdmin.csrf)
      .send(newPerson('employee'))
      .expect(409);
    expect(res.body.error.code).toBe('conflict');
  });

  it('answers 400 for an unknown unit', async () => {
    const res = await asAdmin.agent
      .post('/api/people')
      .set('X-CSRF-Token', asAdmin.csrf)
      .send({ ...newPerson('nounit'), unitId: '0123456789abcdef01234567' })
      .expect(400);
    expect(res.body.error.details[0]).toMatchObject({ path: 'unitId', code: 'unknown_reference' });
  });

  it.each([
    [{ passwordHash: 'x' }],
    [{ active: false }],
    [{ _id: '0123456789abcdef01234567' }],
    [{ username: { $ne: '' } }],
    [{ unitId: { $gt: '' } }],
    [{ roles: ['superuser'] }],
    [{ email: 'not-an-email' }],
  ])('rejects %j with 400', async (extra) => {
    const res = await asAdmin.agent
      .post('/api/people')
      .set('X-CSRF-Token', asAdmin.csrf)
      .send({ ...newPerson('inject'), ...extra })
      .expect(400);
    expect(res.body.error.code).toBe('validation_failed');
    expect(await PersonModel.exists({ username: 'inject' })).toBeNull();
  });
});

describe('PATCH /api/people/:id', () => {
  it('changes roles and unit, auditing from → to', async () => {
    const id = org.people.other.id;
    const res = await asAdmin.agent
      .patch(`/api/people/${id}`)
      .set('X-CSRF-Token', asAdmin.csrf)
      .send({ roles: ['editor'], unitId: String(org.units.team._id), position: 'Redakteur' })
      .expect(200);
    expect(res.body.data.roles).toEqual(['editor', 'employee']);
    expect(res.body.data.unit.name).toBe('Team Entgelt');
    const roles = await AuditModel.findOne({ action: 'person.roles_change', subjectId: id }).lean();
    expect(roles?.detail).toEqual({ from: ['employee'], to: ['editor', 'employee'] });
    expect(String(roles?.actorId)).toBe(org.people.admin.id);
    const unit = await AuditModel.findOne({ action: 'person.unit_change', subjectId: id }).lean();
    expect(unit?.detail).toEqual({
      from: String(org.units.other._id),
      to: String(org.units.team._id),
    });
    const found = await asEmployee.agent.get('/api/people?q=redakteur').expect(200);
    expect(found.body.data.map((p: PersonDTO) => p.id)).toEqual([id]);
  });

  it('deactivates: publishes person.deactivated, audits, and the person can no longer sign in', async () => {
    const seen: string[] = [];
    const off = events.on('person.deactivated', ({ personId }) => void seen.push(personId));
    const victim = await session(app, 'mueller');
    await asAdmin.agent
      .patch(`/api/people/${org.people.mueller.id}`)
      .set('X-CSRF-Token', asAdmin.csrf)
      .send({ active: false })
      .expect(200);
    off();
    expect(seen).toEqual([org.people.mueller.id]);
    await victim.agent.get('/api/me').expect(401);
    const entry = await AuditModel.findOne({ action: 'person.active_change' }).lean();
    expect(entry?.detail).toEqual({ from: true, to: false });
  });

  it('does not let an admin drop their own admin role or deactivate themselves', async () => {
    const me = org.people.admin.id;
    await asAdmin.agent
      .patch(`/api/people/${me}`)
      .set('X-CSRF-Token', asAdmin.csrf)
      .send({ roles: ['employee'] })
      .expect(403);
    await asAdmin.agent
      .patch(`/api/people/${me}`)
      .set('X-CSRF-Token', asAdmin.csrf)
      .send({ active: false })
      .expect(403);
    const p = await PersonModel.findById(me).lean();
    expect(p?.roles).toContain('admin');
    expect(p?.active).toBe(true);
    expect(
      await AuditModel.countDocuments({ action: 'person.roles_change', outcome: 'denied' }),
    ).toBe(1);
    // Adding a role to oneself is fine.
    await asAdmin.agent
      .patch(`/api/people/${me}`)
      .set('X-CSRF-Token', asAdmin.csrf)
      .send({ roles: ['admin', 'hr'] })
      .expect(200);
  });

  it.each([
    [{ username: 'renamed' }],
    [{ passwordHash: 'x' }],
    [{ roles: { $ne: [] } }],
    [{ active: 'false' }],
    [{ deputyId: { $ne: null } }],
  ])('rejects %j with 400', async (body) => {
    await asAdmin.agent
      .patch(`/api/people/${org.people.chief.id}`)
      .set('X-CSRF-Token', asAdmin.csrf)
      .send(body)
      .expect(400);
  });

  it('is 404 for an unknown person', async () => {
    await asAdmin.agent
      .patch('/api/people/0123456789abcdef01234567')
      .set('X-CSRF-Token', asAdmin.csrf)
      .send({ position: 'x' })
      .expect(404);
  });
});

describe('POST /api/people/:id/password', () => {
  it('resets to a generated one-time password and unlocks the account', async () => {
    await PersonModel.updateOne(
      { _id: org.people.chief.id },
      { $set: { failedLogins: 10, lockedUntil: new Date(Date.now() + 600_000) } },
    );
    const res = await asAdmin.agent
      .post(`/api/people/${org.people.chief.id}/password`)
      .set('X-CSRF-Token', asAdmin.csrf)
      .send({})
      .expect(200);
    const pw = res.body.data.initialPassword as string;
    expect(pw).toHaveLength(16);
    expect((await login('chief', pw)).status).toBe(200);
    expect(
      await AuditModel.countDocuments({ action: 'person.password_reset', outcome: 'success' }),
    ).toBe(1);
  });

  it("ends the existing sessions of that person, but not the admin's own", async () => {
    const victim = await session(app, 'employee');
    await victim.agent.get('/api/me').expect(200);
    await asAdmin.agent
      .post(`/api/people/${org.people.employee.id}/password`)
      .set('X-CSRF-Token', asAdmin.csrf)
      .send({ password: 'a-fresh-password-1' })
      .expect(200);
    await victim.agent.get('/api/me').expect(401);
    await asAdmin.agent.get('/api/me').expect(200);
  });

  it('rejects a too short password and operators with 400', async () => {
    for (const body of [{ password: 'short' }, { password: { $ne: '' } }]) {
      await asAdmin.agent
        .post(`/api/people/${org.people.chief.id}/password`)
        .set('X-CSRF-Token', asAdmin.csrf)
        .send(body)
        .expect(400);
    }
  });

  it('is 401 without a session', async () => {
    const anon = await session(app);
    await anon.agent
      .post(`/api/people/${org.people.chief.id}/password`)
      .set('X-CSRF-Token', anon.csrf)
      .send({})
      .expect(401);
    await request(app).get(`/api/people/${org.people.chief.id}`).expect(401);
  });
});
