import type { Env } from '../../env';

// OpenID Connect state; configureOidc discovers the issuer when OIDC_* is set.
let configured = false;
let label: string | null = null;

export async function configureOidc(env: Env): Promise<void> {
  configured = Boolean(env.OIDC_ISSUER && env.OIDC_CLIENT_ID);
  label = configured ? env.OIDC_LABEL : null;
}
export const oidcConfigured = () => configured;
export const oidcLabel = () => label;
