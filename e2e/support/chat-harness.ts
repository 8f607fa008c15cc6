// Process control, seeding and signed-in API clients for the chat fault test, the restart e2e and
// the chat benchmark: one portal process per run on its own DATA_DIR (embedded engine, as
// `npm start` runs it), people written into that database before the portal starts.
import { randomBytes, scryptSync } from 'node:crypto';
import { MongoClient, type Db } from 'mongodb';
import { personRow, unitRow } from '../../server/db/seed/build';
import {
  apiSession,
  root,
  startFerretDb,
  startProcess,
  stopProcess,
  waitForHttp,
  waitForPort,
  type Proc,
} from './processes';

export const BOT_PASSWORD = 'bot-pass-1234';

/**
 * A real scrypt hash in the app's own format, with a small cost parameter (N = 1024 instead of
 * 2^15): the hash carries its parameters, so these accounts sign in through the ordinary login
 * route in about a millisecond instead of ~110 ms (200–1,000 logins per run).
 */
export function cheapPasswordHash(password = BOT_PASSWORD): string {
  const salt = randomBytes(16);
  const key = scryptSync(password, salt, 32, { N: 1024, r: 8, p: 1 });
  return ['scrypt', 1024, 8, 1, salt.toString('base64'), key.toString('base64')].join('$');
}

export interface BotPerson {
  id: string;
  username: string;
}

/** Runs `fn` against the database in `dataDir` with a FerretDB of our own (portal stopped). */
export async function withDatabase<T>(
  dataDir: string,
  port: number,
  fn: (db: Db) => Promise<T>,
): Promise<T> {
  const engine = startFerretDb(dataDir, port);
  const client = new MongoClient(`mongodb://127.0.0.1:${port}/portal`, {
    serverSelectionTimeoutMS: 15_000,
  });
  try {
    await waitForPort(engine, port);
    await client.connect();
    return await fn(client.db('portal'));
  } finally {
    await client.close().catch(() => undefined);
    await stopProcess(engine);
  }
}

/** `count` people in one unit, all with `BOT_PASSWORD`; user names `<prefix>.<n>`. */
export async function insertPeople(db: Db, count: number, prefix = 'bot'): Promise<BotPerson[]> {
  const unit = unitRow(`Lasttest ${prefix}`, null, 'office', null, null);
  const hash = cheapPasswordHash();
  const rows = Array.from({ length: count }, (_, i) =>
    personRow({
      username: `${prefix}.${i + 1}`,
      emailLocal: `${prefix}.${i + 1}`,
      givenName: 'Bot',
      familyName: `${prefix[0]?.toUpperCase() ?? ''}${prefix.slice(1)} ${i + 1}`,
      position: null,
      unitId: unit._id,
      locationId: null,
      phone: null,
      roles: [],
      languages: ['Deutsch'],
      responsibilities: [],
      passwordHash: hash,
    }),
  );
  await db.collection('units').insertOne({ ...unit });
  for (let i = 0; i < rows.length; i += 500) {
    await db.collection('people').insertMany(rows.slice(i, i + 500), { ordered: false });
  }
  return rows.map((r) => ({ id: String(r._id), username: r.username }));
}

/** A portal process: `node --import tsx server/index.ts` with the embedded engine on `dataDir`. */
export function startChatServer(opts: {
  name: string;
  port: number;
  dataDir: string;
  nodeArgs?: string[];
  env?: Record<string, string>;
}): Proc {
  return startProcess(
    opts.name,
    process.execPath,
    ['--import', 'tsx', ...(opts.nodeArgs ?? []), 'server/index.ts'],
    {
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: String(opts.port),
      DATA_DIR: opts.dataDir,
      SEED_DEMO: 'false',
      LOG_LEVEL: 'warn',
      STATIC_DIR: process.env.STATIC_DIR ?? `${root}/dist/client`,
      RATE_LIMIT_PER_MINUTE: '10000000',
      LOGIN_RATE_LIMIT_PER_15_MIN: '1000000',
      ...opts.env,
    },
  );
}

export const baseOf = (port: number) => `http://127.0.0.1:${port}`;

export async function waitReady(p: Proc, port: number, timeoutMs = 120_000): Promise<void> {
  await waitForHttp(p, `${baseOf(port)}/readyz`, timeoutMs);
}

const alive = (p: Proc) => p.child.exitCode === null && p.child.signalCode === null;

/**
 * Graceful stop: SIGTERM to the portal process only (it stops its own engine), like a deploy.
 * Resolves `true` when something of its process group outlived it (an engine left running when
 * the portal's shutdown ran out of time); that straggler is then killed.
 */
export async function terminate(p: Proc, timeoutMs = 30_000): Promise<boolean> {
  if (!p.child.pid || !alive(p)) return false;
  const exited = new Promise<void>((resolve) => p.child.once('exit', () => resolve()));
  p.child.kill('SIGTERM');
  const timer = setTimeout(() => {
    try {
      process.kill(-(p.child.pid as number), 'SIGKILL');
    } catch {
      // gone
    }
  }, timeoutMs);
  await exited;
  clearTimeout(timer);
  await new Promise((r) => setTimeout(r, 300));
  try {
    process.kill(-p.child.pid, 0);
  } catch {
    return false; // the whole group is gone
  }
  try {
    process.kill(-p.child.pid, 'SIGKILL');
  } catch {
    // gone meanwhile
  }
  return true;
}

/** Hard crash: SIGKILL to the whole process group (the portal and its database engine). */
export async function crash(p: Proc): Promise<void> {
  if (!p.child.pid || !alive(p)) return;
  const exited = new Promise<void>((resolve) => p.child.once('exit', () => resolve()));
  try {
    process.kill(-p.child.pid, 'SIGKILL');
  } catch {
    // gone
  }
  await exited;
  // The engine child may take a moment longer to be reaped; its port is random, its files are ours.
  await new Promise((r) => setTimeout(r, 300));
}

export interface ApiAnswer<T = unknown> {
  status: number;
  body: T;
}

/** A signed-in API client (session cookie + CSRF token), as a browser tab would hold them. */
export class ApiSession {
  constructor(
    readonly base: string,
    readonly personId: string,
    readonly cookie: string,
    readonly csrf: string,
  ) {}

  static async login(base: string, username: string, password = BOT_PASSWORD) {
    const { cookie, csrf, personId } = await apiSession(base, username, password);
    return new ApiSession(base, personId, cookie, csrf);
  }

  /** One request; network errors throw (callers that retry catch them). */
  async request<T = unknown>(
    method: string,
    path: string,
    body?: unknown,
    signal?: AbortSignal,
  ): Promise<ApiAnswer<T>> {
    const res = await fetch(`${this.base}${path}`, {
      method,
      headers: {
        cookie: this.cookie,
        origin: this.base,
        ...(method === 'GET' ? {} : { 'x-csrf-token': this.csrf }),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: signal ?? AbortSignal.timeout(15_000),
    });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      // not JSON (e.g. a proxy error page): keep the text
    }
    return { status: res.status, body: parsed as T };
  }
}

/** Signs many people in with `concurrency` logins at a time. */
export async function loginAll(
  base: string,
  people: BotPerson[],
  concurrency = 8,
): Promise<ApiSession[]> {
  const out: ApiSession[] = new Array<ApiSession>(people.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < people.length) {
        const i = next++;
        const p = people[i] as BotPerson;
        out[i] = await ApiSession.login(base, p.username);
      }
    }),
  );
  return out;
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
