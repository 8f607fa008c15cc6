// oidc-provider ships no types; only what the fake identity provider in tests uses.
declare module 'oidc-provider' {
  import type http from 'node:http';

  interface ProviderConfig {
    clients: Record<string, unknown>[];
    findAccount: (
      ctx: unknown,
      sub: string,
    ) => Promise<{ accountId: string; claims: () => Promise<Record<string, unknown>> } | undefined>;
    claims?: Record<string, string[]>;
    features?: Record<string, unknown>;
    pkce?: Record<string, unknown>;
    cookies?: Record<string, unknown>;
    [key: string]: unknown;
  }

  export default class Provider {
    constructor(issuer: string, config: ProviderConfig);
    listen(port: number, host: string, callback?: () => void): http.Server;
    on(event: string, listener: (...args: unknown[]) => void): this;
  }
}
