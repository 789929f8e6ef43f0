import { NatsConnection } from 'nats';
import { DataSource } from 'typeorm';
import {
  DomainError,
  Events,
  hashApiKey,
  KeyRevokedEvent,
  nanoToUsd,
  Streams,
  Subjects,
  Untrusted,
  UsageEvent,
  UsageEventGroup,
  UsageFilter,
  UserIndebtedEvent,
} from '@switchyard/contracts';
import { JsonLogger } from '@switchyard/logging';
import { BootedService, bootService, broadcast, onBroadcast, publishDurable, RpcClient } from '@switchyard/nats';
import { eventually, InProcessService, startServiceInProcess } from '@switchyard/testing';
import { BillingConfig } from './billing.config';
import { billingService } from './billing.service-definition';
import { HoldsService } from './holds.service';
import { ensureBootstrapAdmin } from './keys.service';
import { BillingUsageRollups1764700000000 } from './migrations/1764700000000-billing-usage-rollups';

const ADMIN_KEY = 'sk-sy-bootstrap-admin-key-for-tests-0001';

function usageEvent(over: Partial<UsageEvent>): UsageEvent {
  return {
    requestId: 'req_1',
    userId: 'usr',
    keyId: 'key',
    model: 'priced-model',
    endpoint: '/v1/chat/completions',
    channelId: 'ch_1',
    channelType: 'PLATFORM',
    promptTokens: 1000,
    completionTokens: 500,
    estimated: false,
    batchId: null,
    latencyMs: 12,
    createdAt: new Date().toISOString(),
    ...over,
  };
}

/** Billing applies usage from a durable stream, a moment after it is published. */
const POLLING = { timeoutMs: 10_000, intervalMs: 50 };

describe('billing service (real Postgres, NATS, JetStream)', () => {
  let service: InProcessService<BillingConfig>;
  let dataSource: DataSource;
  let nc: NatsConnection;
  let rpc: RpcClient;

  beforeAll(async () => {
    service = await startServiceInProcess(billingService, { SWITCHYARD_ADMIN_KEY: ADMIN_KEY });
    ({ dataSource, nc, rpc } = service);
    expect(await ensureBootstrapAdmin(dataSource, ADMIN_KEY)).toBe('present'); // a restart changes nothing
  });

  afterAll(() => service?.stop());

  it('migrates into its own schema and answers health', async () => {
    const tables = await dataSource.query(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'billing' ORDER BY 1`);
    expect(tables.map((t: { table_name: string }) => t.table_name)).toEqual([
      'api_keys',
      'audit_log',
      'holds',
      'invites',
      'ledger',
      'migrations',
      'prices',
      'rate_limits',
      'sessions',
      'sign_in_failures',
      'usage_daily',
      'usage_hourly',
      'usage_records',
      'users',
    ]);
    expect(await rpc.send(Subjects.billingHealthCheck, {})).toMatchObject({ service: 'billing', status: 'ok' });
  });

  it('makes the bootstrap key an admin key', async () => {
    const principal = await rpc.send(Subjects.billingKeyVerify, { keyHash: hashApiKey(ADMIN_KEY) });
    expect(principal).toMatchObject({ role: 'admin', scopes: expect.arrayContaining(['admin', 'inference']) });
    const admins = (await rpc.send(Subjects.billingUserList, {})).filter((u) => u.role === 'admin');
    expect(admins).toHaveLength(1);
  });

  it('creates users with credits, keys shown once and stored hashed, and verifies them', async () => {
    const user = await rpc.send(Subjects.billingUserCreate, { name: 'alice', role: 'vip', credits: 12.5 });
    expect(user).toMatchObject({ name: 'alice', role: 'vip', balance: 12.5 });
    const key = await rpc.send(Subjects.billingKeyCreate, { userId: user.id, body: { name: 'ci' } });
    expect(key.key).toMatch(/^sk-sy-/);
    expect(key.scopes).toEqual(['inference']);
    const stored = await dataSource.query('SELECT key_hash FROM billing.api_keys WHERE id = $1', [key.id]);
    expect(stored[0].key_hash).toBe(hashApiKey(key.key));
    expect(JSON.stringify(await rpc.send(Subjects.billingKeyList, { userId: user.id }))).not.toContain(key.key);
    expect(await rpc.send(Subjects.billingKeyVerify, { keyHash: hashApiKey(key.key) })).toEqual({
      userId: user.id,
      keyId: key.id,
      role: 'vip',
      scopes: ['inference'],
      rateLimit: 1000,
    });
    expect(await rpc.send(Subjects.billingKeyVerify, { keyHash: hashApiKey('sk-sy-unknown') })).toBeNull();
    // verified: its last use is now known, to the minute
    const [listed] = await rpc.send(Subjects.billingKeyList, { userId: user.id });
    expect(listed.last_used_at).toBeGreaterThanOrEqual(key.created_at);
    expect(key.last_used_at).toBeNull();
  });

  it('revokes a key and tells every gateway', async () => {
    const user = await rpc.send(Subjects.billingUserCreate, { name: 'bob' });
    const key = await rpc.send(Subjects.billingKeyCreate, { userId: user.id, body: {} });
    const heard: Untrusted<KeyRevokedEvent>[] = [];
    const sub = onBroadcast(nc, Events.billingKeyRevoked, (e) => heard.push(e));
    await nc.flush();
    const revoked = await rpc.send(Subjects.billingKeyRevoke, { userId: user.id, keyId: key.id });
    expect(revoked.revoked_at).not.toBeNull();
    expect(await rpc.send(Subjects.billingKeyVerify, { keyHash: hashApiKey(key.key) })).toBeNull();
    await eventually('the revocation broadcast', () => heard.length > 0, POLLING);
    expect(heard).toEqual([{ keyHash: hashApiKey(key.key) }]);
    sub.unsubscribe();
  });

  it("never lets one user touch another user's key", async () => {
    const a = await rpc.send(Subjects.billingUserCreate, { name: 'tenant-a' });
    const b = await rpc.send(Subjects.billingUserCreate, { name: 'tenant-b' });
    const keyOfA = await rpc.send(Subjects.billingKeyCreate, { userId: a.id, body: {} });
    await expect(rpc.send(Subjects.billingKeyRevoke, { userId: b.id, keyId: keyOfA.id })).rejects.toMatchObject({ code: 'not_found' });
    expect(await rpc.send(Subjects.billingKeyVerify, { keyHash: hashApiKey(keyOfA.key) })).not.toBeNull();
  });

  it('validates every message it consumes', async () => {
    const error = await rpc.send(Subjects.billingUserCreate, { name: '', role: 'root' } as never).catch((e) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect(['name', 'role']).toContain(error.param);
    await expect(rpc.send(Subjects.billingCreditAdd, { userId: 'usr_missing', body: { amount: 1 } })).rejects.toMatchObject({
      code: 'not_found',
    });
  });

  it('drops usage of an unknown user instead of redelivering it forever, and keeps billing the rest', async () => {
    const user = await rpc.send(Subjects.billingUserCreate, { name: 'after-poison', credits: 1 });
    const js = nc.jetstream();
    await publishDurable(js, Events.routerRequestCompleted, usageEvent({ requestId: 'req_poison', userId: 'usr_nobody' }), 'req_poison');
    await publishDurable(
      js,
      Events.routerRequestCompleted,
      usageEvent({ requestId: 'req_after_poison', userId: user.id, model: 'unpriced' }),
      'req_after_poison',
    );
    await eventually(
      'the usage after the poison',
      async () => (await rpc.send(Subjects.billingUsageList, { userId: user.id, limit: 10 })).data.length === 1,
      POLLING,
    );
    await eventually(
      'the usage consumer to drain',
      async () => {
        const info = await (await nc.jetstreamManager()).consumers.info(Streams.usage.name, Streams.usage.billingConsumer);
        return info.num_ack_pending === 0 && info.num_pending === 0;
      },
      POLLING,
    );
    expect(await dataSource.query(`SELECT 1 FROM billing.usage_records WHERE request_id = 'req_poison'`)).toEqual([]);
  });

  it("applies a grouped usage message event by event: the good ones billed once, an unknown user's and a malformed one dropped", async () => {
    const user = await rpc.send(Subjects.billingUserCreate, { name: 'grouped', credits: 1 });
    const js = nc.jetstream();
    const group: UsageEventGroup = {
      events: [
        usageEvent({ requestId: 'req_group_1', userId: user.id, model: 'unpriced' }),
        usageEvent({ requestId: 'req_group_poison', userId: 'usr_nobody' }),
        { ...usageEvent({ requestId: 'req_group_bad', userId: user.id }), promptTokens: -1 },
        usageEvent({ requestId: 'req_group_2', userId: user.id, model: 'unpriced' }),
      ],
    };
    await publishDurable(js, Events.routerRequestCompleted, group, 'usage:req_group_1:4');
    // the same group redelivered (a retried publish outside the duplicate window) changes nothing
    await publishDurable(js, Events.routerRequestCompleted, group, 'usage:req_group_1:4-again');
    await eventually(
      'the usage consumer to drain',
      async () => {
        const info = await (await nc.jetstreamManager()).consumers.info(Streams.usage.name, Streams.usage.billingConsumer);
        return info.num_ack_pending === 0 && info.num_pending === 0;
      },
      POLLING,
    );
    const usage = await rpc.send(Subjects.billingUsageList, { userId: user.id, limit: 10 });
    expect(usage.data.map((u) => u.request_id).sort()).toEqual(['req_group_1', 'req_group_2']);
    expect(await dataSource.query(`SELECT 1 FROM billing.usage_records WHERE request_id IN ('req_group_poison', 'req_group_bad')`)).toEqual(
      [],
    );
  });

  it('prices usage exactly, once per request id, at the batch discount for batch lines', async () => {
    const user = await rpc.send(Subjects.billingUserCreate, { name: 'carol', credits: 1 });
    await rpc.send(Subjects.billingPriceSet, { model: 'priced-model', body: { input_per_million: 2.5, output_per_million: 10 } });
    const js = nc.jetstream();
    const event = usageEvent({ requestId: 'req_carol_1', userId: user.id });
    // the same fact published three times (a retried publish, a redelivery) is billed once
    await publishDurable(js, Events.routerRequestCompleted, event, event.requestId);
    await publishDurable(js, Events.routerRequestCompleted, event, `${event.requestId}-dup`);
    await publishDurable(
      js,
      Events.routerRequestCompleted,
      usageEvent({ requestId: 'req_carol_batch', userId: user.id, batchId: 'batch_1' }),
      'req_carol_batch',
    );

    const usage = await eventually('both usage records', () => rpc.send(Subjects.billingUsageList, { userId: user.id, limit: 10 }), {
      ...POLLING,
      until: (list) => list.data.length === 2,
    });
    // 1000 × 2.5/M + 500 × 10/M = 0.0075; batch line at half price
    expect(usage.data.map((u) => [u.request_id, u.cost])).toEqual([
      ['req_carol_batch', 0.00375],
      ['req_carol_1', 0.0075],
    ]);
    expect(usage.balance).toBe(1 - 0.0075 - 0.00375);

    // a price change never re-rates history
    await rpc.send(Subjects.billingPriceSet, { model: 'priced-model', body: { input_per_million: 100, output_per_million: 100 } });
    const again = await rpc.send(Subjects.billingUsageList, { userId: user.id, limit: 10 });
    expect(again.data.map((u) => u.cost)).toEqual([0.00375, 0.0075]);

    // usage after a change is priced at the new price: billing drops its copy of the prices on a
    // change made through it, and on the broadcast of a change made by another billing replica
    const costOf = async (requestId: string) => {
      await publishDurable(js, Events.routerRequestCompleted, usageEvent({ requestId, userId: user.id }), requestId);
      const list = await eventually(`the usage of ${requestId}`, () => rpc.send(Subjects.billingUsageList, { userId: user.id, limit: 1 }), {
        ...POLLING,
        until: (page) => page.data[0]?.request_id === requestId,
      });
      return list.data[0].cost;
    };
    expect(await costOf('req_carol_2')).toBe(0.15);
    await dataSource.query(
      `UPDATE billing.prices SET input_nano_per_million = 1000000000, output_nano_per_million = 0 WHERE model = 'priced-model'`,
    );
    broadcast(nc, Events.billingPriceChanged, { model: 'priced-model' });
    await nc.flush();
    expect(await costOf('req_carol_3')).toBe(0.001);

    const [{ ledger, balance }] = await dataSource.query(
      `SELECT (SELECT sum(amount_nano) FROM billing.ledger WHERE user_id = $1)::text AS ledger,
              (SELECT balance_nano FROM billing.users WHERE id = $1)::text AS balance`,
      [user.id],
    );
    expect(ledger).toBe(balance);
    await expect(dataSource.query('DELETE FROM billing.ledger WHERE user_id = $1', [user.id])).rejects.toThrow(/append-only/);
  });

  it('pages usage newest first and shows each user only their own', async () => {
    const dave = await rpc.send(Subjects.billingUserCreate, { name: 'dave', credits: 5 });
    const erin = await rpc.send(Subjects.billingUserCreate, { name: 'erin', credits: 5 });
    const js = nc.jetstream();
    for (let i = 1; i <= 5; i++) {
      await publishDurable(
        js,
        Events.routerRequestCompleted,
        usageEvent({ requestId: `req_dave_${i}`, userId: dave.id, promptTokens: i }),
        `req_dave_${i}`,
      );
    }
    await publishDurable(js, Events.routerRequestCompleted, usageEvent({ requestId: 'req_erin_1', userId: erin.id }), 'req_erin_1');
    await eventually(
      "dave's five usage records",
      async () => (await rpc.send(Subjects.billingUsageList, { userId: dave.id, limit: 100 })).data.length === 5,
      POLLING,
    );

    const first = await rpc.send(Subjects.billingUsageList, { userId: dave.id, limit: 2 });
    expect(first.data.map((u) => u.request_id)).toEqual(['req_dave_5', 'req_dave_4']);
    expect(first.has_more).toBe(true);
    const second = await rpc.send(Subjects.billingUsageList, { userId: dave.id, limit: 2, after: 'req_dave_4' });
    expect(second.data.map((u) => u.request_id)).toEqual(['req_dave_3', 'req_dave_2']);
    const last = await rpc.send(Subjects.billingUsageList, { userId: dave.id, limit: 2, after: 'req_dave_2' });
    expect(last.data.map((u) => u.request_id)).toEqual(['req_dave_1']);
    expect(last.has_more).toBe(false);
    // erin's request id as a cursor for dave is not dave's: refused, nothing leaks
    await expect(rpc.send(Subjects.billingUsageList, { userId: dave.id, limit: 2, after: 'req_erin_1' })).rejects.toMatchObject({
      param: 'after',
    });
    await eventually(
      "erin's usage record",
      async () => (await rpc.send(Subjects.billingUsageList, { userId: erin.id, limit: 100 })).data.length === 1,
      POLLING,
    );
    expect((await rpc.send(Subjects.billingUsageList, { userId: erin.id, limit: 100 })).data.map((u) => u.request_id)).toEqual([
      'req_erin_1',
    ]);
  });

  it('refuses a credit adjustment that would make a balance negative', async () => {
    const user = await rpc.send(Subjects.billingUserCreate, { name: 'frank', credits: 1 });
    await expect(rpc.send(Subjects.billingCreditAdd, { userId: user.id, body: { amount: -2 } })).rejects.toMatchObject({ param: 'amount' });
    expect((await rpc.send(Subjects.billingCreditAdd, { userId: user.id, body: { amount: -0.25 } })).balance).toBe(0.75);
  });

  it('grants holds only while the balance minus live holds covers them, even 50 at once', async () => {
    const user = await rpc.send(Subjects.billingUserCreate, { name: 'holder', credits: 0.05 });
    const hold = (requestId: string, amountNano: string, ttlMs = 600_000) =>
      rpc.send(Subjects.billingHoldCreate, { requestId, userId: user.id, amountNano, ttlMs });
    const results = await Promise.allSettled(Array.from({ length: 50 }, (_, i) => hold(`req_hold_${i}`, '10000000'))); // $0.01 each
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(5);
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(refused).toHaveLength(45);
    for (const r of refused) expect(r.reason).toMatchObject({ code: 'insufficient_quota', status: 402 });

    // the same request asking again keeps its one hold
    const granted = results.findIndex((r) => r.status === 'fulfilled');
    expect(await hold(`req_hold_${granted}`, '10000000')).toEqual({ request_id: `req_hold_${granted}`, amount_nano: '10000000' });
    await expect(hold('req_hold_more', '1')).rejects.toMatchObject({ code: 'insufficient_quota' });

    // a release frees its money; a billed request's usage replaces its hold
    expect(await rpc.send(Subjects.billingHoldRelease, { requestId: `req_hold_${granted}` })).toEqual({ released: true });
    await hold('req_hold_after_release', '10000000');
    const billedId = results.map((r, i) => (r.status === 'fulfilled' && i !== granted ? `req_hold_${i}` : null)).find(Boolean)!;
    await publishDurable(
      nc.jetstream(),
      Events.routerRequestCompleted,
      usageEvent({ requestId: billedId, userId: user.id, model: 'unpriced', promptTokens: 1, completionTokens: 1 }),
      billedId,
    );
    await eventually(
      "the billed request's hold to go",
      async () => (await dataSource.query('SELECT 1 FROM billing.holds WHERE request_id = $1', [billedId])).length === 0,
      POLLING,
    );
    await hold('req_hold_after_usage', '10000000');

    // a hold whose usage never came stops counting once it expired and was swept
    await dataSource.query(`UPDATE billing.holds SET expires_at = now() - interval '1 second' WHERE user_id = $1`, [user.id]);
    expect(await service.app.get(HoldsService).sweepExpired()).toBeGreaterThanOrEqual(5);
    await hold('req_hold_after_expiry', '50000000');
    const [{ held, holds }] = await dataSource.query(
      `SELECT (SELECT held_nano FROM billing.users WHERE id = $1)::text AS held, (SELECT sum(amount_nano) FROM billing.holds WHERE user_id = $1)::text AS holds`,
      [user.id],
    );
    expect(held).toBe(holds);
  });

  it('keeps the ledger equal to the balance when applying usage fails half-way, and bills it once on redelivery', async () => {
    const user = await rpc.send(Subjects.billingUserCreate, { name: 'crashy', credits: 1 });
    await rpc.send(Subjects.billingPriceSet, { model: 'crash-model', body: { input_per_million: 1, output_per_million: 1 } });
    await rpc.send(Subjects.billingHoldCreate, { requestId: 'req_crash_1', userId: user.id, amountNano: '5000000', ttlMs: 600_000 });
    // the first ledger write for this request fails after its usage record was inserted (nextval survives the rollback)
    await dataSource.query(`CREATE SEQUENCE billing.crash_once`);
    await dataSource.query(`
      CREATE FUNCTION billing.crash_once() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.reference = 'req_crash_1' AND nextval('billing.crash_once') = 1 THEN RAISE EXCEPTION 'simulated crash'; END IF; RETURN NEW; END $$`);
    await dataSource.query(
      `CREATE TRIGGER crash_once_trg BEFORE INSERT ON billing.ledger FOR EACH ROW EXECUTE FUNCTION billing.crash_once()`,
    );
    try {
      await publishDurable(
        nc.jetstream(),
        Events.routerRequestCompleted,
        usageEvent({ requestId: 'req_crash_1', userId: user.id, model: 'crash-model' }),
        'req_crash_1',
      );
      const record = await eventually(
        'the redelivered usage record',
        async () => (await rpc.send(Subjects.billingUsageList, { userId: user.id, limit: 10 })).data[0],
        { ...POLLING, timeoutMs: 30_000 },
      );
      expect(record).toMatchObject({ request_id: 'req_crash_1', cost: 0.0015 });
      const [row] = await dataSource.query(
        `SELECT (SELECT count(*) FROM billing.ledger WHERE reference = 'req_crash_1')::int AS entries,
                (SELECT sum(amount_nano) FROM billing.ledger WHERE user_id = $1)::text AS ledger,
                (SELECT balance_nano FROM billing.users WHERE id = $1)::text AS balance,
                (SELECT count(*) FROM billing.holds WHERE request_id = 'req_crash_1')::int AS holds,
                (SELECT last_value FROM billing.crash_once)::int AS tries`,
        [user.id],
      );
      expect(row).toEqual({ entries: 1, ledger: row.balance, balance: String(1_000_000_000 - 1_500_000), holds: 0, tries: 2 });
    } finally {
      await dataSource.query(
        'DROP TRIGGER crash_once_trg ON billing.ledger; DROP FUNCTION billing.crash_once(); DROP SEQUENCE billing.crash_once',
      );
    }
  });

  it("reserves a batch's worst case at the batch price, draws each line from it, and releases the rest", async () => {
    const user = await rpc.send(Subjects.billingUserCreate, { name: 'batcher', credits: 1 });
    await rpc.send(Subjects.billingPriceSet, {
      model: 'batch-model',
      body: { input_per_million: 1, output_per_million: 10, batch_discount: 0.5 },
    });
    // 10,000 input and 20,000 output tokens at half price: (0.01 + 0.2) / 2 = 0.105
    const reserved = await rpc.send(Subjects.billingHoldReserve, {
      requestId: 'batch_res',
      userId: user.id,
      items: [
        { model: 'batch-model', promptTokens: 10_000, completionTokens: 20_000 },
        { model: 'unpriced', promptTokens: 5, completionTokens: 5 },
      ],
      ttlMs: 3_600_000,
    });
    expect(reserved).toEqual({ request_id: 'batch_res', amount_nano: '105000000' });
    const heldOf = async () =>
      (await dataSource.query('SELECT held_nano::text AS held FROM billing.users WHERE id = $1', [user.id]))[0].held;
    expect(await heldOf()).toBe('105000000');
    await expect(
      rpc.send(Subjects.billingHoldCreate, { requestId: 'too_much', userId: user.id, amountNano: '900000000', ttlMs: 60_000 }),
    ).rejects.toMatchObject({ code: 'insufficient_quota' });

    const js = nc.jetstream();
    await publishDurable(
      js,
      Events.routerRequestCompleted,
      usageEvent({
        requestId: 'batch_res-1',
        userId: user.id,
        model: 'batch-model',
        batchId: 'batch_res',
        prepaidBy: 'batch_res',
        promptTokens: 1000,
        completionTokens: 2000,
      }),
      'batch_res-1',
    );
    await eventually(
      "the batch line's usage record",
      async () => (await rpc.send(Subjects.billingUsageList, { userId: user.id, limit: 10 })).data.length === 1,
      POLLING,
    );
    // (0.001 + 0.02) / 2 = 0.0105 drawn from the reservation and charged
    expect(await heldOf()).toBe(String(105_000_000 - 10_500_000));
    expect((await rpc.send(Subjects.billingUserGet, { userId: user.id })).balance).toBe(1 - 0.0105);

    expect(await rpc.send(Subjects.billingHoldRelease, { requestId: 'batch_res' })).toEqual({ released: true });
    expect(await heldOf()).toBe('0');
  });
  it('turns a cost beyond the balance into debt, refuses holds while it is owed, and lets credits repay it first', async () => {
    const user = await rpc.send(Subjects.billingUserCreate, { name: 'overshot', credits: 0.01 });
    await rpc.send(Subjects.billingPriceSet, { model: 'debt-model', body: { input_per_million: 0, output_per_million: 10 } });
    const hold = (requestId: string, amountNano: string, minimumNano?: string) =>
      rpc.send(Subjects.billingHoldCreate, { requestId, userId: user.id, amountNano, minimumNano, ttlMs: 600_000 });
    const accountOf = async () =>
      (
        await dataSource.query(
          `SELECT balance_nano::text AS balance, debt_nano::text AS debt, held_nano::text AS held,
              (SELECT coalesce(sum(amount_nano), 0) FROM billing.ledger WHERE user_id = $1)::text AS ledger
       FROM billing.users WHERE id = $1`,
          [user.id],
        )
      )[0] as { balance: string; debt: string; held: string; ledger: string };
    const billed = async (n: number) =>
      eventually(
        `${n} usage records`,
        async () => (await rpc.send(Subjects.billingUsageList, { userId: user.id, limit: 10 })).data.length === n,
        POLLING,
      );

    const indebted: Untrusted<UserIndebtedEvent>[] = [];
    const sub = onBroadcast(nc, Events.billingUserIndebted, (e) => indebted.push(e));
    await nc.flush();
    // a credit lease of $0.004 and a request's own hold of $0.005; the upstream answers 2,000 tokens ($0.02) on each
    await hold('lease_overshot', '4000000', '4000000');
    await hold('req_overshot_own', '5000000');
    const js = nc.jetstream();
    await publishDurable(
      js,
      Events.routerRequestCompleted,
      usageEvent({
        requestId: 'req_overshot_lease',
        userId: user.id,
        model: 'debt-model',
        promptTokens: 0,
        completionTokens: 2000,
        prepaidBy: 'lease_overshot',
      }),
      'req_overshot_lease',
    );
    await publishDurable(
      js,
      Events.routerRequestCompleted,
      usageEvent({ requestId: 'req_overshot_own', userId: user.id, model: 'debt-model', promptTokens: 0, completionTokens: 2000 }),
      'req_overshot_own',
    );
    await billed(2);
    // $0.01 − $0.04: the balance stops at zero, $0.03 is owed, the ledger says −$0.03 = balance − debt
    expect(await accountOf()).toEqual({ balance: '0', debt: '30000000', held: '0', ledger: '-30000000' });
    expect(await rpc.send(Subjects.billingUserGet, { userId: user.id })).toMatchObject({ balance: 0, debt: 0.03 });
    // every router hears it, so leases granted before stop serving this user
    await eventually('the user-indebted broadcast', () => indebted.some((e) => e.userId === user.id), POLLING);
    sub.unsubscribe();

    // nothing is set aside while debt is owed, not even a lease's minimum
    await expect(hold('req_after_debt', '1')).rejects.toMatchObject({
      code: 'insufficient_quota',
      status: 402,
      message: expect.stringContaining('owes $0.03'),
    });
    await expect(hold('lease_after_debt', '1000', '1')).rejects.toMatchObject({ code: 'insufficient_quota' });
    // nor can an admin debit push the balance under zero
    await expect(rpc.send(Subjects.billingCreditAdd, { userId: user.id, body: { amount: -0.01 } })).rejects.toMatchObject({
      param: 'amount',
    });

    // credits repay the debt first
    expect(await rpc.send(Subjects.billingCreditAdd, { userId: user.id, body: { amount: 0.02 } })).toMatchObject({
      balance: 0,
      debt: 0.01,
    });
    await expect(hold('req_still_owing', '1')).rejects.toMatchObject({ code: 'insufficient_quota' });
    expect(await rpc.send(Subjects.billingCreditAdd, { userId: user.id, body: { amount: 0.015 } })).toMatchObject({
      balance: 0.005,
      debt: 0,
    });
    expect(await hold('req_repaid', '5000000')).toEqual({ request_id: 'req_repaid', amount_nano: '5000000' });
    expect(await accountOf()).toEqual({ balance: '5000000', debt: '0', held: '5000000', ledger: '5000000' });

    // the invariant holds for every account, and the database refuses a negative balance outright
    const broken = await dataSource.query(
      `SELECT u.id FROM billing.users u LEFT JOIN (SELECT user_id, sum(amount_nano) AS total FROM billing.ledger GROUP BY user_id) l ON l.user_id = u.id
       WHERE coalesce(l.total, 0) <> u.balance_nano - u.debt_nano OR u.balance_nano < 0 OR u.debt_nano < 0 OR (u.balance_nano > 0 AND u.debt_nano > 0)`,
    );
    expect(broken).toEqual([]);
    await expect(dataSource.query('UPDATE billing.users SET balance_nano = -1 WHERE id = $1', [user.id])).rejects.toThrow(
      /users_balance_ck/,
    );
  });

  it('refuses a credit that would take a balance past what an account may hold, naming amount, instead of overflowing', async () => {
    const user = await rpc.send(Subjects.billingUserCreate, { name: 'whale', credits: 1e9 });
    const refused = await rpc.send(Subjects.billingCreditAdd, { userId: user.id, body: { amount: 1e9 } }).catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: 'invalid_value', param: 'amount', status: 400 });
    expect((refused as DomainError).message).not.toMatch(/nano/i);
    expect((await rpc.send(Subjects.billingUserGet, { userId: user.id })).balance).toBe(1e9);
  });

  it('appends audit entries with secrets redacted, lists them newest first with filters, and refuses to change them', async () => {
    const actor = { userId: 'usr_audit_admin', keyId: 'key_audit_admin' };
    const entry = (action: string, targetId: string, after: Record<string, unknown>) => ({
      actor,
      action,
      targetType: 'channel',
      targetId,
      before: null,
      after,
      callerAddress: '203.0.113.7',
      requestId: `req_${action}`,
    });
    const created = await rpc.send(
      Subjects.billingAuditRecord,
      entry('channel.create', 'ch_audit', { name: 'up', key: 'sk-upstream-secret', nested: { api_key: 'sk-a', password: 'pw' } }),
    );
    expect(created).toMatchObject({
      object: 'audit.entry',
      actor: { user_id: actor.userId, key_id: actor.keyId },
      target: { type: 'channel', id: 'ch_audit' },
      after: { name: 'up', key: '[redacted]', nested: { api_key: '[redacted]', password: '[redacted]' } },
      caller_address: '203.0.113.7',
    });
    const stored = await dataSource.query(`SELECT after::text FROM billing.audit_log WHERE id = $1`, [created.id]);
    expect(stored[0].after).not.toMatch(/sk-upstream-secret|sk-a|"pw"/);
    const deleted = await rpc.send(Subjects.billingAuditRecord, { ...entry('channel.delete', 'ch_audit', {}), after: null });

    const page = await rpc.send(Subjects.billingAuditList, { targetId: 'ch_audit', limit: 1 });
    expect(page.data.map((e) => e.id)).toEqual([deleted.id]);
    expect(page.has_more).toBe(true);
    const next = await rpc.send(Subjects.billingAuditList, { targetId: 'ch_audit', limit: 1, after: deleted.id });
    expect(next).toMatchObject({ data: [{ id: created.id }], has_more: false });
    const byAction = await rpc.send(Subjects.billingAuditList, { actorUserId: actor.userId, action: 'channel.delete', limit: 10 });
    expect(byAction.data.map((e) => e.id)).toEqual([deleted.id]);
    const future = Math.floor(Date.now() / 1000) + 3600;
    expect((await rpc.send(Subjects.billingAuditList, { from: future, limit: 10 })).data).toEqual([]);

    await expect(dataSource.query(`UPDATE billing.audit_log SET action = 'x' WHERE id = $1`, [created.id])).rejects.toThrow(/append-only/);
    await expect(dataSource.query(`DELETE FROM billing.audit_log WHERE id = $1`, [created.id])).rejects.toThrow(/append-only/);
    await expect(dataSource.query(`TRUNCATE billing.audit_log`)).rejects.toThrow(/append-only/);
    await expect(rpc.send(Subjects.billingAuditRecord, { ...entry('not an action', 'x', {}) })).rejects.toMatchObject({
      code: 'invalid_value',
    });
  });

  it('grants a credit lease as large as asked while half the available balance stays free, and never below its minimum', async () => {
    const user = await rpc.send(Subjects.billingUserCreate, { name: 'leaser', credits: 1 });
    const lease = (requestId: string, amountNano: string, minimumNano: string) =>
      rpc.send(Subjects.billingHoldCreate, { requestId, userId: user.id, amountNano, minimumNano, ttlMs: 60_000 });
    expect(await lease('lease_small', '100000000', '1000')).toEqual({ request_id: 'lease_small', amount_nano: '100000000' });
    // $0.9 available: half of it, not the $0.8 asked
    expect(await lease('lease_half', '800000000', '1000')).toEqual({ request_id: 'lease_half', amount_nano: '450000000' });
    // $0.45 available: the minimum fits though half does not
    expect(await lease('lease_min', '800000000', '300000000')).toEqual({ request_id: 'lease_min', amount_nano: '300000000' });
    await expect(lease('lease_refused', '800000000', '200000000')).rejects.toMatchObject({
      code: 'insufficient_quota',
      message: expect.stringContaining('may cost up to $0.2 and your available balance is $0.15'),
    });
    const heldOf = async () =>
      (await dataSource.query('SELECT held_nano::text AS held FROM billing.users WHERE id = $1', [user.id]))[0].held;
    expect(await heldOf()).toBe(String(100_000_000 + 450_000_000 + 300_000_000));

    // a lease's unused money goes back in part, never more than the lease has left
    expect(await rpc.send(Subjects.billingHoldRelease, { requestId: 'lease_half', amountNano: '50000000' })).toEqual({ released: true });
    expect(await rpc.send(Subjects.billingHoldRelease, { requestId: 'lease_small', amountNano: '900000000' })).toEqual({ released: true });
    expect(await heldOf()).toBe(String(400_000_000 + 300_000_000));
    const [{ amounts }] = await dataSource.query(
      `SELECT string_agg(amount_nano::text, ',' ORDER BY request_id) AS amounts FROM billing.holds WHERE user_id = $1`,
      [user.id],
    );
    expect(amounts).toBe('400000000,300000000,0');
    expect(await rpc.send(Subjects.billingHoldRelease, { requestId: 'lease_unknown', amountNano: '1' })).toEqual({ released: false });
  });

  it('keeps hourly and daily roll-ups of the usage applied (UTC buckets, duplicates once, refunds taken out) that answer daily totals as the records do', async () => {
    const user = await rpc.send(Subjects.billingUserCreate, { name: 'rollups', credits: 10 });
    await rpc.send(Subjects.billingPriceSet, { model: 'rollup-model', body: { input_per_million: 1, output_per_million: 2 } });
    const js = nc.jetstream();
    const event = (requestId: string, createdAt: string, over: Partial<UsageEvent> = {}) =>
      usageEvent({ requestId, userId: user.id, model: 'rollup-model', createdAt, ...over });
    const a = event('req_roll_a', '2026-03-01T23:59:59.500Z', { cachedTokens: 100 });
    const b = event('req_roll_b', '2026-03-02T00:00:00.000Z', { promptTokens: 2000, completionTokens: 0 });
    const c = event('req_roll_c', '2026-03-02T00:59:59.999Z', { channelId: 'ch_2', channelType: 'PRIVATE', batchId: 'batch_roll' });
    const d = event('req_roll_d', '2026-03-02T01:00:00.000Z', { promptTokens: 3000, completionTokens: 1000, reasoningTokens: 200 });
    const e = event('req_roll_e', '2026-03-02T00:30:00.000Z', { model: 'rollup-unpriced' });
    await publishDurable(js, Events.routerRequestCompleted, { events: [a, b, c] } satisfies UsageEventGroup, 'usage:req_roll_a:3');
    // b and c again beside new events: only d and e count
    await publishDurable(js, Events.routerRequestCompleted, { events: [b, d, c, e] } satisfies UsageEventGroup, 'usage:req_roll_b:4');
    await eventually(
      'the usage consumer to drain',
      async () => {
        const info = await (await nc.jetstreamManager()).consumers.info(Streams.usage.name, Streams.usage.billingConsumer);
        return info.num_ack_pending === 0 && info.num_pending === 0;
      },
      POLLING,
    );
    expect((await rpc.send(Subjects.billingUsageList, { userId: user.id, limit: 10 })).data).toHaveLength(5);

    const rollup = (table: string): Promise<unknown[]> =>
      dataSource.query(
        `SELECT to_char(bucket AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI') AS bucket, model, channel_id, requests::int,
           prompt_tokens::int, completion_tokens::int, cached_tokens::int, reasoning_tokens::int, cost_nano::text
         FROM billing.${table} WHERE user_id = $1 ORDER BY 1, 2, 3`,
        [user.id],
      );
    /** What the roll-up should hold, computed from the records (less refunds). */
    const fromRecords = (unit: 'hour' | 'day'): Promise<unknown[]> =>
      dataSource.query(
        `SELECT to_char(date_trunc('${unit}', u.created_at, 'UTC') AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI') AS bucket, u.model,
           u.channel_id, count(*)::int AS requests, sum(u.prompt_tokens)::int AS prompt_tokens,
           sum(u.completion_tokens)::int AS completion_tokens, sum(u.cached_tokens)::int AS cached_tokens,
           sum(u.reasoning_tokens)::int AS reasoning_tokens, (sum(u.cost_nano) - coalesce(sum(r.amount_nano), 0))::text AS cost_nano
         FROM billing.usage_records u LEFT JOIN billing.ledger r ON r.kind = 'refund' AND r.reference = u.request_id
         WHERE u.user_id = $1 GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
        [user.id],
      );
    const hourly = await rollup('usage_hourly');
    expect(hourly.map((r) => Object.values(r as object).slice(0, 4))).toEqual([
      ['2026-03-01 23:00', 'rollup-model', 'ch_1', 1],
      ['2026-03-02 00:00', 'rollup-model', 'ch_1', 1],
      ['2026-03-02 00:00', 'rollup-model', 'ch_2', 1],
      ['2026-03-02 00:00', 'rollup-unpriced', 'ch_1', 1],
      ['2026-03-02 01:00', 'rollup-model', 'ch_1', 1],
    ]);
    expect(hourly).toEqual(await fromRecords('hour'));
    const daily = await rollup('usage_daily');
    expect(daily.map((r) => Object.values(r as object).slice(0, 4))).toEqual([
      ['2026-03-01 00:00', 'rollup-model', 'ch_1', 1],
      ['2026-03-02 00:00', 'rollup-model', 'ch_1', 2],
      ['2026-03-02 00:00', 'rollup-model', 'ch_2', 1],
      ['2026-03-02 00:00', 'rollup-unpriced', 'ch_1', 1],
    ]);
    expect(daily).toEqual(await fromRecords('day'));
    expect(daily[1]).toMatchObject({ prompt_tokens: 5000, completion_tokens: 1000, reasoning_tokens: 200, cost_nano: '7000000' });

    /** The daily totals as they were read before roll-ups: every matching record, less refunds. */
    const scanned = async (filter: UsageFilter) => {
      const params: unknown[] = [];
      const terms = ['true'];
      const add = (sql: string, value: unknown) => terms.push(sql.replace('?', `$${params.push(value)}`));
      if (filter.userId !== null) add('u.user_id = ?', filter.userId);
      if (filter.from !== undefined) add('u.created_at >= to_timestamp(?)', filter.from);
      if (filter.to !== undefined) add('u.created_at < to_timestamp(?)', filter.to);
      if (filter.model !== undefined) add('u.model = ?', filter.model);
      if (filter.batchId !== undefined) add('u.batch_id = ?', filter.batchId);
      const rows: { date: string; requests: number; prompt_tokens: string; completion_tokens: string; cost_nano: string }[] =
        await dataSource.query(
          `SELECT to_char(u.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS date, count(*)::int AS requests,
             sum(u.prompt_tokens)::bigint::text AS prompt_tokens, sum(u.completion_tokens)::bigint::text AS completion_tokens,
             sum(u.cost_nano - coalesce(r.amount_nano, 0))::text AS cost_nano
           FROM billing.usage_records u LEFT JOIN billing.ledger r ON r.kind = 'refund' AND r.reference = u.request_id
           WHERE ${terms.join(' AND ')} GROUP BY 1 ORDER BY 1`,
          params,
        );
      // the range's totals, summed by Postgres over the same records (what the console shows as a batch's cost so far)
      const [all]: { requests: number; prompt_tokens: string; completion_tokens: string; cost_nano: string }[] = await dataSource.query(
        `SELECT count(*)::int AS requests, coalesce(sum(u.prompt_tokens), 0)::bigint::text AS prompt_tokens,
           coalesce(sum(u.completion_tokens), 0)::bigint::text AS completion_tokens,
           coalesce(sum(u.cost_nano - coalesce(r.amount_nano, 0)), 0)::text AS cost_nano
         FROM billing.usage_records u LEFT JOIN billing.ledger r ON r.kind = 'refund' AND r.reference = u.request_id
         WHERE ${terms.join(' AND ')}`,
        params,
      );
      return {
        object: 'list',
        data: rows.map((r) => ({
          object: 'usage.day',
          date: r.date,
          requests: r.requests,
          prompt_tokens: Number(r.prompt_tokens),
          completion_tokens: Number(r.completion_tokens),
          cost: nanoToUsd(BigInt(r.cost_nano)),
        })),
        totals: {
          requests: all.requests,
          prompt_tokens: Number(all.prompt_tokens),
          completion_tokens: Number(all.completion_tokens),
          cost: nanoToUsd(BigInt(all.cost_nano)),
        },
      };
    };
    const times = [
      undefined,
      '2026-03-01T00:00:00Z',
      '2026-03-01T22:10:00Z',
      '2026-03-01T23:59:59Z',
      '2026-03-02T00:00:00Z',
      '2026-03-02T00:30:00Z',
      '2026-03-02T00:59:59Z',
      '2026-03-02T01:00:00Z',
      '2026-03-02T01:00:01Z',
      '2026-03-03T00:00:00Z',
    ].map((t) => (t === undefined ? undefined : Date.parse(t) / 1000));
    const sameAsScan = async () => {
      for (const narrow of [{}, { model: 'rollup-model' }, { batchId: 'batch_roll' }, { model: 'rollup-unpriced', batchId: 'none' }])
        for (const userId of [user.id, null])
          for (const from of times)
            for (const to of times) {
              const filter: UsageFilter = { userId, from, to, ...narrow };
              expect([filter, await rpc.send(Subjects.billingUsageDaily, filter)]).toEqual([filter, await scanned(filter)]);
            }
    };
    await sameAsScan();

    // a refund takes the cost (not the request) out of the buckets the request was counted in, once
    expect(await rpc.send(Subjects.billingUsageRefund, { requestId: 'req_roll_d' })).toEqual({ refunded: true, pending: false });
    expect(await rpc.send(Subjects.billingUsageRefund, { requestId: 'req_roll_d' })).toEqual({ refunded: true, pending: false });
    const afterRefund = await rollup('usage_daily');
    expect(afterRefund[1]).toMatchObject({ requests: 2, prompt_tokens: 5000, cost_nano: '2000000' });
    expect(afterRefund).toEqual(await fromRecords('day'));
    expect(await rollup('usage_hourly')).toEqual(await fromRecords('hour'));
    await sameAsScan();

    // an install that had usage before roll-ups gets them filled from its records, refunds taken out
    const migration = new BillingUsageRollups1764700000000();
    const runner = dataSource.createQueryRunner();
    try {
      await migration.down(runner);
      await migration.up(runner);
    } finally {
      await runner.release();
    }
    expect(await rollup('usage_hourly')).toEqual(hourly.map((r, i) => (i === 4 ? { ...(r as object), cost_nano: '0' } : r)));
    expect(await rollup('usage_daily')).toEqual(afterRefund);
    await sameAsScan();
  });
});

describe('the bootstrap admin key across restarts (same database)', () => {
  let first: InProcessService<BillingConfig>;
  let restarted: BootedService<BillingConfig> | undefined;

  beforeAll(async () => {
    first = await startServiceInProcess(billingService, { SWITCHYARD_ADMIN_KEY: ADMIN_KEY });
  });

  afterAll(async () => {
    await restarted?.close();
    await first?.stop();
  });

  it('stays revoked when billing restarts with it still configured, and start-up says so without naming the key', async () => {
    const { rpc } = first;
    const admin = (await rpc.send(Subjects.billingUserList, {})).find((u) => u.role === 'admin')!;
    const spare = await rpc.send(Subjects.billingKeyCreate, {
      userId: admin.id,
      body: { name: 'spare', scopes: ['inference', 'usage:read', 'admin'] },
    });
    const bootstrap = (await rpc.send(Subjects.billingKeyList, { userId: admin.id })).find((k) => k.name === 'bootstrap')!;
    await rpc.send(Subjects.billingKeyRevoke, { userId: admin.id, keyId: bootstrap.id });
    expect(await rpc.send(Subjects.billingKeyVerify, { keyHash: hashApiKey(ADMIN_KEY) })).toBeNull();

    await first.close();
    const errors = jest.spyOn(JsonLogger.prototype, 'error');
    let said: string[];
    try {
      restarted = await bootService(
        billingService,
        { DATABASE_URL: first.databaseUrl, NATS_URL: first.natsUrl, SWITCHYARD_ADMIN_KEY: ADMIN_KEY },
        { logLevel: 'error', poolSize: 5 },
      );
      said = errors.mock.calls.map(([message]) => String(message));
    } finally {
      errors.mockRestore();
    }

    const after = new RpcClient(restarted.nc, 10_000);
    expect(await after.send(Subjects.billingKeyVerify, { keyHash: hashApiKey(ADMIN_KEY) })).toBeNull();
    expect(await after.send(Subjects.billingKeyVerify, { keyHash: hashApiKey(spare.key) })).toMatchObject({ role: 'admin' });
    const keys = await after.send(Subjects.billingKeyList, { userId: admin.id });
    expect(keys.find((k) => k.id === bootstrap.id)!.revoked_at).not.toBeNull();
    // no fresh key was minted for the revoked secret either
    expect(
      await restarted.dataSource.query('SELECT count(*)::int AS n FROM billing.api_keys WHERE key_hash = $1', [hashApiKey(ADMIN_KEY)]),
    ).toEqual([{ n: 1 }]);

    expect(said.filter((line) => /SWITCHYARD_ADMIN_KEY/.test(line) && /revoked/i.test(line))).toHaveLength(1);
    expect(said.join('\n')).not.toContain(ADMIN_KEY);
  });
});
