import { describe, it, expect, beforeAll, beforeEach } from 'vitest';
import request from 'supertest';
import type { Express } from 'express';
import { useTestDatabase } from '../../test/db';
import { makeTestApp, makePerson, session, type Session } from '../../test/app';
import { events, type DomainEvents } from '../../lib/events';
import { AuditModel } from '../audit/audit.model';
import { UnitModel } from '../org/unit.model';
import { NotificationModel } from './notification.model';
import { notify } from './notifications.service';
import { registerNotificationRules } from './notification-rules';
import { PersonModel } from '../people/person.model';

useTestDatabase();
let app: Express;
let erika: { id: string; unitId: string };
let max: { id: string };
let erikaS: Session;
let maxS: Session;
let adminS: Session;

beforeAll(async () => {
  app = makeTestApp({ RATE_LIMIT_PER_MINUTE: '10000' });
  erika = await makePerson({ username: 'erika' });
  max = await makePerson({ username: 'max' });
  await makePerson({ username: 'root', roles: ['employee', 'admin'] });
  erikaS = await session(app, 'erika');
  maxS = await session(app, 'max');
  adminS = await session(app, 'root');
});

beforeEach(async () => {
  await NotificationModel.deleteMany({});
});

function capture<K extends keyof DomainEvents>(name: K): DomainEvents[K][] {
  const seen: DomainEvents[K][] = [];
  events.on(name, (p) => {
    seen.push(p);
  });
  return seen;
}

describe('notify()', () => {
  it('stores one per recipient (deduplicated) and publishes the new unread count', async () => {
    const created = capture('notification.created');
    await notify({ userId: erika.id, kind: 'test.hello', params: { n: 1 } });
    const stored = await notify({
      userIds: [erika.id, max.id, max.id],
      kind: 'test.hello',
      params: { name: 'Welt' },
      link: '/news/1',
    });
    expect(stored).toBe(2);
    expect(await NotificationModel.countDocuments({ userId: erika.id })).toBe(2);
    await new Promise((r) => setImmediate(r));
    const forErika = created.filter((e) => e.userId === erika.id);
    expect(forErika.map((e) => e.unreadCount)).toEqual([1, 2]);
    expect(forErika[1]?.notification).toMatchObject({
      kind: 'test.hello',
      params: { name: 'Welt' },
      link: '/news/1',
      readAt: null,
      abilities: { markRead: true },
    });
  });

  it('refuses off-site links and keys the database cannot store', async () => {
    await expect(
      notify({ userId: erika.id, kind: 'test.x', link: '//evil.example/x' }),
    ).rejects.toThrow();
    await expect(
      notify({ userId: erika.id, kind: 'test.x', link: 'https://evil.example' }),
    ).rejects.toThrow();
    await expect(
      notify({ userId: erika.id, kind: 'test.x', params: { 'a.b': 1 } }),
    ).rejects.toThrow();
    await expect(
      notify({ userId: erika.id, kind: 'test.x', params: { $gt: 1 } }),
    ).rejects.toThrow();
    expect(await NotificationModel.countDocuments({})).toBe(0);
  });
});

describe('notification routes', () => {
  it('answer 401 without a session', async () => {
    await request(app).get('/api/notifications').expect(401);
    await request(app).get('/api/notifications/unread-count').expect(401);
  });

  it('list only the viewer’s own, newest first, with cursor pagination and unread filter', async () => {
    for (let i = 0; i < 5; i += 1)
      await notify({ userId: erika.id, kind: 'test.n', params: { i } });
    await notify({ userId: max.id, kind: 'test.secret' });
    const first = await erikaS.agent.get('/api/notifications?limit=3').expect(200);
    expect(first.body.data.map((n: { params: { i: number } }) => n.params.i)).toEqual([4, 3, 2]);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await erikaS.agent
      .get(`/api/notifications?limit=3&cursor=${first.body.nextCursor}`)
      .expect(200);
    expect(second.body.data.map((n: { params: { i: number } }) => n.params.i)).toEqual([1, 0]);
    expect(second.body.nextCursor).toBeNull();
    const all = [...first.body.data, ...second.body.data];
    expect(all.every((n: { kind: string }) => n.kind === 'test.n')).toBe(true);

    const id = first.body.data[0].id as string;
    await erikaS.agent
      .post(`/api/notifications/${id}/read`)
      .set('X-CSRF-Token', erikaS.csrf)
      .expect(200);
    const unread = await erikaS.agent.get('/api/notifications?unread=true').expect(200);
    expect(unread.body.data).toHaveLength(4);
    expect(unread.body.data.some((n: { id: string }) => n.id === id)).toBe(false);
    const count = await erikaS.agent.get('/api/notifications/unread-count').expect(200);
    expect(count.body.data).toEqual({ count: 4 });
  });

  it('rejects invalid list queries with 400', async () => {
    await erikaS.agent.get('/api/notifications?limit=1000').expect(400);
    await erikaS.agent.get('/api/notifications?unread=maybe').expect(400);
    await erikaS.agent.get('/api/notifications?userId=' + max.id).expect(400);
    await erikaS.agent.get('/api/notifications?cursor=$ne').expect(400);
  });

  it('marks one read idempotently and publishes notification.read once', async () => {
    const read = capture('notification.read');
    await notify({ userId: erika.id, kind: 'test.a' });
    await notify({ userId: erika.id, kind: 'test.b' });
    const [latest] = (await erikaS.agent.get('/api/notifications').expect(200)).body.data;
    const once = await erikaS.agent
      .post(`/api/notifications/${latest.id}/read`)
      .set('X-CSRF-Token', erikaS.csrf)
      .expect(200);
    expect(once.body.data.readAt).toEqual(expect.any(String));
    expect(once.body.data.abilities.markRead).toBe(false);
    const twice = await erikaS.agent
      .post(`/api/notifications/${latest.id}/read`)
      .set('X-CSRF-Token', erikaS.csrf)
      .expect(200);
    expect(twice.body.data.readAt).toBe(once.body.data.readAt);
    await new Promise((r) => setImmediate(r));
    expect(read).toEqual([{ userId: erika.id, ids: [latest.id], unreadCount: 1 }]);
  });

  it('answers 404 for someone else’s notification, leaves it unread, and audits the attempt', async () => {
    await notify({ userId: max.id, kind: 'test.private' });
    const theirs = await NotificationModel.findOne({ userId: max.id }).lean();
    const res = await erikaS.agent
      .post(`/api/notifications/${String(theirs?._id)}/read`)
      .set('X-CSRF-Token', erikaS.csrf)
      .expect(404);
    expect(res.body.error.code).toBe('not_found');
    expect((await NotificationModel.findById(theirs?._id).lean())?.readAt).toBeNull();
    expect(
      await AuditModel.countDocuments({
        action: 'notification.read',
        outcome: 'denied',
        subjectId: String(theirs?._id),
      }),
    ).toBe(1);
    await erikaS.agent
      .post('/api/notifications/0123456789abcdef01234567/read')
      .set('X-CSRF-Token', erikaS.csrf)
      .expect(404);
    await erikaS.agent
      .post('/api/notifications/not-an-id/read')
      .set('X-CSRF-Token', erikaS.csrf)
      .expect(400);
  });

  it('marks all read for the viewer only, idempotently', async () => {
    const read = capture('notification.read');
    await notify({ userIds: [erika.id, max.id], kind: 'test.c' });
    await notify({ userId: erika.id, kind: 'test.d' });
    const res = await erikaS.agent
      .post('/api/notifications/read-all')
      .set('X-CSRF-Token', erikaS.csrf)
      .expect(200);
    expect(res.body.data).toEqual({ unreadCount: 0 });
    await erikaS.agent
      .post('/api/notifications/read-all')
      .set('X-CSRF-Token', erikaS.csrf)
      .expect(200);
    expect((await maxS.agent.get('/api/notifications/unread-count')).body.data.count).toBe(1);
    await new Promise((r) => setImmediate(r));
    expect(read).toEqual([{ userId: erika.id, ids: 'all', unreadCount: 0 }]);
  });
});

describe('POST /api/notifications/broadcast', () => {
  const notice = {
    title: 'Wartung heute Abend',
    body: 'Das Portal ist ab 20 Uhr kurz nicht erreichbar.',
  };

  it('is 403 for non-admins (audited) and creates nothing', async () => {
    const res = await erikaS.agent
      .post('/api/notifications/broadcast')
      .set('X-CSRF-Token', erikaS.csrf)
      .send({ audience: { all: true }, ...notice })
      .expect(403);
    expect(res.body.error.code).toBe('forbidden');
    expect(await NotificationModel.countDocuments({})).toBe(0);
    expect(
      await AuditModel.countDocuments({ action: 'notification.broadcast', outcome: 'denied' }),
    ).toBe(1);
  });

  it.each([
    [{ audience: {}, ...notice }],
    [{ audience: { all: false }, ...notice }],
    [{ audience: { userIds: [{ $ne: '' }] }, ...notice }],
    [{ audience: { unitIds: ['x'] }, ...notice }],
    [{ audience: { all: true, role: 'admin' }, ...notice }],
    [{ audience: { all: true }, title: '', body: 'x' }],
    [{ audience: { all: true }, title: 'x'.repeat(141), body: 'x' }],
    [{ audience: { all: true }, title: 'x', body: 'x'.repeat(2001) }],
    [{ audience: { all: true }, ...notice, link: 'https://evil.example' }],
    [{ audience: { all: true }, ...notice, link: '//evil.example' }],
    [{ audience: { all: true }, ...notice, kind: 'leave.approved' }],
  ])('rejects %j with 400', async (body) => {
    await adminS.agent
      .post('/api/notifications/broadcast')
      .set('X-CSRF-Token', adminS.csrf)
      .send(body)
      .expect(400);
  });

  it('reaches every active person of a unit and its sub-units, and only them; audited without the text', async () => {
    const office = await UnitModel.create({ name: 'Amt 99', kind: 'office', sortKey: '99' });
    const dept = await UnitModel.create({
      name: 'Abteilung',
      kind: 'department',
      parentId: office._id,
      path: [office._id],
      sortKey: '99.1',
    });
    const inOffice = await makePerson({ unitId: String(office._id) });
    const inDept = await makePerson({ unitId: String(dept._id) });
    const gone = await makePerson({ unitId: String(dept._id), active: false });
    const res = await adminS.agent
      .post('/api/notifications/broadcast')
      .set('X-CSRF-Token', adminS.csrf)
      .send({
        audience: { unitIds: [String(office._id)], includeSubunits: true, userIds: [erika.id] },
        ...notice,
        link: '/news',
      })
      .expect(200);
    expect(res.body.data).toEqual({ recipients: 3 });
    const owners = (await NotificationModel.find({}).lean()).map((n) => String(n.userId)).sort();
    expect(owners).toEqual([inOffice.id, inDept.id, erika.id].sort());
    expect(owners).not.toContain(gone.id);
    const mine = (await erikaS.agent.get('/api/notifications').expect(200)).body.data[0];
    expect(mine).toMatchObject({
      kind: 'system.notice',
      params: { title: notice.title, body: notice.body },
      link: '/news',
    });
    const entry = await AuditModel.findOne({
      action: 'notification.broadcast',
      outcome: 'success',
    }).lean();
    expect(entry?.detail).toMatchObject({ recipients: 3, includeSubunits: true });
    expect(JSON.stringify(entry)).not.toContain(notice.body);

    // Without sub-units only the office itself.
    await NotificationModel.deleteMany({});
    const only = await adminS.agent
      .post('/api/notifications/broadcast')
      .set('X-CSRF-Token', adminS.csrf)
      .send({ audience: { unitIds: [String(office._id)] }, ...notice })
      .expect(200);
    expect(only.body.data).toEqual({ recipients: 1 });
  });

  it('reaches every active person with audience all', async () => {
    const res = await adminS.agent
      .post('/api/notifications/broadcast')
      .set('X-CSRF-Token', adminS.csrf)
      .send({ audience: { all: true }, ...notice })
      .expect(200);
    expect(res.body.data.recipients).toBe(await PersonModel.countDocuments({ active: true }));
  });
});

describe('notification rules (domain events → notifications)', () => {
  const settle = async (kind: string, owner: string) => {
    for (let i = 0; i < 50; i += 1) {
      if (await NotificationModel.exists({ kind, userId: owner })) return;
      await new Promise((r) => setTimeout(r, 20));
    }
  };

  it('welcomes a new person, tells a person of role changes by others and a deputy of the assignment', async () => {
    const off = registerNotificationRules();
    try {
      const newcomer = await makePerson({ username: 'newcomer' });
      events.publish('person.created', { personId: newcomer.id, actorId: max.id });
      await settle('system.welcome', newcomer.id);
      expect(await NotificationModel.findOne({ userId: newcomer.id }).lean()).toMatchObject({
        kind: 'system.welcome',
        params: { name: 'Test' },
      });

      events.publish('person.updated', {
        personId: erika.id,
        actorId: erika.id,
        changed: ['roles'],
      });
      events.publish('person.updated', { personId: max.id, actorId: erika.id, changed: ['roles'] });
      await settle('person.roles_changed', max.id);
      expect(await NotificationModel.countDocuments({ kind: 'person.roles_changed' })).toBe(1);

      await PersonModel.updateOne({ _id: erika.id }, { $set: { deputyId: max.id } });
      events.publish('person.updated', {
        personId: erika.id,
        actorId: erika.id,
        changed: ['deputyId'],
      });
      await settle('person.deputy_assigned', max.id);
      expect(
        await NotificationModel.findOne({ kind: 'person.deputy_assigned' }).lean(),
      ).toMatchObject({ userId: expect.anything(), link: `/people/${erika.id}` });
      expect(
        String(
          (await NotificationModel.findOne({ kind: 'person.deputy_assigned' }).lean())?.userId,
        ),
      ).toBe(max.id);
    } finally {
      off();
    }
  });
});
