import { randomUUID } from 'node:crypto';
import { Types } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import request from 'supertest';
import type { Express } from 'express';
import type { RoomModules, RoomRole, RoomVisibility, TaskStatus } from '@shared/rooms/schemas';
import type { TaskBoardDTO, TaskDTO } from '@shared/rooms/types';
import { useTestDatabase } from '../../../test/db';
import { makePerson, makeTestApp, session, type Session } from '../../../test/app';
import { events, type DomainEvents } from '../../../lib/events';
import { NotificationModel } from '../../notifications/notification.model';
import { RoomModel } from '../room.model';
import { RoomMembersModel } from '../member.model';
import { refreshRoom } from '../room-index';
import { RoomTaskModel } from './task.model';
import { taskCache } from './task-cache';

useTestDatabase();

type Who = 'owner' | 'mod' | 'm1' | 'm2' | 'outsider';
let app: Express;
const ids = {} as Record<Who, string>;
const s = {} as Record<Who, Session>;
const rooms = {} as Record<'open' | 'secret' | 'off' | 'archived', string>;
const changes: DomainEvents['rooms.content_changed'][] = [];
let off: () => void = () => undefined;

const allOn: RoomModules = {
  feed: true,
  chat: false,
  wiki: false,
  files: false,
  events: false,
  tasks: true,
};

/** A room written straight to the models (the room service is another module's), then indexed. */
async function makeRoom(
  visibility: RoomVisibility,
  members: Partial<Record<Who, RoomRole>>,
  extra: { modules?: RoomModules; archived?: boolean } = {},
): Promise<string> {
  const room = await RoomModel.create({
    clientId: randomUUID(),
    name: `Raum ${visibility}`,
    visibility,
    template: 'project',
    modules: extra.modules ?? allOn,
    archived: extra.archived ?? false,
    createdBy: ids.owner,
    memberCount: Object.keys(members).length,
  });
  const entries = Object.fromEntries(
    Object.entries(members).map(([who, role]) => [ids[who as Who], { role, joinedAt: new Date() }]),
  );
  await RoomMembersModel.create({ _id: room._id, members: entries });
  await refreshRoom(String(room._id));
  return String(room._id);
}

const T = (roomId: string) => `/api/rooms/${roomId}/tasks`;
const send = (who: Who, method: 'post' | 'patch' | 'delete', path: string, body: object = {}) =>
  s[who].agent[method](path).set('X-CSRF-Token', s[who].csrf).send(body);
const board = async (who: Who, roomId = rooms.open) =>
  (await s[who].agent.get(T(roomId)).expect(200)).body.data as TaskBoardDTO;
const create = async (who: Who, body: object = {}, roomId = rooms.open) =>
  (await send(who, 'post', T(roomId), { id: randomUUID(), title: 'Aufgabe', ...body }).expect(201))
    .body.data as TaskDTO;
const move = (who: Who, task: { id: string; rev: number }, status: TaskStatus, index: number) =>
  send(who, 'post', `${T(rooms.open)}/${task.id}/move`, { rev: task.rev, status, index });
const gapless = (b: TaskBoardDTO) =>
  (['todo', 'doing', 'done'] as const).every((st) =>
    b.columns[st].every((t, i) => t.order === i && t.status === st),
  );

beforeAll(async () => {
  app = makeTestApp();
  for (const who of ['owner', 'mod', 'm1', 'm2', 'outsider'] as Who[]) {
    ids[who] = (await makePerson({ username: `tk-${who}` })).id;
    s[who] = await session(app, `tk-${who}`);
  }
  const all = { owner: 'owner', mod: 'moderator', m1: 'member', m2: 'member' } as const;
  rooms.open = await makeRoom('open', all);
  rooms.secret = await makeRoom('secret', all);
  rooms.off = await makeRoom('open', all, { modules: { ...allOn, tasks: false } });
  rooms.archived = await makeRoom('closed', all, { archived: true });
  off = events.on('rooms.content_changed', (e) => {
    changes.push(e);
  });
});
afterAll(() => off());

describe('room tasks: access', () => {
  it('401 without a session on every route', async () => {
    const anon = await session(app);
    const w = (method: 'post' | 'patch' | 'delete', path: string) =>
      anon.agent[method](path).set('X-CSRF-Token', anon.csrf).send({});
    const t = `${T(rooms.open)}/${randomUUID()}`;
    await request(app).get(T(rooms.open)).expect(401);
    await w('post', T(rooms.open)).expect(401);
    await w('patch', t).expect(401);
    await w('delete', t).expect(401);
    await w('post', `${t}/move`).expect(401);
  });

  it('outsiders: 404 in a secret room, 403 in an open one; a disabled module is 404', async () => {
    const id = randomUUID();
    for (const roomId of [rooms.secret, rooms.off]) {
      const who: Who = roomId === rooms.secret ? 'outsider' : 'm1';
      await s[who].agent.get(T(roomId)).expect(404);
      await send(who, 'post', T(roomId), { id, title: 'x' }).expect(404);
      await send(who, 'patch', `${T(roomId)}/${id}`, { rev: 0, title: 'x' }).expect(404);
      await send(who, 'delete', `${T(roomId)}/${id}`).expect(404);
      await send(who, 'post', `${T(roomId)}/${id}/move`, {
        rev: 0,
        status: 'done',
        index: 0,
      }).expect(404);
    }
    await s.outsider.agent.get(T(rooms.open)).expect(403);
    await send('outsider', 'post', T(rooms.open), { id, title: 'x' }).expect(403);
    const task = await create('m1');
    await send('outsider', 'patch', `${T(rooms.open)}/${task.id}`, { rev: 0, title: 'x' }).expect(
      403,
    );
    await move('outsider', task, 'done', 0).expect(403);
    await send('outsider', 'delete', `${T(rooms.open)}/${task.id}`).expect(403);
    await s.outsider.agent.get(`/api/rooms/${new Types.ObjectId().toString()}/tasks`).expect(404);
  });

  it('400 on bad input: ids, fields, unknown keys, assignees who are not members', async () => {
    await s.m1.agent.get('/api/rooms/nope/tasks').expect(400);
    await s.m1.agent.get(`${T(rooms.open)}?x=1`).expect(400);
    await send('m1', 'post', T(rooms.open), { id: 'nope', title: 'x' }).expect(400);
    await send('m1', 'post', T(rooms.open), { id: randomUUID(), title: '' }).expect(400);
    await send('m1', 'post', T(rooms.open), {
      id: randomUUID(),
      title: 'x',
      due: '1.5.2024',
    }).expect(400);
    await send('m1', 'post', T(rooms.open), { id: randomUUID(), title: 'x', extra: 1 }).expect(400);
    const res = await send('m1', 'post', T(rooms.open), {
      id: randomUUID(),
      title: 'x',
      assigneeIds: [ids.m2, ids.outsider],
    }).expect(400);
    expect(res.body.error.details).toEqual([
      expect.objectContaining({ path: 'assigneeIds.1', code: 'not_room_member' }),
    ]);
    const task = await create('m1');
    await send('m1', 'patch', `${T(rooms.open)}/${task.id}`, {
      rev: 0,
      assigneeIds: [ids.outsider],
    }).expect(400);
    await move('m1', task, 'nowhere' as TaskStatus, 0).expect(400);
    await send('m1', 'post', `${T(rooms.open)}/${task.id}/move`, {
      status: 'done',
      index: 0,
    }).expect(400);
    await send('m1', 'patch', `${T(rooms.open)}/not-a-uuid`, { rev: 0 }).expect(400);
  });

  it('404 for a task of another room or an unknown task', async () => {
    const elsewhere = await create('m1', {}, rooms.secret);
    await send('m1', 'patch', `${T(rooms.open)}/${elsewhere.id}`, { rev: 0, title: 'y' }).expect(
      404,
    );
    await move('m1', elsewhere, 'done', 0).expect(404);
    await send('m1', 'delete', `${T(rooms.open)}/${randomUUID()}`).expect(404);
  });

  it('archived room: the board reads, every write is 409 room_archived', async () => {
    await board('m1', rooms.archived);
    const id = randomUUID();
    const res = await send('m1', 'post', T(rooms.archived), { id, title: 'x' }).expect(409);
    expect(res.body.error.code).toBe('room_archived');
    await send('owner', 'patch', `${T(rooms.archived)}/${id}`, { rev: 0, title: 'x' }).expect(409);
    await send('owner', 'delete', `${T(rooms.archived)}/${id}`).expect(409);
    await send('owner', 'post', `${T(rooms.archived)}/${id}/move`, {
      rev: 0,
      status: 'done',
      index: 0,
    }).expect(409);
  });
});

describe('room tasks: writes', () => {
  it('creates at the top of its column, idempotently by id; a foreign id is 409', async () => {
    const id = randomUUID();
    const first = await create('m1', { id, title: 'Erste', status: 'doing' });
    expect(first).toMatchObject({
      status: 'doing',
      order: 0,
      rev: 0,
      abilities: { edit: true, move: true, delete: true },
    });
    const second = await create('m2', { status: 'doing', title: 'Zweite' });
    const again = await send('m1', 'post', T(rooms.open), {
      id,
      title: 'Erste',
      status: 'doing',
    }).expect(200);
    expect(again.body.data.id).toBe(id);
    const stolen = await send('m2', 'post', T(rooms.open), { id, title: 'x' }).expect(409);
    expect(stolen.body.error.code).toBe('client_id_reused');
    const b = await board('m2');
    expect(b.columns.doing.map((t) => t.id).slice(0, 2)).toEqual([second.id, id]);
    expect(gapless(b)).toBe(true);
    expect(b.columns.doing.find((t) => t.id === id)?.abilities).toEqual({
      edit: true,
      move: true,
      delete: false,
    });
    expect(changes.filter((c) => c.itemId === id)).toEqual([
      expect.objectContaining({ module: 'task', kind: 'created', activity: true, actorId: ids.m1 }),
    ]);
  });

  it('edits are rev-guarded (409 stale_copy); every member may edit any task', async () => {
    const task = await create('m1', { title: 'Alt' });
    const res = await send('m2', 'patch', `${T(rooms.open)}/${task.id}`, {
      rev: 0,
      title: 'Neu',
      description: 'Text',
      due: '2020-01-01',
    }).expect(200);
    expect(res.body.data).toMatchObject({
      title: 'Neu',
      description: 'Text',
      due: '2020-01-01',
      overdue: true,
      rev: 1,
    });
    const stale = await send('m1', 'patch', `${T(rooms.open)}/${task.id}`, {
      rev: 0,
      title: 'x',
    }).expect(409);
    expect(stale.body.error.code).toBe('stale_copy');
    const same = await send('m1', 'patch', `${T(rooms.open)}/${task.id}`, {
      rev: 1,
      title: 'Neu',
    }).expect(200);
    expect(same.body.data.rev).toBe(1);
  });

  it('notifies newly assigned people (not oneself), with a link to the board', async () => {
    const task = await create('m1', { title: 'Protokoll', assigneeIds: [ids.m1, ids.m2] });
    expect(task.assignees.map((a) => a.id)).toEqual([ids.m1, ids.m2]);
    const forM2 = await NotificationModel.find({
      userId: ids.m2,
      kind: 'rooms.task_assigned',
    }).lean();
    expect(forM2).toHaveLength(1);
    expect(forM2[0]).toMatchObject({
      link: `/rooms/${rooms.open}/tasks`,
      params: { task: 'Protokoll' },
    });
    expect(
      await NotificationModel.countDocuments({ userId: ids.m1, kind: 'rooms.task_assigned' }),
    ).toBe(0);
    await send('m2', 'patch', `${T(rooms.open)}/${task.id}`, {
      rev: 0,
      assigneeIds: [ids.m2, ids.mod],
    }).expect(200);
    expect(
      await NotificationModel.countDocuments({ userId: ids.mod, kind: 'rooms.task_assigned' }),
    ).toBe(1);
    expect(
      await NotificationModel.countDocuments({ userId: ids.m2, kind: 'rooms.task_assigned' }),
    ).toBe(1);
  });

  it('delete: the creator or moderators, others 403; the column closes the gap', async () => {
    const a = await create('m1', { status: 'done' });
    const b = await create('m1', { status: 'done' });
    await send('m2', 'delete', `${T(rooms.open)}/${a.id}`).expect(403);
    await send('m1', 'delete', `${T(rooms.open)}/${a.id}`).expect(204);
    await send('mod', 'delete', `${T(rooms.open)}/${b.id}`).expect(204);
    await send('m1', 'delete', `${T(rooms.open)}/${a.id}`).expect(404);
    const after = await board('m1');
    expect(after.columns.done.some((t) => t.id === a.id || t.id === b.id)).toBe(false);
    expect(gapless(after)).toBe(true);
    // A deleted task's id is not reused.
    await send('m1', 'post', T(rooms.open), { id: a.id, title: 'x' }).expect(409);
  });

  it('a removed member is dropped from assignees (the assignment stays stored)', async () => {
    const roomId = await makeRoom('open', { owner: 'owner', m1: 'member', m2: 'member' });
    const task = await create('m1', { assigneeIds: [ids.m2] }, roomId);
    await RoomMembersModel.updateOne({ _id: roomId }, { $unset: { [`members.${ids.m2}`]: 1 } });
    await refreshRoom(roomId);
    const b = await board('m1', roomId);
    expect(b.columns.todo.find((t) => t.id === task.id)?.assignees).toEqual([]);
    expect((await RoomTaskModel.findById(task.id).lean())?.assigneeIds.map(String)).toEqual([
      ids.m2,
    ]);
  });
});

describe('room tasks: moves', () => {
  let roomId: string;
  beforeAll(async () => {
    roomId = await makeRoom('open', {
      owner: 'owner',
      mod: 'moderator',
      m1: 'member',
      m2: 'member',
    });
    rooms.open = roomId;
  });

  it('moves to a column and position; the same place changes nothing; done counts as activity', async () => {
    const a = await create('m1', { title: 'A' });
    const b = await create('m1', { title: 'B' });
    let res = await move('m2', a, 'doing', 0).expect(200);
    const data = res.body.data as TaskBoardDTO;
    expect(data.columns.doing.map((t) => t.id)).toEqual([a.id]);
    expect(data.columns.todo.map((t) => t.id)).toEqual([b.id]);
    const moved = data.columns.doing[0] as TaskDTO;
    expect(moved.rev).toBe(1);
    res = await move('m2', moved, 'doing', 0).expect(200);
    expect((res.body.data as TaskBoardDTO).columns.doing[0]?.rev).toBe(1);
    await move('m2', moved, 'done', 5).expect(200);
    const own = changes.filter((c) => c.itemId === a.id && c.kind === 'updated');
    expect(own.map((c) => c.activity)).toEqual([false, true]);
  });

  it('concurrent moves of one task: one wins, the other is 409 stale_copy', async () => {
    const t = await create('m1');
    const [r1, r2] = await Promise.all([move('m1', t, 'doing', 0), move('m2', t, 'done', 0)]);
    expect([r1.status, r2.status].sort()).toEqual([200, 409]);
    expect((r1.status === 409 ? r1 : r2).body.error.code).toBe('stale_copy');
    const b = await board('owner');
    const where = (['todo', 'doing', 'done'] as const).filter((st) =>
      b.columns[st].some((x) => x.id === t.id),
    );
    expect(where).toEqual([r1.status === 200 ? 'doing' : 'done']);
  });

  it('orders stay 0..n-1 without gaps after many moves, in memory and stored', async () => {
    for (let i = 0; i < 5; i++) await create('m1', { title: `T${i}` });
    let seed = 11;
    const rnd = (n: number) => (seed = (seed * 48271) % 2147483647) % n;
    const statuses = ['todo', 'doing', 'done'] as const;
    for (let i = 0; i < 25; i++) {
      const b = await board('m1');
      const all = statuses.flatMap((st) => b.columns[st]);
      const t = all[rnd(all.length)] as TaskDTO;
      const res = await move('m2', t, statuses[rnd(3)] as TaskStatus, rnd(all.length));
      expect(res.status).toBe(200);
      expect(gapless(res.body.data as TaskBoardDTO)).toBe(true);
    }
    const live = await board('m1');
    taskCache.clear();
    const stored = await board('m1');
    expect(gapless(stored)).toBe(true);
    expect(stored.columns).toEqual(live.columns);
  });
});
