import session from 'express-session';
import MongoStore from 'connect-mongo';
import mongoose from 'mongoose';
import type { RequestHandler } from 'express';
import type { Env } from '../env';

export const SESSION_COOKIE = 'portal.sid';

/** Sessions live in the database, so every app instance sees them and logout is global. */
export function createSessionStore(): MongoStore {
  return MongoStore.create({
    client: mongoose.connection.getClient(),
    collectionName: 'sessions',
    // FerretDB has no TTL indexes; the store prunes expired sessions itself.
    autoRemove: 'interval',
    autoRemoveInterval: 10,
    stringify: false,
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
