import os from 'node:os';

/** Helpers shared by the benchmarks: sign-in over HTTP, timed GETs, percentiles, load. */
export const cookieOf = (res: Response) =>
  (res.headers.getSetCookie?.() ?? [])
    .map((c) => c.split(';')[0])
    .find((c) => c?.startsWith('portal.sid=')) ?? '';

/** Signs in over the real login route (CSRF token first); returns the session cookie. */
export async function login(origin: string, username: string, password: string): Promise<string> {
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
    body: JSON.stringify({ username, password }),
  });
  if (!res.ok) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
  return cookieOf(res);
}

/** The p-th percentile of ascending `sorted` (nearest rank). */
export const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;

/** "1.23 / 0.98 / 0.50" (1, 5 and 15 minutes). */
export const loadAverage = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' / ');

export interface Req {
  url: string;
  cookie: string;
}

/** One GET with the session cookie; throws on a non-2xx answer. */
export async function timed({ url, cookie }: Req): Promise<{ ms: number; kb: number; body: string }> {
  const t = performance.now();
  const res = await fetch(url, { headers: { cookie } });
  const body = await res.text();
  if (!res.ok) throw new Error(`${url}: ${res.status} ${body.slice(0, 200)}`);
  return { ms: performance.now() - t, kb: Buffer.byteLength(body) / 1024, body };
}
