import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import mongoose from 'mongoose';
import type { Socket } from 'socket.io-client';
import type { ConversationDTO, MessageDTO } from '@shared/chat/types';
import type { RunningServer } from '../../main';
import { TEST_PASSWORD, makePerson } from '../../test/app';
import { reconcileRooms } from './chat.realtime';
import {
  client,
  next,
  open,
  record,
  signIn,
  sleep,
  type SignedIn,
  startTestPortal,
} from '../../realtime/test-support';

let server: RunningServer;
let base: string;
const sockets: Socket[] = [];
const signed: Record<string, SignedIn> = {};
const ids: Record<string, string> = {};
let counter = 0;

beforeAll(async () => {
  server = await startTestPortal('3701');
  base = server.url;
  for (const name of ['owner', 'member', 'outsider', 'late']) {
    ids[name] = (await makePerson({ username: name })).id;
    signed[name] = await signIn(base, name, TEST_PASSWORD);
  }
});

afterAll(async () => {
  sockets.forEach((s) => s.disconnect());
  await mongoose.connection.db?.dropDatabase().catch(() => undefined);
  await server?.close();
});

const connect = async (name: string) => {
  const s = client(base, { cookie: signed[name]!.cookie, origin: base });
  sockets.push(s);
  expect(await open(s)).toBe('connected');
  return s;
};
const call = async (name: string, method: string, path: string, body?: object) => {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: {
      'content-type': 'application/json',
      cookie: signed[name]!.cookie,
      'x-csrf-token': signed[name]!.csrf,
      origin: base,
    },
    body: body ? JSON.stringify(body) : undefined,
  });
  return { status: res.status, body: (await res.json()) as { data: unknown } };
};
const sendMessage = async (name: string, convId: string, body: string) => {
  counter += 1;
  const res = await call(name, 'POST', `/api/conversations/${convId}/messages`, {
    clientId: `rooms-test-${counter}`,
    body,
  });
  expect(res.status).toBe(201);
  return res.body.data as MessageDTO;
};
/** `chat:*` events of one conversation a socket received. */
const chatEventsOf = (seen: { event: string; args: unknown[] }[], convId: string) =>
  seen.filter((e) => e.event.startsWith('chat:') && JSON.stringify(e.args).includes(convId));

async function newChannel(members: string[]): Promise<string> {
  counter += 1;
  const res = await call('owner', 'POST', '/api/conversations', {
    kind: 'channel',
    name: `Raum ${counter}`,
    visibility: 'private',
    memberIds: members.map((m) => ids[m]),
  });
  expect(res.status).toBe(201);
  return (res.body.data as ConversationDTO).id;
}

describe('chat rooms', () => {
  it('a member receives the conversation live; a non-member receives nothing within 2 s', async () => {
    const conv = await newChannel(['member']);
    const member = await connect('member');
    const outsider = await connect('outsider');
    const seen = record(outsider);
    // The outsider's attempts to join in are ignored too.
    outsider.emit('chat:typing', { conversationId: conv, threadId: null });
    const message = next<{ message: MessageDTO }>(member, 'chat:message');
    const sent = await sendMessage('owner', conv, 'Guten Morgen zusammen');
    expect((await message).message.id).toBe(sent.id);
    const patch = next<{ id: string; name?: string }>(member, 'chat:conversation-patch');
    expect(
      (await call('owner', 'PATCH', `/api/conversations/${conv}`, { name: 'Umbenannt' })).status,
    ).toBe(200);
    expect((await patch).name).toBe('Umbenannt');
    const typing = next<{ person: { id: string } }>(member, 'chat:typing');
    const owner = await connect('owner');
    const ownSeen = record(owner);
    owner.emit('chat:typing', { conversationId: conv, threadId: null });
    expect((await typing).person.id).toBe(ids.owner);
    // More than one per person and conversation within 2 s is dropped; the typist gets none.
    const memberSeen = record(member);
    owner.emit('chat:typing', { conversationId: conv, threadId: null });
    await sleep(2000);
    expect(chatEventsOf(seen, conv)).toEqual([]);
    expect(memberSeen.filter((e) => e.event === 'chat:typing')).toEqual([]);
    expect(ownSeen.filter((e) => e.event === 'chat:typing')).toEqual([]);
  });

  it('a socket that connected during a membership change ends up in exactly its rooms', async () => {
    const mine = await newChannel(['member']);
    const gone = await newChannel(['late']);
    // As if the rooms were decided before `late` was added to `mine` and removed from `gone`.
    expect(
      (await call('owner', 'POST', `/api/conversations/${mine}/members`, { personIds: [ids.late] }))
        .status,
    ).toBe(200);
    expect(
      (await call('owner', 'DELETE', `/api/conversations/${gone}/members/${ids.late}`)).status,
    ).toBe(200);
    const rooms = new Set<string>([`user:${ids.late}`, `chat:${gone}`]);
    const socket = {
      data: { user: { id: ids.late! } },
      rooms,
      disconnected: false,
      join: (r: string | string[]) => void [r].flat().forEach((x) => rooms.add(x)),
      leave: (r: string) => void rooms.delete(r),
    } as unknown as Parameters<typeof reconcileRooms>[0];
    await reconcileRooms(socket);
    expect([...rooms].sort()).toEqual([`chat:${mine}`, `user:${ids.late}`].sort());
  });

  it("an added member's open sockets join the room at once", async () => {
    const conv = await newChannel(['member']);
    const late = await connect('late');
    const added = next<{ conversation: ConversationDTO }>(late, 'chat:conversation');
    const res = await call('owner', 'POST', `/api/conversations/${conv}/members`, {
      personIds: [ids.late],
    });
    expect(res.status).toBe(200);
    expect((await added).conversation).toMatchObject({ id: conv, me: { role: 'member' } });
    const message = next<{ message: MessageDTO }>(late, 'chat:message');
    await sendMessage('owner', conv, 'Willkommen!');
    expect((await message).message.body).toBe('Willkommen!');
    // Added by someone else: a notification that links to the conversation.
    const notification = next<{ notification: { kind: string; link: string } }>(
      late,
      'notification:new',
    );
    await call('owner', 'POST', '/api/conversations', {
      kind: 'group',
      memberIds: [ids.late, ids.member],
      name: 'Kaffeerunde',
    });
    expect((await notification).notification.kind).toBe('chat.added');
  });

  it("a removed member's sockets leave at once and are told; nothing follows", async () => {
    const conv = await newChannel(['member']);
    const member = await connect('member');
    const removed = next<{ id: string }>(member, 'chat:conversation-removed');
    const res = await call('owner', 'DELETE', `/api/conversations/${conv}/members/${ids.member}`);
    expect(res.status).toBe(200);
    expect((await removed).id).toBe(conv);
    const seen = record(member);
    await sendMessage('owner', conv, 'Nur noch für Mitglieder');
    await sleep(2000);
    expect(chatEventsOf(seen, conv)).toEqual([]);
  });

  it('sockets connecting later are in the rooms of their conversations; reads go to own tabs', async () => {
    const conv = await newChannel(['member']);
    const tab = await connect('member');
    const message = next<{ message: MessageDTO }>(tab, 'chat:message');
    const sent = await sendMessage('owner', conv, 'Neue Nachricht');
    await message;
    const read = next<{ conversationId: string; readSeq: number }>(tab, 'chat:read');
    expect(
      (await call('member', 'POST', `/api/conversations/${conv}/read`, { seq: sent.seq })).status,
    ).toBe(200);
    expect(await read).toMatchObject({ conversationId: conv, readSeq: sent.seq });
  });

  it('read receipts of a direct conversation go to its room when both allow them', async () => {
    const res = await call('owner', 'POST', '/api/conversations', {
      kind: 'direct',
      personId: ids.late,
    });
    const dm = (res.body.data as ConversationDTO).id;
    const owner = await connect('owner');
    const sent = await sendMessage('owner', dm, 'Hallo');
    const receipt = next<{ personId: string; readSeq: number }>(owner, 'chat:receipt');
    await call('late', 'POST', `/api/conversations/${dm}/read`, { seq: sent.seq });
    expect(await receipt).toMatchObject({
      conversationId: dm,
      personId: ids.late,
      readSeq: sent.seq,
    });
  });
});
