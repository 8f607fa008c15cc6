// Helpers for the realtime tests: a real server, real HTTP sign-in, real socket.io clients.
import {
  io as connectClient,
  type Socket,
  type ManagerOptions,
  type SocketOptions,
} from 'socket.io-client';
import mongoose from 'mongoose';
import { startServer, type RunningServer } from '../main';
import { loadEnv } from '../env';
import { syncIndexes } from '../db/connect';
import { testDatabaseUri } from '../test/db';

export interface SignedIn {
  cookie: string;
  csrf: string;
}

function cookieOf(res: Response, previous = ''): string {
  const set = res.headers.getSetCookie().map((c) => c.split(';')[0] ?? '');
  return set.find((c) => c.startsWith('portal.sid=')) ?? previous;
}

/** A session with a CSRF token; signed in as `username` when given. */
export async function signIn(
  base: string,
  username?: string,
  password?: string,
): Promise<SignedIn> {
  const csrfRes = await fetch(`${base}/api/auth/csrf`);
  let cookie = cookieOf(csrfRes);
  let csrf = ((await csrfRes.json()) as { token: string }).token;
  if (username) {
    const res = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrf, origin: base },
      body: JSON.stringify({ username, password }),
    });
    if (res.status !== 200) throw new Error(`login ${username}: ${res.status}`);
    cookie = cookieOf(res, cookie);
    csrf = ((await res.json()) as { data: { csrfToken: string } }).data.csrfToken;
  }
  return { cookie, csrf };
}

export async function logout(base: string, s: SignedIn): Promise<number> {
  const res = await fetch(`${base}/api/auth/logout`, {
    method: 'POST',
    headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, origin: base },
  });
  return res.status;
}

/** An unconnected client (call `.connect()` or use `open`); never reconnects by itself. */
export function client(
  base: string,
  headers: { cookie?: string; origin?: string },
  opts: Partial<ManagerOptions & SocketOptions> = {},
): Socket {
  const extraHeaders: Record<string, string> = {};
  if (headers.cookie) extraHeaders.cookie = headers.cookie;
  if (headers.origin) extraHeaders.origin = headers.origin;
  return connectClient(base, {
    path: '/socket.io',
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
    autoConnect: false,
    extraHeaders,
    ...opts,
  });
}

/** Connects and resolves `'connected'`, or the refusal's message. */
export function open(socket: Socket): Promise<'connected' | string> {
  return new Promise((resolve) => {
    const onConnect = () => {
      socket.off('connect_error', onError);
      resolve('connected');
    };
    const onError = (err: Error) => {
      socket.off('connect', onConnect);
      resolve(err.message || 'error');
    };
    socket.once('connect', onConnect);
    socket.once('connect_error', onError);
    socket.connect();
  });
}

/** Resolves with the first `event` payload, or rejects after `ms`. */
export function next<T = unknown>(socket: Socket, event: string, ms = 2000): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      socket.off(event, on);
      reject(new Error(`no ${event} within ${ms} ms`));
    }, ms);
    const on = (payload: T) => {
      clearTimeout(timer);
      resolve(payload);
    };
    socket.once(event, on);
  });
}

/** Every event a socket receives, for asserting that nothing arrived. */
export function record(socket: Socket): { event: string; args: unknown[] }[] {
  const seen: { event: string; args: unknown[] }[] = [];
  socket.onAny((event: string, ...args: unknown[]) => seen.push({ event, args }));
  return seen;
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function ping(socket: Socket, ms = 2000): Promise<unknown> {
  return socket.timeout(ms).emitWithAck('ping');
}

/**
 * The whole portal (HTTP + sockets) on this test file's database, emptied and indexed, with rate
 * limits out of the way. `overrides` adds environment settings (e.g. a short session sweep).
 */
export async function startTestPortal(
  port: string,
  overrides: Record<string, string> = {},
): Promise<RunningServer> {
  const server = await startServer(
    loadEnv({
      NODE_ENV: 'test',
      MONGODB_URI: testDatabaseUri(),
      PORT: port,
      SEED_DEMO: 'false',
      STATIC_DIR: './none',
      LOG_LEVEL: 'silent',
      RATE_LIMIT_PER_MINUTE: '10000',
      LOGIN_RATE_LIMIT_PER_15_MIN: '1000',
      ...overrides,
    }),
  );
  await mongoose.connection.db?.dropDatabase();
  await syncIndexes();
  return server;
}
