import { describe, it, expect, beforeAll } from 'vitest';
import request from 'supertest';
import type { Express } from 'express';
import { useTestDatabase } from '../../test/db';
import { makeTestApp, session, type Session } from '../../test/app';
import { AuditModel } from '../audit/audit.model';
import { PersonModel } from './person.model';
import { makeOrg } from './people.fixtures';
import type { PersonDTO } from '@shared/people/types';

useTestDatabase();
let app: Express;
let org: Awaited<ReturnType<typeof makeOrg>>;
let asEmployee: Session;
let asHr: Session;
let asAdmin: Session;

beforeAll(async () => {
  app = makeTestApp();
  org = await makeOrg();
  asEmployee = await session(app, 'employee');
  asHr = await session(app, 'hr');
  asAdmin = await session(app, 'admin');
});

const names = (body: { data: PersonDTO[] }) => body.data.map((p) => p.username);

describe('people routes without a session', () => {
  it.each([
    ['get', '/api/people'],
    ['get', '/api/people/0123456789abcdef01234567'],
    ['patch', '/api/me/profile'],
  ] as const)('%s %s answers 401', async (method, path) => {
    const res = await request(app)[method](path);
    expect(res.status).toBe(method === 'get' ? 401 : 403); // unsafe methods fail CSRF first
  });

  it('GET /api/people is 401 with a CSRF-valid anonymous session', async () => {
    const anon = await session(app);
    await anon.agent.get('/api/people').expect(401);
    await anon.agent.patch('/api/me/profile').set('X-CSRF-Token', anon.csrf).send({}).expect(401);
  });
});

describe('GET /api/people (directory)', () => {
  it.each(['muller', 'mueller', 'Müller', 'MÜL', 'jürgen müller', 'juergen'])(
    'finds Jürgen Müller with %j',
    async (q) => {
      const res = await asEmployee.agent.get('/api/people').query({ q }).expect(200);
      expect(names(res.body)).toEqual(['mueller']);
    },
  );

  it('matches word prefixes only (anchored), and position and responsibility words', async () => {
    expect(names((await asEmployee.agent.get('/api/people?q=ller').expect(200)).body)).toEqual([]);
    const wohngeld = await asEmployee.agent.get('/api/people?q=wohng').expect(200);
    expect(names(wohngeld.body)).toEqual(['employee']);
    const sach = await asEmployee.agent.get('/api/people?q=sachbearb').expect(200);
    expect(names(sach.body).sort()).toEqual(['employee', 'mueller']);
  });

  it('treats regex characters in q as text', async () => {
    const res = await asEmployee.agent.get('/api/people').query({ q: '.*' }).expect(200);
    expect(res.body.data).toEqual([]);
  });

  it('filters by unit, with and without sub-units', async () => {
    const office = String(org.units.office._id);
    const direct = await asEmployee.agent.get(`/api/people?unitId=${office}`).expect(200);
    expect(names(direct.body).sort()).toEqual(['admin', 'chief']);
    const sub = await asEmployee.agent
      .get(`/api/people?unitId=${office}&includeSubunits=true`)
      .expect(200);
    expect(names(sub.body).sort()).toEqual([
      'admin',
      'chief',
      'employee',
      'hr',
      'manager',
      'mueller',
    ]);
  });

  it('filters by location and role', async () => {
    const loc = await asEmployee.agent
      .get(`/api/people?locationId=${String(org.rathaus._id)}`)
      .expect(200);
    expect(names(loc.body)).toEqual(['employee']);
    // Others' roles are admin-only information, so is filtering by them.
    await asEmployee.agent.get('/api/people?role=hr').expect(403);
    const hr = await asAdmin.agent.get('/api/people?role=hr').expect(200);
    expect(names(hr.body)).toEqual(['hr']);
  });

  it('pages by cursor in alphabetical order without gaps or repeats', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res: request.Response = await asEmployee.agent
        .get('/api/people')
        .query({ limit: 2, ...(cursor ? { cursor } : {}) })
        .expect(200);
      seen.push(...(res.body.data as PersonDTO[]).map((p) => p.familyName));
      cursor = res.body.nextCursor as string | null;
    } while (cursor);
    expect(seen).toEqual([
      'Admin',
      'Chef',
      'Kämmerer',
      'Manager',
      'Müller',
      'Mustermann',
      'Personal',
    ]);
  });

  it('hides inactive people from employees (403, audited) and shows them to HR', async () => {
    const res = await asEmployee.agent.get('/api/people?active=all').expect(403);
    expect(res.body.error.code).toBe('forbidden');
    expect(
      await AuditModel.countDocuments({
        action: 'people.list_inactive',
        outcome: 'denied',
        actorId: org.people.employee._id,
      }),
    ).toBe(1);
    const hr = await asHr.agent.get('/api/people?active=false').expect(200);
    expect(names(hr.body)).toEqual(['gone']);
  });

  it.each([
    '/api/people?q[$ne]=x',
    '/api/people?unitId[$ne]=x',
    '/api/people?unitId=abc',
    '/api/people?role=boss',
    '/api/people?limit=1000',
    '/api/people?$where=1',
    '/api/people?cursor=%24ne',
  ])('rejects %s with 400', async (url) => {
    const res = await asEmployee.agent.get(url).expect(400);
    expect(res.body.error.code).toBe('validation_failed');
  });
});

describe('GET /api/people/:id (profile)', () => {
  it('derives the manager from the unit leader, deputy and led units', async () => {
    const res = await asEmployee.agent.get(`/api/people/${org.people.employee.id}`).expect(200);
    const p = res.body.data as PersonDTO;
    expect(p.manager?.id).toBe(org.people.manager.id);
    expect(p.unit?.name).toBe('Personalservice');
    expect(p.location?.name).toBe('Rathaus');
    expect(p.abilities).toMatchObject({ updateOwnProfile: true, update: false });
    expect(p.roles).toEqual(['employee']);
  });

  it("gives a unit's leader the parent unit's leader as manager, and a sub-team the nearest leader", async () => {
    const mgr = (await asEmployee.agent.get(`/api/people/${org.people.manager.id}`).expect(200))
      .body.data as PersonDTO;
    expect(mgr.manager?.id).toBe(org.people.chief.id);
    expect(mgr.leads.map((u) => u.name)).toEqual(['Personalservice']);
    expect(mgr.roles).toEqual([]); // roles of others are not shown to employees
    const team = (await asEmployee.agent.get(`/api/people/${org.people.mueller.id}`).expect(200))
      .body.data as PersonDTO;
    expect(team.manager?.id).toBe(org.people.manager.id);
  });

  it('never shows someone who has left as deputy', async () => {
    await PersonModel.updateOne(
      { _id: org.people.other.id },
      { $set: { deputyId: org.people.gone.id } },
    );
    const p = (await asEmployee.agent.get(`/api/people/${org.people.other.id}`).expect(200)).body
      .data as PersonDTO;
    expect(p.deputy).toBeNull();
    await PersonModel.updateOne({ _id: org.people.other.id }, { $set: { deputyId: null } });
  });

  it('is 404 for inactive people except for HR, and 400 for a malformed id', async () => {
    await asEmployee.agent.get(`/api/people/${org.people.gone.id}`).expect(404);
    await asHr.agent.get(`/api/people/${org.people.gone.id}`).expect(200);
    await asEmployee.agent.get('/api/people/0123456789abcdef01234567').expect(404);
    await asEmployee.agent.get('/api/people/not-an-id').expect(400);
  });
});

describe('PATCH /api/me/profile', () => {
  it('updates own phone, languages, responsibilities and deputy, and keeps search in sync', async () => {
    const res = await asEmployee.agent
      .patch('/api/me/profile')
      .set('X-CSRF-Token', asEmployee.csrf)
      .send({
        phone: '+49 711 216-12345',
        languages: ['Deutsch', 'Türkisch'],
        responsibilities: ['zuständig für Elterngeld'],
        deputyId: org.people.hr.id,
      })
      .expect(200);
    const p = res.body.data as PersonDTO;
    expect(p.phone).toBe('+49 711 216-12345');
    expect(p.deputy?.id).toBe(org.people.hr.id);
    expect(p.responsibilities).toEqual(['zuständig für Elterngeld']);
    const found = await asEmployee.agent.get('/api/people?q=elterngeld').expect(200);
    expect(names(found.body)).toEqual(['employee']);
    const old = await asEmployee.agent.get('/api/people?q=wohngeld').expect(200);
    expect(names(old.body)).toEqual([]);
  });

  it.each([
    [{ roles: ['admin'] }],
    [{ unitId: '0123456789abcdef01234567' }],
    [{ active: false }],
    [{ phone: { $ne: '' } }],
    [{ deputyId: { $gt: '' } }],
    [{ responsibilities: 'x' }],
  ])('rejects mass assignment and operators with 400: %j', async (body) => {
    const res = await asEmployee.agent
      .patch('/api/me/profile')
      .set('X-CSRF-Token', asEmployee.csrf)
      .send(body)
      .expect(400);
    expect(res.body.error.code).toBe('validation_failed');
  });

  it('refuses oneself or an unknown person as deputy', async () => {
    const self = await asEmployee.agent
      .patch('/api/me/profile')
      .set('X-CSRF-Token', asEmployee.csrf)
      .send({ deputyId: org.people.employee.id })
      .expect(400);
    expect(self.body.error.details[0]).toMatchObject({ path: 'deputyId', code: 'self_reference' });
    await asEmployee.agent
      .patch('/api/me/profile')
      .set('X-CSRF-Token', asEmployee.csrf)
      .send({ deputyId: org.people.gone.id })
      .expect(400);
  });
});
