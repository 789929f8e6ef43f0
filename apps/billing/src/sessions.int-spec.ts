import { NatsConnection } from 'nats';
import { DataSource } from 'typeorm';
import { DomainError, Events, hashSessionToken, SessionsRevokedEvent, Subjects, Untrusted } from '@switchyard/contracts';
import { onBroadcast, RpcClient } from '@switchyard/nats';
import { eventually, InProcessService, startServiceInProcess } from '@switchyard/testing';
import { BillingConfig } from './billing.config';
import { billingService } from './billing.service-definition';
import { SessionsService } from './sessions.service';
import { SignInThrottleService } from './sign-in-throttle.service';

const POLLING = { timeoutMs: 10_000, intervalMs: 50 };
const MINUTE = 60_000;

describe('console sessions in billing (real Postgres, NATS)', () => {
  let service: InProcessService<BillingConfig>;
  let dataSource: DataSource;
  let nc: NatsConnection;
  let rpc: RpcClient;
  let sessions: SessionsService;
  /** the sessions' clock, moved by the tests */
  let now: number;

  beforeAll(async () => {
    service = await startServiceInProcess(billingService, { SWITCHYARD_SESSION_IDLE_MINUTES: '30', SWITCHYARD_SESSION_MAX_HOURS: '2' });
    ({ dataSource, nc, rpc } = service);
    sessions = service.app.get(SessionsService);
    now = Date.now();
    sessions.now = () => new Date(now);
    service.app.get(SignInThrottleService).now = () => new Date(now);
  });

  afterAll(() => service?.stop());

  async function userWithKey(name: string, role: 'user' | 'admin' = 'user') {
    const user = await rpc.send(Subjects.billingUserCreate, { name, role });
    const key = await rpc.send(Subjects.billingKeyCreate, { userId: user.id, body: { scopes: ['usage:read'] } });
    return { user, key };
  }

  const verify = (token: string) => rpc.send(Subjects.billingSessionVerify, { tokenHash: hashSessionToken(token) });

  it('opens a session whose token is stored only as its hash, with the key scopes, and verifies it as a principal', async () => {
    const { user, key } = await userWithKey('carol');
    const created = await rpc.send(Subjects.billingSessionCreate, {
      userId: user.id,
      method: 'api_key',
      scopes: key.scopes,
      keyId: key.id,
      ip: '203.0.113.7',
      userAgent: 'jest',
    });
    expect(created.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(created.sessionId).toMatch(/^ses_/);
    expect(created.session).toEqual({
      object: 'session',
      user: { id: user.id, name: 'carol', email: null, role: 'user' },
      scopes: ['usage:read'],
      method: 'api_key',
      expires_at: Math.floor((now + 30 * MINUTE) / 1000),
    });
    expect(created.absoluteExpiresAt).toBe(Math.floor((now + 2 * 60 * MINUTE) / 1000));
    const stored = await dataSource.query('SELECT token_hash FROM billing.sessions WHERE id = $1', [created.sessionId]);
    expect(stored).toEqual([{ token_hash: hashSessionToken(created.token) }]);
    expect(JSON.stringify(await dataSource.query('SELECT * FROM billing.sessions'))).not.toContain(created.token);

    const verified = await verify(created.token);
    expect(verified).toMatchObject({
      sessionId: created.sessionId,
      principal: { userId: user.id, keyId: created.sessionId, role: 'user', scopes: ['usage:read'], rateLimit: expect.any(Number) },
      session: created.session,
    });
    expect(await verify('not-a-session-token')).toBeNull();
  });

  it('gives a password session the scopes of its role', async () => {
    const { user } = await userWithKey('dave', 'admin');
    const created = await rpc.send(Subjects.billingSessionCreate, { userId: user.id, method: 'password', scopes: [] });
    expect(created.session.scopes).toEqual(['inference', 'usage:read', 'admin']);
    expect((await verify(created.token))?.principal.scopes).toEqual(['inference', 'usage:read', 'admin']);
  });

  it('refuses to open a session for an unknown user', async () => {
    await expect(rpc.send(Subjects.billingSessionCreate, { userId: 'usr_nobody', method: 'password', scopes: [] })).rejects.toMatchObject({
      code: 'not_found',
    } satisfies Partial<DomainError>);
  });

  it('ends a session left unused for the idle time, and writes its last use at most once a minute', async () => {
    const { user, key } = await userWithKey('erin');
    const created = await rpc.send(Subjects.billingSessionCreate, {
      userId: user.id,
      method: 'api_key',
      scopes: key.scopes,
      keyId: key.id,
    });
    const lastSeen = async () =>
      (await dataSource.query('SELECT last_seen_at FROM billing.sessions WHERE id = $1', [created.sessionId]))[0].last_seen_at.getTime();
    const opened = await lastSeen();

    now += 30 * 1000;
    expect(await verify(created.token)).not.toBeNull();
    expect(await lastSeen()).toBe(opened); // less than a minute: not written

    now += 29 * MINUTE; // 29.5 minutes after sign-in, 29.5 minutes idle: still alive, and now its use is written
    const touched = await verify(created.token);
    expect(touched?.session.expires_at).toBe(Math.floor((now + 30 * MINUTE) / 1000));
    expect(await lastSeen()).toBe(now);

    now += 30 * MINUTE - 1000; // just inside the idle time again
    expect(await verify(created.token)).not.toBeNull();
    now += 30 * MINUTE; // idle for the whole time
    expect(await verify(created.token)).toBeNull();
    expect((await rpc.send(Subjects.billingSessionList, { userId: user.id })).data).toEqual([]);
  });

  it('ends a session at its absolute expiry however active it is', async () => {
    const { user, key } = await userWithKey('frank');
    const created = await rpc.send(Subjects.billingSessionCreate, {
      userId: user.id,
      method: 'api_key',
      scopes: key.scopes,
      keyId: key.id,
    });
    const end = created.absoluteExpiresAt * 1000; // the whole second: the end is at most a second later
    while (now + 20 * MINUTE < end) {
      now += 20 * MINUTE;
      expect(await verify(created.token)).not.toBeNull();
    }
    now = end + 1000;
    expect(await verify(created.token)).toBeNull();
  });

  it("lists a user's live sessions, marks the current one, and revokes one of their own but not another user's", async () => {
    const { user, key } = await userWithKey('grace');
    const other = await userWithKey('heidi');
    const open = (ua: string) =>
      rpc.send(Subjects.billingSessionCreate, { userId: user.id, method: 'api_key', scopes: key.scopes, keyId: key.id, userAgent: ua });
    const first = await open('first');
    now += 2 * MINUTE;
    const second = await open('second');
    const list = await rpc.send(Subjects.billingSessionList, { userId: user.id, currentSessionId: second.sessionId });
    expect(list.data.map((s) => [s.id, s.user_agent, s.current])).toEqual([
      [second.sessionId, 'second', true],
      [first.sessionId, 'first', false],
    ]);
    expect(list.data[0]).toMatchObject({ object: 'session.summary', method: 'api_key', ip: null, created_at: Math.floor(now / 1000) });

    await expect(rpc.send(Subjects.billingSessionRevoke, { userId: other.user.id, sessionId: first.sessionId })).rejects.toMatchObject({
      code: 'not_found',
    });
    expect(await verify(first.token)).not.toBeNull();

    const heard: Untrusted<SessionsRevokedEvent>[] = [];
    const sub = onBroadcast(nc, Events.billingSessionRevoked, (e) => heard.push(e));
    await nc.flush();
    expect(await rpc.send(Subjects.billingSessionRevoke, { userId: user.id, sessionId: first.sessionId })).toEqual({
      revoked: 1,
      tokenHashes: [hashSessionToken(first.token)],
    });
    expect(await verify(first.token)).toBeNull();
    expect(await verify(second.token)).not.toBeNull();
    await eventually('the revocation broadcast', () => heard.length > 0, POLLING);
    expect(heard).toEqual([{ tokenHashes: [hashSessionToken(first.token)] }]);
    sub.unsubscribe();
  });

  it('signs a user out everywhere, or everywhere but one session', async () => {
    const { user, key } = await userWithKey('ivan');
    const open = () => rpc.send(Subjects.billingSessionCreate, { userId: user.id, method: 'api_key', scopes: key.scopes, keyId: key.id });
    const [a, b, c] = [await open(), await open(), await open()];
    expect(await rpc.send(Subjects.billingSessionRevokeAll, { userId: user.id, exceptSessionId: a.sessionId })).toMatchObject({
      revoked: 2,
    });
    expect(await verify(b.token)).toBeNull();
    expect(await verify(c.token)).toBeNull();
    expect(await verify(a.token)).not.toBeNull();
    expect(await rpc.send(Subjects.billingSessionRevokeAll, { userId: user.id })).toEqual({
      revoked: 1,
      tokenHashes: [hashSessionToken(a.token)],
    });
    expect(await verify(a.token)).toBeNull();
  });

  it('ends the sessions signed in with a key when the key is revoked', async () => {
    const { user, key } = await userWithKey('judy');
    const spare = await rpc.send(Subjects.billingKeyCreate, { userId: user.id, body: {} });
    const withKey = await rpc.send(Subjects.billingSessionCreate, {
      userId: user.id,
      method: 'api_key',
      scopes: key.scopes,
      keyId: key.id,
    });
    const withSpare = await rpc.send(Subjects.billingSessionCreate, {
      userId: user.id,
      method: 'api_key',
      scopes: spare.scopes,
      keyId: spare.id,
    });
    const heard: Untrusted<SessionsRevokedEvent>[] = [];
    const sub = onBroadcast(nc, Events.billingSessionRevoked, (e) => heard.push(e));
    await nc.flush();
    await rpc.send(Subjects.billingKeyRevoke, { userId: user.id, keyId: key.id });
    expect(await verify(withKey.token)).toBeNull();
    expect(await verify(withSpare.token)).not.toBeNull();
    await eventually('the revocation broadcast', () => heard.length > 0, POLLING);
    expect(heard).toEqual([{ tokenHashes: [hashSessionToken(withKey.token)] }]);
    sub.unsubscribe();
  });

  describe('failed sign-ins', () => {
    const fail = (account: string, address: string | null = '198.51.100.1') =>
      rpc.send(Subjects.billingSignInFail, { account, address, method: 'password', requestId: 'req_test' });
    const check = (account: string, address: string | null = '198.51.100.1') => rpc.send(Subjects.billingSignInCheck, { account, address });

    it('slow an account down after 5 failures, twice as long after each further one, and forget them after a quiet spell', async () => {
      const account = 'email:slow@example.com';
      for (let i = 0; i < 4; i++) expect(await fail(account, null)).toEqual({ retryAfter: null });
      expect(await check(account, null)).toEqual({ retryAfter: null });
      expect(await fail(account, null)).toEqual({ retryAfter: 30 });
      expect(await check(account, null)).toEqual({ retryAfter: 30 });
      now += 10_000;
      expect(await check(account, null)).toEqual({ retryAfter: 20 });
      now += 20_000;
      expect(await check(account, null)).toEqual({ retryAfter: null });
      expect(await fail(account, null)).toEqual({ retryAfter: 60 });
      now += 60_000;
      expect(await fail(account, null)).toEqual({ retryAfter: 120 });
      now += 15 * MINUTE + 1000;
      expect(await check(account, null)).toEqual({ retryAfter: null });
      expect(await fail(account, null)).toEqual({ retryAfter: null }); // counting starts again
    });

    it('forget an account’s failures when it signs in, but not its address’s', async () => {
      const account = 'key:0123abcd';
      for (let i = 0; i < 5; i++) await fail(account, '198.51.100.2');
      expect((await check(account, '198.51.100.2')).retryAfter).toBe(30);
      const { user } = await userWithKey('kate');
      await rpc.send(Subjects.billingSignInSucceed, {
        account,
        address: '198.51.100.2',
        method: 'api_key',
        userId: user.id,
        sessionId: 'ses_kate',
        keyId: 'key_kate',
      });
      expect(await check(account, '198.51.100.2')).toEqual({ retryAfter: null });
      const rows = await dataSource.query(`SELECT failures FROM billing.sign_in_failures WHERE subject = 'address:198.51.100.2'`);
      expect(rows).toEqual([{ failures: 5 }]);
    });

    it('slow an address down after 20 failures, whichever accounts they named', async () => {
      for (let i = 0; i < 19; i++) expect((await fail(`email:guess${i}@example.com`, '198.51.100.3')).retryAfter).toBeNull();
      expect(await fail('email:guess19@example.com', '198.51.100.3')).toEqual({ retryAfter: 30 });
      expect(await check('email:fresh@example.com', '198.51.100.3')).toEqual({ retryAfter: 30 });
      expect(await check('email:fresh@example.com', '198.51.100.4')).toEqual({ retryAfter: null });
    });

    it('go into the audit log with the address and the method, as does every sign-in', async () => {
      const { user } = await userWithKey('liam');
      await fail('key:feedface', '198.51.100.5');
      await rpc.send(Subjects.billingSignInSucceed, {
        account: 'key:feedface',
        address: '198.51.100.5',
        method: 'api_key',
        userId: user.id,
        sessionId: 'ses_liam',
        keyId: 'key_liam',
        requestId: 'req_liam',
      });
      const log = await rpc.send(Subjects.billingAuditList, { limit: 2 });
      expect(log.data.map((e) => [e.action, e.actor, e.target, e.after, e.caller_address])).toEqual([
        [
          'auth.sign_in',
          { user_id: user.id, key_id: 'key_liam' },
          { type: 'session', id: 'ses_liam' },
          { method: 'api_key' },
          '198.51.100.5',
        ],
        ['auth.sign_in_failed', null, { type: 'user', id: null }, { method: 'password' }, '198.51.100.5'],
      ]);
      expect(JSON.stringify(log)).not.toContain('feedface');
    });
  });
});
