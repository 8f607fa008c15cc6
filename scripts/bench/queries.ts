/**
 * Which database commands one request costs, warm (after a first request loaded every read model
 * and cache): `npm run bench -- queries [--user <username>] [--path /api/home] [--port 3670]`.
 * Starts the portal in this process on DATA_DIR (server stopped) or MONGODB_URI and prints each
 * command of the second request with its filter and duration. Per-request reads of big
 * collections show up here long before a benchmark explains them.
 */
import { parseArgs } from 'node:util';
import mongoose from 'mongoose';

const { values } = parseArgs({
  options: {
    user: { type: 'string' },
    path: { type: 'string', multiple: true },
    port: { type: 'string', default: '3672' },
    dump: { type: 'boolean', default: false },
  },
});
const paths = values.path?.length ? values.path : ['/api/home', '/api/news', '/api/me'];

Object.assign(process.env, {
  PORT: values.port,
  HOST: '127.0.0.1',
  LOG_LEVEL: 'warn',
  SEED_DEMO: 'false',
  STATIC_DIR: './does-not-exist',
});
// After the environment is set: the logger reads LOG_LEVEL when it is first imported.
const { loadEnv } = await import('../../server/env');
const { startServer } = await import('../../server/main');
const env = loadEnv();
// Connections copy `monitorCommands` when they are opened: it has to be there from the start.
const connect = mongoose.connect.bind(mongoose);
mongoose.connect = ((uri: string, options?: mongoose.ConnectOptions) =>
  connect(uri, { ...options, monitorCommands: true })) as typeof mongoose.connect;
const server = await startServer(env);
const origin = server.url;
// Let the start-up work (directory warm-up, scheduler) finish so it is not counted below.
await new Promise((r) => setTimeout(r, Number(process.env.BENCH_SETTLE_MS ?? 8000)));
const client = mongoose.connection.getClient();

interface Seen {
  name: string;
  collection: unknown;
  filter: string;
  started: number;
  ms?: number;
}
let log: Seen[] | null = null;
const pending = new Map<number, Seen>();
client.on('commandStarted', (e) => {
  if (!log || e.commandName === 'ping' || e.commandName === 'hello') return;
  const cmd = e.command as Record<string, unknown>;
  const filter = cmd.filter ?? cmd.q ?? (cmd.updates as unknown[] | undefined)?.[0] ?? cmd.deletes;
  const seen: Seen = {
    name: e.commandName,
    collection: cmd[e.commandName],
    filter: JSON.stringify(filter ?? null).slice(0, 160),
    started: Date.now(),
  };
  log.push(seen);
  pending.set(e.requestId, seen);
});
const done = (e: { requestId: number }) => {
  const seen = pending.get(e.requestId);
  if (seen) seen.ms = Date.now() - seen.started;
  pending.delete(e.requestId);
};
client.on('commandSucceeded', done);
client.on('commandFailed', done);

const cookieOf = (res: Response) =>
  (res.headers.getSetCookie?.() ?? [])
    .map((c) => c.split(';')[0])
    .find((c) => c?.startsWith('portal.sid=')) ?? '';

try {
  const username =
    values.user ??
    String(
      (
        await mongoose.connection.db
          ?.collection('people')
          .findOne({ active: true, username: { $regex: /\.[0-9]+$/ } })
      )?.username,
    );
  const first = await fetch(`${origin}/api/auth/csrf`);
  const { token } = (await first.json()) as { token: string };
  log = [];
  let t = Date.now();
  const login = await fetch(`${origin}/api/auth/login`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-csrf-token': token,
      origin,
      cookie: cookieOf(first),
    },
    body: JSON.stringify({ username, password: 'demo1234' }),
  });
  const cookie = cookieOf(login) || cookieOf(first);
  report(`POST /api/auth/login (${username}) → ${login.status}`, Date.now() - t);
  for (const p of paths) {
    log = null;
    await fetch(origin + p, { headers: { cookie } }); // cold: loads read models and caches
    log = [];
    t = Date.now();
    const res = await fetch(origin + p, { headers: { cookie } });
    const body = await res.text();
    report(`GET ${p} → ${res.status}, ${body.length} bytes`, Date.now() - t);
    if (values.dump) console.log(body.slice(0, 3000));
  }
} finally {
  log = null;
  await server.close();
}

function report(what: string, ms: number): void {
  console.log(`\n${what}: ${ms} ms, ${log?.length ?? 0} database commands`);
  for (const s of log ?? []) {
    console.log(
      `  ${String(s.ms ?? '?').padStart(5)} ms  ${s.name} ${String(s.collection)} ${s.filter}`,
    );
  }
}
