import type { Request, Response, Router, NextFunction, RequestHandler } from 'express';
import type { z } from 'zod';
import type { CurrentUser } from '../modules/auth/current-user';
import { unauthenticated } from './errors';
import { parseOrThrow } from '../middleware/validate';

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
type Schema = z.ZodType;
type Infer<S> = S extends Schema ? z.infer<S> : undefined;

export interface RouteContext<B, Q, P, U> {
  req: Request;
  res: Response;
  user: U;
  body: B;
  query: Q;
  params: P;
}

/** A route as data: used to mount it, to write the OpenAPI document and by the route-table test. */
export interface RouteDef {
  method: Method;
  path: string;
  summary: string;
  tag: string;
  /** `public` routes work without a session; every other route answers 401 without one. */
  access: 'public' | 'user';
  body?: Schema;
  query?: Schema;
  params?: Schema;
  /** Response payload schema (inside `{ data }`), for documentation. */
  response?: Schema;
  /** Set for routes that answer with something other than JSON (files, CSV, redirects). */
  raw?: boolean;
  /**
   * Middleware run before the handler (e.g. a multipart parser). For `user` routes a session
   * check runs first, so an anonymous request is refused before its body is read.
   */
  before?: RequestHandler[];
  handle: (req: Request, res: Response) => Promise<unknown>;
}

interface Spec<A extends 'public' | 'user', B, Q, P> {
  method: Method;
  path: string;
  summary: string;
  tag: string;
  access: A;
  body?: B;
  query?: Q;
  params?: P;
  response?: Schema;
  raw?: boolean;
  before?: RequestHandler[];
  /** Returns the JSON body to send, or `undefined` when it has answered itself. */
  handler: (
    ctx: RouteContext<
      Infer<B>,
      Infer<Q>,
      Infer<P>,
      A extends 'user' ? CurrentUser : CurrentUser | undefined
    >,
  ) => Promise<unknown> | unknown;
}

export function defineRoute<
  A extends 'public' | 'user',
  B extends Schema | undefined = undefined,
  Q extends Schema | undefined = undefined,
  P extends Schema | undefined = undefined,
>(spec: Spec<A, B, Q, P>): RouteDef {
  const { handler, ...rest } = spec;
  return {
    ...rest,
    body: spec.body,
    query: spec.query,
    params: spec.params,
    handle: async (req, res) => {
      if (spec.access === 'user' && !req.user) throw unauthenticated();
      const ctx = {
        req,
        res,
        user: req.user,
        body: spec.body ? parseOrThrow(spec.body, req.body ?? {}) : undefined,
        query: spec.query ? parseOrThrow(spec.query, req.query) : undefined,
        params: spec.params ? parseOrThrow(spec.params, req.params) : undefined,
      } as Parameters<typeof handler>[0];
      const result = await handler(ctx);
      if (result !== undefined && !res.headersSent) res.json(result);
    },
  };
}

/** Mounts routes (paths are absolute, e.g. `/api/people/:id`); `app.locals.routes` keeps them for docs and tests. */
export function mountRoutes(router: Router, routes: RouteDef[]): void {
  for (const r of routes) {
    const before = r.before ?? [];
    const guard: RequestHandler[] =
      before.length && r.access === 'user'
        ? [(req, _res, next) => next(req.user ? undefined : unauthenticated())]
        : [];
    router[r.method](
      r.path,
      ...guard,
      ...before,
      (req: Request, res: Response, next: NextFunction) => {
        r.handle(req, res).catch(next);
      },
    );
  }
}
