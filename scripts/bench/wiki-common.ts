/** Helpers shared by the wiki benchmarks: sign-in over HTTP and percentiles. */
export const PASSWORD = 'bench-password-1';

export const cookieOf = (res: Response) =>
  (res.headers.getSetCookie?.() ?? [])
    .map((c) => c.split(';')[0])
    .find((c) => c?.startsWith('portal.sid=')) ?? '';

/** Signs in over the real login route; returns the session cookie. */
export async function login(origin: string, username: string): Promise<string> {
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
    body: JSON.stringify({ username, password: PASSWORD }),
  });
  if (!res.ok) throw new Error(`login ${username}: ${res.status}`);
  return cookieOf(res);
}

export const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
