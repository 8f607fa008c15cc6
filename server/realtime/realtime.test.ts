import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import mongoose from 'mongoose';
import type { Socket } from 'socket.io-client';
import type { RunningServer } from '../main';
import { makePerson, TEST_PASSWORD } from '../test/app';
import { notify } from '../modules/notifications/notifications.service';
import {
  client,
  logout,
  next,
  open,
  ping,
  record,
  signIn,
  sleep,
  startTestPortal,
} from './test-support';

let server: RunningServer;
let base: string;
let erika: { id: string };
let max: { id: string };
const sockets: Socket[] = [];

const track = (s: Socket) => {
  sockets.push(s);
  return s;
};
const as = (username: string) => signIn(base, username, TEST_PASSWORD);
const connectAs = async (cookie: string, opts = {}) => {
  const s = track(client(base, { cookie, origin: base }, opts));
  expect(await open(s)).toBe('connected');
  return s;
};

beforeAll(async () => {
  server = await startTestPortal('0', { SOCKET_SESSION_CHECK_SECONDS: '1' });
  base = server.url;
  erika = await makePerson({ username: 'erika' });
  max = await makePerson({ username: 'max' });
});

afterAll(async () => {
  sockets.forEach((s) => s.disconnect());
  await mongoose.connection.db?.dropDatabase().catch(() => undefined);
  await server?.close();
});

describe('socket handshake', () => {
  it('refuses a foreign Origin even with a valid session cookie (polling and websocket)', async () => {
    const { cookie } = await as('erika');
    for (const transports of [['websocket'], ['polling']]) {
      const evil = track(client(base, { cookie, origin: 'https://evil.example' }, { transports }));
      expect(await open(evil)).not.toBe('connected');
      expect(evil.connected).toBe(false);
      const none = track(client(base, { cookie }, { transports }));
      expect(await open(none)).not.toBe('connected');
    }
    // The same cookie from our origin is fine: the refusal above is the Origin check.
    await connectAs(cookie);
  });

  it('refuses a socket without a session, or with a session nobody signed in to', async () => {
    expect(await open(track(client(base, { origin: base })))).not.toBe('connected');
    const anonymous = await signIn(base);
    expect(await open(track(client(base, { cookie: anonymous.cookie, origin: base })))).not.toBe(
      'connected',
    );
    expect(
      await open(track(client(base, { cookie: 'portal.sid=s%3Aforged.sig', origin: base }))),
    ).not.toBe('connected');
  });
});

describe('delivery', () => {
  it('sends a notification to every open socket of that person and to nobody else', async () => {
    const tab1 = await connectAs((await as('erika')).cookie);
    const phone = await connectAs((await as('erika')).cookie);
    const other = await connectAs((await as('max')).cookie);
    const seenByOther = record(other);
    const got = Promise.all([next(tab1, 'notification:new'), next(phone, 'notification:new')]);
    await notify({ userId: erika.id, kind: 'test.hello', params: { n: 1 } });
    const [a, b] = await got;
    expect(a).toMatchObject({
      notification: { kind: 'test.hello' },
      unreadCount: expect.any(Number),
    });
    expect(b).toEqual(a);
    await sleep(2000);
    expect(seenByOther).toEqual([]);
  });

  it('tells the other tabs when notifications were read', async () => {
    const s = await as('max');
    const tab = await connectAs(s.cookie);
    await notify({ userId: max.id, kind: 'test.x' });
    const read = next<{ ids: string; unreadCount: number }>(tab, 'notification:read');
    const res = await fetch(`${base}/api/notifications/read-all`, {
      method: 'POST',
      headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, origin: base },
    });
    expect(res.status).toBe(200);
    expect(await read).toEqual({ ids: 'all', unreadCount: 0 });
  });
});

describe('session end', () => {
  it('logout disconnects the sockets of that session only', async () => {
    const s1 = await as('erika');
    const s2 = await as('erika');
    const mine = await connectAs(s1.cookie);
    const otherDevice = await connectAs(s2.cookie);
    const ended = next(mine, 'session:ended');
    const gone = next<string>(mine, 'disconnect');
    expect(await logout(base, s1)).toBe(204);
    expect(await ended).toEqual({ reason: 'logout' });
    expect(await gone).toBe('io server disconnect');
    expect(await ping(otherDevice)).toMatchObject({ at: expect.any(String) });
    // And it cannot come back with the ended session.
    expect(await open(mine)).not.toBe('connected');
  });

  it('ends an open socket once its session is gone from the store (idle timeout), not others', async () => {
    const s1 = await as('erika');
    const s2 = await as('erika');
    const idle = await connectAs(s1.cookie);
    const active = await connectAs(s2.cookie);
    const ended = next(idle, 'session:ended', 5000);
    // What the store's expiry does to an idle session: it disappears.
    const sid = decodeURIComponent(s1.cookie.split('=')[1] ?? '')
      .slice(2)
      .split('.')[0];
    await mongoose.connection.db
      ?.collection<{ _id: string }>('sessions')
      .deleteOne({ _id: sid ?? '' });
    expect(await ended).toEqual({ reason: 'expired' });
    expect(await ping(active)).toMatchObject({ at: expect.any(String) });
  });

  /** Receives one broadcast (so the client has an offset to recover from), then drops the transport. */
  async function connectedThenDropped(cookie: string) {
    const socket = await connectAs(cookie);
    const first = next(socket, 'notification:new');
    await notify({ userId: erika.id, kind: 'test.before' });
    await first;
    const dropped = next<string>(socket, 'disconnect');
    socket.io.engine.close();
    expect(['transport close', 'forced close']).toContain(await dropped);
    await sleep(100); // margin for the server to store the connection state (not an assertion)
    return socket;
  }

  it('recovers a short transport drop of a live session, with the missed notification (control)', async () => {
    const s = await as('erika');
    const socket = await connectedThenDropped(s.cookie);
    const seen = record(socket);
    await notify({ userId: erika.id, kind: 'test.missed' });
    expect(await open(socket)).toBe('connected');
    expect(socket.recovered).toBe(true);
    await sleep(200);
    expect(seen.map((e) => e.event)).toContain('notification:new');
  });

  it('does not recover a session revoked during the drop: reconnection refused, nothing missed delivered', async () => {
    const s = await as('erika');
    const socket = await connectedThenDropped(s.cookie);
    const seen = record(socket);
    expect(await logout(base, s)).toBe(204); // destroys the session server-side meanwhile
    await notify({ userId: erika.id, kind: 'test.secret' });
    expect(await open(socket)).not.toBe('connected');
    expect(socket.recovered).toBe(false);
    await sleep(500);
    expect(seen).toEqual([]);
  });

  it('does not hand a dropped connection’s rooms and missed packets to a different session', async () => {
    const s = await as('erika');
    const socket = await connectedThenDropped(s.cookie);
    const seen = record(socket);
    expect(await logout(base, s)).toBe(204);
    await notify({ userId: erika.id, kind: 'test.secret' });
    // Someone else signs in in the same browser: a valid session, the old connection's recovery id.
    const next_ = await as('max');
    (socket.io.opts.extraHeaders as Record<string, string>).cookie = next_.cookie;
    expect(await open(socket)).toBe('connected');
    expect(socket.recovered).toBe(false);
    await sleep(500);
    expect(seen.filter((e) => e.event === 'notification:new')).toEqual([]);
    // The socket now belongs to max: erika's notifications do not reach it.
    await notify({ userId: erika.id, kind: 'test.secret2' });
    await sleep(500);
    expect(seen.filter((e) => e.event === 'notification:new')).toEqual([]);
  });
});

describe('abuse', () => {
  it('closes only the socket that sends a packet over 64 KB; the server keeps serving', async () => {
    const { cookie } = await as('erika');
    const bad = await connectAs(cookie);
    const good = await connectAs((await as('max')).cookie);
    const closed = next<string>(bad, 'disconnect');
    bad.emit('ping', 'x'.repeat(70 * 1024));
    expect(['transport close', 'transport error']).toContain(await closed);
    expect(await ping(good)).toMatchObject({ at: expect.any(String) });
    const again = await connectAs(cookie);
    expect(await ping(again)).toMatchObject({ at: expect.any(String) });
  });

  it('rate-limits client events per socket and disconnects a socket that keeps flooding', async () => {
    const { cookie } = await as('max');
    const noisy = await connectAs(cookie);
    const results = await Promise.all(
      Array.from({ length: 60 }, () => noisy.timeout(5000).emitWithAck('ping')),
    );
    const limited = results.filter((r) => (r as { error?: string }).error === 'rate_limited');
    expect(limited.length).toBeGreaterThan(0);
    expect(results.length - limited.length).toBeGreaterThanOrEqual(30);

    const neighbour = await connectAs(cookie);
    const gone = next<string>(noisy, 'disconnect', 5000);
    for (let i = 0; i < 300; i += 1) noisy.emit('ping', () => undefined);
    expect(await gone).toBe('io server disconnect');
    expect(await ping(neighbour)).toMatchObject({ at: expect.any(String) });
  });
});
