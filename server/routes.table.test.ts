import { beforeAll, describe, expect, it } from 'vitest';
import request from 'supertest';
import express, { type Express } from 'express';
import { useTestDatabase } from './test/db';
import { makeTestApp, session } from './test/app';
import type { RouteDef } from './lib/route';

/**
 * The route table, generated from the app itself: every route answers 401 without a session,
 * every unsafe route 403 without a CSRF token, and the only public routes are the ones below.
 * A route added later is covered without touching this file — unless it is public, which has to
 * be argued for here.
 */
const PUBLIC_ROUTES = [
  'GET /healthz',
  'GET /readyz',
  'GET /metrics', // loopback or METRICS_TOKEN bearer, checked by the route itself
  'GET /api/openapi.json',
  'GET /api/auth/csrf',
  'GET /api/auth/config',
  'POST /api/auth/login',
  'GET /api/auth/oidc/start',
  'GET /api/auth/oidc/callback',
  'GET /api/leave/feed/:file', // the personal ICS feed: the token in the address is the credential
].sort();

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const SAMPLE_ID = '0123456789abcdef01234567';

useTestDatabase();
let app: Express;
let defs: RouteDef[];

beforeAll(() => {
  app = makeTestApp({ RATE_LIMIT_PER_MINUTE: '100000', LOGIN_RATE_LIMIT_PER_15_MIN: '100000' });
  defs = app.locals.routes as RouteDef[];
});

const key = (method: string, path: string) => `${method.toUpperCase()} ${path}`;

interface Layer {
  route?: { path: unknown; methods: Record<string, boolean> };
  handle?: { stack?: Layer[] };
  rawPath?: unknown;
  slash?: boolean;
}

/** Every method+path Express will answer, found in its router stack (sub-routers included). */
function expressRoutes(stack: Layer[], prefix = ''): string[] {
  const out: string[] = [];
  for (const layer of stack) {
    if (layer.route) {
      const paths = Array.isArray(layer.route.path) ? layer.route.path : [layer.route.path];
      for (const p of paths) {
        for (const [method, on] of Object.entries(layer.route.methods)) {
          if (!on) continue;
          out.push(key(method === '_all' ? 'ALL' : method, prefix + String(p)));
        }
      }
    } else if (layer.handle?.stack) {
      const mount = layer.slash ? '' : String(layer.rawPath ?? '');
      out.push(...expressRoutes(layer.handle.stack, prefix + mount));
    }
  }
  return out;
}

/** A concrete URL for a route pattern (`:id` → a well-formed id). */
const concrete = (path: string) =>
  path.replace(/:([A-Za-z0-9_]+)/g, SAMPLE_ID).replace(/\*[A-Za-z0-9_]+/g, 'x');

function send(agent: ReturnType<typeof request.agent>, r: { method: string; path: string }) {
  const m = r.method as 'get' | 'post' | 'put' | 'patch' | 'delete';
  return agent[m](concrete(r.path));
}

describe('route table', () => {
  it('has every Express route declared with defineRoute (and nothing else mounted)', () => {
    const router = (app as unknown as { router: { stack: Layer[] } }).router;
    const mounted = expressRoutes(router.stack).sort();
    const declared = defs.map((r) => key(r.method, r.path)).sort();
    expect(mounted.length).toBeGreaterThan(10);
    expect(mounted).toEqual(declared);
    expect(new Set(declared).size).toBe(declared.length);
  });

  it('would see a route registered around defineRoute (self-check of the walk)', () => {
    const probe = makeTestApp();
    const sub = express.Router();
    sub.post('/sneaky/:id', (_req, res) => void res.end());
    probe.use('/api/x', sub);
    probe.get('/api/direct', (_req, res) => void res.end());
    const router = (probe as unknown as { router: { stack: Layer[] } }).router;
    expect(expressRoutes(router.stack)).toEqual(
      expect.arrayContaining(['POST /api/x/sneaky/:id', 'GET /api/direct', 'GET /api/me']),
    );
  });

  it('has exactly the allow-listed public routes', () => {
    const open = defs.filter((r) => r.access === 'public').map((r) => key(r.method, r.path));
    expect(open.sort()).toEqual(PUBLIC_ROUTES);
  });

  it('answers 401 on every non-public route without a session (CSRF token present)', async () => {
    const { agent, csrf } = await session(app);
    const failures: string[] = [];
    for (const r of defs.filter((d) => d.access !== 'public')) {
      let req = send(agent, r);
      if (UNSAFE.has(r.method.toUpperCase())) req = req.set('X-CSRF-Token', csrf).send({});
      const res = await req;
      const code = (res.body as { error?: { code?: string } } | undefined)?.error?.code;
      if (res.status !== 401 || code !== 'unauthenticated') {
        failures.push(`${key(r.method, r.path)} → ${res.status} ${code ?? ''}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('answers 403 on every unsafe route without the CSRF token, public ones included', async () => {
    const { agent } = await session(app); // a session with a token, which is not sent
    const failures: string[] = [];
    for (const r of defs.filter((d) => UNSAFE.has(d.method.toUpperCase()))) {
      const res = await send(agent, r).send({});
      const code = (res.body as { error?: { code?: string } } | undefined)?.error?.code;
      if (res.status !== 403 || code !== 'csrf_invalid') {
        failures.push(`${key(r.method, r.path)} → ${res.status} ${code ?? ''}`);
      }
    }
    expect(failures).toEqual([]);
    expect(defs.some((d) => UNSAFE.has(d.method.toUpperCase()))).toBe(true);
  });

  it('lists every registered route in /api/openapi.json', async () => {
    const res = await request(app).get('/api/openapi.json').expect(200);
    const doc = res.body as { openapi: string; paths: Record<string, Record<string, unknown>> };
    expect(doc.openapi).toBe('3.1.0');
    const documented = Object.entries(doc.paths)
      .flatMap(([p, ops]) =>
        Object.keys(ops).map((m) => key(m, p.replace(/\{([A-Za-z0-9_]+)\}/g, ':$1'))),
      )
      .sort();
    const router = (app as unknown as { router: { stack: Layer[] } }).router;
    expect(documented).toEqual(expressRoutes(router.stack).sort());
  });
});
