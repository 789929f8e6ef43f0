import { NatsConnection } from 'nats';
import { DataSource } from 'typeorm';
import { DomainError, Events, hashApiKey, hashSessionToken, Subjects, UserView } from '@switchyard/contracts';
import { onBroadcast, RpcClient } from '@switchyard/nats';
import { eventually, InProcessService, startServiceInProcess } from '@switchyard/testing';
import { BillingConfig } from './billing.config';
import { billingService } from './billing.service-definition';

const STRONG = 'Correct horse 42 battery';

async function refusal(promise: Promise<unknown>): Promise<DomainError> {
  try {
    await promise;
  } catch (error) {
    return error as DomainError;
  }
  throw new Error('expected a refusal');
}

describe('local accounts in billing (real Postgres and NATS)', () => {
  let service: InProcessService<BillingConfig>;
  let dataSource: DataSource;
  let nc: NatsConnection;
  let rpc: RpcClient;

  const newUser = (name: string): Promise<UserView> => rpc.send(Subjects.billingUserCreate, { name });
  const invite = async (userId: string, email: string) => rpc.send(Subjects.billingInviteCreate, { userId, kind: 'invite', email });

  beforeAll(async () => {
    service = await startServiceInProcess(billingService, { SWITCHYARD_INVITE_TTL_HOURS: '2' });
    ({ dataSource, nc, rpc } = service);
  });

  afterAll(() => service?.stop());

  it('invites with a one-time link that sets the email, is stored hashed, and works once', async () => {
    const user = await newUser('Invited');
    const link = await invite(user.id, 'Invited.User@Example.com');
    expect(link.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(link.expiresAt - Date.now() / 1000).toBeGreaterThan(2 * 3600 - 60);
    expect(link.expiresAt - Date.now() / 1000).toBeLessThanOrEqual(2 * 3600);
    const stored = await dataSource.query(`SELECT token_hash, created_by FROM billing.invites WHERE user_id = $1`, [user.id]);
    expect(stored).toEqual([{ token_hash: hashApiKey(link.token), created_by: null }]);
    expect(JSON.stringify(stored)).not.toContain(link.token);
    expect((await rpc.send(Subjects.billingUserGet, { userId: user.id })).email).toBe('Invited.User@Example.com');

    const tokenHash = hashApiKey(link.token);
    expect(await rpc.send(Subjects.billingInviteGet, { tokenHash })).toMatchObject({
      object: 'invite',
      email: 'Invited.User@Example.com',
      name: 'Invited',
      kind: 'invite',
    });

    const weak = await refusal(rpc.send(Subjects.billingInviteAccept, { tokenHash, body: { password: 'short' } }));
    expect(weak).toMatchObject({ code: 'weak_password', param: 'password' });
    const withEmail = await refusal(rpc.send(Subjects.billingInviteAccept, { tokenHash, body: { password: 'invited.user-2024!' } }));
    expect(withEmail.code).toBe('weak_password');

    // a weak password does not use the link up
    const signedIn = await rpc.send(Subjects.billingInviteAccept, { tokenHash, body: { password: STRONG } });
    expect(signedIn).toEqual({ userId: user.id, name: 'Invited', email: 'Invited.User@Example.com', role: 'user' });
    expect((await refusal(rpc.send(Subjects.billingInviteGet, { tokenHash }))).code).toBe('not_found');
    expect((await refusal(rpc.send(Subjects.billingInviteAccept, { tokenHash, body: { password: STRONG } }))).code).toBe('not_found');

    // the email is found whatever its case; the password is stored as a scrypt string
    expect(await rpc.send(Subjects.billingPasswordVerify, { email: 'invited.user@example.COM', password: STRONG })).toEqual(signedIn);
    expect(await rpc.send(Subjects.billingPasswordVerify, { email: 'invited.user@example.com', password: `${STRONG}!` })).toBeNull();
    expect(await rpc.send(Subjects.billingPasswordVerify, { email: 'nobody@example.com', password: STRONG })).toBeNull();
    const [{ password_hash }] = await dataSource.query(`SELECT password_hash FROM billing.users WHERE id = $1`, [user.id]);
    expect(password_hash).toMatch(/^scrypt\$N=32768,r=8,p=1\$/);
  });

  it('refuses an expired link, and a link replaced by a newer one', async () => {
    const user = await newUser('Late');
    const first = await invite(user.id, 'late@example.com');
    const second = await rpc.send(Subjects.billingInviteCreate, { userId: user.id, kind: 'reset' });
    expect(second).toMatchObject({ kind: 'reset', email: 'late@example.com' });
    expect((await refusal(rpc.send(Subjects.billingInviteGet, { tokenHash: hashApiKey(first.token) }))).code).toBe('not_found');

    await dataSource.query(`UPDATE billing.invites SET expires_at = now() - interval '1 second' WHERE token_hash = $1`, [
      hashApiKey(second.token),
    ]);
    const expired = { tokenHash: hashApiKey(second.token), body: { password: STRONG } };
    expect((await refusal(rpc.send(Subjects.billingInviteGet, { tokenHash: expired.tokenHash }))).code).toBe('not_found');
    expect((await refusal(rpc.send(Subjects.billingInviteAccept, expired))).code).toBe('not_found');
  });

  it('resets only users who have an email, and refuses an email another user has, whatever its case', async () => {
    const bare = await newUser('No email');
    expect(await refusal(rpc.send(Subjects.billingInviteCreate, { userId: bare.id, kind: 'reset' }))).toMatchObject({
      code: 'invalid_value',
    });
    const owner = await newUser('Owner');
    await invite(owner.id, 'taken@example.com');
    expect((await refusal(invite(bare.id, 'TAKEN@example.com'))).code).toBe('conflict');
    expect((await refusal(rpc.send(Subjects.billingUserUpdate, { userId: bare.id, body: { email: 'Taken@Example.com' } }))).code).toBe(
      'conflict',
    );
    expect((await refusal(invite('usr_nobody', 'x@example.com'))).code).toBe('not_found');
  });

  it('changes a password only with the current one, and checks the new one', async () => {
    const user = await newUser('Changer');
    const link = await invite(user.id, 'changer@example.com');
    await rpc.send(Subjects.billingInviteAccept, { tokenHash: hashApiKey(link.token), body: { password: STRONG } });
    const change = (current: string, next: string) =>
      rpc.send(Subjects.billingPasswordChange, { userId: user.id, body: { current_password: current, new_password: next } });
    expect(await refusal(change('wrong password 1', 'Another horse 43'))).toMatchObject({
      code: 'invalid_value',
      param: 'current_password',
    });
    expect(await refusal(change(STRONG, 'aaaaaaaaaaaaaaaa'))).toMatchObject({ code: 'weak_password', param: 'new_password' });
    await change(STRONG, 'Another horse 43');
    // an admin's reset link signs out every session of the user once it is used
    const session = await rpc.send(Subjects.billingSessionCreate, { userId: user.id, method: 'password', scopes: [] });
    const reset = await rpc.send(Subjects.billingInviteCreate, { userId: user.id, kind: 'reset' });
    await rpc.send(Subjects.billingInviteAccept, { tokenHash: hashApiKey(reset.token), body: { password: 'Reset horse 44 again' } });
    expect(await rpc.send(Subjects.billingSessionVerify, { tokenHash: hashSessionToken(session.token) })).toBeNull();
    await change('Reset horse 44 again', 'Another horse 43');
    expect(await rpc.send(Subjects.billingPasswordVerify, { email: 'changer@example.com', password: STRONG })).toBeNull();
    expect(await rpc.send(Subjects.billingPasswordVerify, { email: 'changer@example.com', password: 'Another horse 43' })).not.toBeNull();
  });

  it('disabling a user fails their keys, password and links, tells every gateway, and enabling brings them back', async () => {
    const user = await newUser('Disabled');
    const key = await rpc.send(Subjects.billingKeyCreate, { userId: user.id, body: { name: 'k' } });
    const link = await invite(user.id, 'disabled@example.com');
    await rpc.send(Subjects.billingInviteAccept, { tokenHash: hashApiKey(link.token), body: { password: STRONG } });
    const pending = await rpc.send(Subjects.billingInviteCreate, { userId: user.id, kind: 'reset' });
    const heard: unknown[] = [];
    const subscription = onBroadcast(nc, Events.billingUserChanged, (event) => heard.push(event));
    await nc.flush();

    const session = await rpc.send(Subjects.billingSessionCreate, { userId: user.id, method: 'password', scopes: [] });
    const sessionHash = hashSessionToken(session.token);
    expect(await rpc.send(Subjects.billingSessionVerify, { tokenHash: sessionHash })).not.toBeNull();

    const disabled = await rpc.send(Subjects.billingUserUpdate, { userId: user.id, body: { disabled: true } });
    expect(disabled.disabled_at).toEqual(expect.any(Number));
    await eventually('the broadcast', () => heard.length === 1);
    expect(heard).toEqual([{ userId: user.id }]);
    expect(await rpc.send(Subjects.billingKeyVerify, { keyHash: hashApiKey(key.key) })).toBeNull();
    expect(await rpc.send(Subjects.billingPasswordVerify, { email: 'disabled@example.com', password: STRONG })).toBeNull();
    expect((await refusal(rpc.send(Subjects.billingInviteGet, { tokenHash: hashApiKey(pending.token) }))).code).toBe('not_found');

    const enabled = await rpc.send(Subjects.billingUserUpdate, { userId: user.id, body: { disabled: false, role: 'vip', name: 'Back' } });
    expect(enabled).toMatchObject({ disabled_at: null, role: 'vip', name: 'Back' });
    expect(await rpc.send(Subjects.billingKeyVerify, { keyHash: hashApiKey(key.key) })).toMatchObject({ userId: user.id, role: 'vip' });
    // the sessions ended for good when the user was disabled
    expect(await rpc.send(Subjects.billingSessionVerify, { tokenHash: sessionHash })).toBeNull();
    await eventually('the second broadcast', () => heard.length === 2);
    subscription.unsubscribe();
  });

  it('searches id, name and email without case, a page at a time, with LIKE characters taken literally', async () => {
    const tag = `srch${Date.now()}`;
    const made: UserView[] = [];
    for (const name of [`${tag} Alpha`, `${tag} Beta`, `${tag} Gamma`]) made.push(await newUser(name));
    await invite(made[2].id, `${tag}.zeta@example.com`);
    const other = await newUser(`${tag} 100% unrelated_name`);
    await newUser(`${tag} 1000 unrelatedXname`);

    const page1 = await rpc.send(Subjects.billingUserSearch, { search: `${tag.toUpperCase()} `, limit: 2 });
    expect(page1.data.map((u) => u.id)).toEqual([made[0].id, made[1].id]);
    expect(page1.has_more).toBe(true);
    const page2 = await rpc.send(Subjects.billingUserSearch, { search: `${tag} `, limit: 1, after: made[1].id });
    expect(page2).toMatchObject({ has_more: true, data: [{ id: made[2].id, email: `${tag}.zeta@example.com` }] });
    expect((await rpc.send(Subjects.billingUserSearch, { search: 'ZETA@example', limit: 10 })).data.map((u) => u.id)).toContain(made[2].id);
    expect((await rpc.send(Subjects.billingUserSearch, { search: made[1].id, limit: 10 })).data.map((u) => u.id)).toEqual([made[1].id]);
    expect((await rpc.send(Subjects.billingUserSearch, { search: `${tag} 100% u`, limit: 10 })).data.map((u) => u.id)).toEqual([other.id]);
    expect((await rpc.send(Subjects.billingUserSearch, { search: 'unrelated_name', limit: 10 })).data.map((u) => u.id)).toEqual([other.id]);
  });

  it('finds the user of an OpenID identity, or makes one with the default role and no credit, never taking an existing email', async () => {
    const first = await rpc.send(Subjects.billingOidcSignIn, {
      issuer: 'https://idp.example.com',
      subject: 'sub-1',
      email: 'sso@example.com',
      name: 'Sso User',
      defaultRole: 'partner',
    });
    expect(first).toMatchObject({ name: 'Sso User', email: 'sso@example.com', role: 'partner' });
    const view = await rpc.send(Subjects.billingUserGet, { userId: first.userId });
    expect(view).toMatchObject({ balance: 0, debt: 0, role: 'partner' });
    const again = await rpc.send(Subjects.billingOidcSignIn, {
      issuer: 'https://idp.example.com',
      subject: 'sub-1',
      email: 'changed@example.com',
      defaultRole: 'user',
    });
    expect(again.userId).toBe(first.userId);

    // another provider's identity with the same email is another user, without the email
    const stranger = await rpc.send(Subjects.billingOidcSignIn, {
      issuer: 'https://other-idp.example.com',
      subject: 'sub-1',
      email: 'SSO@example.com',
      defaultRole: 'user',
    });
    expect(stranger.userId).not.toBe(first.userId);
    expect(stranger.email).toBeNull();

    await rpc.send(Subjects.billingUserUpdate, { userId: first.userId, body: { disabled: true } });
    const refused = await refusal(
      rpc.send(Subjects.billingOidcSignIn, { issuer: 'https://idp.example.com', subject: 'sub-1', defaultRole: 'user' }),
    );
    expect(refused.code).toBe('permission_denied');
  });
});
