import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test, expect, login, DEMO_PASSWORD } from './fixtures';
import {
  apiSession,
  assertPortFree,
  startFerretDb,
  startPortal,
  startRedis,
  stopProcess,
  waitForHttp,
  waitForPort,
  type Proc,
} from './support/processes';

// Two portal instances on one database and one Redis: a notice created through A reaches a
// browser connected to B (Socket.IO Redis streams adapter). Ports from this suite's own range.
const PORT_A = 3420;
const PORT_B = 3421;
const PORT_DB = 3422;
const PORT_REDIS = 6391;
const A = `http://127.0.0.1:${PORT_A}`;
const B = `http://127.0.0.1:${PORT_B}`;

test.describe.configure({ mode: 'serial' });

let dataDir = '';
const procs: Proc[] = [];

test.beforeAll(async () => {
  test.setTimeout(240_000);
  for (const port of [PORT_A, PORT_B, PORT_DB, PORT_REDIS]) await assertPortFree(port);
  dataDir = mkdtempSync(path.join(tmpdir(), 'portal-scale-'));
  const db = startFerretDb(dataDir, PORT_DB);
  const redis = startRedis(PORT_REDIS);
  procs.push(db, redis);
  await waitForPort(db, PORT_DB);
  await waitForPort(redis, PORT_REDIS);
  const shared = {
    MONGODB_URI: `mongodb://127.0.0.1:${PORT_DB}/portal`,
    REDIS_URL: `redis://127.0.0.1:${PORT_REDIS}`,
  };
  // A seeds the demo organisation (once); B starts on the seeded database.
  const a = startPortal('instance A', { ...shared, PORT: String(PORT_A), SEED_DEMO: 'true' });
  procs.push(a);
  await waitForHttp(a, `${A}/readyz`);
  const b = startPortal('instance B', { ...shared, PORT: String(PORT_B), SEED_DEMO: 'false' });
  procs.push(b);
  await waitForHttp(b, `${B}/readyz`);
});

test.afterAll(async () => {
  // App instances first (they drain sockets), then Redis and the database.
  for (const p of [...procs].reverse()) await stopProcess(p);
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

test('a notice broadcast through instance A reaches the bell of a browser on instance B', async ({
  browser,
}) => {
  const context = await browser.newContext({ baseURL: B, locale: 'de-DE' });
  const page = await context.newPage();
  const frames: string[] = [];
  let connected!: () => void;
  const socketConnected = new Promise<void>((resolve) => (connected = resolve));
  const sockets: string[] = [];
  page.on('request', (r) => {
    if (r.url().includes('/socket.io/')) sockets.push(`${r.method()} ${r.url()}`);
  });
  page.on('response', (r) => {
    if (r.url().includes('/socket.io/')) sockets.push(`${r.status()} ${r.url()}`);
  });
  page.on('websocket', (ws) => {
    if (!ws.url().includes('/socket.io/')) return;
    ws.on('framereceived', ({ payload }) => {
      const text = typeof payload === 'string' ? payload : payload.toString();
      frames.push(text);
      // Socket.IO CONNECT acknowledged over the WebSocket (direct, or after the polling upgrade).
      if (text.startsWith('40') || text === '3probe') connected();
    });
  });

  await login(page, 'employee');
  const bell = page.getByRole('button', { name: /^Benachrichtigungen, \d+ ungelesen$/ });
  await expect(bell).toBeVisible();
  const me = (await (await page.request.get('/api/me')).json()) as { data: { id: string } };
  const before = Number((await bell.getAttribute('aria-label'))?.match(/(\d+)/)?.[1]);
  expect(Number.isInteger(before)).toBe(true);

  const admin = await apiSession(A, 'admin', DEMO_PASSWORD);
  await Promise.race([
    socketConnected,
    page.waitForTimeout(20_000).then(() => {
      throw new Error(
        `no live socket on B; frames: ${JSON.stringify(frames)}; ${sockets.join(' | ')}`,
      );
    }),
  ]);
  // Marks this document: a reload would lose it.
  await page.evaluate(() => {
    (window as unknown as { __noReload?: boolean }).__noReload = true;
  });

  const title = `Skalierungstest ${Date.now()}`;
  const res = await fetch(`${A}/api/notifications/broadcast`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      cookie: admin.cookie,
      'x-csrf-token': admin.csrf,
      origin: A,
    },
    body: JSON.stringify({
      audience: { userIds: [me.data.id] },
      title,
      body: 'Diese Mitteilung kam über Instanz A und Redis zu Instanz B.',
    }),
  });
  expect(res.status).toBe(200);
  expect(await res.json()).toEqual({ data: { recipients: 1 } });

  // Live: the socket on B received it, and the bell's count and list show it without reload.
  await expect
    .poll(() => frames.some((f) => f.includes('"notification:new"') && f.includes(title)))
    .toBe(true);
  await expect(bell).toHaveAccessibleName(`Benachrichtigungen, ${before + 1} ungelesen`);
  await bell.click();
  const panel = page.getByRole('dialog', { name: 'Benachrichtigungen' });
  await expect(panel.getByText(title)).toBeVisible();
  expect(
    await page.evaluate(() => (window as unknown as { __noReload?: boolean }).__noReload),
  ).toBe(true);
  await context.close();
});
