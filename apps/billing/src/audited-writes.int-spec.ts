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

  it('records a user created, changed, given a link and a rate limit, each with the user before and after', async () => {
    const user = await rpc.send(Subjects.billingUserCreate, { name: 'audited user', credits: 1, audit });
    await rpc.send(Subjects.billingUserUpdate, { userId: user.id, body: { role: 'vip', email: 'audited@example.com' }, audit });
    await rpc.send(Subjects.billingUserUpdate, { userId: user.id, body: { disabled: true }, audit });
    const reset = await rpc.send(Subjects.billingInviteCreate, { userId: user.id, kind: 'reset', audit });
    await rpc.send(Subjects.billingUserRateLimitSet, { userId: user.id, body: { requests_per_minute: 7 }, audit });
    await rpc.send(Subjects.billingUserRateLimitClear, { userId: user.id, audit });
    // a refused write leaves no entry
    await expect(
      rpc.send(Subjects.billingInviteCreate, { userId: user.id, kind: 'invite', email: 'not an email', audit }),
    ).rejects.toBeDefined();
    const entries = await entriesFor(user.id);
    expect(entries.map((e: { action: string }) => e.action)).toEqual([
      'user.create',
      'user.update',
      'user.update',
      'user.password_reset',
      'rate_limit.set',
      'rate_limit.clear',
    ]);
    expect(entries[0]).toMatchObject({
      actor_user_id: 'usr_admin',
      request_id: 'req_audited_1',
      before: null,
      after: expect.objectContaining({ id: user.id, name: 'audited user', balance: 1 }),
    });
    expect(entries[1]).toMatchObject({
      before: expect.objectContaining({ role: 'user', email: null }),
      after: expect.objectContaining({ role: 'vip', email: 'audited@example.com' }),
    });
    expect(entries[2]).toMatchObject({
      before: expect.objectContaining({ disabled_at: null }),
      after: expect.objectContaining({ disabled_at: expect.any(Number) }),
    });
    // the link's token is never in the log
    expect(entries[3].after).toEqual({ email: 'audited@example.com', kind: 'reset', expires_at: reset.expiresAt });
    expect(JSON.stringify(entries)).not.toContain(reset.token);
    expect(entries[4]).toMatchObject({
      before: expect.objectContaining({ rate_limit_source: 'role' }),
      after: expect.objectContaining({ requests_per_minute: 7, rate_limit_source: 'user' }),
    });
    expect(entries[5]).toMatchObject({
      before: expect.objectContaining({ requests_per_minute: 7, rate_limit_source: 'user' }),
      after: expect.objectContaining({ rate_limit_source: 'role' }),
    });
    // without an audit context (billing's own callers) no entry is written
    await rpc.send(Subjects.billingUserUpdate, { userId: user.id, body: { name: 'renamed quietly' } });
    expect(await entriesFor(user.id)).toHaveLength(6);
  });

  it('records a key created (its secret redacted) and revoked, with the key before the revocation', async () => {
    const user = await rpc.send(Subjects.billingUserCreate, { name: 'audited keys' });
    const key = await rpc.send(Subjects.billingKeyCreate, { userId: user.id, body: { name: 'laptop' }, audit });
    await rpc.send(Subjects.billingKeyRevoke, { userId: user.id, keyId: key.id, audit });
    const entries = await entriesFor(key.id);
    expect(entries).toEqual([
      expect.objectContaining({ action: 'key.create', before: null, after: expect.objectContaining({ id: key.id, key: '[redacted]' }) }),
      expect.objectContaining({
        action: 'key.revoke',
        before: expect.objectContaining({ id: key.id, revoked_at: null }),
        after: expect.objectContaining({ id: key.id, revoked_at: expect.any(Number) }),
      }),
    ]);
    expect(JSON.stringify(entries)).not.toContain(key.key);
    // another user's key is not found, and nothing is recorded
    const other = await rpc.send(Subjects.billingUserCreate, { name: 'someone else' });
    await expect(rpc.send(Subjects.billingKeyRevoke, { userId: other.id, keyId: key.id, audit })).rejects.toMatchObject({
      code: 'not_found',
    });
    expect(await entriesFor(key.id)).toHaveLength(2);
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

  it('rolls back a user, key, change and rate limit whose entry cannot be stored', async () => {
    const user = await rpc.send(Subjects.billingUserCreate, { name: 'rollback target' });
    const key = await rpc.send(Subjects.billingKeyCreate, { userId: user.id, body: { name: 'kept' } });
    const refused = { ...audit, requestId: 'req_refused' };
    await dataSource.query(`ALTER TABLE billing.audit_log ADD CONSTRAINT audit_test_refuse CHECK (request_id <> 'req_refused')`);
    try {
      await expect(rpc.send(Subjects.billingUserCreate, { name: 'never created', audit: refused })).rejects.toBeDefined();
      await expect(
        rpc.send(Subjects.billingKeyCreate, { userId: user.id, body: { name: 'never made' }, audit: refused }),
      ).rejects.toBeDefined();
      await expect(rpc.send(Subjects.billingKeyRevoke, { userId: user.id, keyId: key.id, audit: refused })).rejects.toBeDefined();
      await expect(
        rpc.send(Subjects.billingUserUpdate, { userId: user.id, body: { role: 'admin' }, audit: refused }),
      ).rejects.toBeDefined();
      await expect(
        rpc.send(Subjects.billingUserRateLimitSet, { userId: user.id, body: { requests_per_minute: 3 }, audit: refused }),
      ).rejects.toBeDefined();
      await expect(
        rpc.send(Subjects.billingInviteCreate, { userId: user.id, kind: 'invite', email: 'rolled@example.com', audit: refused }),
      ).rejects.toBeDefined();
    } finally {
      await dataSource.query(`ALTER TABLE billing.audit_log DROP CONSTRAINT audit_test_refuse`);
    }
    expect(await dataSource.query(`SELECT 1 FROM billing.users WHERE name = 'never created'`)).toEqual([]);
    const keys = await rpc.send(Subjects.billingKeyList, { userId: user.id });
    expect(keys).toEqual([expect.objectContaining({ id: key.id, revoked_at: null })]);
    expect(await rpc.send(Subjects.billingUserGet, { userId: user.id })).toMatchObject({ role: 'user', email: null });
    expect(await dataSource.query(`SELECT 1 FROM billing.invites WHERE user_id = $1`, [user.id])).toEqual([]);
    const [row] = await dataSource.query(`SELECT rate_limit_overridden FROM billing.users WHERE id = $1`, [user.id]);
    expect(row.rate_limit_overridden).toBe(false);
    expect(await dataSource.query(`SELECT 1 FROM billing.audit_log WHERE request_id = 'req_refused'`)).toEqual([]);
  });
});
