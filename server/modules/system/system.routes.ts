import { defineRoute, type RouteDef } from '../../lib/route';
import { pingDatabase } from '../../db/connect';
import { buildOpenApi } from './openapi';
import { forbidden } from '../../lib/errors';
import { renderMetrics } from './metrics';
import { metricsAllowed } from './metrics-access';
import { noteDatabaseReachable } from './db-health';

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
      if (ok) noteDatabaseReachable();
      res.status(ok ? 200 : 503);
      return { status: ok ? 'ready' : 'unavailable', database: ok };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/metrics',
    tag: 'system',
    summary: 'Prometheus metrics (direct loopback or `Authorization: Bearer METRICS_TOKEN`)',
    access: 'public',
    raw: true,
    handler: ({ req, res }) => {
      const token = (req.app.locals as { metricsToken?: string }).metricsToken;
      if (!metricsAllowed(req, token)) throw forbidden('Metrics are not available here.');
      res.setHeader('Cache-Control', 'no-store');
      res.type('text/plain; version=0.0.4; charset=utf-8').send(renderMetrics());
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
