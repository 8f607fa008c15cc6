import { MemoryStore, rateLimit, type Store } from 'express-rate-limit';
import { RedisStore } from 'rate-limit-redis';
import type { RequestHandler } from 'express';
import type { RedisClientType } from 'redis';
import { HttpError } from '../lib/errors';

/**
 * Counters in Redis when configured (shared by all instances), else in this process's memory:
 * a database write per request would cost more than the requests it protects (on the embedded
 * engine a conditional update scans the collection). Several instances need Redis anyway.
 */
function store(prefix: string, redis: RedisClientType | null): Store {
  if (redis)
    return new RedisStore({
      prefix: `rl:${prefix}`,
      sendCommand: (...args: string[]) => redis.sendCommand(args),
    });
  return new MemoryStore();
}

const tooMany = () =>
  new HttpError(429, 'rate_limited', 'Too many requests. Please wait a moment.');

/** API limit keyed by person after login (many staff share one proxy address), else by address. */
export function apiRateLimit(perMinute: number, redis: RedisClientType | null): RequestHandler {
  return rateLimit({
    windowMs: 60_000,
    limit: (req) => (req.user ? perMinute : Math.max(60, Math.floor(perMinute / 4))),
    keyGenerator: (req) => (req.user ? `u:${req.user.id}` : `ip:${req.ip ?? 'unknown'}`),
    // Sign-in has its own limit; counting it here would let the morning rush of one shared proxy
    // address lock everyone behind it out of the login page.
    skip: (req) => !req.user && req.path.startsWith('/auth/'),
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    store: store('api:', redis),
    validate: { keyGeneratorIpFallback: false },
    handler: (_req, _res, next) => next(tooMany()),
  });
}

/**
 * Login attempts per account name and address. Password guessing against one account is stopped
 * by the lockout (10 failures) in any case; keying by address too means junk requests from
 * elsewhere cannot keep a colleague from signing in. Runs after the CSRF check.
 */
export function loginRateLimit(per15Min: number, redis: RedisClientType | null): RequestHandler {
  return rateLimit({
    windowMs: 15 * 60_000,
    limit: per15Min,
    keyGenerator: (req) => {
      const name: unknown = (req.body as { username?: unknown } | undefined)?.username;
      const account = typeof name === 'string' ? name.trim().toLowerCase().slice(0, 64) : 'invalid';
      return `login:${account}:${req.ip ?? 'unknown'}`;
    },
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    store: store('login:', redis),
    validate: { keyGeneratorIpFallback: false },
    handler: (_req, _res, next) => next(tooMany()),
  });
}
