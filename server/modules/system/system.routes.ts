import { defineRoute, type RouteDef } from '../../lib/route';
import { pingDatabase } from '../../db/connect';
import { buildOpenApi } from './openapi';

export const systemRoutes: RouteDef[] = [
  defineRoute({
    method: 'get',
    path: '/healthz',
    tag: 'system',
    summary: 'Process is up',
    access: 'public',
    handler: () => ({ status: 'ok' }),
  }),
  defineRoute({
    method: 'get',
    path: '/readyz',
    tag: 'system',
    summary: 'Database reachable (503 when not)',
    access: 'public',
    handler: async ({ res }) => {
      const ok = await pingDatabase();
      res.status(ok ? 200 : 503);
      return { status: ok ? 'ready' : 'unavailable', database: ok };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/openapi.json',
    tag: 'system',
    summary: 'This API as an OpenAPI 3.1 document',
    access: 'public',
    handler: ({ req }) => buildOpenApi(req.app.locals.routes as RouteDef[]),
  }),
];
