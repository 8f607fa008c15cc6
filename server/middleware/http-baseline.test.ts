import { describe, it, expect, beforeAll } from 'vitest';
import express, { type Express } from 'express';
import request from 'supertest';
import { useTestDatabase } from '../test/db';
import { makeTestApp, makePerson, session, type Session } from '../test/app';
import { errorHandler } from './error-handler';
import type { RouteDef } from '../lib/route';

useTestDatabase();
let app: Express;
let erika: Session;

beforeAll(async () => {
  app = makeTestApp();
  await makePerson({ username: 'erika' });
  erika = await session(app, 'erika');
});

/** No stack frames, file paths or exception class names in what the client sees. */
function expectSafeError(res: request.Response): void {
  expect(res.body.error).toBeTruthy();
  expect(typeof res.body.error.code).toBe('string');
  expect(res.body.error.correlationId).toBeTruthy();
  expect(res.body.error.correlationId).toBe(res.headers['x-request-id']);
  expect(res.text).not.toMatch(/\bat .+:\d+:\d+|node_modules|\/server\/|\.ts\b|stack|Error:/);
}

describe('request limits and parsing', () => {
  it('answers 413 to a JSON body over 1 MB', async () => {
    const big = { username: 'erika', password: 'x'.repeat(1024 * 1024 + 10) };
    const res = await erika.agent
      .post('/api/auth/login')
      .set('X-CSRF-Token', erika.csrf)
      .send(big)
      .expect(413);
    expect(res.body.error.code).toBe('payload_too_large');
    expectSafeError(res);
  });

  it('answers 400 to malformed JSON', async () => {
    const res = await erika.agent
      .post('/api/auth/login')
      .set('X-CSRF-Token', erika.csrf)
      .set('Content-Type', 'application/json')
      .send('{"username": "erika", "password": ')
      .expect(400);
    expect(res.body.error.code).toBe('bad_request');
    expectSafeError(res);
  });

  it('answers malformed requests with 4xx, not 500: unknown charset, bad encoding, bad URI escape', async () => {
    const charset = await erika.agent
      .post('/api/me/settings')
      .set('X-CSRF-Token', erika.csrf)
      .set('Content-Type', 'application/json; charset=klingon')
      .send('{}');
    expect(charset.status).toBe(415);
    const encoding = await erika.agent
      .patch('/api/me/settings')
      .set('X-CSRF-Token', erika.csrf)
      .set('Content-Type', 'application/json')
      .set('Content-Encoding', 'bogus')
      .send('{}');
    expect(encoding.status).toBe(415);
    const uri = await erika.agent.get('/api/people/%E0%A4%A');
    expect(uri.status).toBe(400);
    for (const res of [charset, encoding, uri]) expectSafeError(res);
  });
});

describe('error bodies', () => {
  it.each([
    ['401', () => request(app).get('/api/me'), 401],
    ['404', () => request(app).get('/api/no-such-route'), 404],
    ['403 csrf', () => request(app).post('/api/auth/logout'), 403],
    [
      '400 validation',
      () => erika.agent.post('/api/auth/login').set('X-CSRF-Token', erika.csrf).send({ a: 1 }),
      400,
    ],
  ] as const)(
    '%s carries a correlation id equal to X-Request-Id and no internals',
    async (_n, call, status) => {
      const res = await call();
      expect(res.status).toBe(status);
      expectSafeError(res);
    },
  );

  it('turns an unexpected exception into a generic 500 without stack trace', async () => {
    // The real error handler behind a route that throws with internals in its message.
    const mini = express();
    mini.use((req, _res, next) => {
      (req as { id?: string }).id = 'corr-123';
      next();
    });
    mini.get('/boom', () => {
      throw new TypeError('Cannot read secret of undefined at /srv/server/x.ts:12:3');
    });
    mini.use(errorHandler);
    const res = await request(mini).get('/boom').expect(500);
    expect(res.body).toEqual({
      error: {
        code: 'internal',
        message: 'Something went wrong. Please try again.',
        correlationId: 'corr-123',
      },
    });
  });
});

describe('headers', () => {
  it.each(['/api/me', '/api/auth/config', '/api/no-such-route'])(
    'sends Cache-Control: no-store on %s',
    async (path) => {
      const res = await request(app).get(path);
      expect(res.headers['cache-control']).toBe('no-store');
    },
  );

  it('sends a CSP whose script-src has no unsafe-inline or unsafe-eval', async () => {
    for (const path of ['/healthz', '/api/auth/config']) {
      const res = await request(app).get(path);
      const csp = String(res.headers['content-security-policy'] ?? '');
      expect(csp).toMatch(/default-src 'self'/);
      const scriptSrc = /script-src ([^;]*)/.exec(csp)?.[1];
      expect(scriptSrc).toBeDefined();
      expect(scriptSrc).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
      expect(csp).toMatch(/connect-src 'self'/);
      expect(csp).toMatch(/frame-ancestors 'none'/);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['x-powered-by']).toBeUndefined();
    }
  });
});

describe('query-string operator injection', () => {
  it('refuses bracket operators in the directory query with 400', async () => {
    for (const qs of ['unitId[$ne]=x', 'q[$regex]=.*', 'unitId=a&unitId=b', '$where=1']) {
      const res = await erika.agent.get(`/api/people?${qs}`);
      expect(res.status, qs).toBe(400);
      expect(res.body.error.code).toBe('validation_failed');
    }
  });

  it('never lets a bracket operator reach any GET route as an object (400 or ignored, never 500)', async () => {
    const routes = (app.locals.routes as RouteDef[]).filter((r) => r.method === 'get');
    for (const r of routes) {
      const path = r.path.replace(/:[A-Za-z0-9_]+/g, '000000000000000000000000');
      const res = await erika.agent.get(`${path}?id[$ne]=x&unitId[$gt]=&q[$regex]=.*`);
      expect(res.status, `${r.path} → ${res.status}`).toBeLessThan(500);
      if (r.query) expect(res.status, `${r.path} has a query schema`).toBe(400);
    }
  });
});
