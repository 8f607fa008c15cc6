import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import mongoose, { Types } from 'mongoose';
import type { Socket } from 'socket.io-client';
import type { PresenceDTO } from '@shared/chat/types';
import type { RunningServer } from '../../main';
import { TEST_PASSWORD, makePerson } from '../../test/app';
import { cluster } from '../../lib/cluster';
import {
  client,
  open,
  record,
  signIn,
  sleep,
  type SignedIn,
  startTestPortal,
} from '../../realtime/test-support';
import { presenceStatus } from './presence';

let server: RunningServer;
let base: string;
const sockets: Socket[] = [];
const signed: Record<string, SignedIn> = {};
const ids: Record<string, string> = {};

beforeAll(async () => {
  server = await startTestPortal('3702');
  base = server.url;
  for (const name of ['anna', 'watcher', 'other']) {
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
const watch = (s: Socket, personIds: unknown) =>
  s.timeout(2000).emitWithAck('presence:watch', { personIds }) as Promise<{
    statuses: PresenceDTO[];
  }>;
const settings = (name: string, body: object) =>
  fetch(`${base}/api/conversations/settings`, {
    method: 'PUT',
    headers: {
      'content-type': 'application/json',
      cookie: signed[name]!.cookie,
      'x-csrf-token': signed[name]!.csrf,
      origin: base,
    },
    body: JSON.stringify(body),
  });
const statusOf = (s: Socket, personId: string) =>
  new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no presence of ${personId}`)), 2000);
    const on = (p: PresenceDTO) => {
      if (p.personId !== personId) return;
      clearTimeout(timer);
      s.off('presence', on);
      resolve(p.status);
    };
    s.on('presence', on);
  });

describe('presence rule', () => {
  it('dnd if chosen; offline without sockets; away if chosen or all idle; else online', () => {
    expect(presenceStatus({ choice: 'dnd', sockets: 0, idleSockets: 0 })).toBe('dnd');
    expect(presenceStatus({ choice: 'dnd', sockets: 2, idleSockets: 0 })).toBe('dnd');
    expect(presenceStatus({ choice: 'auto', sockets: 0, idleSockets: 0 })).toBe('offline');
    expect(presenceStatus({ choice: 'away', sockets: 0, idleSockets: 0 })).toBe('offline');
    expect(presenceStatus({ choice: 'away', sockets: 1, idleSockets: 0 })).toBe('away');
    expect(presenceStatus({ choice: 'auto', sockets: 2, idleSockets: 2 })).toBe('away');
    expect(presenceStatus({ choice: 'auto', sockets: 2, idleSockets: 1 })).toBe('online');
  });
});

describe('presence over sockets', () => {
  it('follows connections, idle tabs and the chosen status', async () => {
    const watcher = await connect('watcher');
    expect(await watch(watcher, [ids.anna])).toEqual({
      statuses: [{ personId: ids.anna, status: 'offline' }],
    });
    let change = statusOf(watcher, ids.anna!);
    const tab1 = await connect('anna');
    expect(await change).toBe('online');
    change = statusOf(watcher, ids.anna!);
    tab1.emit('presence:idle', { idle: true });
    expect(await change).toBe('away');
    change = statusOf(watcher, ids.anna!);
    const tab2 = await connect('anna');
    expect(await change).toBe('online');
    change = statusOf(watcher, ids.anna!);
    tab2.disconnect();
    expect(await change).toBe('away');
    change = statusOf(watcher, ids.anna!);
    expect((await settings('anna', { presence: 'dnd' })).status).toBe(200);
    expect(await change).toBe('dnd');
    // Do not disturb stays when the last tab closes.
    const seen = record(watcher);
    tab1.disconnect();
    await sleep(300);
    expect(seen.filter((e) => e.event === 'presence')).toEqual([]);
    expect((await watch(watcher, [ids.anna])).statuses[0]?.status).toBe('dnd');
    change = statusOf(watcher, ids.anna!);
    expect((await settings('anna', { presence: 'auto' })).status).toBe(200);
    expect(await change).toBe('offline');
  });

  it('watching replaces the previous set; invalid lists watch nothing', async () => {
    const watcher = await connect('watcher');
    await watch(watcher, [ids.anna]);
    const now = await watch(watcher, [ids.other]);
    expect(now.statuses).toEqual([{ personId: ids.other, status: 'offline' }]);
    const seen = record(watcher);
    const anna = await connect('anna');
    const change = statusOf(watcher, ids.other!);
    const other = await connect('other');
    expect(await change).toBe('online');
    expect(seen.filter((e) => JSON.stringify(e.args).includes(ids.anna!))).toEqual([]);
    const tooMany = Array.from({ length: 201 }, () => String(new Types.ObjectId()));
    expect(await watch(watcher, tooMany)).toEqual({ statuses: [] });
    expect(await watch(watcher, [{ $ne: 1 }])).toEqual({ statuses: [] });
    anna.disconnect();
    other.disconnect();
  });

  it("counts another instance's sockets from the cluster bus", async () => {
    const watcher = await connect('watcher');
    const remoteOnly = String(new Types.ObjectId());
    await watch(watcher, [remoteOnly]);
    let change = statusOf(watcher, remoteOnly);
    const from = { type: 'count', instanceId: 'other-instance', userId: remoteOnly };
    cluster.deliver('chat-presence', { ...from, sockets: 2, idle: 0 });
    expect(await change).toBe('online');
    change = statusOf(watcher, remoteOnly);
    cluster.deliver('chat-presence', { ...from, sockets: 2, idle: 2 });
    expect(await change).toBe('away');
    change = statusOf(watcher, remoteOnly);
    cluster.deliver('chat-presence', { ...from, sockets: 0, idle: 0 });
    expect(await change).toBe('offline');
  });
});
