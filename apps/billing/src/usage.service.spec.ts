import type { NatsConnection } from 'nats';
import type { DataSource } from 'typeorm';
import type { UsageEvent } from '@switchyard/contracts';
import type { BillingConfig } from './billing.config';
import type { PricesService } from './prices.service';
import { UsageService } from './usage.service';

const refused = () => Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
const event = (requestId: string): UsageEvent => ({
  requestId,
  userId: 'usr',
  keyId: 'key',
  model: 'mock-gpt',
  endpoint: '/v1/chat/completions',
  channelId: 'ch_1',
  channelType: 'PLATFORM',
  promptTokens: 10,
  completionTokens: 5,
  estimated: false,
  batchId: null,
  latencyMs: 12,
  createdAt: new Date().toISOString(),
});
const config = { SWITCHYARD_USAGE_LINGER_MS: 0, SWITCHYARD_CACHE_HITS_BILLED: false, SWITCHYARD_BYOK_FEE_USD: '0' } as BillingConfig;

/** the pool under the DataSource, counting statements; each fails as `fail` says */
function database(fail: () => Error) {
  const statements: unknown[] = [];
  const pool = {
    query: async (statement: unknown) => {
      statements.push(statement);
      throw fail();
    },
  };
  return { ds: { driver: { master: pool } } as unknown as DataSource, statements };
}

describe('UsageService while the database is unreachable', () => {
  const rejections: unknown[] = [];
  const onRejection = (reason: unknown) => rejections.push(reason);
  beforeAll(() => process.on('unhandledRejection', onRejection));
  afterAll(() => process.off('unhandledRejection', onRejection));

  it('refuses every event of the group when even the prices cannot be read, leaving none unsettled and nothing unhandled', async () => {
    const prices = { find: async () => Promise.reject(refused()) } as unknown as PricesService;
    const usage = new UsageService(database(refused).ds, prices, config, {} as NatsConnection);
    const outcomes = await Promise.allSettled([usage.apply(event('a')), usage.apply(event('b'))]);
    expect(outcomes.map((o) => o.status)).toEqual(['rejected', 'rejected']);
    await new Promise((r) => setImmediate(r));
    expect(rejections).toEqual([]);
  }, 5_000); // an event left unsettled never ends: the timeout is the failure

  it('refuses the group at once when its statement finds the database gone, without trying each event on its own', async () => {
    const prices = { find: async () => null } as unknown as PricesService;
    const db = database(refused);
    const usage = new UsageService(db.ds, prices, config, {} as NatsConnection);
    const outcomes = await Promise.allSettled([usage.apply(event('a')), usage.apply(event('b')), usage.apply(event('c'))]);
    expect(outcomes.map((o) => o.status)).toEqual(['rejected', 'rejected', 'rejected']);
    expect(db.statements).toHaveLength(1);
  });

  it('still tries each event on its own when the group fails for another reason', async () => {
    const prices = { find: async () => null } as unknown as PricesService;
    const db = database(() => Object.assign(new Error('insert or update violates foreign key constraint'), { code: '23503' }));
    const usage = new UsageService(db.ds, prices, config, {} as NatsConnection);
    await Promise.allSettled([usage.apply(event('a')), usage.apply(event('b'))]);
    expect(db.statements).toHaveLength(3);
  });
});
