import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Socket } from 'socket.io-client';
import type { RunningServer } from '../../../main';
import { events, type DomainEvents } from '../../../lib/events';
import { TEST_PASSWORD, makePerson } from '../../../test/app';
import {
  client,
  next,
  open,
  record,
  signIn,
  sleep,
  startTestPortal,
  type SignedIn,
} from '../../../realtime/test-support';
import { ConversationModel } from '../../chat/conversation.model';
import { wikiIndex } from '../../wiki/page-index';
import { changeRoomMembers } from '../member.store';
import { createRoom, updateRoom } from '../room.service';
import { roomIndex } from '../room-index';
import { provisionRoom } from './provision';
import { uuidV5 } from './uuid5';

type Who = 'owner' | 'member' | 'outsider';
let server: RunningServer;
let base: string;
const ids = {} as Record<Who, string>;
const signed = {} as Record<Who, SignedIn>;
const sockets: Socket[] = [];
let roomId: string;

async function call(who: Who, method: string, path: string, body?: object): Promise<number> {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: {
      'content-type': 'application/json',
      cookie: signed[who].cookie,
      'x-csrf-token': signed[who].csrf,
      origin: base,
    },
    body: body ? JSON.stringify(body) : undefined,
  });
  await res.body?.cancel();
  return res.status;
}

const connect = async (who: Who) => {
  const s = client(base, { cookie: signed[who].cookie, origin: base });
  sockets.push(s);
  expect(await open(s)).toBe('connected');
  return s;
};
const room = async () => (await roomIndex()).rooms.get(roomId);

beforeAll(async () => {
  server = await startTestPortal('3845');
  base = server.url;
  ids.owner = (await makePerson({ username: 'rs-owner', roles: ['employee', 'mover'] })).id;
  ids.member = (await makePerson({ username: 'rs-member' })).id;
  ids.outsider = (await makePerson({ username: 'rs-outsider' })).id;
  for (const who of Object.keys(ids) as Who[]) {
    signed[who] = await signIn(base, `rs-${who}`, TEST_PASSWORD);
  }
  const made = await createRoom(
    { id: ids.owner, roles: ['employee', 'mover'] },
    { clientId: randomUUID(), name: 'Projekt Sync', visibility: 'secret', template: 'project' },
  );
  roomId = made.roomId;
});

afterAll(async () => {
  sockets.forEach((s) => s.disconnect());
  await server?.close();
});

describe('provisioning', () => {
  it('creates one room channel and one wiki space with the starter pages; a repeat adds nothing', async () => {
    const r = await room();
    expect(r?.conversationId).toBeTruthy();
    expect(r?.wikiSpaceId).toBeTruthy();
    const conv = await ConversationModel.findById(r?.conversationId).lean();
    expect(conv?.roomId && String(conv.roomId)).toBe(roomId);
    expect(conv?.members[ids.owner]?.role).toBe('owner');
    const pages = (await wikiIndex()).pagesOf(r?.wikiSpaceId as string);
    expect(pages.map((p) => p.title).sort()).toEqual(['Projektauftrag', 'Protokolle']);
    expect(pages.map((p) => p.id)).toContain(uuidV5(`${roomId}:Protokolle`));
    await Promise.all([provisionRoom(roomId, ids.owner), provisionRoom(roomId, ids.owner)]);
    expect((await room())?.conversationId).toBe(r?.conversationId);
    expect(await ConversationModel.countDocuments({ roomId })).toBe(1);
    expect((await wikiIndex()).pagesOf(r?.wikiSpaceId as string)).toHaveLength(2);
  });
});

describe('membership sync', () => {
  it('an added member reads chat and wiki; a removed one loses both and the live room at once', async () => {
    const r = await room();
    const chat = `/api/conversations/${r?.conversationId}`;
    const page = `/api/wiki/pages/${uuidV5(`${roomId}:Protokolle`)}`;
    expect(await call('member', 'GET', chat)).toBe(403);
    expect(await call('member', 'GET', page)).toBe(404);

    const outsider = await connect('outsider');
    const heard = record(outsider);
    const memberSocket = await connect('member');
    const added = next(memberSocket, 'rooms:mine');
    expect(
      await call('owner', 'POST', `/api/rooms/${roomId}/members`, { personIds: [ids.member] }),
    ).toBe(200);
    await added;
    await expect.poll(() => call('member', 'GET', chat), { timeout: 5000 }).toBe(200);
    expect(await call('member', 'GET', page)).toBe(200);

    // The member's socket joined the team room: module changes reach it.
    const content = next<{ module: string }>(memberSocket, 'rooms:content');
    events.publish('rooms.content_changed', {
      roomId,
      actorId: ids.owner,
      module: 'task',
      itemId: randomUUID(),
      kind: 'created',
      activity: true,
    });
    expect((await content).module).toBe('tasks');

    const lost = next<{ roomId: string }>(memberSocket, 'rooms:access-lost');
    expect(await call('owner', 'DELETE', `/api/rooms/${roomId}/members/${ids.member}`)).toBe(204);
    expect((await lost).roomId).toBe(roomId);
    await expect.poll(() => call('member', 'GET', chat), { timeout: 5000 }).toBe(403);
    expect(await call('member', 'GET', page)).toBe(404);
    expect(await call('member', 'GET', `/api/rooms/${roomId}/members`)).toBe(404);

    // Nothing of the secret room ever reached the outsider (or the removed member afterwards).
    const after = record(memberSocket);
    events.publish('rooms.room_changed', {
      roomId,
      actorId: ids.owner,
      change: 'updated',
      accessChanged: false,
    });
    events.publish('rooms.content_changed', {
      roomId,
      actorId: ids.owner,
      module: 'post',
      itemId: randomUUID(),
      kind: 'created',
      activity: true,
    });
    await sleep(2000);
    expect(heard.filter((e) => e.event.startsWith('rooms:'))).toEqual([]);
    expect(after.filter((e) => e.event.startsWith('rooms:'))).toEqual([]);
  });

  it('archiving the room archives the channel and leaves the wiki read-only', async () => {
    expect(
      await call('owner', 'POST', `/api/rooms/${roomId}/members`, { personIds: [ids.member] }),
    ).toBe(200);
    const r = await room();
    const { RoomModel } = await import('../room.model');
    const { rememberRoom } = await import('../room-index');
    await RoomModel.updateOne(
      { _id: roomId },
      { $set: { archived: true, archivedAt: new Date() } },
    );
    await rememberRoom(roomId);
    events.publish('rooms.room_changed', {
      roomId,
      actorId: ids.owner,
      change: 'archived',
      accessChanged: true,
    });
    await expect
      .poll(async () => (await ConversationModel.findById(r?.conversationId).lean())?.archived, {
        timeout: 5000,
      })
      .toBe(true);
    const page = `/api/wiki/pages/${uuidV5(`${roomId}:Protokolle`)}`;
    expect(await call('member', 'GET', page)).toBe(200);
    expect(await call('member', 'PATCH', page, { rev: 0, title: 'Neu' })).toBe(403);
  });
});

describe('modules turned off and on again', () => {
  it('wiki off: the space is invisible (pages kept, sockets re-checked); chat off: the channel is read-only; on again: both back', async () => {
    const owner = { id: ids.owner, roles: ['employee', 'mover'] as const };
    const made = await createRoom(
      { id: owner.id, roles: [...owner.roles] },
      { clientId: randomUUID(), name: 'Module an/aus', visibility: 'closed', template: 'project' },
    );
    const id = made.roomId;
    await changeRoomMembers(id, ids.owner, { add: [{ personId: ids.member, role: 'member' }] });
    const r = (await roomIndex()).rooms.get(id);
    const page = `/api/wiki/pages/${uuidV5(`${id}:Protokolle`)}`;
    const archivedChannel = async () =>
      (await ConversationModel.findById(r?.conversationId).lean())?.archived;
    await expect.poll(() => call('member', 'GET', page), { timeout: 5000 }).toBe(200);
    expect(await archivedChannel()).toBe(false);

    const spaceEvents: DomainEvents['wiki.space_changed'][] = [];
    const off = events.on('wiki.space_changed', (e) => void spaceEvents.push(e));
    const setModules = async (on: boolean) => {
      const rev = (await roomIndex()).rooms.get(id)?.rev ?? 0;
      await updateRoom({ id: owner.id, roles: [...owner.roles] }, id, {
        rev,
        modules: { feed: true, chat: on, wiki: on, files: true, events: true, tasks: true },
      });
    };
    try {
      await setModules(false);
      expect(await call('member', 'GET', page)).toBe(404);
      expect(await call('owner', 'GET', page)).toBe(404);
      await expect.poll(archivedChannel, { timeout: 5000 }).toBe(true);
      await expect
        .poll(() => spaceEvents.filter((e) => e.spaceId === r?.wikiSpaceId && e.accessChanged))
        .toHaveLength(1);

      await setModules(true);
      expect(await call('member', 'GET', page)).toBe(200);
      await expect.poll(archivedChannel, { timeout: 5000 }).toBe(false);
      await expect
        .poll(() => spaceEvents.filter((e) => e.spaceId === r?.wikiSpaceId && e.accessChanged))
        .toHaveLength(2);
      expect((await roomIndex()).rooms.get(id)?.wikiSpaceId).toBe(r?.wikiSpaceId);
    } finally {
      off();
    }
  });
});
