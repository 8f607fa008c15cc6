import type http from 'node:http';
import Provider from 'oidc-provider';

export interface FakeAccount {
  sub: string;
  email: string;
  emailVerified?: boolean;
}

export interface FakeIdentityProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Subject → claims; tests add accounts at will. */
  accounts: Map<string, FakeAccount>;
  close(): Promise<void>;
}

/**
 * oidc-provider as a fake identity provider on a loopback port: one static confidential client,
 * PKCE required, dev interactions (any login name is accepted as the subject).
 */
export async function startFakeIdentityProvider(opts: {
  port: number;
  redirectUri: string;
}): Promise<FakeIdentityProvider> {
  const issuer = `http://127.0.0.1:${opts.port}`;
  const clientId = 'portal-test';
  const clientSecret = 'portal-test-secret-portal-test-secret';
  const accounts = new Map<string, FakeAccount>();
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [opts.redirectUri],
        response_types: ['code'],
        grant_types: ['authorization_code'],
        token_endpoint_auth_method: 'client_secret_post',
      },
    ],
    claims: { openid: ['sub'], email: ['email', 'email_verified'] },
    features: { devInteractions: { enabled: true } },
    pkce: { required: () => true },
    cookies: { keys: ['fake-idp-cookie-key-fake-idp-cookie-key'] },
    ttl: {
      Interaction: 600,
      Session: 3600,
      Grant: 3600,
      AccessToken: 600,
      IdToken: 600,
      AuthorizationCode: 60,
    },
    findAccount: async (_ctx, sub) => {
      const account = accounts.get(sub);
      if (!account) return undefined;
      return {
        accountId: sub,
        claims: async () => ({
          sub,
          email: account.email,
          email_verified: account.emailVerified ?? true,
        }),
      };
    },
  });
  const server: http.Server = await new Promise((resolve) => {
    const s = provider.listen(opts.port, '127.0.0.1', () => resolve(s));
  });
  return {
    issuer,
    clientId,
    clientSecret,
    accounts,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/**
 * Plays the browser at the provider: follows redirects from the authorization URL, signs in as
 * `login`, grants consent, and returns the redirect back to the portal (the callback URL).
 */
export async function signInAtProvider(authorizationUrl: string, login: string): Promise<URL> {
  const jar = new Map<string, string>();
  const cookieHeader = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
  const remember = (res: Response) => {
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const eq = pair?.indexOf('=') ?? -1;
      if (pair && eq > 0) jar.set(pair.slice(0, eq), pair.slice(eq + 1));
    }
  };
  let url = new URL(authorizationUrl);
  const origin = url.origin;
  for (let step = 0; step < 20; step++) {
    if (url.origin !== origin) return url; // back at the portal
    let res = await fetch(url, { redirect: 'manual', headers: { cookie: cookieHeader() } });
    remember(res);
    if (res.status === 200 && url.pathname.startsWith('/interaction/')) {
      const html = await res.text();
      const prompt = /name="prompt" value="(\w+)"/.exec(html)?.[1];
      if (!prompt) throw new Error(`unexpected interaction page: ${html.slice(0, 200)}`);
      const form = new URLSearchParams({ prompt, login, password: 'any' });
      res = await fetch(url, {
        method: 'POST',
        redirect: 'manual',
        headers: { cookie: cookieHeader(), 'content-type': 'application/x-www-form-urlencoded' },
        body: form,
      });
      remember(res);
    }
    const location = res.headers.get('location');
    if (!location) throw new Error(`provider answered ${res.status} at ${url.pathname}`);
    url = new URL(location, url);
  }
  throw new Error('too many redirects at the identity provider');
}
