import { Inject, Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { Configuration } from 'openid-client';
import { AccountIdentity, DomainError, Subjects } from '@switchyard/contracts';
import { JsonLogger } from '@switchyard/logging';
import { LOGGER, RpcClient } from '@switchyard/nats';
import { GatewayConfig } from '../../gateway.config';
import { openIdClient } from './openid-client-module';
import { OidcPending } from './oidc-state';

/** Why a single sign-on failed, as the console's sign-in page is told (`/#/sign-in?error=<code>`). */
export type OidcFailure = 'oidc_expired' | 'oidc_failed' | 'account_disabled';

export class OidcSignInError extends Error {
  constructor(
    readonly code: OidcFailure,
    message: string,
  ) {
    super(message);
  }
}

const SCOPE = 'openid email profile';

/**
 * OpenID Connect single sign-on with the configured provider (openid-client): the authorization
 * code flow with PKCE, state and nonce; the provider's identity becomes a user through billing
 * (found by issuer and subject, or made with the default role and no credit).
 */
@Injectable()
export class OidcSignIn {
  private discovered: Promise<Configuration> | null = null;

  constructor(
    private readonly config: GatewayConfig,
    private readonly rpc: RpcClient,
    @Inject(LOGGER) private readonly logger: JsonLogger,
  ) {}

  get enabled(): boolean {
    return Boolean(this.config.SWITCHYARD_OIDC_ISSUER);
  }

  /** The gateway's own origin as browsers reach it. */
  publicOrigin(req: FastifyRequest): string {
    return this.config.SWITCHYARD_PUBLIC_URL?.replace(/\/+$/, '') ?? `${req.protocol}://${req.headers.host ?? 'localhost'}`;
  }

  isHttps(req: FastifyRequest): boolean {
    return this.publicOrigin(req).startsWith('https:');
  }

  private redirectUri(req: FastifyRequest): string {
    return `${this.publicOrigin(req)}/auth/oidc/callback`;
  }

  /** The provider's metadata, read once; a failed read is tried again by the next sign-in. */
  private provider(): Promise<Configuration> {
    if (!this.enabled) throw DomainError.notFound('Single sign-on (not configured)');
    if (!this.discovered) {
      const client = openIdClient();
      const issuer = new URL(this.config.SWITCHYARD_OIDC_ISSUER!);
      this.discovered = client
        .discovery(
          issuer,
          this.config.SWITCHYARD_OIDC_CLIENT_ID!,
          this.config.SWITCHYARD_OIDC_CLIENT_SECRET,
          undefined,
          // a plain-http issuer is the operator's own choice (a provider on the local network, or the tests')
          issuer.protocol === 'http:' ? { execute: [client.allowInsecureRequests] } : undefined,
        )
        .catch((error: unknown) => {
          this.discovered = null;
          throw error;
        });
    }
    return this.discovered;
  }

  /** Where to send the browser, and what its callback must find again. */
  async start(req: FastifyRequest): Promise<{ url: string; pending: OidcPending }> {
    const client = openIdClient();
    const provider = await this.provider();
    const pending = { state: client.randomState(), nonce: client.randomNonce(), verifier: client.randomPKCECodeVerifier() };
    const url = client.buildAuthorizationUrl(provider, {
      redirect_uri: this.redirectUri(req),
      scope: SCOPE,
      state: pending.state,
      nonce: pending.nonce,
      code_challenge: await client.calculatePKCECodeChallenge(pending.verifier),
      code_challenge_method: 'S256',
    });
    return { url: url.href, pending };
  }

  /** Exchanges the code the provider sent back and finds or makes the user it names. */
  async finish(req: FastifyRequest, pending: OidcPending | null): Promise<AccountIdentity> {
    if (!pending) throw new OidcSignInError('oidc_expired', 'No sign-in was started in this browser, or it took too long');
    const client = openIdClient();
    const provider = await this.provider();
    let claims: Record<string, unknown>;
    try {
      const tokens = await client.authorizationCodeGrant(provider, new URL(req.url, this.publicOrigin(req)), {
        pkceCodeVerifier: pending.verifier,
        expectedState: pending.state,
        expectedNonce: pending.nonce,
        idTokenExpected: true,
      });
      claims = { ...tokens.claims()! };
      if ((claims.email === undefined || claims.name === undefined) && provider.serverMetadata().userinfo_endpoint) {
        claims = { ...(await client.fetchUserInfo(provider, tokens.access_token, claims.sub as string)), ...claims };
      }
    } catch (error) {
      this.logger.warn('single sign-on refused by the provider or its answer', { error: (error as Error).message });
      throw new OidcSignInError('oidc_failed', 'The identity provider did not confirm the sign-in');
    }
    const email = claims.email_verified === true && typeof claims.email === 'string' ? claims.email : undefined;
    try {
      return await this.rpc.send(Subjects.billingOidcSignIn, {
        issuer: provider.serverMetadata().issuer,
        subject: String(claims.sub),
        email,
        name: typeof claims.name === 'string' ? claims.name.slice(0, 200) : undefined,
        defaultRole: this.config.SWITCHYARD_OIDC_DEFAULT_ROLE,
      });
    } catch (error) {
      if (error instanceof DomainError && error.code === 'permission_denied') throw new OidcSignInError('account_disabled', error.message);
      throw error;
    }
  }
}
