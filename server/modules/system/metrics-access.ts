import { createHash, timingSafeEqual } from 'node:crypto';
import type { Request } from 'express';

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

const digest = (s: string) => createHash('sha256').update(s).digest();

/**
 * Who may scrape /metrics: a bearer token equal to METRICS_TOKEN, or a direct connection from
 * loopback. A request relayed by a local reverse proxy (forwarding headers) is not "direct":
 * otherwise everyone behind the proxy would look like loopback.
 */
export function metricsAllowed(req: Request, token: string | undefined): boolean {
  const auth = req.headers.authorization;
  if (token && typeof auth === 'string' && auth.startsWith('Bearer ')) {
    return timingSafeEqual(digest(auth.slice(7).trim()), digest(token));
  }
  const relayed = Boolean(req.headers['x-forwarded-for'] || req.headers.forwarded);
  return !relayed && LOOPBACK.has(req.socket.remoteAddress ?? '');
}
