import { DataSource } from 'typeorm';
import { AuditContext, Subjects } from '@switchyard/contracts';
import { RpcClient } from '@switchyard/nats';
import { InProcessService, startServiceInProcess } from '@switchyard/testing';
import { BillingConfig } from './billing.config';
import { billingService } from './billing.service-definition';

/** Admin writes that carry their audit context: billing records the entry in the write's own transaction. */
describe('audited billing writes (real Postgres)', () => {
  let service: InProcessService<BillingConfig>;
  let dataSource: DataSource;
  let rpc: RpcClient;
  const audit: AuditContext = {
    actor: { userId: 'usr_admin', keyId: 'key_admin' },
    callerAddress: '203.0.113.9',
    requestId: 'req_audited_1',
  };
  const entriesFor = (targetId: string) =>
    dataSource.query(
      `SELECT action, actor_user_id, actor_key_id, caller_address, request_id, before, after FROM billing.audit_log WHERE target_id = $1 ORDER BY id`,
      [targetId],
    );

  beforeAll(async () => {
    service = await startServiceInProcess(billingService, {});
    ({ dataSource, rpc } = service);
  });

  afterAll(() => service?.stop());

  it('records a price change with the price it replaced, in the same transaction, and nothing without an audit context', async () => {
    await rpc.send(Subjects.billingPriceSet, { model: 'audited-price', body: { input_per_million: 1, output_per_million: 2 }, audit });
    await rpc.send(Subjects.billingPriceSet, {
      model: 'audited-price',
      body: { input_per_million: 3, output_per_million: 4 },
      audit: { ...audit, requestId: 'req_audited_2' },
    });
    await rpc.send(Subjects.billingPriceSet, { model: 'audited-price', body: { input_per_million: 5, output_per_million: 6 } });
    const entries = await entriesFor('audited-price');
    expect(entries).toEqual([
      {
        action: 'price.set',
        actor_user_id: 'usr_admin',
        actor_key_id: 'key_admin',
        caller_address: '203.0.113.9',
        request_id: 'req_audited_1',
        before: null,
        after: expect.objectContaining({ model: 'audited-price', input_per_million: 1, output_per_million: 2 }),
      },
      expect.objectContaining({
        request_id: 'req_audited_2',
        before: expect.objectContaining({ input_per_million: 1 }),
        after: expect.objectContaining({ input_per_million: 3 }),
      }),
    ]);
  });

  it('records a credit with the account before and after it, and not a refused one', async () => {
    const user = await rpc.send(Subjects.billingUserCreate, { name: 'audited credits', credits: 1 });
    await rpc.send(Subjects.billingCreditAdd, { userId: user.id, body: { amount: 2.5 }, audit });
    await expect(rpc.send(Subjects.billingCreditAdd, { userId: user.id, body: { amount: -10 }, audit })).rejects.toMatchObject({
      code: 'invalid_value',
    });
    expect(await entriesFor(user.id)).toEqual([
      expect.objectContaining({
        action: 'credits.add',
        actor_user_id: 'usr_admin',
        before: expect.objectContaining({ id: user.id, balance: 1 }),
        after: expect.objectContaining({ id: user.id, balance: 3.5, amount: 2.5 }),
      }),
    ]);
  });

  it('records a role rate limit change with the limit before it', async () => {
    const [{ requests_per_minute: before }] = await dataSource.query(
      `SELECT requests_per_minute FROM billing.rate_limits WHERE role = 'partner'`,
    );
    await rpc.send(Subjects.billingRateLimitSet, { role: 'partner', body: { requests_per_minute: 321 }, audit });
    expect(await entriesFor('partner')).toEqual([
      expect.objectContaining({
        action: 'rate_limit.set',
        before: { object: 'rate_limit', role: 'partner', requests_per_minute: before },
        after: { object: 'rate_limit', role: 'partner', requests_per_minute: 321 },
      }),
    ]);
  });

  it('writes neither the change nor its entry when the entry cannot be stored', async () => {
    // the audit log refuses the entry (a check the column does not meet), so the price change rolls back with it
    await dataSource.query(`ALTER TABLE billing.audit_log ADD CONSTRAINT audit_test_refuse CHECK (request_id <> 'req_refused')`);
    try {
      await expect(
        rpc.send(Subjects.billingPriceSet, {
          model: 'audited-rollback',
          body: { input_per_million: 7, output_per_million: 8 },
          audit: { ...audit, requestId: 'req_refused' },
        }),
      ).rejects.toBeDefined();
    } finally {
      await dataSource.query(`ALTER TABLE billing.audit_log DROP CONSTRAINT audit_test_refuse`);
    }
    expect(await dataSource.query(`SELECT 1 FROM billing.prices WHERE model = 'audited-rollback'`)).toEqual([]);
    expect(await entriesFor('audited-rollback')).toEqual([]);
  });
});
