// Child processes for multi-process e2e runs (database engine, Redis, app instances): started in
// their own process group so a stop ends the whole tree, with their output kept for failures.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';

export const root = path.resolve(import.meta.dirname, '../..');

export interface Proc {
  name: string;
  child: ChildProcess;
  /** The last lines the process wrote (stdout and stderr), for error messages. */
  output(): string;
}

export function startProcess(
  name: string,
  command: string,
  args: string[],
  env: Record<string, string> = {},
): Proc {
  const child = spawn(command, args, {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true, // own process group: stopProcess ends its children too
  });
  const lines: string[] = [];
  const keep = (chunk: Buffer) => {
    lines.push(...chunk.toString().split('\n').filter(Boolean));
    if (lines.length > 200) lines.splice(0, lines.length - 200);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  return { name, child, output: () => lines.join('\n') };
}

const running = (p: Proc) => p.child.exitCode === null && p.child.signalCode === null;

/** SIGTERM to the process group, SIGKILL after `graceMs`. */
export async function stopProcess(p: Proc | undefined, graceMs = 10_000): Promise<void> {
  if (!p || !p.child.pid || !running(p)) return;
  const pid = p.child.pid;
  const exited = new Promise<void>((resolve) => p.child.once('exit', () => resolve()));
  const signal = (s: NodeJS.Signals) => {
    try {
      process.kill(-pid, s);
    } catch {
      // already gone
    }
  };
  signal('SIGTERM');
  const timer = setTimeout(() => signal('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
  signal('SIGKILL'); // stragglers left in the group
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function fail(p: Proc, what: string): never {
  throw new Error(`${p.name}: ${what}\n--- output ---\n${p.output()}`);
}

/** Resolves when something accepts TCP connections on the port. */
export async function waitForPort(p: Proc, port: number, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!running(p)) fail(p, `exited (${p.child.exitCode ?? p.child.signalCode})`);
    const open = await new Promise<boolean>((resolve) => {
      const s = net.connect(port, '127.0.0.1');
      s.once('connect', () => {
        s.destroy();
        resolve(true);
      });
      s.once('error', () => resolve(false));
    });
    if (open) return;
    await sleep(100);
  }
  fail(p, `port ${port} not open after ${timeoutMs} ms`);
}

/** Resolves when `url` answers 200. */
export async function waitForHttp(p: Proc, url: string, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!running(p)) fail(p, `exited (${p.child.exitCode ?? p.child.signalCode})`);
    const ok = await fetch(url)
      .then((r) => r.ok)
      .catch(() => false);
    if (ok) return;
    await sleep(250);
  }
  fail(p, `${url} not ready after ${timeoutMs} ms`);
}

/** Throws when something already listens on the port (a leftover from another run). */
export async function assertPortFree(port: number): Promise<void> {
  const free = await new Promise<boolean>((resolve) => {
    const srv = net.createServer();
    srv.once('error', () => resolve(false));
    srv.listen(port, '127.0.0.1', () => srv.close(() => resolve(true)));
  });
  if (!free) throw new Error(`port ${port} is in use`);
}

/** FerretDB (SQLite backend) on a fixed loopback port, flags as in server/db/engine.ts. */
export function startFerretDb(dataDir: string, port: number): Proc {
  mkdirSync(path.join(dataDir, 'db'), { recursive: true });
  return startProcess('ferretdb', path.join(root, '.tools/bin/ferretdb'), [
    '--handler=sqlite',
    `--sqlite-url=file:${path.join(dataDir, 'db')}/`,
    `--state-dir=${dataDir}`,
    `--listen-addr=127.0.0.1:${port}`,
    '--telemetry=disable',
    '--debug-addr=-',
    '--log-level=error',
  ]);
}

/** A throwaway Redis: loopback only, no persistence. */
export function startRedis(port: number): Proc {
  return startProcess('redis', 'redis-server', [
    '--port',
    String(port),
    '--bind',
    '127.0.0.1',
    '--save',
    '',
    '--appendonly',
    'no',
  ]);
}

/** One portal instance through `npm start`'s script (no build: STATIC_DIR must hold the SPA). */
export function startPortal(name: string, env: Record<string, string>): Proc {
  return startProcess(name, process.execPath, ['scripts/start.mjs'], {
    SKIP_BUILD: '1',
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    STATIC_DIR: process.env.STATIC_DIR ?? './dist/client',
    RATE_LIMIT_PER_MINUTE: '5000',
    LOGIN_RATE_LIMIT_PER_15_MIN: '500',
    ...env,
  });
}

/** Signs in over the API (CSRF token, session cookie) for scripted actors such as an admin. */
export async function apiSession(
  base: string,
  username: string,
  password: string,
): Promise<{ cookie: string; csrf: string; personId: string }> {
  const pick = (res: Response, prev = '') =>
    res.headers
      .getSetCookie()
      .map((c) => c.split(';')[0] ?? '')
      .find((c) => c.startsWith('portal.sid=')) ?? prev;
  const first = await fetch(`${base}/api/auth/csrf`);
  const cookie = pick(first);
  const { token } = (await first.json()) as { token: string };
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': token, origin: base },
    body: JSON.stringify({ username, password }),
  });
  if (!res.ok) throw new Error(`login ${username} on ${base}: ${res.status} ${await res.text()}`);
  const body = (await res.json()) as { data: { id: string; csrfToken: string } };
  return { cookie: pick(res, cookie), csrf: body.data.csrfToken, personId: body.data.id };
}
