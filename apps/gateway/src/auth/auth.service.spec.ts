import type { NatsConnection } from 'nats';
import { DomainError, Events, hashApiKey, hashSessionToken, Principal, Subjects, VerifiedSession } from '@switchyard/contracts';
import type { RpcClient } from '@switchyard/nats';
import type { GatewayConfig } from '../gateway.config';
import { AuthService } from './auth.service';

const principal: Principal = { userId: 'usr_1', keyId: 'key_1', role: 'user', scopes: [], rateLimit: 60 };

/** billing's key verification, answering after a moment, counting the questions */
function fakeBilling(answer: Principal | null) {
  const calls: unknown[] = [];
  const rpc = {
    send: (_subject: string, payload: unknown) => {
      calls.push(payload);
      return new Promise((resolve) => setTimeout(() => resolve(answer), 20));
    },
  } as unknown as RpcClient;
  return { rpc, calls };
}

const config = { SWITCHYARD_KEY_CACHE_TTL_MS: 30_000, SWITCHYARD_KEY_CACHE_SIZE: 100 } as GatewayConfig;
const bearer = (key: string) => ({ authorization: `Bearer ${key}` });

describe('AuthService', () => {
  it('asks billing once for a key that many requests present at the same moment', async () => {
    const billing = fakeBilling(principal);
    const auth = new AuthService(billing.rpc, {} as NatsConnection, config);
    const all = await Promise.all(Array.from({ length: 50 }, () => auth.authenticate(bearer('sk-sy-valid-key-0123456789'))));
    expect(all.every((p) => p.userId === 'usr_1')).toBe(true);
    expect(billing.calls).toHaveLength(1);
    // and the answer is cached for the next ones
    await auth.authenticate(bearer('sk-sy-valid-key-0123456789'));
    expect(billing.calls).toHaveLength(1);
  });

  it('refuses an unknown key, and remembers that for a while', async () => {
    const billing = fakeBilling(null);
    const auth = new AuthService(billing.rpc, {} as NatsConnection, config);
    for (let i = 0; i < 2; i++) {
      await expect(auth.authenticate(bearer('sk-sy-unknown-key-0123456789'))).rejects.toMatchObject({
        code: 'invalid_api_key',
      } satisfies Partial<DomainError>);
    }
    expect(billing.calls).toHaveLength(1);
  });

  it('falls back to the session cookie when no key is sent, asks billing once, and forgets a revoked session', async () => {
    const verified: VerifiedSession = {
      sessionId: 'ses_1',
      principal: { ...principal, keyId: 'ses_1' },
      session: {
        object: 'session',
        user: { id: 'usr_1', name: 'u', email: null, role: 'user' },
        scopes: [],
        method: 'api_key',
        expires_at: Math.floor(Date.now() / 1000) + 3600,
      },
    };
    const billing = fakeBilling(null);
    const sessions: unknown[] = [];
    const rpc = {
      send: (subject: string, payload: unknown) => {
        if (subject !== Subjects.billingSessionVerify) return billing.rpc.send(subject as never, payload as never);
        sessions.push(payload);
        return Promise.resolve(verified);
      },
    } as unknown as RpcClient;
    const auth = new AuthService(rpc, {} as NatsConnection, config);
    const cookie = { cookie: 'other=1; switchyard_session=tok' };

    expect(await auth.authenticateRequest(cookie)).toEqual({ principal: verified.principal, session: verified });
    await auth.authenticateRequest(cookie);
    expect(sessions).toEqual([{ tokenHash: hashSessionToken('tok') }]);

    // a key wins over the cookie
    await expect(auth.authenticateRequest({ ...cookie, ...bearer('sk-sy-unknown-key-0123456789') })).rejects.toMatchObject({
      code: 'invalid_api_key',
    });
    auth.forgetSession(hashSessionToken('tok'));
    // billing still says yes (its revocation is not here yet): the revoked hash is not re-cached
    await expect(auth.authenticateRequest(cookie)).rejects.toMatchObject({ code: 'invalid_api_key' });
    await expect(auth.authenticateRequest({})).rejects.toMatchObject({ code: 'invalid_api_key' });
  });

  describe('while billing cannot be reached (its database is down)', () => {
    const key = 'sk-sy-known-key-0123456789';
    /** billing answering, or not, as `reachable` says; the TTL of 0 makes every request ask it */
    function setUp(graceMs: number) {
      const state = { reachable: true };
      const rpc = {
        send: async () => {
          if (!state.reachable) throw new DomainError('service_unavailable', 'A database this service needs is unreachable');
          return principal;
        },
      } as unknown as RpcClient;
      const broadcasts = new Map<string, (err: unknown, msg: { data: Uint8Array }) => void>();
      const nc = {
        subscribe: (subject: string, { callback }: { callback: (err: unknown, msg: { data: Uint8Array }) => void }) => {
          broadcasts.set(subject, callback);
          return { unsubscribe: () => undefined };
        },
      } as unknown as NatsConnection;
      const auth = new AuthService(rpc, nc, {
        SWITCHYARD_KEY_CACHE_TTL_MS: 0,
        SWITCHYARD_KEY_CACHE_SIZE: 100,
        SWITCHYARD_KEY_CACHE_OUTAGE_GRACE_MS: graceMs,
      } as GatewayConfig);
      auth.onModuleInit();
      const broadcast = (subject: string, payload: unknown) =>
        broadcasts.get(subject)!(null, { data: new TextEncoder().encode(JSON.stringify(payload)) });
      return { state, auth, broadcast };
    }

    it('trusts a key it verified before, within the grace; a key it never saw gets the 503', async () => {
      const { state, auth } = setUp(60_000);
      await auth.authenticate(bearer(key));
      state.reachable = false;
      expect(await auth.authenticate(bearer(key))).toEqual(principal);
      await expect(auth.authenticate(bearer('sk-sy-never-seen-0123456789'))).rejects.toMatchObject({ code: 'service_unavailable' });
    });

    it('not past the grace, nor after a revocation or a change of the user', async () => {
      const expired = setUp(0);
      await expired.auth.authenticate(bearer(key));
      expired.state.reachable = false;
      await expect(expired.auth.authenticate(bearer(key))).rejects.toMatchObject({ code: 'service_unavailable' });

      const revoked = setUp(60_000);
      await revoked.auth.authenticate(bearer(key));
      revoked.state.reachable = false;
      revoked.broadcast(Events.billingKeyRevoked, { keyHash: hashApiKey(key) });
      await expect(revoked.auth.authenticate(bearer(key))).rejects.toMatchObject({ code: 'service_unavailable' });

      const changed = setUp(60_000);
      await changed.auth.authenticate(bearer(key));
      changed.state.reachable = false;
      changed.broadcast(Events.billingUserChanged, { userId: principal.userId });
      await expect(changed.auth.authenticate(bearer(key))).rejects.toMatchObject({ code: 'service_unavailable' });
    });
  });
});
