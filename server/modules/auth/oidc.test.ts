import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import request from 'supertest';
import type { Express } from 'express';
import { useTestDatabase } from '../../test/db';
import { makeTestApp, makePerson } from '../../test/app';
import {
  startFakeIdentityProvider,
  signInAtProvider,
  type FakeIdentityProvider,
} from '../../test/oidc-provider';
import { loadEnv } from '../../env';
import { configureOidc } from './oidc';
import { PersonModel } from '../people/person.model';
import { AuditModel } from '../audit/audit.model';

useTestDatabase();

const IDP_PORT = 3431;
// Never listened on: the test carries the provider's redirect to the app itself.
const REDIRECT_URI = 'http://127.0.0.1:3432/api/auth/oidc/callback';
let idp: FakeIdentityProvider;
let app: Express;

beforeAll(async () => {
  idp = await startFakeIdentityProvider({ port: IDP_PORT, redirectUri: REDIRECT_URI });
  const overrides = {
    OIDC_ISSUER: idp.issuer,
    OIDC_CLIENT_ID: idp.clientId,
    OIDC_CLIENT_SECRET: idp.clientSecret,
    OIDC_ALLOW_INSECURE: 'true',
    OIDC_REDIRECT_URI: REDIRECT_URI,
    OIDC_LABEL: 'Stadt-Login',
  };
  await configureOidc(loadEnv({ NODE_ENV: 'test', ...overrides }));
  app = makeTestApp(overrides);
  await makePerson({ username: 'erika' });
  await makePerson({ username: 'gone', active: false });
  idp.accounts.set('sub-erika', { sub: 'sub-erika', email: 'Erika@example.test' });
  idp.accounts.set('sub-gone', { sub: 'sub-gone', email: 'gone@example.test' });
  idp.accounts.set('sub-stranger', { sub: 'sub-stranger', email: 'stranger@example.test' });
  idp.accounts.set('sub-unverified', {
    sub: 'sub-unverified',
    email: 'erika@example.test',
    emailVerified: false,
  });
});

afterAll(async () => {
  await configureOidc(loadEnv({ NODE_ENV: 'test' }));
  await idp?.close();
});

/** Starts a login in `agent`'s session and signs in at the provider; returns the callback path. */
async function throughProvider(
  agent: ReturnType<typeof request.agent>,
  login: string,
  returnTo = '/start',
): Promise<string> {
  const start = await agent.get('/api/auth/oidc/start').query({ returnTo }).expect(302);
  const back = await signInAtProvider(start.headers.location as string, login);
  expect(back.href.startsWith(REDIRECT_URI)).toBe(true);
  return back.pathname + back.search;
}

describe('OpenID Connect login', () => {
  it('reports SSO in the auth config', async () => {
    const res = await request(app).get('/api/auth/config').expect(200);
    expect(res.body.data.oidc).toEqual({ enabled: true, label: 'Stadt-Login' });
  });

  it('redirects to the provider with PKCE, state and nonce', async () => {
    const res = await request(app).get('/api/auth/oidc/start').expect(302);
    const url = new URL(res.headers.location as string);
    expect(url.origin).toBe(idp.issuer);
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
    expect(url.searchParams.get('code_challenge')).toBeTruthy();
    expect(url.searchParams.get('state')).toBeTruthy();
    expect(url.searchParams.get('nonce')).toBeTruthy();
    expect(url.searchParams.get('redirect_uri')).toBe(REDIRECT_URI);
  });

  it('signs in by verified email, links the subject, starts a session and returns to returnTo', async () => {
    const agent = request.agent(app);
    const callback = await throughProvider(agent, 'sub-erika', '/news/42?tab=1');
    const res = await agent.get(callback).expect(302);
    expect(res.headers.location).toBe('/news/42?tab=1');
    const me = await agent.get('/api/me').expect(200);
    expect(me.body.data.username).toBe('erika');
    const person = await PersonModel.findOne({ username: 'erika' }).lean();
    expect(person?.oidcSubject).toBe('sub-erika');
    const login = await AuditModel.findOne({ action: 'auth.login', actorId: person?._id }).lean();
    expect(login?.detail).toEqual({ method: 'oidc' });

    // The callback is single use: replaying it does not sign anyone in again.
    const replay = request.agent(app);
    const again = await replay.get(callback).expect(302);
    expect(again.headers.location).toBe('/login?error=sso_failed');
    await replay.get('/api/me').expect(401);
  });

  it('signs in a second time by the linked subject', async () => {
    const agent = request.agent(app);
    const res = await agent.get(await throughProvider(agent, 'sub-erika')).expect(302);
    expect(res.headers.location).toBe('/start');
    await agent.get('/api/me').expect(200);
  });

  it('refuses a callback whose state does not match the session', async () => {
    const agent = request.agent(app);
    const callback = new URL(await throughProvider(agent, 'sub-erika'), REDIRECT_URI);
    callback.searchParams.set('state', 'forged-state');
    const res = await agent.get(callback.pathname + callback.search).expect(302);
    expect(res.headers.location).toBe('/login?error=sso_failed');
    await agent.get('/api/me').expect(401);
  });

  it("refuses a code delivered into another browser's session (login CSRF)", async () => {
    const attacker = request.agent(app);
    const callback = await throughProvider(attacker, 'sub-erika');
    const victim = request.agent(app);
    await victim.get('/api/auth/oidc/start').expect(302);
    const res = await victim.get(callback).expect(302);
    expect(res.headers.location).toBe('/login?error=sso_failed');
    await victim.get('/api/me').expect(401);
  });

  it.each(['//evil.example', 'https://evil.example/x', '/\\evil.example'])(
    'never redirects off-site after login: returnTo=%s ends at /',
    async (returnTo) => {
      const agent = request.agent(app);
      const res = await agent.get(await throughProvider(agent, 'sub-erika', returnTo)).expect(302);
      expect(res.headers.location).toBe('/');
      await agent.get('/api/me').expect(200);
    },
  );

  it.each([
    ['unknown person', 'sub-stranger'],
    ['inactive person', 'sub-gone'],
    ['unverified email', 'sub-unverified'],
  ])('refuses an %s with sso_unknown', async (_label, login) => {
    const agent = request.agent(app);
    const res = await agent.get(await throughProvider(agent, login)).expect(302);
    expect(res.headers.location).toBe('/login?error=sso_unknown');
    await agent.get('/api/me').expect(401);
  });

  it('refuses a subject linked to a person who has since been deactivated', async () => {
    await PersonModel.updateOne({ username: 'erika' }, { $set: { active: false } });
    try {
      const agent = request.agent(app);
      const res = await agent.get(await throughProvider(agent, 'sub-erika')).expect(302);
      expect(res.headers.location).toBe('/login?error=sso_unknown');
    } finally {
      await PersonModel.updateOne({ username: 'erika' }, { $set: { active: true } });
    }
  });

  it('answers 404 on the SSO routes when OIDC is not configured', async () => {
    await configureOidc(loadEnv({ NODE_ENV: 'test' }));
    await request(app).get('/api/auth/oidc/start').expect(404);
    await request(app).get('/api/auth/oidc/callback?code=x&state=y').expect(404);
    const res = await request(app).get('/api/auth/config').expect(200);
    expect(res.body.data.oidc.enabled).toBe(false);
  });
});
