import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import request from 'supertest';
import type { Express } from 'express';
import mongoose from 'mongoose';
import { connectDatabase, disconnectDatabase, syncIndexes } from './connect';
import { defaultFerretBin } from './engine';
import { makeTestApp, makePerson, session, type Session } from '../test/app';
import { startDatabaseMonitor } from '../modules/system/db-health';

// A FerretDB of this file's own, on a fixed port so it can be killed and started again in place.
const PORT = 3434;
const dataDir = mkdtempSync(path.join(tmpdir(), 'portal-outage-'));

function startFerret(): Promise<ChildProcess> {
  mkdirSync(path.join(dataDir, 'db'), { recursive: true });
  const child = spawn(
    defaultFerretBin,
    [
      '--handler=sqlite',
      `--sqlite-url=file:${path.join(dataDir, 'db')}/`,
      `--state-dir=${dataDir}`,
      `--listen-addr=127.0.0.1:${PORT}`,
      '--telemetry=disable',
      '--debug-addr=-',
      '--log-level=error',
    ],
    { stdio: 'ignore' },
  );
  return new Promise((resolve, reject) => {
    const deadline = Date.now() + 15_000;
    const attempt = () => {
      if (child.exitCode !== null) return reject(new Error('FerretDB exited'));
      const socket = net.connect(PORT, '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        resolve(child);
      });
      socket.once('error', () => {
        socket.destroy();
        if (Date.now() > deadline) reject(new Error('FerretDB did not start'));
        else setTimeout(attempt, 50);
      });
    };
    attempt();
  });
}

const kill = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGKILL'); // a crash, not a polite stop
  });

let engine: ChildProcess;
/**
 * "Fails fast" means well below the driver's 30 s socket timeout. The gate needs three failed pings
 * (about 3 s) before it closes on a hung database; the margin covers a loaded CI machine.
 */
const FAST_MS = 10_000;

let app: Express;
let erika: Session;
let stopMonitor: () => void = () => undefined;

beforeAll(async () => {
  engine = await startFerret();
  await connectDatabase(`mongodb://127.0.0.1:${PORT}/portal_outage`);
  await syncIndexes();
  stopMonitor = startDatabaseMonitor();
  app = makeTestApp();
  await makePerson({ username: 'erika' });
  erika = await session(app, 'erika');
});

afterAll(async () => {
  stopMonitor();
  if (engine && engine.signalCode === null && engine.exitCode === null) engine.kill('SIGCONT');
  await disconnectDatabase().catch(() => undefined);
  if (engine) await kill(engine);
  rmSync(dataDir, { recursive: true, force: true });
});

/** Time one request; the point of the test is that nothing waits for the database. */
async function timed<T>(fn: () => Promise<T>): Promise<{ res: T; ms: number }> {
  const started = Date.now();
  const res = await fn();
  return { res, ms: Date.now() - started };
}

describe('database outage', () => {
  it('is ready while the database answers', async () => {
    await request(app).get('/readyz').expect(200);
    await erika.agent.get('/api/me').expect(200);
  });

  it('reports 503 on /readyz, keeps /healthz up and fails requests fast while the database is down', async () => {
    await kill(engine);

    await request(app).get('/healthz').expect(200);

    const ready = await timed(() => request(app).get('/readyz'));
    expect(ready.res.status).toBe(503);
    expect(ready.ms).toBeLessThan(FAST_MS);

    const me = await timed(() => erika.agent.get('/api/me'));
    expect(me.res.status).toBe(503);
    expect(me.res.body.error.code).toBe('service_unavailable');
    expect(me.res.body.error.correlationId).toBe(me.res.headers['x-request-id']);
    expect(me.ms).toBeLessThan(FAST_MS);

    // A route that needs no database may still answer until the monitor (500 ms ping) closes
    // the gate; from then on even it answers 503 at once. Never does anything wait.
    let anonymous = await timed(() => request(app).get('/api/auth/config'));
    for (let i = 0; i < 20 && anonymous.res.status !== 503; i += 1) {
      expect(anonymous.ms).toBeLessThan(FAST_MS);
      await new Promise((r) => setTimeout(r, 250));
      anonymous = await timed(() => request(app).get('/api/auth/config'));
    }
    expect(anonymous.res.status).toBe(503);
    expect(anonymous.ms).toBeLessThan(FAST_MS);

    await request(app).get('/healthz').expect(200);
  });

  it('recovers without a restart when the database is back (same port, same data)', async () => {
    engine = await startFerret();
    await waitUntilReady();
    expect(mongoose.connection.readyState).toBe(1);
    // The session survived in the database: the same cookie still signs in.
    const me = await erika.agent.get('/api/me').expect(200);
    expect(me.body.data.username).toBe('erika');
  });

  it('fails fast with 503 when the database hangs (stopped process, like a network partition)', async () => {
    engine.kill('SIGSTOP');
    try {
      // Arrives before the monitor has noticed: must not wait for the 30 s socket timeout.
      const first = await timed(() => erika.agent.get('/api/me'));
      expect(first.res.status).toBe(503);
      expect(first.res.body.error.code).toBe('service_unavailable');
      expect(first.ms).toBeLessThan(FAST_MS);
      // Once noticed, new requests are refused at once.
      const next = await timed(() => request(app).get('/api/auth/config'));
      expect(next.res.status).toBe(503);
      expect(next.ms).toBeLessThan(FAST_MS);
      const ready = await timed(() => request(app).get('/readyz'));
      expect(ready.res.status).toBe(503);
      expect(ready.ms).toBeLessThan(FAST_MS);
      await request(app).get('/healthz').expect(200);
    } finally {
      engine.kill('SIGCONT');
    }
    await waitUntilReady();
    await erika.agent.get('/api/me').expect(200);
  });
});

async function waitUntilReady(): Promise<void> {
  const deadline = Date.now() + 40_000;
  let status = 0;
  while (Date.now() < deadline) {
    status = (await request(app).get('/readyz')).status;
    if (status === 200) break;
    await new Promise((r) => setTimeout(r, 250));
  }
  expect(status).toBe(200);
}
