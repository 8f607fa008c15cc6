import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import type { Express } from 'express';
import type { RoomDTO, RoomSummaryDTO } from '@shared/rooms/types';
import type { RoomRole } from '@shared/rooms/schemas';
import type { Role } from '@shared/people/roles';
import { useTestDatabase } from '../../test/db';
import { makePerson, makeTestApp, session, type Session } from '../../test/app';
import { changeRoomMembers } from './member.store';
import { roomIndex, roomRoleOf, roomsOf } from './room-index';

useTestDatabase();

type Who = 'mover' | 'mover2' | 'editor' | 'admin' | 'hr' | 'employee' | 'mod' | 'member';
const roles: Record<Who, Role[]> = {
  mover: ['employee', 'mover'],
  mover2: ['employee', 'mover'],
  editor: ['employee', 'editor'],
  admin: ['employee', 'admin'],
  hr: ['employee', 'hr'],
  employee: ['employee'],
  mod: ['employee'],
  member: ['employee'],
};
let app: Express;
const ids = {} as Record<Who, string>;
const s = {} as Record<Who, Session>;

const send = (who: Who, method: 'post' | 'patch' | 'put' | 'delete', path: string, body?: object) =>
  s[who].agent[method](path)
    .set('X-CSRF-Token', s[who].csrf)
    .send(body ?? {});
const get = (who: Who, path: string) => s[who].agent.get(path);

const roomBody = (extra: object = {}) => ({
  clientId: randomUUID(),
  name: 'Digitale Bürgerdienste',
  description: 'Anträge online',
  visibility: 'open',
  template: 'blank',
  ...extra,
});

async function makeRoom(extra: object = {}, members: [Who, RoomRole][] = []): Promise<RoomDTO> {
  const res = await send('mover', 'post', '/api/rooms', roomBody(extra)).expect(201);
  const room = res.body.data as RoomDTO;
  if (members.length) {
    await changeRoomMembers(room.id, ids.mover, {
      add: members.map(([w, role]) => ({ personId: ids[w], role })),
    });
  }
  return room;
}

const rev = async (who: Who, roomId: string) =>
  ((await get(who, `/api/rooms/${roomId}`).expect(200)).body.data as RoomDTO).rev;

let png: Buffer;

beforeAll(async () => {
  app = makeTestApp();
  for (const who of Object.keys(roles) as Who[]) {
    ids[who] = (await makePerson({ username: `r-${who}`, roles: roles[who] })).id;
  }
  for (const who of Object.keys(roles) as Who[]) s[who] = await session(app, `r-${who}`);
  png = await sharp({
    create: { width: 8, height: 8, channels: 3, background: { r: 200, g: 30, b: 30 } },
  })
    .png()
    .toBuffer();
});

describe('without a session', () => {
  it('answers 401 on every room route', async () => {
    const anon = await session(app);
    const id = '0123456789abcdef01234567';
    const csrf = { 'X-CSRF-Token': anon.csrf };
    await anon.agent.get('/api/rooms').expect(401);
    await anon.agent.post('/api/rooms').set(csrf).send(roomBody()).expect(401);
    await anon.agent.get(`/api/rooms/${id}`).expect(401);
    await anon.agent.patch(`/api/rooms/${id}`).set(csrf).send({ rev: 0 }).expect(401);
    await anon.agent.post(`/api/rooms/${id}/archive`).set(csrf).send({ rev: 0 }).expect(401);
    await anon.agent.post(`/api/rooms/${id}/restore`).set(csrf).send({ rev: 0 }).expect(401);
    await anon.agent
      .put(`/api/rooms/${id}/image`)
      .set(csrf)
      .attach('image', png, 'a.png')
      .expect(401);
    await anon.agent.delete(`/api/rooms/${id}/image`).set(csrf).expect(401);
    await anon.agent.get(`/api/rooms/${id}/image`).expect(401);
  });
});

describe('POST /api/rooms', () => {
  it('lets movers, editors and admins create; the creator is the owner', async () => {
    for (const who of ['mover', 'editor', 'admin'] as const) {
      const res = await send(who, 'post', '/api/rooms', roomBody({ template: 'community' })).expect(
        201,
      );
      const room = res.body.data as RoomDTO;
      expect(room.myRole).toBe('owner');
      expect(room.memberCount).toBe(1);
      expect(room.abilities).toMatchObject({ administer: true, archive: true, leave: false });
      expect(room.owners.map((o) => o.id)).toEqual([ids[who]]);
      // Modules come from the template unless given.
      expect(room.modules.tasks).toBe(false);
      expect(room.modules.feed).toBe(true);
      expect(roomRoleOf(room.id, ids[who])).toBe('owner');
      expect(roomsOf(ids[who])).toContain(room.id);
    }
  });

  it('refuses employees and hr (they request rooms instead)', async () => {
    await send('employee', 'post', '/api/rooms', roomBody()).expect(403);
    await send('hr', 'post', '/api/rooms', roomBody()).expect(403);
  });

  it('is idempotent by clientId: the same person gets the same room, anyone else 409', async () => {
    const body = roomBody({ name: 'Einmalig' });
    const first = (await send('mover', 'post', '/api/rooms', body).expect(201)).body
      .data as RoomDTO;
    const again = (await send('mover', 'post', '/api/rooms', body).expect(200)).body
      .data as RoomDTO;
    expect(again.id).toBe(first.id);
    expect(again.memberCount).toBe(1);
    const other = await send('mover2', 'post', '/api/rooms', body).expect(409);
    expect(other.body.error.code).toBe('client_id_reused');
    const index = await roomIndex();
    expect([...index.rooms.values()].filter((r) => r.clientId === body.clientId)).toHaveLength(1);
  });

  it('validates the body strictly (400), including mass-assignment fields', async () => {
    await send('mover', 'post', '/api/rooms', roomBody({ name: 'x' })).expect(400);
    await send('mover', 'post', '/api/rooms', roomBody({ visibility: 'public' })).expect(400);
    await send('mover', 'post', '/api/rooms', roomBody({ memberCount: 500 })).expect(400);
    await send('mover', 'post', '/api/rooms', roomBody({ archived: true })).expect(400);
    await send('mover', 'post', '/api/rooms', roomBody({ clientId: 'nope' })).expect(400);
  });
});

describe('GET /api/rooms/:roomId', () => {
  it('shows open and closed rooms to everyone, secret ones only to members (404 even for admins)', async () => {
    const open = await makeRoom({ visibility: 'open' });
    const closed = await makeRoom({ visibility: 'closed' });
    const secret = await makeRoom({ visibility: 'secret' }, [['member', 'member']]);
    const o = (await get('employee', `/api/rooms/${open.id}`).expect(200)).body.data as RoomDTO;
    expect(o.abilities).toMatchObject({ view: true, read: false, join: true, requestJoin: false });
    expect(o.conversationId).toBeNull();
    const c = (await get('employee', `/api/rooms/${closed.id}`).expect(200)).body.data as RoomDTO;
    expect(c.abilities).toMatchObject({ join: false, requestJoin: true });
    await get('employee', `/api/rooms/${secret.id}`).expect(404);
    await get('admin', `/api/rooms/${secret.id}`).expect(404);
    const m = (await get('member', `/api/rooms/${secret.id}`).expect(200)).body.data as RoomDTO;
    expect(m.myRole).toBe('member');
    expect(m.abilities).toMatchObject({ read: true, contribute: true, moderate: false });
  });

  it('answers 400 for a malformed id and 404 for an unknown one', async () => {
    await get('employee', '/api/rooms/not-an-id').expect(400);
    await get('employee', '/api/rooms/0123456789abcdef01234567').expect(404);
  });
});

describe('GET /api/rooms', () => {
  const list = async (who: Who, query: string) =>
    (await get(who, `/api/rooms?${query}`).expect(200)).body as {
      data: RoomSummaryDTO[];
      nextCursor: string | null;
      total: number;
    };

  it('discover: open and closed rooms, never others’ secret rooms (list and total)', async () => {
    const tag = `Ärger${Date.now()}`;
    await makeRoom({ name: `${tag} offen`, visibility: 'open' });
    await makeRoom({ name: `${tag} geschlossen`, visibility: 'closed' });
    await makeRoom({ name: `${tag} geheim`, visibility: 'secret' }, [['member', 'member']]);
    const q = encodeURIComponent(tag.toLowerCase().replace('ä', 'ae'));
    for (const who of ['employee', 'admin'] as const) {
      const page = await list(who, `scope=discover&q=${q}`);
      expect(page.total).toBe(2);
      expect(page.data.map((r) => r.name).sort()).toEqual([`${tag} geschlossen`, `${tag} offen`]);
    }
    const member = await list('member', `scope=discover&q=${q}`);
    expect(member.total).toBe(3);
    const closedOnly = await list('employee', `scope=discover&q=${q}&visibility=closed`);
    expect(closedOnly.data.map((r) => r.visibility)).toEqual(['closed']);
  });

  it('mine: my rooms only, archived ones only when asked; pages with a cursor', async () => {
    const tag = `Meins${Date.now()}`;
    const a = await makeRoom({ name: `${tag} A` }, [['mod', 'moderator']]);
    await makeRoom({ name: `${tag} B`, visibility: 'secret' }, [['mod', 'member']]);
    const c = await makeRoom({ name: `${tag} C` }, [['mod', 'member']]);
    await makeRoom({ name: `${tag} D` });
    await send('mover', 'post', `/api/rooms/${c.id}/archive`, { rev: c.rev }).expect(200);
    const mine = await list('mod', `scope=mine&q=${tag}`);
    expect(mine.total).toBe(2);
    expect(mine.data.every((r) => r.myRole !== null)).toBe(true);
    const withArchived = await list('mod', `scope=mine&q=${tag}&archived=true`);
    expect(withArchived.total).toBe(3);
    const first = await list('mod', `scope=mine&q=${tag}&archived=true&limit=2`);
    expect(first.data).toHaveLength(2);
    expect(first.nextCursor).not.toBeNull();
    const second = await list(
      'mod',
      `scope=mine&q=${tag}&archived=true&limit=2&cursor=${first.nextCursor}`,
    );
    expect(second.data).toHaveLength(1);
    expect(second.nextCursor).toBeNull();
    const seen = [...first.data, ...second.data].map((r) => r.id);
    expect(new Set(seen).size).toBe(3);
    expect(seen).toContain(a.id);
  });

  it('rejects bracket operators, unknown parameters and bad cursors (400)', async () => {
    await get('employee', '/api/rooms?scope[$ne]=mine').expect(400);
    await get('employee', '/api/rooms?q[$gt]=').expect(400);
    await get('employee', '/api/rooms?visibility=secret').expect(400);
    await get('employee', '/api/rooms?owner=me').expect(400);
    await get('employee', '/api/rooms?cursor=bm9wZQ').expect(400);
  });
});

describe('PATCH /api/rooms/:roomId', () => {
  it('moderators change name and description; visibility and modules need an owner', async () => {
    const room = await makeRoom({}, [
      ['mod', 'moderator'],
      ['member', 'member'],
    ]);
    const res = await send('mod', 'patch', `/api/rooms/${room.id}`, {
      rev: room.rev,
      name: 'Neuer Name',
    }).expect(200);
    const renamed = res.body.data as RoomDTO;
    expect(renamed.name).toBe('Neuer Name');
    expect(renamed.rev).toBe(room.rev + 1);
    await send('mod', 'patch', `/api/rooms/${room.id}`, {
      rev: renamed.rev,
      visibility: 'closed',
    }).expect(403);
    await send('member', 'patch', `/api/rooms/${room.id}`, {
      rev: renamed.rev,
      name: 'Mitglied',
    }).expect(403);
    await send('employee', 'patch', `/api/rooms/${room.id}`, {
      rev: renamed.rev,
      name: 'Fremd',
    }).expect(403);
    const owner = await send('mover', 'patch', `/api/rooms/${room.id}`, {
      rev: renamed.rev,
      visibility: 'closed',
      reviewBy: '2020-01-01',
      modules: { feed: true, chat: false, wiki: false, files: true, events: true, tasks: true },
    }).expect(200);
    const changed = owner.body.data as RoomDTO;
    expect(changed.visibility).toBe('closed');
    expect(changed.modules.tasks).toBe(true);
    expect(changed.reviewDue).toBe(true);
  });

  it('is rev-guarded (409 stale_copy) and strict (mass assignment → 400)', async () => {
    const room = await makeRoom();
    await send('mover', 'patch', `/api/rooms/${room.id}`, { rev: room.rev, name: 'Erste' }).expect(
      200,
    );
    const stale = await send('mover', 'patch', `/api/rooms/${room.id}`, {
      rev: room.rev,
      name: 'Zweite',
    }).expect(409);
    expect(stale.body.error.code).toBe('stale_copy');
    const r = await rev('mover', room.id);
    for (const extra of [
      { memberCount: 99 },
      { conversationId: room.id },
      { archived: true },
      { createdBy: ids.employee },
    ]) {
      await send('mover', 'patch', `/api/rooms/${room.id}`, { rev: r, ...extra }).expect(400);
    }
    await send('mover', 'patch', `/api/rooms/${room.id}`, { rev: r }).expect(400);
    await send('mover', 'patch', `/api/rooms/${room.id}`, { rev: r, visibility: 'public' }).expect(
      400,
    );
  });

  it('hides secret rooms (404) and refuses writes in archived rooms (409 room_archived)', async () => {
    const secret = await makeRoom({ visibility: 'secret' });
    await send('employee', 'patch', `/api/rooms/${secret.id}`, { rev: 0, name: 'Hallo' }).expect(
      404,
    );
    await send('admin', 'patch', `/api/rooms/${secret.id}`, { rev: 0, name: 'Hallo' }).expect(404);
    const room = await makeRoom();
    await send('mover', 'post', `/api/rooms/${room.id}/archive`, { rev: room.rev }).expect(200);
    const r = await rev('mover', room.id);
    const res = await send('mover', 'patch', `/api/rooms/${room.id}`, {
      rev: r,
      name: 'Zu spät',
    }).expect(409);
    expect(res.body.error.code).toBe('room_archived');
  });
});

describe('archive and restore', () => {
  it('owners archive and restore; others are refused', async () => {
    const room = await makeRoom({}, [
      ['mod', 'moderator'],
      ['member', 'member'],
    ]);
    await send('mod', 'post', `/api/rooms/${room.id}/archive`, { rev: room.rev }).expect(403);
    await send('member', 'post', `/api/rooms/${room.id}/archive`, { rev: room.rev }).expect(403);
    await send('employee', 'post', `/api/rooms/${room.id}/archive`, { rev: room.rev }).expect(403);
    const archived = (
      await send('mover', 'post', `/api/rooms/${room.id}/archive`, { rev: room.rev }).expect(200)
    ).body.data as RoomDTO;
    expect(archived.archived).toBe(true);
    expect(archived.abilities).toMatchObject({ contribute: false, restore: true, archive: false });
    const again = await send('mover', 'post', `/api/rooms/${room.id}/archive`, {
      rev: archived.rev,
    }).expect(409);
    expect(again.body.error.code).toBe('room_archived');
    const memberView = (await get('member', `/api/rooms/${room.id}`).expect(200)).body
      .data as RoomDTO;
    expect(memberView.abilities).toMatchObject({ read: true, contribute: false });
    await send('mod', 'post', `/api/rooms/${room.id}/restore`, { rev: archived.rev }).expect(403);
    const restored = (
      await send('mover', 'post', `/api/rooms/${room.id}/restore`, { rev: archived.rev }).expect(
        200,
      )
    ).body.data as RoomDTO;
    expect(restored.archived).toBe(false);
    const notArchived = await send('mover', 'post', `/api/rooms/${room.id}/restore`, {
      rev: restored.rev,
    }).expect(409);
    expect(notArchived.body.error.code).toBe('invalid_transition');
    await send('mover', 'post', `/api/rooms/${room.id}/archive`, { rev: 'x' }).expect(400);
  });

  it('of two concurrent archives exactly one wins, the other gets 409', async () => {
    const room = await makeRoom();
    const results = await Promise.all([
      send('mover', 'post', `/api/rooms/${room.id}/archive`, { rev: room.rev }),
      send('mover', 'post', `/api/rooms/${room.id}/archive`, { rev: room.rev }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
  });

  it('hides secret rooms from non-members (404)', async () => {
    const secret = await makeRoom({ visibility: 'secret' });
    await send('admin', 'post', `/api/rooms/${secret.id}/archive`, { rev: secret.rev }).expect(404);
  });
});

describe('room image', () => {
  it('moderators set and remove it; every viewer may load it; secret rooms stay hidden', async () => {
    const room = await makeRoom({}, [
      ['mod', 'moderator'],
      ['member', 'member'],
    ]);
    const path = `/api/rooms/${room.id}/image`;
    await s.member.agent
      .put(path)
      .set('X-CSRF-Token', s.member.csrf)
      .attach('image', png, 'a.png')
      .expect(403);
    await get('employee', path).expect(404);
    const set = await s.mod.agent
      .put(path)
      .set('X-CSRF-Token', s.mod.csrf)
      .attach('image', png, 'bild.png')
      .expect(200);
    expect((set.body.data as RoomDTO).imageUrl).toMatch(
      new RegExp(`^/api/rooms/${room.id}/image\\?v=`),
    );
    const img = await get('employee', path).expect(200);
    expect(img.headers['content-type']).toBe('image/png');
    expect(img.headers['cache-control']).toContain('private');
    expect(img.headers['x-content-type-options']).toBe('nosniff');
    const text = Buffer.from('<svg onload="alert(1)"></svg>');
    await s.mod.agent
      .put(path)
      .set('X-CSRF-Token', s.mod.csrf)
      .attach('image', text, 'x.svg')
      .expect(400);
    const big = Buffer.alloc(2 * 1024 * 1024 + 10, 1);
    await s.mod.agent
      .put(path)
      .set('X-CSRF-Token', s.mod.csrf)
      .attach('image', big, 'big.png')
      .expect(413);
    const removed = await send('mod', 'delete', path).expect(200);
    expect((removed.body.data as RoomDTO).imageUrl).toBeNull();
    await get('employee', path).expect(404);
  });

  it('a secret room’s image is 404 for non-members, also for admins', async () => {
    const secret = await makeRoom({ visibility: 'secret' }, [['member', 'member']]);
    const path = `/api/rooms/${secret.id}/image`;
    await s.mover.agent
      .put(path)
      .set('X-CSRF-Token', s.mover.csrf)
      .attach('image', png, 'a.png')
      .expect(200);
    await get('member', path).expect(200);
    await get('employee', path).expect(404);
    await get('admin', path).expect(404);
    await s.admin.agent
      .put(path)
      .set('X-CSRF-Token', s.admin.csrf)
      .attach('image', png, 'a.png')
      .expect(404);
    await send('admin', 'delete', path).expect(404);
  });

  it('refuses uploads in archived rooms (409)', async () => {
    const room = await makeRoom();
    await send('mover', 'post', `/api/rooms/${room.id}/archive`, { rev: room.rev }).expect(200);
    const res = await s.mover.agent
      .put(`/api/rooms/${room.id}/image`)
      .set('X-CSRF-Token', s.mover.csrf)
      .attach('image', png, 'a.png')
      .expect(409);
    expect(res.body.error.code).toBe('room_archived');
  });
});

describe('changeRoomMembers', () => {
  it('keeps at least one owner, is idempotent and keeps the count', async () => {
    const room = await makeRoom();
    const add = await changeRoomMembers(room.id, ids.mover, {
      add: [{ personId: ids.member, role: 'member' }],
    });
    expect(add.added).toEqual([ids.member]);
    const again = await changeRoomMembers(room.id, ids.mover, {
      add: [{ personId: ids.member, role: 'member' }],
    });
    expect(again).toEqual({ added: [], removed: [], roles: [] });
    await expect(
      changeRoomMembers(room.id, ids.mover, { remove: [ids.mover] }),
    ).rejects.toMatchObject({
      status: 409,
      code: 'last_owner',
    });
    await expect(
      changeRoomMembers(room.id, ids.mover, { roles: [{ personId: ids.mover, role: 'member' }] }),
    ).rejects.toMatchObject({ code: 'last_owner' });
    // Hand-over: make another owner, then step down.
    await changeRoomMembers(room.id, ids.mover, {
      roles: [{ personId: ids.member, role: 'owner' }],
    });
    const down = await changeRoomMembers(room.id, ids.mover, { remove: [ids.mover] });
    expect(down.removed).toEqual([ids.mover]);
    expect(roomRoleOf(room.id, ids.member)).toBe('owner');
    expect(roomRoleOf(room.id, ids.mover)).toBeNull();
    const view = (await get('member', `/api/rooms/${room.id}`).expect(200)).body.data as RoomDTO;
    expect(view.memberCount).toBe(1);
    await expect(
      changeRoomMembers(room.id, ids.member, { add: [{ personId: 'members.$x', role: 'owner' }] }),
    ).rejects.toMatchObject({ status: 400 });
  });
});
