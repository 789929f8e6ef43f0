import type * as OpenIdClient from 'openid-client';

export type OpenIdClientModule = typeof OpenIdClient;

let loaded: OpenIdClientModule | undefined;

/**
 * openid-client v6 is ESM only. Node 20.19+ `require()`s an ES module that has no top-level await,
 * so the CommonJS build loads it with a plain require; it is loaded on first use, only when single
 * sign-on is configured, which keeps it out of processes (and test runners) that never use it.
 */
export function openIdClient(): OpenIdClientModule {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  loaded ??= require('openid-client') as OpenIdClientModule;
  return loaded;
}
