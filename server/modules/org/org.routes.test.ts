import { describe, it, expect, beforeAll } from 'vitest';
import request from 'supertest';
import type { Express } from 'express';
import { useTestDatabase } from '../../test/db';
import { makeTestApp, session, type Session } from '../../test/app';
import { AuditModel } from '../audit/audit.model';
import { UnitModel } from './unit.model';
import { makeOrg, makeUnit } from '../people/people.fixtures';
import type { LocationDTO, UnitDetailDTO, UnitDTO } from '@shared/org/types';

useTestDatabase();
let app: Express;
let org: Awaited<ReturnType<typeof makeOrg>>;
let asAdmin: Session;
let asEmployee: Session;

beforeAll(async () => {
  app = makeTestApp();
  org = await makeOrg();
  asAdmin = await session(app, 'admin');
  asEmployee = await session(app, 'employee');
});

const id = (u: { _id: unknown }) => String(u._id);

describe('reading the organisation', () => {
  it('is 401 without a session', async () => {
    for (const path of ['/api/units', `/api/units/${id(org.units.office)}`, '/api/locations']) {
      await request(app).get(path).expect(401);
    }
  });

  it('lists every unit flat, in number order, with direct member counts and leaders', async () => {
    const res = await asEmployee.agent.get('/api/units').expect(200);
    const units = res.body.data as UnitDTO[];
    expect(units.map((u) => u.number)).toEqual(['10', '10-1', '10-1-1', '20']);
    const dept = units.find((u) => u.number === '10-1');
    expect(dept).toMatchObject({
      name: 'Personalservice',
      parentId: id(org.units.office),
      path: [id(org.units.office)],
      memberCount: 3, // hr, manager, employee; the inactive person is not counted
      childCount: 1,
      abilities: { update: false, delete: false },
    });
    expect(dept?.leader?.id).toBe(org.people.manager.id);
  });

  it('shows a unit with ancestors, sub-units and a page of active members', async () => {
    const res = await asEmployee.agent.get(`/api/units/${id(org.units.dept)}?limit=2`).expect(200);
    const detail = res.body.data as UnitDetailDTO;
    expect(detail.unit.name).toBe('Personalservice');
    expect(detail.ancestors.map((a) => a.number)).toEqual(['10']);
    expect(detail.children.map((c) => c.number)).toEqual(['10-1-1']);
    expect(detail.children[0]?.memberCount).toBe(1);
    expect(detail.members.map((m) => m.username)).toEqual(['manager', 'employee']);
    expect(res.body.nextCursor).toBeTruthy();
    const next = await asEmployee.agent
      .get(`/api/units/${id(org.units.dept)}?limit=2&cursor=${res.body.nextCursor as string}`)
      .expect(200);
    expect(next.body.data.members.map((m: { username: string }) => m.username)).toEqual(['hr']);
    expect(next.body.nextCursor).toBeNull();
  });

  it('answers 404 for an unknown unit and 400 for a malformed id or query', async () => {
    await asEmployee.agent.get('/api/units/0123456789abcdef01234567').expect(404);
    await asEmployee.agent.get('/api/units/xyz').expect(400);
    await asEmployee.agent.get(`/api/units/${id(org.units.dept)}?cursor[$ne]=1`).expect(400);
  });

  it('lists locations', async () => {
    const res = await asEmployee.agent.get('/api/locations').expect(200);
    expect((res.body.data as LocationDTO[]).map((l) => l.name)).toEqual(['Rathaus']);
    expect(res.body.data[0].abilities).toEqual({ update: false });
  });
});

describe('managing units (admin)', () => {
  it.each([
    ['post', (): string => '/api/units', () => ({ name: 'Neu', kind: 'office' })],
    ['patch', (): string => `/api/units/${id(org.units.team)}`, () => ({ name: 'X' })],
    ['delete', (): string => `/api/units/${id(org.units.team)}`, () => ({})],
    ['post', (): string => '/api/locations', () => ({ name: 'Neu' })],
    ['patch', (): string => `/api/locations/${id(org.rathaus)}`, () => ({ name: 'X' })],
  ] as const)(
    '%s is 403 for an employee and the refusal is audited',
    async (method, path, body) => {
      const before = await AuditModel.countDocuments({ outcome: 'denied' });
      const res = await asEmployee.agent[method](path())
        .set('X-CSRF-Token', asEmployee.csrf)
        .send(body());
      expect(res.status).toBe(403);
      expect(await AuditModel.countDocuments({ outcome: 'denied' })).toBe(before + 1);
    },
  );

  it('creates a unit below a parent with the right path', async () => {
    const res = await asAdmin.agent
      .post('/api/units')
      .set('X-CSRF-Token', asAdmin.csrf)
      .send({
        name: 'Organisation und Digitalisierung',
        number: '10-4',
        kind: 'department',
        parentId: id(org.units.office),
        leaderId: org.people.chief.id,
      })
      .expect(201);
    expect(res.body.data).toMatchObject({
      path: [id(org.units.office)],
      leader: { id: org.people.chief.id },
      abilities: { update: true, delete: true },
    });
  });

  it('moves a unit with its whole subtree and rewrites every path', async () => {
    const a = await makeUnit('A', '90');
    const b = await makeUnit('B', '90-1', a);
    const c = await makeUnit('C', '90-1-1', b);
    const d = await makeUnit('D', '90-1-1-1', c);
    const res = await asAdmin.agent
      .patch(`/api/units/${id(b)}`)
      .set('X-CSRF-Token', asAdmin.csrf)
      .send({ parentId: id(org.units.other) })
      .expect(200);
    expect(res.body.data.path).toEqual([id(org.units.other)]);
    const paths = async (u: { _id: unknown }) =>
      ((await UnitModel.findById(u._id).lean())?.path ?? []).map(String);
    expect(await paths(c)).toEqual([id(org.units.other), id(b)]);
    expect(await paths(d)).toEqual([id(org.units.other), id(b), id(c)]);
    const audit = await AuditModel.findOne({ action: 'unit.update', subjectId: id(b) }).lean();
    expect(audit?.detail).toMatchObject({
      parent: { from: id(a), to: id(org.units.other), subtree: 2 },
    });
    // Sub-unit filter of the directory follows the new tree.
    const moved = await asAdmin.agent
      .patch(`/api/units/${id(b)}`)
      .set('X-CSRF-Token', asAdmin.csrf)
      .send({ parentId: null })
      .expect(200);
    expect(moved.body.data.path).toEqual([]);
    expect(await paths(d)).toEqual([id(b), id(c)]);
  });

  it('refuses to move a unit below itself or its descendants', async () => {
    for (const target of [org.units.office, org.units.dept, org.units.team]) {
      const res = await asAdmin.agent
        .patch(`/api/units/${id(org.units.office)}`)
        .set('X-CSRF-Token', asAdmin.csrf)
        .send({ parentId: id(target) })
        .expect(400);
      expect(res.body.error.details[0]).toMatchObject({ path: 'parentId', code: 'cycle' });
    }
    expect((await UnitModel.findById(org.units.office._id).lean())?.path).toEqual([]);
  });

  it('deletes only empty units without sub-units', async () => {
    const del = (u: { _id: unknown }) =>
      asAdmin.agent.delete(`/api/units/${id(u)}`).set('X-CSRF-Token', asAdmin.csrf);
    expect((await del(org.units.team)).status).toBe(409); // has a member
    expect((await del(org.units.office)).status).toBe(409); // has sub-units
    const empty = await makeUnit('Leer', '99');
    expect((await del(empty)).status).toBe(204);
    expect(await UnitModel.exists({ _id: empty._id })).toBeNull();
    expect((await del(empty)).status).toBe(404);
  });

  it.each([
    [{ name: 'X', kind: 'office', path: [] }],
    [{ name: 'X', kind: 'castle' }],
    [{ name: { $ne: '' }, kind: 'office' }],
    [{ name: 'X', kind: 'office', parentId: { $ne: null } }],
    [{ name: 'X', kind: 'office', sortKey: 'a' }],
  ])('rejects %j with 400', async (body) => {
    await asAdmin.agent.post('/api/units').set('X-CSRF-Token', asAdmin.csrf).send(body).expect(400);
  });
});

describe('managing locations (admin)', () => {
  it('creates and updates a location', async () => {
    const created = await asAdmin.agent
      .post('/api/locations')
      .set('X-CSRF-Token', asAdmin.csrf)
      .send({
        name: 'Technisches Rathaus',
        street: 'Eberhardstraße 33',
        postalCode: '70173',
        city: 'Stuttgart',
      })
      .expect(201);
    expect(created.body.data).toMatchObject({ postalCode: '70173', abilities: { update: true } });
    const updated = await asAdmin.agent
      .patch(`/api/locations/${created.body.data.id as string}`)
      .set('X-CSRF-Token', asAdmin.csrf)
      .send({ street: 'Eberhardstraße 35' })
      .expect(200);
    expect(updated.body.data.street).toBe('Eberhardstraße 35');
    expect(await AuditModel.countDocuments({ action: /^location\./, outcome: 'success' })).toBe(2);
  });

  it('rejects bad input with 400 and unknown ids with 404', async () => {
    await asAdmin.agent
      .post('/api/locations')
      .set('X-CSRF-Token', asAdmin.csrf)
      .send({ name: 'X', postalCode: '123' })
      .expect(400);
    await asAdmin.agent
      .patch('/api/locations/0123456789abcdef01234567')
      .set('X-CSRF-Token', asAdmin.csrf)
      .send({ name: 'X' })
      .expect(404);
  });
});
