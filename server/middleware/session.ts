import session from 'express-session';
import MongoStore from 'connect-mongo';
import mongoose from 'mongoose';
import type { RequestHandler } from 'express';
import type { Env } from '../env';
import { CachedSessionStore } from './session-cache';
import { startSessionPruning } from './session-prune';

export const SESSION_COOKIE = 'portal.sid';

/** Seconds between database writes of a session's rolling idle deadline. */
const TOUCH_AFTER_SECONDS = 60;

/**
 * Sessions live in the database, so every app instance sees them and logout is global; each
 * instance reads them through a memory cache (`session-cache.ts`: the database read is a
 * collection scan on the embedded engine) whose invalidations travel over the cluster bus.
 */
export function createSessionStore(): CachedSessionStore {
  const database = MongoStore.create({
    client: mongoose.connection.getClient(),
    collectionName: 'sessions',
    // FerretDB has no TTL indexes; expired sessions are pruned by session-prune.ts, never by
    // connect-mongo's interval (an unacknowledged write that desynchronises FerretDB connections).
    autoRemove: 'disabled',
    stringify: false,
    touchAfter: TOUCH_AFTER_SECONDS,
  });
  return new CachedSessionStore(database, {
    touchAfterMs: TOUCH_AFTER_SECONDS * 1000,
    max: 50_000,
    onClose: startSessionPruning(),
  });
}

export function sessionMiddleware(env: Env, store: session.Store, secret: string): RequestHandler {
  return session({
    name: SESSION_COOKIE,
    secret,
    store,
    resave: false,
    saveUninitialized: false,
    // Each request moves the idle deadline forward.
    rolling: true,
    proxy: true,
    cookie: {
      httpOnly: true,
      sameSite: 'lax',
      // Behind TLS always Secure: 'auto' alone would silently drop it when TRUST_PROXY is wrong
      // (the cookie is then not set at all, which fails loudly instead of leaking it over http).
      secure: env.PUBLIC_ORIGIN?.startsWith('https://') ? true : 'auto',
      maxAge: env.SESSION_IDLE_MINUTES * 60_000,
      path: '/',
    },
  });
}
