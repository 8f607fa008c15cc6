import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it, expect, afterAll } from 'vitest';
import { io as connectSocket } from 'socket.io-client';

// The real entry point (`server/index.ts` through tsx), as `npm start` runs it, on its own port
// and data directory: what SIGTERM does to sockets and the embedded FerretDB.
const PORT = 3435;
const base = `http://127.0.0.1:${PORT}`;
const root = path.resolve(import.meta.dirname, '..');
const dataDir = mkdtempSync(path.join(tmpdir(), 'portal-shutdown-'));
const started: ChildProcess[] = [];

function startPortal(): {
  child: ChildProcess;
  exited: Promise<number | null>;
  output: () => string;
} {
  const child = spawn(
    process.execPath,
    [path.join(root, 'node_modules/tsx/dist/cli.mjs'), 'server/index.ts'],
    {
      cwd: root,
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        NODE_ENV: 'production',
        PORT: String(PORT),
        HOST: '127.0.0.1',
        DATA_DIR: dataDir,
        STATIC_DIR: path.join(dataDir, 'no-static'),
        LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  started.push(child);
  let out = '';
  child.stdout?.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr?.on('data', (c: Buffer) => (out += c.toString()));
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code)),
  );
  return { child, exited, output: () => out };
}

async function waitReady(timeoutMs = 90_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`${base}/readyz`)).status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('portal did not become ready');
}

/** PIDs of FerretDB processes serving this test's data directory. */
function ferretPids(): number[] {
  const lines = execFileSync('ps', ['-eo', 'pid=,args='], { encoding: 'utf8' }).split('\n');
  return lines
    .filter((l) => l.includes('ferretdb') && l.includes(dataDir))
    .map((l) => Number.parseInt(l.trim(), 10));
}

async function signIn(username: string, password: string): Promise<string> {
  const csrfRes = await fetch(`${base}/api/auth/csrf`);
  const cookie = (csrfRes.headers.getSetCookie()[0] ?? '').split(';')[0] ?? '';
  const { token } = (await csrfRes.json()) as { token: string };
  const login = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-csrf-token': token, cookie, origin: base },
    body: JSON.stringify({ username, password }),
  });
  expect(login.status).toBe(200);
  return (login.headers.getSetCookie()[0] ?? '').split(';')[0] ?? '';
}

async function terminate(p: ReturnType<typeof startPortal>): Promise<number | null> {
  p.child.kill('SIGTERM');
  const timeout = new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), 15_000));
  const code = await Promise.race([p.exited, timeout]);
  if (code === 'timeout') throw new Error(`no exit within 15 s after SIGTERM:\n${p.output()}`);
  return code;
}

async function waitGone(pids: number[]): Promise<void> {
  for (let i = 0; i < 100; i += 1) {
    const alive = pids.filter((pid) => {
      try {
        process.kill(pid, 0);
        return true;
      } catch {
        return false;
      }
    });
    if (alive.length === 0) return;
    await new Promise((r) => setTimeout(r, 100));
  }
}

afterAll(() => {
  for (const c of started) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  for (const pid of ferretPids()) process.kill(pid, 'SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

describe('graceful shutdown', () => {
  it('on SIGTERM disconnects sockets, stops FerretDB and exits 0 within 15 s', async () => {
    const portal = startPortal();
    await waitReady();
    const engines = ferretPids();
    expect(engines).toHaveLength(1);

    const cookie = await signIn('employee', 'demo1234');
    const socket = connectSocket(base, {
      transports: ['websocket'],
      extraHeaders: { cookie, origin: base },
      reconnection: false,
    });
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', reject);
    });
    const disconnected = new Promise<string>((resolve) => socket.once('disconnect', resolve));

    expect(await terminate(portal)).toBe(0);
    expect(await disconnected).toBeTruthy();
    socket.close();
    expect(ferretPids()).toEqual([]);
    for (const pid of engines) expect(() => process.kill(pid, 0)).toThrow();
  });

  it('a connection in the middle of a request does not hold up the shutdown', async () => {
    const portal = startPortal();
    await waitReady();
    // A client that sent half a request (slow network, or on purpose) keeps its connection busy.
    const half = net.connect(PORT, '127.0.0.1');
    await new Promise<void>((resolve) => half.once('connect', () => resolve()));
    half.on('error', () => undefined);
    half.write('GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n');
    await new Promise((r) => setTimeout(r, 200));
    // Before: Socket.IO's close waited for this connection until the 10 s grace ran out, the
    // process exited 1 and the engine kept running.
    expect(await terminate(portal)).toBe(0);
    half.destroy();
    expect(ferretPids()).toEqual([]);
  });

  it('ends an engine left running by a killed portal before starting its own', async () => {
    const first = startPortal();
    await waitReady();
    const [leftover] = ferretPids();
    // The portal only (tsx runs it as a child process): its engine stays behind.
    const portalPids = execFileSync('pgrep', ['-P', String(first.child.pid)], { encoding: 'utf8' })
      .split('\n')
      .filter(Boolean)
      .map(Number)
      .filter((pid) => pid !== leftover);
    for (const pid of portalPids) process.kill(pid, 'SIGKILL');
    first.child.kill('SIGKILL');
    await first.exited;
    await waitGone(portalPids);
    expect(ferretPids()).toEqual([leftover]);
    const second = startPortal();
    await waitReady();
    const engines = ferretPids();
    expect(engines).toHaveLength(1);
    expect(engines[0]).not.toBe(leftover);
    expect(await terminate(second)).toBe(0);
    expect(ferretPids()).toEqual([]);
  });

  it('keeps the data across a restart on the same data directory', async () => {
    const portal = startPortal();
    await waitReady();
    // Seeded on the first start, not again: the demo account still signs in.
    const cookie = await signIn('employee', 'demo1234');
    const me = await fetch(`${base}/api/me`, { headers: { cookie } });
    expect(me.status).toBe(200);
    expect(await terminate(portal)).toBe(0);
    expect(ferretPids()).toEqual([]);
  });
});
