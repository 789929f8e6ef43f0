import { Inject, Injectable, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { NatsConnection, Subscription } from 'nats';
import { DomainError, Events, hashApiKey, Principal, Subjects } from '@switchyard/contracts';
import { NATS_CONNECTION, onBroadcast, RpcClient } from '@switchyard/nats';
import { TtlCache } from '@switchyard/runtime';
import { GatewayConfig } from '../gateway.config';

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

/**
 * Keys are verified by billing and cached briefly here, so the hot path rarely leaves the
 * process; a revocation broadcast drops the key from every gateway replica at once.
 */
@Injectable()
export class AuthService implements OnModuleInit, OnModuleDestroy {
  private readonly cache: TtlCache<Principal | null>;
  /** revoked while a verification may have been in flight: never cache those */
  private readonly revoked: TtlCache<true>;
  private readonly verifying = new Map<string, Promise<Principal | null>>();
  /** bumped when every cached principal is dropped: a verification that started before must not be cached */
  private generation = 0;
  private subscriptions: Subscription[] = [];

  constructor(
    private readonly rpc: RpcClient,
    @Inject(NATS_CONNECTION) private readonly nc: NatsConnection,
    config: GatewayConfig,
  ) {
    this.cache = new TtlCache(config.SWITCHYARD_KEY_CACHE_TTL_MS, config.SWITCHYARD_KEY_CACHE_SIZE);
    this.revoked = new TtlCache(Math.max(config.SWITCHYARD_KEY_CACHE_TTL_MS, 60_000), config.SWITCHYARD_KEY_CACHE_SIZE);
  }

  onModuleInit(): void {
    this.subscriptions = [
      onBroadcast(this.nc, Events.billingKeyRevoked, ({ keyHash }) => {
        if (typeof keyHash !== 'string') return;
        this.cache.delete(keyHash);
        this.revoked.set(keyHash, true);
      }),
      // principals carry their rate limit: a changed limit applies from the next request on
      onBroadcast(this.nc, Events.billingRateLimitChanged, () => this.forgetPrincipals()),
      // a user's role changed, or they were disabled or enabled: the cache is keyed by key, so all of it goes
      onBroadcast(this.nc, Events.billingUserChanged, () => this.forgetPrincipals()),
    ];
  }

  private forgetPrincipals(): void {
    this.generation++;
    this.cache.clear();
  }

  onModuleDestroy(): void {
    for (const s of this.subscriptions) s.unsubscribe();
  }

  /** `queryKey`: Gemini clients may send the key as `?key=` instead of a header. */
  async authenticate(headers: Record<string, string | string[] | undefined>, queryKey: string | null = null): Promise<Principal> {
    const key = presentedKey(headers) ?? queryKey;
    if (!key) {
      throw new DomainError(
        'invalid_api_key',
        "You didn't provide an API key. Send it as 'Authorization: Bearer <key>' or 'x-api-key: <key>'.",
      );
    }
    const keyHash = hashApiKey(key);
    const cached = this.cache.get(keyHash);
    // null is a cached "no such key"
    const principal = cached === undefined ? await this.verifyOnce(keyHash) : cached;
    if (!principal) {
      throw new DomainError(
        'invalid_api_key',
        `Incorrect API key provided: ${key.length > 16 ? `${key.slice(0, 6)}****${key.slice(-4)}` : '****'}.`,
      );
    }
    return principal;
  }

  /**
   * Asks billing about a key that is not cached; requests that miss while that question is out
   * wait for its answer. (Without this, when a busy key's entry expired, every request arriving
   * during the round trip asked billing too: hundreds of verifications at once, seconds of stall.)
   */
  private verifyOnce(keyHash: string): Promise<Principal | null> {
    let verifying = this.verifying.get(keyHash);
    if (!verifying) {
      const generation = this.generation;
      verifying = this.rpc
        .send(Subjects.billingKeyVerify, { keyHash })
        .then((found) => {
          const principal = found && this.revoked.get(keyHash) ? null : found;
          if (generation === this.generation) this.cache.set(keyHash, principal, principal ? undefined : NEGATIVE_TTL_MS);
          return principal;
        })
        .finally(() => this.verifying.delete(keyHash));
      this.verifying.set(keyHash, verifying);
    }
    return verifying;
  }
}
