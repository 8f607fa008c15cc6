/**
 * Start page and news list at city scale, against a bare Express + MongoDB driver endpoint that
 * returns the same documents (the viewer's newest 20 live articles of their audience), in one run.
 *
 *   npm run seed -- --scale 14000 --articles 5000        (DATA_DIR=…, server stopped)
 *   npm run bench -- news [--users 200] [--rate 300] [--duration 30] [--port 3650]
 *
 * Starts the embedded engine on DATA_DIR (or uses MONGODB_URI), the portal as a child process and
 * a bare server in this process on the same database; signs in `--users` distinct people, then
 * drives each endpoint with autocannon at `--rate` requests/s and at full speed.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import path from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import express from 'express';
import { MongoClient, ObjectId, type Db, type Document } from 'mongodb';
import { startEmbeddedEngine, type EmbeddedEngine } from '../../server/db/engine';
import { loadEnv } from '../../server/env';

const { values } = parseArgs({
  options: {
    users: { type: 'string', default: '200' },
    rate: { type: 'string', default: '300' },
    duration: { type: 'string', default: '30' },
    port: { type: 'string', default: '3650' },
    connections: { type: 'string', default: '30' },
    'cpu-prof': { type: 'boolean', default: false },
  },
  allowPositionals: true,
});
const USERS = Number(values.users);
const RATE = Number(values.rate);
const DURATION = Number(values.duration);
const PORT = Number(values.port);
const BARE_PORT = PORT + 1;
const CONNECTIONS = Number(values.connections);
const root = path.resolve(import.meta.dirname, '../..');
const origin = `http://127.0.0.1:${PORT}`;

const env = loadEnv();
let engine: EmbeddedEngine | null = null;
let portal: ChildProcess | null = null;
let bare: http.Server | null = null;
let client: MongoClient | null = null;

async function waitFor(url: string, ms = 120_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    const ok = await fetch(url)
      .then((r) => r.ok)
      .catch(() => false);
    if (ok) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} not ready`);
}

const cookieOf = (res: Response) =>
  (res.headers.getSetCookie?.() ?? [])
    .map((c) => c.split(';')[0])
    .find((c) => c?.startsWith('portal.sid=')) ?? '';

async function login(username: string): Promise<string> {
  const first = await fetch(`${origin}/api/auth/csrf`);
  const { token } = (await first.json()) as { token: string };
  const res = await fetch(`${origin}/api/auth/login`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-csrf-token': token,
      origin,
      cookie: cookieOf(first),
    },
    body: JSON.stringify({ username, password: 'demo1234' }),
  });
  if (!res.ok) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
  return cookieOf(res);
}

/**
 * The bare endpoint: what a hand-written Express + driver service would do for "the viewer's
 * newest 20 live articles of their audience" — the person, their unit path and whether they lead
 * a unit, then one filtered, sorted, limited query (indexed on MongoDB; scans on the embedded engine).
 */
let bareInFlight = 0;

function bareApp(db: Db): express.Express {
  const app = express();
  app.get('/bare/news', async (req, res, next) => {
    bareInFlight += 1;
    res.once('close', () => {
      bareInFlight -= 1;
    });
    try {
      const id = new ObjectId(String(req.query.u));
      const person = await db
        .collection('people')
        .findOne({ _id: id }, { projection: { unitId: 1, roles: 1, locationId: 1 } });
      if (!person) return void res.status(404).end();
      const [unit, leads] = await Promise.all([
        person.unitId
          ? db.collection('units').findOne({ _id: person.unitId }, { projection: { path: 1 } })
          : null,
        db.collection('units').findOne({ leaderId: id }, { projection: { _id: 1 } }),
      ]);
      const chain: ObjectId[] = unit ? [...((unit.path as ObjectId[]) ?? []), unit._id] : [];
      const roles: string[] = [
        ...((person.roles as string[]) ?? []),
        ...(leads ? ['manager'] : []),
      ];
      const now = new Date();
      const filter: Document = {
        status: 'published',
        $and: [
          { $or: [{ expiresAt: null }, { expiresAt: { $gt: now } }] },
          {
            $or: [
              { 'audience.units': { $size: 0 } },
              // Whole sub-documents as stored ({ unitId, withSubunits }): FerretDB 1.x has no
              // $elemMatch on fields.
              {
                'audience.units': {
                  $in: [
                    { unitId: person.unitId, withSubunits: false },
                    ...chain.map((unitId) => ({ unitId, withSubunits: true })),
                  ],
                },
              },
            ],
          },
          { $or: [{ 'audience.roles': { $size: 0 } }, { 'audience.roles': { $in: roles } }] },
          {
            $or: [
              { 'audience.locationIds': { $size: 0 } },
              { 'audience.locationIds': person.locationId ?? null },
            ],
          },
        ],
      };
      const data = await db
        .collection('news_articles')
        .find(filter, { projection: { history: 0 } })
        .sort({ pinned: -1, publishedAt: -1, _id: -1 })
        .limit(20)
        .toArray();
      res.json({ data });
    } catch (err) {
      next(err);
    }
  });
  // Requests still running at shutdown fail with a closed client: answer quietly.
  app.use((_err: unknown, _req: express.Request, res: express.Response, _next: unknown) => {
    res.status(500).end();
  });
  return app;
}

interface Row {
  what: string;
  rate: string;
  p50: number;
  p95: number;
  p99: number;
  rps: number;
  non2xx: number;
  errors: number;
}

async function drive(
  what: string,
  url: string,
  headersFor: (i: number) => Record<string, string>,
  rate: number | null,
  duration: number,
): Promise<Row> {
  let i = 0;
  const result = await autocannon({
    url,
    connections: rate ? CONNECTIONS : 10,
    duration,
    ...(rate ? { overallRate: rate } : {}),
    requests: [
      {
        setupRequest: (req) => {
          const headers = headersFor(i);
          const u = headers['x-bench-path'];
          i += 1;
          return { ...req, headers: { ...req.headers, ...headers }, ...(u ? { path: u } : {}) };
        },
      },
    ],
  });
  return {
    what,
    rate: rate ? `${rate}/s` : 'max',
    p50: result.latency.p50,
    // autocannon reports p90 and p97.5, not p95: the mean of the two (said under the table).
    p95: Math.round((result.latency.p90 + result.latency.p97_5) / 2),
    p99: result.latency.p99,
    rps: Math.round(result.requests.average),
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  };
}

async function main(): Promise<void> {
  let uri = env.MONGODB_URI;
  if (!uri) {
    engine = await startEmbeddedEngine({ dataDir: env.DATA_DIR, bin: env.FERRETDB_BIN });
    uri = engine.uri;
  }
  client = new MongoClient(uri);
  await client.connect();
  const db = client.db();
  const articles = await db.collection('news_articles').estimatedDocumentCount();
  const peopleCount = await db.collection('people').estimatedDocumentCount();
  console.log(`database: ${peopleCount} people, ${articles} articles`);

  const nodeArgs = values['cpu-prof']
    ? ['--cpu-prof', `--cpu-prof-dir=${path.join(root, '.bench-prof')}`]
    : [];
  portal = spawn(
    process.execPath,
    // tsx as a loader in this one process (its CLI would run the server in a child that
    // --cpu-prof does not see).
    [...nodeArgs, '--import', 'tsx', 'server/index.ts'],
    {
      cwd: root,
      env: {
        ...process.env,
        NODE_ENV: 'production',
        MONGODB_URI: uri,
        SEED_DEMO: 'false',
        PORT: String(PORT),
        HOST: '127.0.0.1',
        LOG_LEVEL: 'warn',
        RATE_LIMIT_PER_MINUTE: '100000',
        LOGIN_RATE_LIMIT_PER_15_MIN: '1000',
        STATIC_DIR: './does-not-exist',
      },
      stdio: ['ignore', 'inherit', 'inherit'],
    },
  );
  await waitFor(`${origin}/readyz`);

  const people = await db
    .collection('people')
    .find({ active: true, username: { $regex: /\.[0-9]+$/ } }, { projection: { username: 1 } })
    .limit(USERS)
    .toArray();
  const cookies: string[] = [];
  const ids = people.map((p) => String(p._id));
  const started = Date.now();
  for (let k = 0; k < people.length; k += 4) {
    cookies.push(
      ...(await Promise.all(people.slice(k, k + 4).map((p) => login(String(p.username))))),
    );
  }
  console.log(`signed in ${cookies.length} people in ${Date.now() - started} ms`);

  bare = http.createServer(bareApp(db));
  await new Promise<void>((resolve) => bare?.listen(BARE_PORT, '127.0.0.1', resolve));

  const asUser = (i: number) => ({ cookie: cookies[i % cookies.length] as string });
  const asBare = (i: number) => ({
    'x-bench-path': `/bare/news?u=${ids[i % ids.length] as string}`,
  });
  // Warm-up: every read model and per-person cache loads once (as after a deploy).
  for (const c of cookies) {
    await fetch(`${origin}/api/home`, { headers: { cookie: c } });
    await fetch(`${origin}/api/news`, { headers: { cookie: c } });
  }
  await fetch(`http://127.0.0.1:${BARE_PORT}${asBare(0)['x-bench-path']}`);

  const rows: Row[] = [];
  const run = async (...args: Parameters<typeof drive>) => {
    const row = await drive(...args);
    rows.push(row);
    console.log(JSON.stringify(row));
  };
  const bareUrl = `http://127.0.0.1:${BARE_PORT}/bare/news`;
  // The portal first: queries the bare endpoint leaves running in the engine after its run
  // would otherwise slow down whatever runs next. Between bare runs, wait for them to finish.
  const drainBare = async () => {
    const deadline = Date.now() + 300_000;
    while (bareInFlight > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 250));
  };
  await run('GET /api/home', `${origin}/api/home`, asUser, RATE, DURATION);
  await run('GET /api/news', `${origin}/api/news`, asUser, RATE, DURATION);
  await run('GET /api/home', `${origin}/api/home`, asUser, null, Math.ceil(DURATION / 2));
  await run('GET /api/news', `${origin}/api/news`, asUser, null, Math.ceil(DURATION / 2));
  await drainBare();
  await run('bare Express + driver', bareUrl, asBare, RATE, DURATION);
  await drainBare();
  await run('bare Express + driver', bareUrl, asBare, null, Math.ceil(DURATION / 2));
  await drainBare();

  const maxOf = (what: string) => rows.find((r) => r.what === what && r.rate === 'max')?.rps ?? 0;
  const ratio = maxOf('GET /api/news') / Math.max(1, maxOf('bare Express + driver'));
  console.log('\n| endpoint | rate | p50 ms | p95 ms | p99 ms | req/s | non-2xx | errors |');
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- |');
  for (const r of rows) {
    console.log(
      `| ${r.what} | ${r.rate} | ${r.p50} | ${r.p95} | ${r.p99} | ${r.rps} | ${r.non2xx} | ${r.errors} |`,
    );
  }
  console.log(`\nthroughput ratio /api/news : bare (max rate) = ${ratio.toFixed(2)} (goal ≥ 0.7)`);
  console.log('p95 is interpolated between autocannon’s p90 and p97.5.');
}

async function shutdown(): Promise<void> {
  bare?.close();
  if (portal && portal.exitCode === null) {
    const exited = new Promise((resolve) => portal?.once('exit', resolve));
    portal.kill('SIGTERM');
    await exited;
  }
  await client?.close().catch(() => undefined);
  await engine?.stop();
}

try {
  await main();
} catch (err) {
  console.error(err);
  process.exitCode = 1;
} finally {
  await shutdown();
}
