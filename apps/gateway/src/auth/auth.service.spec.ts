import type { NatsConnection } from 'nats';
import { DomainError, Principal } from '@switchyard/contracts';
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
});
