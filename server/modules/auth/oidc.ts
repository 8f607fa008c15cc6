import type { Request } from 'express';
import * as client from 'openid-client';
import { safeReturnTo } from '@shared/auth/schemas';
import type { Env } from '../../env';
import { logger } from '../../lib/logger';
import { audit } from '../audit/audit.service';
import { saveSession } from './session-ops';
import { startSession } from './auth.service';
import { findOidcPerson } from './oidc.accounts';

const CALLBACK_PATH = '/api/auth/oidc/callback';

interface OidcState {
  config: client.Configuration;
  label: string;
  /** Fixed callback URL, or null to derive it from the request. */
  redirectUri: string | null;
}

// Process-wide: one identity provider per portal, discovered once at start.
let state: OidcState | null = null;

/**
 * Discovers the issuer when OIDC_ISSUER and OIDC_CLIENT_ID are set (authorization code + PKCE).
 * Throws when discovery fails: a configured but unreachable provider is a start-up error.
 */
export async function configureOidc(env: Env): Promise<void> {
  state = null;
  if (!env.OIDC_ISSUER || !env.OIDC_CLIENT_ID) return;
  const config = await client.discovery(
    new URL(env.OIDC_ISSUER),
    env.OIDC_CLIENT_ID,
    { redirect_uris: env.OIDC_REDIRECT_URI ? [env.OIDC_REDIRECT_URI] : undefined },
    env.OIDC_CLIENT_SECRET ? client.ClientSecretPost(env.OIDC_CLIENT_SECRET) : client.None(),
    {
      execute: env.OIDC_ALLOW_INSECURE ? [client.allowInsecureRequests] : [],
      timeout: 10,
    },
  );
  const origin = env.PUBLIC_ORIGIN?.split(',')[0]?.trim().replace(/\/$/, '');
  state = {
    config,
    label: env.OIDC_LABEL,
    redirectUri: env.OIDC_REDIRECT_URI ?? (origin ? origin + CALLBACK_PATH : null),
  };
  logger.info({ issuer: config.serverMetadata().issuer }, 'OpenID Connect configured');
}

export const oidcConfigured = () => state !== null;
export const oidcLabel = () => state?.label ?? null;

function redirectUriFor(req: Request, s: OidcState): string {
  // Without a configured origin the request's host is used; the provider only accepts
  // registered callback URLs, so a forged Host header cannot redirect codes elsewhere.
  return s.redirectUri ?? `${req.protocol}://${req.get('host') ?? 'localhost'}${CALLBACK_PATH}`;
}

/** Remembers state, nonce and PKCE verifier in the session and returns the provider's login URL. */
export async function beginOidcLogin(req: Request, returnTo: string | undefined): Promise<URL> {
  if (!state) throw new Error('OIDC is not configured');
  const codeVerifier = client.randomPKCECodeVerifier();
  const pending = {
    state: client.randomState(),
    nonce: client.randomNonce(),
    codeVerifier,
    returnTo: safeReturnTo(returnTo),
  };
  req.session.oidc = pending;
  await saveSession(req);
  return client.buildAuthorizationUrl(state.config, {
    redirect_uri: redirectUriFor(req, state),
    scope: 'openid email profile',
    response_type: 'code',
    state: pending.state,
    nonce: pending.nonce,
    code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: 'S256',
  });
}

export type OidcOutcome =
  { ok: true; returnTo: string } | { ok: false; error: 'sso_failed' | 'sso_unknown' };

/**
 * Handles the provider's redirect: exchanges the code (state, nonce and PKCE checked by
 * openid-client), finds the person and starts a session. Never throws for provider or user errors.
 */
export async function completeOidcLogin(req: Request): Promise<OidcOutcome> {
  const pending = req.session.oidc;
  // Single use: a replayed or second callback finds nothing to complete.
  delete req.session.oidc;
  if (!state || !pending) return fail(req, 'sso_failed', 'no_pending_login');

  const query = req.originalUrl.includes('?')
    ? req.originalUrl.slice(req.originalUrl.indexOf('?'))
    : '';
  const currentUrl = new URL(redirectUriFor(req, state) + query);
  let subject: string;
  let email: string | undefined;
  let emailVerified = false;
  try {
    const tokens = await client.authorizationCodeGrant(state.config, currentUrl, {
      pkceCodeVerifier: pending.codeVerifier,
      expectedState: pending.state,
      expectedNonce: pending.nonce,
      idTokenExpected: true,
    });
    const claims = tokens.claims();
    if (!claims) return fail(req, 'sso_failed', 'no_id_token');
    subject = claims.sub;
    let info: Record<string, unknown> = claims;
    if (typeof claims.email !== 'string') {
      info = await client.fetchUserInfo(state.config, tokens.access_token, claims.sub);
    }
    email = typeof info.email === 'string' ? info.email.toLowerCase() : undefined;
    emailVerified = info.email_verified === true;
  } catch (err) {
    logger.warn({ err }, 'OIDC callback refused');
    return fail(req, 'sso_failed', err instanceof Error ? err.name : 'exchange');
  }

  const found = await findOidcPerson(subject, emailVerified ? email : undefined);
  if (!found.ok) return fail(req, 'sso_unknown', found.reason);
  await startSession(req, found.personId, 'oidc');
  return { ok: true, returnTo: pending.returnTo };
}

async function fail(
  req: Request,
  error: 'sso_failed' | 'sso_unknown',
  reason: string,
): Promise<OidcOutcome> {
  // The removed pending state is saved by express-session when the redirect ends the response.
  await audit({
    action: 'auth.login',
    outcome: 'failure',
    detail: { method: 'oidc', reason },
    req,
  });
  return { ok: false, error };
}
