import { Inject, Injectable, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { NatsConnection, Subscription } from 'nats';
import { DomainError, Events, hashApiKey, hashSessionToken, Principal, Subjects, VerifiedSession } from '@switchyard/contracts';
import { NATS_CONNECTION, onBroadcast, RpcClient } from '@switchyard/nats';
import { TtlCache } from '@switchyard/runtime';
import { GatewayConfig } from '../gateway.config';
import { sessionToken } from './session-cookie';

const NEGATIVE_TTL_MS = 5_000;

/** `Authorization: Bearer <key>`, `x-api-key: <key>` (Anthropic clients) or `x-goog-api-key: <key>` (Gemini clients). */
export function presentedKey(headers: Record<string, string | string[] | undefined>): string | null {
  const auth = headers.authorization;
  const value = Array.isArray(auth) ? auth[0] : auth;
  if (value) {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(value);
    if (match) return match[1];
  }
  for (const name of ['x-api-key', 'x-goog-api-key']) {
    const raw = headers[name];
    const key = Array.isArray(raw) ? raw[0] : raw;
    if (key && key.trim()) return key.trim();
  }
  return null;
}

/** Who is calling, and the console session that vouches for them when they came with the cookie instead of a key. */
export interface Authenticated {
  principal: Principal;
  session: VerifiedSession | null;
}

/**
 * Keys, and console sessions (the cookie), are verified by billing and cached briefly here, so the
 * hot path rarely leaves the process; a revocation broadcast drops them from every gateway replica at once.
 */
@Injectable()
export class AuthService implements OnModuleInit, OnModuleDestroy {
  private readonly cache: TtlCache<Principal | null>;
  /** the same principals kept for the outage grace beyond their TTL, served only while billing is unreachable */
  private readonly lastKnown: TtlCache<Principal>;
  /** revoked while a verification may have been in flight: never cache those */
  private readonly revoked: TtlCache<true>;
  private readonly verifying = new Map<string, Promise<Principal | null>>();
  /** sessions by token hash; null is a cached "no such session" */
  private readonly sessions: TtlCache<VerifiedSession | null>;
  private readonly revokedSessions: TtlCache<true>;
  private readonly verifyingSessions = new Map<string, Promise<VerifiedSession | null>>();
  private readonly sessionTtlMs: number;
  /** bumped when every cached principal is dropped: a key or session verification that started before must not be cached */
  private generation = 0;
  private subscriptions: Subscription[] = [];
  /** the origin state-changing cookie requests must come from, when it is configured rather than read from Host */
  readonly publicUrl: string | undefined;

  constructor(
    private readonly rpc: RpcClient,
    @Inject(NATS_CONNECTION) private readonly nc: NatsConnection,
    config: GatewayConfig,
  ) {
    this.cache = new TtlCache(config.SWITCHYARD_KEY_CACHE_TTL_MS, config.SWITCHYARD_KEY_CACHE_SIZE);
    this.lastKnown = new TtlCache(
      config.SWITCHYARD_KEY_CACHE_TTL_MS + config.SWITCHYARD_KEY_CACHE_OUTAGE_GRACE_MS,
      config.SWITCHYARD_KEY_CACHE_SIZE,
    );
    this.revoked = new TtlCache(Math.max(config.SWITCHYARD_KEY_CACHE_TTL_MS, 60_000), config.SWITCHYARD_KEY_CACHE_SIZE);
    this.sessionTtlMs = config.SWITCHYARD_KEY_CACHE_TTL_MS;
    this.sessions = new TtlCache(config.SWITCHYARD_KEY_CACHE_TTL_MS, config.SWITCHYARD_KEY_CACHE_SIZE);
    this.revokedSessions = new TtlCache(Math.max(config.SWITCHYARD_KEY_CACHE_TTL_MS, 60_000), config.SWITCHYARD_KEY_CACHE_SIZE);
    this.publicUrl = config.SWITCHYARD_PUBLIC_URL;
  }

  onModuleInit(): void {
    this.subscriptions = [
      onBroadcast(this.nc, Events.billingKeyRevoked, ({ keyHash }) => {
        if (typeof keyHash !== 'string') return;
        this.cache.delete(keyHash);
        this.lastKnown.delete(keyHash);
        this.revoked.set(keyHash, true);
      }),
      onBroadcast(this.nc, Events.billingSessionRevoked, ({ tokenHashes }) => {
        if (!Array.isArray(tokenHashes)) return;
        for (const hash of tokenHashes) if (typeof hash === 'string') this.forgetSession(hash);
      }),
      // principals carry their rate limit: a changed limit applies from the next request on
      onBroadcast(this.nc, Events.billingRateLimitChanged, () => this.forgetPrincipals()),
      // a user's role changed, or they were disabled or enabled: the cache is keyed by key, so all of it goes
      onBroadcast(this.nc, Events.billingUserChanged, () => this.forgetPrincipals()),
    ];
  }

  /** Keys and sessions are both cached with their principal: a changed limit, role or disabled user drops them all. */
  private forgetPrincipals(): void {
    this.generation++;
    this.cache.clear();
    this.lastKnown.clear();
    this.sessions.clear();
  }

  onModuleDestroy(): void {
    for (const s of this.subscriptions) s.unsubscribe();
  }

  /** `queryKey`: Gemini clients may send the key as `?key=` instead of a header. */
  async authenticate(headers: Record<string, string | string[] | undefined>, queryKey: string | null = null): Promise<Principal> {
    return (await this.authenticateRequest(headers, queryKey)).principal;
  }

  /** A presented key wins; without one, the session cookie. */
  async authenticateRequest(
    headers: Record<string, string | string[] | undefined>,
    queryKey: string | null = null,
  ): Promise<Authenticated> {
    const key = presentedKey(headers) ?? queryKey;
    if (!key) {
      const token = sessionToken(headers);
      if (token) return this.authenticateSession(token);
      throw new DomainError(
        'invalid_api_key',
        "You didn't provide an API key. Send it as 'Authorization: Bearer <key>' or 'x-api-key: <key>', or sign in at /auth/sign-in.",
      );
    }
    const principal = await this.principalForKey(key);
    if (!principal) {
      throw new DomainError(
        'invalid_api_key',
        `Incorrect API key provided: ${key.length > 16 ? `${key.slice(0, 6)}****${key.slice(-4)}` : '****'}.`,
      );
    }
    return { principal, session: null };
  }

  /** The key's principal (cached), or null when billing knows no such live key. */
  async principalForKey(key: string): Promise<Principal | null> {
    const keyHash = hashApiKey(key);
    const cached = this.cache.get(keyHash);
    // null is a cached "no such key"
    return cached === undefined ? this.verifyOnce(keyHash) : cached;
  }

  /** Drops a session this gateway may have cached (billing's broadcast does the same on every replica). */
  forgetSession(tokenHash: string): void {
    this.sessions.delete(tokenHash);
    this.revokedSessions.set(tokenHash, true);
  }

  private async authenticateSession(token: string): Promise<Authenticated> {
    const tokenHash = hashSessionToken(token);
    const cached = this.sessions.get(tokenHash);
    const session = cached === undefined ? await this.verifySessionOnce(tokenHash) : cached;
    if (!session) throw new DomainError('invalid_api_key', 'Your session has ended (signed out, revoked or expired). Sign in again.');
    return { principal: session.principal, session };
  }

  private verifySessionOnce(tokenHash: string): Promise<VerifiedSession | null> {
    let verifying = this.verifyingSessions.get(tokenHash);
    if (!verifying) {
      const generation = this.generation;
      verifying = this.rpc
        .send(Subjects.billingSessionVerify, { tokenHash })
        .then((found) => {
          const session = found && this.revokedSessions.get(tokenHash) ? null : found;
          // never trusted past its own end
          const ttl = session ? Math.min(this.sessionTtlMs, session.session.expires_at * 1000 - Date.now()) : NEGATIVE_TTL_MS;
          if (generation === this.generation) this.sessions.set(tokenHash, session, ttl);
          return session;
        })
        .finally(() => this.verifyingSessions.delete(tokenHash));
      this.verifyingSessions.set(tokenHash, verifying);
    }
    return verifying;
  }

  /**
   * Asks billing about a key that is not cached; requests that miss while that question is out
   * wait for its answer. (Without this, when a busy key's entry expired, every request arriving
   * during the round trip asked billing too: hundreds of verifications at once, seconds of stall.)
   * When billing cannot be reached (its database is down), a key it verified within the TTL plus the
   * outage grace keeps its principal: revocations and user changes are broadcast and drop it, and
   * none can be made while the database is down. A key never verified here fails with the 503.
   */
  private verifyOnce(keyHash: string): Promise<Principal | null> {
    let verifying = this.verifying.get(keyHash);
    if (!verifying) {
      const generation = this.generation;
      verifying = this.rpc
        .send(Subjects.billingKeyVerify, { keyHash })
        .then((found) => {
          const principal = found && this.revoked.get(keyHash) ? null : found;
          if (generation === this.generation) {
            this.cache.set(keyHash, principal, principal ? undefined : NEGATIVE_TTL_MS);
            if (principal) this.lastKnown.set(keyHash, principal);
            else this.lastKnown.delete(keyHash);
          }
          return principal;
        })
        .catch((error: unknown) => {
          const known = (error as { code?: unknown }).code === 'service_unavailable' ? this.lastKnown.get(keyHash) : undefined;
          if (known === undefined) throw error;
          return known;
        })
        .finally(() => this.verifying.delete(keyHash));
      this.verifying.set(keyHash, verifying);
    }
    return verifying;
  }
}
