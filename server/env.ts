import { z } from 'zod';

const bool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

/** Every setting the server reads, checked once at start. The README's configuration table mirrors it. */
const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  /** Public origin(s) of the portal, comma separated; used for the Origin allow-list. */
  PUBLIC_ORIGIN: z.string().optional(),
  MONGODB_URI: z.string().optional(),
  DATA_DIR: z.string().default('./data'),
  FERRETDB_BIN: z.string().optional(),
  REDIS_URL: z.string().optional(),
  SESSION_SECRET: z.string().min(16).optional(),
  SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(30),
  SESSION_ABSOLUTE_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(7 * 24)
    .default(12),
  /** How often open sockets check that their session still exists (idle timeout, revocation). */
  SOCKET_SESSION_CHECK_SECONDS: z.coerce.number().int().min(1).max(3600).default(60),
  TRUST_PROXY: z.string().default('loopback'),
  SEED_DEMO: bool.optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(10).default(600),
  LOGIN_RATE_LIMIT_PER_15_MIN: z.coerce.number().int().min(3).default(20),
  OIDC_ISSUER: z.string().url().optional(),
  OIDC_CLIENT_ID: z.string().optional(),
  OIDC_CLIENT_SECRET: z.string().optional(),
  OIDC_LABEL: z.string().default('Single Sign-On'),
  /** Allow http:// issuers (test identity provider on loopback). Never in production. */
  OIDC_ALLOW_INSECURE: bool.default(false),
  /** Callback URL registered at the identity provider; default: first PUBLIC_ORIGIN (or the request's host) + /api/auth/oidc/callback. */
  OIDC_REDIRECT_URI: z.string().url().optional(),
  /** Bearer token for GET /metrics from other hosts; without it only direct loopback requests may scrape. */
  METRICS_TOKEN: z.string().min(16).optional(),
  STATIC_DIR: z.string().default('./dist/client'),
});

export type Env = z.infer<typeof envSchema>;

export function loadEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return parsed.data;
}

/** Origins allowed for CSRF and WebSocket checks. */
export function allowedOrigins(env: Env, port: number): string[] {
  if (env.PUBLIC_ORIGIN)
    return env.PUBLIC_ORIGIN.split(',').map((o) => o.trim().replace(/\/$/, ''));
  return [`http://localhost:${port}`, `http://127.0.0.1:${port}`];
}
