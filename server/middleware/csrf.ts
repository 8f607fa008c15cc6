import type { RequestHandler } from 'express';
import { csrfSync } from 'csrf-sync';
import { HttpError } from '../lib/errors';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

export const csrf = csrfSync({
  getTokenFromRequest: (req) => {
    const header = req.headers['x-csrf-token'];
    return typeof header === 'string' ? header : undefined;
  },
});

/**
 * Unsafe methods need the session's CSRF token in `X-CSRF-Token`, and if the browser sends an
 * Origin it must be one of ours (SameSite=Lax is the third layer).
 */
export function csrfProtection(origins: string[]): RequestHandler {
  return (req, _res, next) => {
    if (SAFE.has(req.method)) return next();
    const origin = req.headers.origin;
    if (origin && !origins.includes(origin)) {
      return next(new HttpError(403, 'origin_forbidden', 'Request from a foreign origin refused.'));
    }
    if (!req.session || !csrf.isRequestValid(req)) {
      return next(new HttpError(403, 'csrf_invalid', 'Missing or invalid CSRF token.'));
    }
    next();
  };
}
