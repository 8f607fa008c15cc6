import { z } from 'zod';
import { loginSchema, oidcStartQuerySchema } from '@shared/auth/schemas';
import { defineRoute, type RouteDef } from '../../lib/route';
import { csrf } from '../../middleware/csrf';
import { saveSession } from './session-ops';
import { loginLocal, logout } from './auth.service';
import { oidcConfigured, oidcLabel, beginOidcLogin, completeOidcLogin } from './oidc';
import { notFound } from '../../lib/errors';

export const authRoutes: RouteDef[] = [
  defineRoute({
    method: 'get',
    path: '/api/auth/csrf',
    tag: 'auth',
    summary: 'CSRF token for this session; send it as X-CSRF-Token on unsafe requests',
    access: 'public',
    response: z.object({ token: z.string() }),
    handler: async ({ req }) => {
      const token = csrf.generateToken(req, false);
      await saveSession(req);
      return { token };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/auth/config',
    tag: 'auth',
    summary: 'Which sign-in methods are available',
    access: 'public',
    handler: () => ({
      data: { localLogin: true, oidc: { enabled: oidcConfigured(), label: oidcLabel() } },
    }),
  }),
  defineRoute({
    method: 'post',
    path: '/api/auth/login',
    tag: 'auth',
    summary: 'Sign in with user name and password',
    access: 'public',
    body: loginSchema,
    response: z.object({ id: z.string(), csrfToken: z.string() }),
    handler: async ({ req, body }) => {
      const { personId, csrfToken } = await loginLocal(req, body);
      return { data: { id: personId, csrfToken } };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/auth/oidc/start',
    tag: 'auth',
    summary: 'Redirect to the identity provider (OpenID Connect); returnTo must be a relative path',
    access: 'public',
    raw: true,
    query: oidcStartQuerySchema,
    handler: async ({ req, res, query }) => {
      if (!oidcConfigured()) throw notFound('Single sign-on is not configured.');
      res.redirect(302, (await beginOidcLogin(req, query.returnTo)).href);
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/auth/oidc/callback',
    tag: 'auth',
    summary: 'Return from the identity provider: signs in and redirects to returnTo',
    access: 'public',
    raw: true,
    handler: async ({ req, res }) => {
      if (!oidcConfigured()) throw notFound('Single sign-on is not configured.');
      const outcome = await completeOidcLogin(req);
      res.redirect(302, outcome.ok ? outcome.returnTo : `/login?error=${outcome.error}`);
    },
  }),
  defineRoute({
    method: 'post',
    path: '/api/auth/logout',
    tag: 'auth',
    summary: 'End this session and disconnect its live connections',
    access: 'user',
    handler: async ({ req, res }) => {
      await logout(req);
      res.status(204).end();
    },
  }),
];
