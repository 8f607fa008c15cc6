import { beforeAll, describe, expect, it } from 'vitest';
import type { Express } from 'express';
import request from 'supertest';
import type { DefaultLayoutDTO, HomeBoardDTO } from '@shared/home/types';
import { builtInLayout } from '@shared/home/widgets';
import { useTestDatabase } from '../../test/db';
import { makePerson, makeTestApp, session, type Session } from '../../test/app';
import { events, type DomainEvents } from '../../lib/events';
import { UnitModel } from '../org/unit.model';

useTestDatabase();
let app: Express;
let erikaS: Session;
let erikaTab2: Session;
let maxS: Session;
let adminS: Session;
let officeA: string;
let erikaId: string;

beforeAll(async () => {
  app = makeTestApp({ RATE_LIMIT_PER_MINUTE: '10000' });
  officeA = String((await UnitModel.create({ name: 'Amt A', kind: 'office', sortKey: 'a' }))._id);
  erikaId = (await makePerson({ username: 'erika', unitId: officeA })).id;
  await makePerson({ username: 'max' });
  await makePerson({ username: 'root', roles: ['employee', 'admin'] });
  erikaS = await session(app, 'erika');
  erikaTab2 = await session(app, 'erika');
  maxS = await session(app, 'max');
  adminS = await session(app, 'root');
});

const board = async (s: Session) =>
  (await s.agent.get('/api/home').expect(200)).body.data as HomeBoardDTO;
const save = (s: Session, widgets: unknown, rev: number) =>
  s.agent.put('/api/home/layout').set('X-CSRF-Token', s.csrf).send({ widgets, rev });

function capture<K extends keyof DomainEvents>(name: K): DomainEvents[K][] {
  const seen: DomainEvents[K][] = [];
  events.on(name, (p) => {
    seen.push(p);
  });
  return seen;
}

describe('start page', () => {
  it('answers 401 without a session and 403 without the CSRF token', async () => {
    await request(app).get('/api/home').expect(401);
    await request(app).put('/api/home/layout').send({ widgets: [], rev: 0 }).expect(403);
    await erikaS.agent.put('/api/home/layout').send({ widgets: [], rev: 0 }).expect(403);
  });

  it('serves the built-in layout, data for every widget and abilities in one response', async () => {
    const b = await board(erikaS);
    expect(b.layout).toEqual({ widgets: builtInLayout, rev: 0, source: 'built-in' });
    expect(b.data).toEqual({
      news: expect.any(Array),
      acknowledge: { items: expect.any(Array), total: expect.any(Number) },
      apps: [],
      chats: { total: 0, conversations: [] },
      leave: { balance: expect.objectContaining({ available: 30 }), next: null, inbox: null },
      wiki: { watched: [], recent: [], reviews: 0 },
      rooms: { rooms: [], total: 0, pendingRequests: 0 },
      'my-courses': { courses: [], sessions: [], total: 0 },
      'due-trainings': { items: [], overdue: 0 },
    });
    expect(b.abilities).toEqual({ manageDefaults: false, manageApps: false });
    expect((await board(adminS)).abilities).toEqual({ manageDefaults: true, manageApps: true });
  });

  it.each([
    [
      'a duplicate widget',
      [
        { id: 'news', size: 'small' },
        { id: 'news', size: 'large' },
      ],
    ],
    ['an unknown widget', [{ id: 'weather', size: 'small' }]],
    ['an unknown size', [{ id: 'news', size: 'huge' }]],
    ['extra fields', [{ id: 'news', size: 'small', x: 1 }]],
    ['not a list', { news: 'small' }],
  ])('refuses %s (400)', async (_name, widgets) => {
    await save(erikaS, widgets, 0).expect(400);
  });

  it('saves a personal layout, refuses a stale revision (409) and tells the other tabs', async () => {
    const changed = capture('home.layout_changed');
    const widgets = [
      { id: 'apps', size: 'large' },
      { id: 'news', size: 'small' },
    ];
    const res = await save(erikaS, widgets, 0).expect(200);
    expect(res.body.data).toEqual({ widgets, rev: 1, source: 'personal' });
    // The second tab still holds revision 0.
    await save(erikaTab2, [{ id: 'profile', size: 'small' }], 0).expect(409);
    expect((await board(erikaTab2)).layout).toEqual({ widgets, rev: 1, source: 'personal' });
    await save(erikaTab2, [], 1).expect(200);
    await save(erikaS, widgets, 1).expect(409);
    await new Promise((r) => setImmediate(r));
    expect(changed.map((c) => [c.userId, c.layout.rev])).toEqual([
      [erikaId, 1],
      [erikaId, 2],
    ]);
    // Nobody else is affected.
    expect((await board(maxS)).layout.source).toBe('built-in');
  });

  it('resets to the default (and a later save starts again from revision 0)', async () => {
    const res = await erikaS.agent
      .delete('/api/home/layout')
      .set('X-CSRF-Token', erikaS.csrf)
      .expect(200);
    expect(res.body.data).toMatchObject({ rev: 0, source: 'built-in' });
    await save(erikaS, [{ id: 'news', size: 'large' }], 0).expect(200);
    await erikaS.agent.delete('/api/home/layout').set('X-CSRF-Token', erikaS.csrf).expect(200);
  });
});

describe('default layouts', () => {
  const body = {
    name: 'Amt A',
    audience: { units: [{ unitId: '', withSubunits: true }] },
    priority: 10,
    widgets: [{ id: 'apps', size: 'large' }],
  };

  it('are for admins only (403 for an employee, 401 without a session)', async () => {
    await request(app).get('/api/home/defaults').expect(401);
    await erikaS.agent.get('/api/home/defaults').expect(403);
    const ok = { ...body, audience: { units: [{ unitId: officeA, withSubunits: true }] } };
    await erikaS.agent
      .post('/api/home/defaults')
      .set('X-CSRF-Token', erikaS.csrf)
      .send(ok)
      .expect(403);
  });

  it('validate their input (400)', async () => {
    await adminS.agent
      .post('/api/home/defaults')
      .set('X-CSRF-Token', adminS.csrf)
      .send(body)
      .expect(400);
    await adminS.agent
      .post('/api/home/defaults')
      .set('X-CSRF-Token', adminS.csrf)
      .send({ ...body, audience: {}, widgets: [{ id: 'x', size: 'small' }] })
      .expect(400);
  });

  it('apply to their audience by priority; edit and delete', async () => {
    const post = (b: object) =>
      adminS.agent.post('/api/home/defaults').set('X-CSRF-Token', adminS.csrf).send(b).expect(201);
    const officeDefault = (
      await post({ ...body, audience: { units: [{ unitId: officeA, withSubunits: true }] } })
    ).body.data as DefaultLayoutDTO;
    const everyoneDefault = (
      await post({ name: 'Alle', audience: {}, widgets: [{ id: 'profile', size: 'medium' }] })
    ).body.data as DefaultLayoutDTO;
    expect(everyoneDefault.priority).toBe(100);
    expect(officeDefault.abilities).toEqual({ update: true, delete: true });

    expect((await board(erikaS)).layout).toEqual({
      widgets: [{ id: 'apps', size: 'large' }],
      rev: 0,
      source: 'default',
    });
    expect((await board(maxS)).layout.widgets).toEqual([{ id: 'profile', size: 'medium' }]);

    const list = (await adminS.agent.get('/api/home/defaults').expect(200)).body
      .data as DefaultLayoutDTO[];
    expect(list.map((d) => d.name)).toEqual(['Amt A', 'Alle']);

    // Priority change only: the office default now comes after the one for everyone.
    const patched = await adminS.agent
      .patch(`/api/home/defaults/${officeDefault.id}`)
      .set('X-CSRF-Token', adminS.csrf)
      .send({ priority: 200 })
      .expect(200);
    expect(patched.body.data).toMatchObject({ priority: 200, name: 'Amt A' });
    expect((await board(erikaS)).layout.widgets).toEqual([{ id: 'profile', size: 'medium' }]);
    await erikaS.agent
      .patch(`/api/home/defaults/${officeDefault.id}`)
      .set('X-CSRF-Token', erikaS.csrf)
      .send({ priority: 1 })
      .expect(403);

    await adminS.agent
      .delete(`/api/home/defaults/${everyoneDefault.id}`)
      .set('X-CSRF-Token', adminS.csrf)
      .expect(200);
    await adminS.agent
      .delete(`/api/home/defaults/${everyoneDefault.id}`)
      .set('X-CSRF-Token', adminS.csrf)
      .expect(404);
    expect((await board(erikaS)).layout.widgets).toEqual([{ id: 'apps', size: 'large' }]);
    expect((await board(maxS)).layout.source).toBe('built-in');
  });
});
