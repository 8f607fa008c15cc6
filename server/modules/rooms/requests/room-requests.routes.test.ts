import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import request from 'supertest';
import type { Express } from 'express';
import type { RoomRequestDTO } from '@shared/rooms/types';
import { useTestDatabase } from '../../../test/db';
import { makePerson, makeTestApp, session, type Session } from '../../../test/app';
import { roomIndex } from '../room-index';
import { sender } from '../members/members.fixtures';

useTestDatabase();

type Who = 'asker' | 'other' | 'mover' | 'admin';
let app: Express;
const ids = {} as Record<Who, string>;
const s = {} as Record<Who, Session>;
const R = '/api/room-requests';
const body = (extra: object = {}) => ({
  clientId: randomUUID(),
  name: 'Digitale Bauakte',
  visibility: 'closed',
  template: 'blank',
  reason: 'Projekt mit drei Ämtern',
  ...extra,
});

beforeAll(async () => {
  app = makeTestApp();
  const roles = {
    asker: ['employee'],
    other: ['employee'],
    mover: ['employee', 'mover'],
    admin: ['admin'],
  };
  for (const who of Object.keys(roles) as Who[]) {
    ids[who] = (await makePerson({ username: `rr-${who}`, roles: roles[who] as never })).id;
    s[who] = await session(app, `rr-${who}`);
  }
});

describe('room requests', () => {
  it('401 without a session; 400 for bad input; 403 for people who may create rooms', async () => {
    await request(app).get(R).expect(401);
    await sender(s.asker)('post', R, body({ reason: '' })).expect(400);
    await sender(s.mover)('post', R, body()).expect(403);
  });

  it('create is idempotent by clientId; another person reusing it gets 409', async () => {
    const input = body();
    const first = await sender(s.asker)('post', R, input).expect(201);
    const again = await sender(s.asker)('post', R, input).expect(200);
    expect(again.body.data.id).toBe(first.body.data.id);
    const res = await sender(s.other)('post', R, input).expect(409);
    expect(res.body.error.code).toBe('client_id_reused');
  });

  it('requesters see their own; movers and admins see every pending one and may decide', async () => {
    const mine = (await sender(s.other)('post', R, body({ name: 'Nur meins' })).expect(201)).body
      .data;
    const asAsker = (await s.asker.agent.get(R).expect(200)).body.data as RoomRequestDTO[];
    expect(asAsker.some((r) => r.id === mine.id)).toBe(false);
    expect(asAsker.every((r) => !r.abilities.decide)).toBe(true);
    const asMover = (await s.mover.agent.get(R).expect(200)).body.data as RoomRequestDTO[];
    expect(asMover.find((r) => r.id === mine.id)?.abilities.decide).toBe(true);
  });

  it('exactly one decision; approval creates the room with the requester as owner', async () => {
    const req = (await sender(s.asker)('post', R, body({ name: 'Wärmeplanung' })).expect(201)).body
      .data as RoomRequestDTO;
    const decide = (who: Who, decision: string) =>
      sender(s[who])('post', `${R}/${req.id}/decision`, { decision, reason: 'passt' });
    await decide('asker', 'approve').expect(403);
    await decide('mover', 'perhaps').expect(400);
    await sender(s.mover)('post', `${R}/0123456789abcdef01234567/decision`, {
      decision: 'reject',
    }).expect(404);
    const [a, b] = await Promise.all([decide('mover', 'approve'), decide('admin', 'approve')]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const done = (a.status === 200 ? a : b).body.data as RoomRequestDTO;
    expect(done.status).toBe('approved');
    expect(done.roomId).not.toBeNull();
    const room = (await roomIndex()).rooms.get(done.roomId as string);
    expect(room?.name).toBe('Wärmeplanung');
    expect(room?.members.get(ids.asker)?.role).toBe('owner');
    expect(room?.members.has(ids.mover) || room?.members.has(ids.admin)).toBe(false);
    const list = (await s.asker.agent.get(R).expect(200)).body.data as RoomRequestDTO[];
    expect(list.find((r) => r.id === req.id)?.status).toBe('approved');
  });

  it('rejection keeps the reason and creates nothing', async () => {
    const req = (await sender(s.asker)('post', R, body({ name: 'Abgelehnt' })).expect(201)).body
      .data;
    const before = (await roomIndex()).rooms.size;
    const res = await sender(s.admin)('post', `${R}/${req.id}/decision`, {
      decision: 'reject',
      reason: 'Gibt es schon',
    }).expect(200);
    expect(res.body.data).toMatchObject({
      status: 'rejected',
      decisionReason: 'Gibt es schon',
      roomId: null,
    });
    expect((await roomIndex()).rooms.size).toBe(before);
  });
});
