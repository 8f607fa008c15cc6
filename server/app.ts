import express, { type Express, type RequestHandler } from 'express';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { pinoHttp } from 'pino-http';
import type { RedisClientType } from 'redis';
import type { Env } from './env';
import { logger } from './lib/logger';
import { mountRoutes } from './lib/route';
import { securityHeaders, noStore } from './middleware/security';
import { csrfProtection } from './middleware/csrf';
import { apiRateLimit, loginRateLimit } from './middleware/rate-limit';
import { apiNotFound, errorHandler } from './middleware/error-handler';
import { authenticate } from './modules/auth/authenticate';
import { allRoutes } from './modules';
import { httpMetrics } from './modules/system/metrics';
import { databaseGate } from './modules/system/db-health';

export interface AppDeps {
  env: Env;
  /** express-session middleware; shared with Socket.IO so both see the same session. */
  session: RequestHandler;
  origins: string[];
  redis: RedisClientType | null;
}

/** Builds the Express app without listening: tests drive it with supertest. */
export function createApp(deps: AppDeps): Express {
  const { env } = deps;
  const app = express();
  app.set('trust proxy', env.TRUST_PROXY === 'true' ? true : env.TRUST_PROXY);
  app.disable('x-powered-by');
  // API answers are `no-store`: an ETag (a hash of every JSON body) would never be used.
  app.set('etag', false);
  app.set('query parser', 'simple'); // no nested objects from query strings (operator injection)

  app.use(
    pinoHttp({
      logger,
      genReqId: (req, res) => {
        const id = randomUUID();
        res.setHeader('X-Request-Id', id);
        return id;
      },
      autoLogging: { ignore: (req) => req.url === '/healthz' || req.url === '/readyz' },
    }),
  );
  app.use(httpMetrics());
  app.use(securityHeaders());

  const routes = allRoutes();
  app.locals.routes = routes;
  app.locals.metricsToken = env.METRICS_TOKEN;

  app.use('/api', noStore);
  app.use('/api', databaseGate());
  app.use('/api', express.json({ limit: '1mb', strict: true }));
  app.use('/api', deps.session);
  app.use('/api', authenticate(env.SESSION_ABSOLUTE_HOURS));
  app.use('/api', apiRateLimit(env.RATE_LIMIT_PER_MINUTE, deps.redis));
  app.use('/api', csrfProtection(deps.origins));
  app.use('/api/auth/login', loginRateLimit(env.LOGIN_RATE_LIMIT_PER_15_MIN, deps.redis));

  const router = express.Router();
  mountRoutes(router, routes);
  app.use(router);
  app.use('/api', apiNotFound);

  const staticDir = path.resolve(env.STATIC_DIR);
  if (existsSync(staticDir)) {
    app.use(express.static(staticDir, { index: false, maxAge: '1h', setHeaders: immutableAssets }));
    // The SPA answers every other GET; it shows its own 404 page.
    app.get(/^\/(?!api\/|socket\.io\/|collab).*/, (_req, res) => {
      res.setHeader('Cache-Control', 'no-cache');
      res.sendFile(path.join(staticDir, 'index.html'));
    });
  }
  app.use(errorHandler);
  return app;
}

function immutableAssets(res: express.Response, filePath: string): void {
  if (filePath.includes(`${path.sep}assets${path.sep}`)) {
    res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
  }
}
