import { NatsConnection } from 'nats';
import { DataSource } from 'typeorm';
import { DomainError, Events, hashSessionToken, SessionsRevokedEvent, Subjects, Untrusted } from '@switchyard/contracts';
import { onBroadcast, RpcClient } from '@switchyard/nats';
import { eventually, InProcessService, startServiceInProcess } from '@switchyard/testing';
import { BillingConfig } from './billing.config';
import { billingService } from './billing.service-definition';
import { SessionsService } from './sessions.service';

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
});
