import type { ChildProcess } from 'node:child_process';
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient, type RedisClientType } from 'redis';
import mongoose from 'mongoose';
import { MemoryStore, type SessionData } from 'express-session';
import { loadEnv } from '../env';
import { useTestDatabase } from '../test/db';
import { startTestRedis, waitForPeers } from '../test/redis-pair';
import { attachRealtime, type Realtime } from '../realtime';
import { revokeSessionsOf } from '../modules/auth/revoke';
import { createSessionStore, sessionMiddleware } from './session';
import { CachedSessionStore } from './session-cache';

// Two app instances (session store + realtime on one Redis, this suite's own port) in one process:
// a message reaches the other instance only by travelling through Redis (see cluster.test.ts).
const REDIS_PORT = 6396;

useTestDatabase();

let redisProc: ChildProcess | null = null;
const clients: RedisClientType[] = [];
const instances: { server: http.Server; realtime: Realtime; store: CachedSessionStore }[] = [];

async function instance(): Promise<CachedSessionStore> {
  const env = loadEnv({ NODE_ENV: 'test', REDIS_URL: `redis://127.0.0.1:${REDIS_PORT}` });
  const redis: RedisClientType = createClient({ url: env.REDIS_URL });
  await redis.connect();
  clients.push(redis);
  const store = createSessionStore();
  const session = sessionMiddleware(env, store, 'test-secret-test-secret');
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const realtime = await attachRealtime(server, { session, store, origins: [], redis, env });
  instances.push({ server, realtime, store });
  return store;
}

let a: CachedSessionStore;
let b: CachedSessionStore;

beforeAll(async () => {
  redisProc = await startTestRedis(REDIS_PORT);
  a = await instance();
  b = await instance();
  await waitForPeers(instances.map((i) => i.realtime));
}, 60_000);

afterAll(async () => {
  for (const { server, realtime, store } of instances) {
    await realtime.close();
    server.closeAllConnections();
    await store.close().catch(() => undefined);
  }
  for (const c of clients) await c.quit().catch(() => undefined);
  redisProc?.kill('SIGTERM');
});

const get = (store: CachedSessionStore, sid: string) =>
  new Promise<SessionData | null>((resolve, reject) =>
    store.get(sid, (err, s) => (err ? reject(err) : resolve(s ?? null))),
  );
const set = (store: CachedSessionStore, sid: string, s: SessionData) =>
  new Promise<void>((resolve, reject) =>
    store.set(sid, s, (err) => (err ? reject(err) : resolve())),
  );
const destroy = (store: CachedSessionStore, sid: string) =>
  new Promise<void>((resolve, reject) =>
    store.destroy(sid, (err) => (err ? reject(err) : resolve())),
  );

const sessionOf = (userId: string, extra: Record<string, unknown> = {}) =>
  ({
    cookie: { originalMaxAge: 3_600_000, expires: new Date(Date.now() + 3_600_000), path: '/' },
    userId,
    loginAt: Date.now(),
    ...extra,
  }) as unknown as SessionData;

const stored = () => mongoose.connection.db!.collection<{ _id: string }>('sessions');

async function until(check: () => Promise<boolean>): Promise<boolean> {
  for (let i = 0; i < 100; i++) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return check();
}

describe('session cache', () => {
  it('serves a session from memory: a copy changed in the database is not read again', async () => {
    await set(a, 'mem', sessionOf('u-mem'));
    expect((await get(a, 'mem'))?.userId).toBe('u-mem');
    await stored().deleteOne({ _id: 'mem' });
    // Still there: proves the reads below (other instance) are not satisfied by the database.
    expect((await get(a, 'mem'))?.userId).toBe('u-mem');
  });

  it('gives each request its own copy (express-session changes it in place)', async () => {
    await set(a, 'copy', sessionOf('u-copy'));
    const first = await get(a, 'copy');
    (first as { userId: string }).userId = 'changed';
    expect((await get(a, 'copy'))?.userId).toBe('u-copy');
  });

  it('a second instance does not serve a session destroyed (logout) on the first', async () => {
    await set(b, 'gone', sessionOf('u-gone'));
    expect((await get(a, 'gone'))?.userId).toBe('u-gone'); // now cached on a
    await destroy(b, 'gone');
    expect(await until(async () => (await get(a, 'gone')) === null)).toBe(true);
  });

  it('a request reading the session while the logout deletes it does not keep it alive', async () => {
    // A database whose delete takes a while: reads in between still find the session.
    class SlowDelete extends MemoryStore {
      override destroy(sid: string, cb?: (err?: unknown) => void) {
        setTimeout(() => super.destroy(sid, cb), 50);
      }
    }
    const slow = new CachedSessionStore(new SlowDelete(), { touchAfterMs: 60_000, max: 10 });
    try {
      await set(slow, 'race', sessionOf('u-race'));
      const loggedOut = destroy(slow, 'race');
      // A request that arrived during the logout reads (and would cache) the database copy.
      expect((await get(slow, 'race'))?.userId).toBe('u-race');
      await loggedOut;
      expect(await get(slow, 'race')).toBeNull();
    } finally {
      await slow.close();
    }
  });

  it('a second instance rereads a session changed on the first', async () => {
    await set(b, 'changed', sessionOf('u-changed', { csrfToken: 'one' }));
    expect((await get(a, 'changed'))?.csrfToken).toBe('one');
    await set(b, 'changed', sessionOf('u-changed', { csrfToken: 'two' }));
    expect(await until(async () => (await get(a, 'changed'))?.csrfToken === 'two')).toBe(true);
  });

  it('revoking a person’s sessions drops them from memory, except the one kept', async () => {
    await set(a, 'r1', sessionOf('u-revoked'));
    await set(a, 'r2', sessionOf('u-revoked'));
    await set(a, 'other', sessionOf('u-other'));
    expect(await get(a, 'r1')).not.toBeNull();
    expect(await get(b, 'r1')).not.toBeNull();
    expect(await revokeSessionsOf('u-revoked', 'r2')).toBe(1);
    expect(await get(a, 'r1')).toBeNull();
    expect(await get(b, 'r1')).toBeNull();
    expect((await get(a, 'r2'))?.userId).toBe('u-revoked');
    expect((await get(a, 'other'))?.userId).toBe('u-other');
  });

  it('does not serve a session past its idle deadline from memory', async () => {
    const s = sessionOf('u-idle');
    (s.cookie as unknown as { expires: Date }).expires = new Date(Date.now() + 300);
    await set(a, 'idle', s);
    expect(await get(a, 'idle')).not.toBeNull();
    await new Promise((r) => setTimeout(r, 400));
    expect(await get(a, 'idle')).toBeNull();
  });
});
