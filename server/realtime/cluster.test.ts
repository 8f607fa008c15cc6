import type { ChildProcess } from 'node:child_process';
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient, type RedisClientType } from 'redis';
import { loadEnv } from '../env';
import { createSessionStore, sessionMiddleware } from '../middleware/session';
import { useTestDatabase } from '../test/db';
import { startTestRedis, waitForPeers } from '../test/redis-pair';
import { createKeyedCache } from '../lib/keyed-cache';
import { cluster } from '../lib/cluster';
import { attachRealtime, type Realtime } from './index';

// Two realtime instances on one Redis (this suite's own port). Both live in this process, so they
// share the cluster bus object; the transport is the last attached instance's, and a message
// reaches the handlers only by travelling through Redis to the OTHER instance (Socket.IO never
// delivers server-side events to their sender).
const REDIS_PORT = 6395;

useTestDatabase();

let redisProc: ChildProcess | null = null;
const clients: RedisClientType[] = [];
const instances: { server: http.Server; realtime: Realtime }[] = [];

async function instance(): Promise<void> {
  const env = loadEnv({ NODE_ENV: 'test', REDIS_URL: `redis://127.0.0.1:${REDIS_PORT}` });
  const redis: RedisClientType = createClient({ url: env.REDIS_URL });
  await redis.connect();
  clients.push(redis);
  const store = createSessionStore();
  const session = sessionMiddleware(env, store, 'test-secret-test-secret');
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const realtime = await attachRealtime(server, { session, store, origins: [], redis, env });
  instances.push({ server, realtime });
}

beforeAll(async () => {
  redisProc = await startTestRedis(REDIS_PORT);
  await instance();
  await instance();
  await waitForPeers(instances.map((i) => i.realtime));
}, 60_000);

afterAll(async () => {
  for (const { server, realtime } of instances) {
    await realtime.close();
    server.closeAllConnections();
  }
  for (const c of clients) await c.quit().catch(() => undefined);
  redisProc?.kill('SIGTERM');
});

const until = async (check: () => boolean) => {
  // Up to 20 s: the shared CI machine can be slow; the test fails only if nothing ever arrives.
  for (let i = 0; i < 400 && !check(); i++) await new Promise((r) => setTimeout(r, 50));
  return check();
};

describe('cluster bus over the Socket.IO Redis adapter', () => {
  it('carries a keyed-cache invalidation to the other instance', async () => {
    const received: unknown[] = [];
    const off = cluster.on('cache:cluster-test', (payload) => received.push(payload));
    let loads = 0;
    const cache = createKeyedCache<number>({
      name: 'cluster-test',
      max: 10,
      load: async () => {
        loads += 1;
        return loads;
      },
    });
    expect(await cache.get('k')).toBe(1);
    cache.invalidate('k'); // broadcast → Redis → the other instance → cluster.deliver
    expect(await until(() => received.includes('k'))).toBe(true);
    expect(await cache.get('k')).toBe(2);
    cache.set('j', 7);
    expect(await until(() => received.includes('j'))).toBe(true);
    off();
  });
});
