import { join } from 'path';
import { freePort, ManagedProcess, repoRoot, spawnNode } from '@switchyard/runtime';
import { ApiAnswer, apiCaller, RunningStack, startStackLikeNpmStart, tempDir, uncheckedFetch, validatingFetch } from '@switchyard/testing';

const CLIENT_ID = 'switchyard-console';
const CLIENT_SECRET = 'oidc-test-client-secret-0123456789';
const FIRST_PASSWORD = 'Lovelace engine 1843';
const SECOND_PASSWORD = 'Analytical Engine 1837';
const THIRD_PASSWORD = 'Difference engine 1822';

/** The Set-Cookie values of an answer as `name=value` pairs (attributes dropped). */
function cookiesOf(answer: { headers: Headers }): Map<string, string> {
  const jar = new Map<string, string>();
  for (const line of answer.headers.getSetCookie()) {
    const pair = line.split(';')[0];
    const eq = pair.indexOf('=');
    jar.set(pair.slice(0, eq), pair.slice(eq + 1));
  }
  return jar;
}

const cookieHeader = (jar: Map<string, string>) => [...jar].map(([name, value]) => `${name}=${value}`).join('; ');

/**
 * Local accounts against the system as `npm start` runs it, with a real OpenID provider: an admin
 * invites, the user sets a password, signs in, changes it, an admin resets it and disables the user;
 * and single sign-on through the provider provisions a user once.
 */
describe('console accounts: invites, passwords, disabling, single sign-on', () => {
  let stack: RunningStack;
  let provider: ManagedProcess;
  let gateway: string;
  let call: ReturnType<typeof apiCaller>;
  const logs = tempDir('oidc-provider');
  const admin = (method: string, path: string, body?: unknown) => call(method, path, stack.adminKey, body);
  /** a browser's request: the session cookie and the gateway's own Origin */
  const asBrowser = (session: string, method: string, path: string, body?: unknown) =>
    call(method, path, null, body, { cookie: `switchyard_session=${session}`, origin: gateway });
  const signIn = (email: string, password: string) => call('POST', '/auth/sign-in', null, { email, password }, { origin: gateway });
  const sessionOf = (answer: ApiAnswer) => cookiesOf(answer).get('switchyard_session')!;
  const tokenOf = (answer: ApiAnswer) => (answer.body.url as string).split('/').pop()!;

  beforeAll(async () => {
    const gatewayPort = await freePort();
    const providerPort = await freePort();
    gateway = `http://127.0.0.1:${gatewayPort}`;
    provider = spawnNode({
      name: 'oidc-provider',
      script: join(repoRoot(), 'tools/e2e/src/oidc/test-provider.mjs'),
      args: [String(providerPort), `${gateway}/auth/oidc/callback`, CLIENT_ID, CLIENT_SECRET],
      env: process.env,
      logDir: logs.path,
    });
    await provider.waitForLine(/oidc test provider listening/, 30_000);
    stack = await startStackLikeNpmStart({
      PORT: String(gatewayPort),
      SWITCHYARD_PUBLIC_URL: gateway,
      SWITCHYARD_OIDC_ISSUER: `http://127.0.0.1:${providerPort}`,
      SWITCHYARD_OIDC_CLIENT_ID: CLIENT_ID,
      SWITCHYARD_OIDC_CLIENT_SECRET: CLIENT_SECRET,
    });
    call = apiCaller({ gatewayUrl: gateway });
  });

  afterAll(async () => {
    await stack?.stop();
    await provider?.stop();
    logs.remove();
  });

  it('invites, refuses a weak password, signs in with a strong one, changes it, resets it, and audits each step', async () => {
    const user = (await admin('POST', '/admin/users', { name: 'Ada Console' })).body;
    const invite = await admin('POST', `/admin/users/${user.id}/invite`, { email: 'Ada.Console@example.com' });
    expect(invite.status).toBe(201);
    expect(invite.body.url).toMatch(/^\/#\/invite\/[A-Za-z0-9_-]{43}$/);
    const token = tokenOf(invite);

    const peek = await call('GET', `/auth/invites/${token}`, null);
    expect(peek.body).toMatchObject({ object: 'invite', email: 'Ada.Console@example.com', name: 'Ada Console', kind: 'invite' });

    const weak = await call('POST', `/auth/invites/${token}/accept`, null, { password: 'my-ada.console-2024' }, { origin: gateway });
    expect(weak.status).toBe(400);
    expect(weak.body.error).toMatchObject({ code: 'weak_password', param: 'password' });
    expect(weak.body.error.message).toMatch(/email/);
    const accepted = await call('POST', `/auth/invites/${token}/accept`, null, { password: FIRST_PASSWORD }, { origin: gateway });
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ object: 'session', method: 'password', user: { id: user.id, email: 'Ada.Console@example.com' } });
    expect(accepted.headers.get('set-cookie')).toMatch(/switchyard_session=.+HttpOnly/i);
    expect((await call('GET', `/auth/invites/${token}`, null)).status).toBe(404);
    expect((await call('POST', `/auth/invites/${token}/accept`, null, { password: FIRST_PASSWORD }, { origin: gateway })).status).toBe(404);

    // the email is found whatever its case; a wrong password and an unknown email get the same answer
    const signedIn = await signIn('ada.console@EXAMPLE.com', FIRST_PASSWORD);
    expect(signedIn.status).toBe(200);
    const session = sessionOf(signedIn);
    const current = await asBrowser(session, 'GET', '/auth/session');
    expect(current.body).toMatchObject({ method: 'password', user: { id: user.id, email: 'Ada.Console@example.com', role: 'user' } });
    const wrong = await signIn('ada.console@example.com', `${FIRST_PASSWORD}!`);
    const unknown = await signIn('nobody@example.com', FIRST_PASSWORD);
    expect([wrong.status, unknown.status]).toEqual([401, 401]);
    expect(wrong.body.error.code).toBe('invalid_credentials');
    expect(unknown.body.error).toEqual(wrong.body.error);

    const badCurrent = await asBrowser(session, 'PUT', '/auth/password', {
      current_password: 'not it at all 1',
      new_password: SECOND_PASSWORD,
    });
    expect(badCurrent.status).toBe(400);
    const changed = await asBrowser(session, 'PUT', '/auth/password', { current_password: FIRST_PASSWORD, new_password: SECOND_PASSWORD });
    expect(changed.status).toBe(204);
    expect((await signIn('ada.console@example.com', FIRST_PASSWORD)).status).toBe(401);
    expect((await signIn('ada.console@example.com', SECOND_PASSWORD)).status).toBe(200);

    const reset = await admin('POST', `/admin/users/${user.id}/password-reset`);
    expect(reset.status).toBe(201);
    expect((await call('GET', `/auth/invites/${tokenOf(reset)}`, null)).body.kind).toBe('reset');
    const viaReset = await call('POST', `/auth/invites/${tokenOf(reset)}/accept`, null, { password: THIRD_PASSWORD }, { origin: gateway });
    expect(viaReset.status).toBe(200);
    expect((await signIn('ada.console@example.com', SECOND_PASSWORD)).status).toBe(401);
    expect((await signIn('ada.console@example.com', THIRD_PASSWORD)).status).toBe(200);

    const log = (await admin('GET', `/admin/audit-log?target_id=${user.id}&limit=50`)).body.data as { action: string }[];
    expect(log.map((e) => e.action)).toEqual(expect.arrayContaining(['user.invite', 'user.password_reset']));
    expect(JSON.stringify(log)).not.toContain(token);
    // every sign-in by the user: the two links and the three password sign-ins that went through
    const signIns = (await admin('GET', `/admin/audit-log?actor_user_id=${user.id}&action=auth.sign_in&limit=50`)).body.data;
    expect(signIns.map((e: { after: { method: string } }) => e.after.method)).toEqual(Array(5).fill('password'));
  });

  it('finds users by part of their name or email, a page at a time', async () => {
    const found = await admin('GET', '/admin/users?search=ADA.CONSOLE@&limit=5');
    expect(found.status).toBe(200);
    expect(found.body.data.map((u: { name: string }) => u.name)).toEqual(['Ada Console']);
    const first = await admin('GET', '/admin/users?limit=1');
    expect(first.body).toMatchObject({ has_more: true });
    const second = await admin('GET', `/admin/users?limit=1&after=${first.body.data[0].id}`);
    expect(second.body.data[0].id).not.toBe(first.body.data[0].id);
  });

  it('disabling a user refuses their password, their sessions and their keys at once; enabling lets the keys back in', async () => {
    const user = (await admin('POST', '/admin/users', { name: 'Grace Disabled' })).body;
    const token = tokenOf(await admin('POST', `/admin/users/${user.id}/invite`, { email: 'grace@example.com' }));
    const session = sessionOf(await call('POST', `/auth/invites/${token}/accept`, null, { password: FIRST_PASSWORD }, { origin: gateway }));
    const key = (await admin('POST', `/admin/users/${user.id}/keys`, { name: 'k', scopes: ['inference', 'usage:read'] })).body.key;
    expect((await call('GET', '/v1/models', key)).status).toBe(200);

    const disabled = await admin('PATCH', `/admin/users/${user.id}`, { disabled: true });
    expect(disabled.status).toBe(200);
    expect(disabled.body.disabled_at).toEqual(expect.any(Number));
    expect((await signIn('grace@example.com', FIRST_PASSWORD)).status).toBe(401);
    expect((await asBrowser(session, 'GET', '/auth/session')).status).toBe(401);
    expect((await call('GET', '/v1/models', key)).status).toBe(401);

    const enabled = await admin('PATCH', `/admin/users/${user.id}`, { disabled: false, role: 'vip' });
    expect(enabled.body).toMatchObject({ disabled_at: null, role: 'vip' });
    expect((await call('GET', '/v1/models', key)).status).toBe(200);
    // the session ended for good with the disabling
    expect((await asBrowser(session, 'GET', '/auth/session')).status).toBe(401);
    expect((await signIn('grace@example.com', FIRST_PASSWORD)).body.user).toMatchObject({ id: user.id, role: 'vip' });
    const update = (await admin('GET', `/admin/audit-log?target_id=${user.id}&action=user.update`)).body.data;
    expect(update[0]).toMatchObject({
      before: { role: 'user', disabled_at: expect.any(Number) },
      after: { role: 'vip', disabled_at: null },
    });
  });

  /** Follows the redirects of a browser from /auth/oidc/start through the provider and back, with one cookie jar. */
  async function singleSignOn(): Promise<ApiAnswer> {
    const jar = new Map<string, string>();
    const start = await validatingFetch(`${gateway}/auth/oidc/start`, { redirect: 'manual' });
    expect(start.status).toBe(302);
    for (const [name, value] of cookiesOf(start)) jar.set(name, value);
    let location = new URL(start.headers.get('location')!, gateway).href;
    expect(location.startsWith(gateway)).toBe(false);
    for (let hop = 0; hop < 10 && !location.startsWith(gateway); hop++) {
      const answer = await uncheckedFetch(location, { redirect: 'manual', headers: { cookie: cookieHeader(jar) } });
      for (const [name, value] of cookiesOf(answer)) jar.set(name, value);
      expect([302, 303]).toContain(answer.status);
      location = new URL(answer.headers.get('location')!, location).href;
    }
    expect(location).toMatch(new RegExp(`^${gateway}/auth/oidc/callback\\?code=`));
    const back = await validatingFetch(location, { redirect: 'manual', headers: { cookie: cookieHeader(jar) } });
    return { status: back.status, headers: back.headers, body: await back.text() };
  }

  it('signs in through the OpenID provider, provisioning the user once with the default role and no credit', async () => {
    const first = await singleSignOn();
    expect(first.status).toBe(302);
    expect(first.headers.get('location')).toBe('/');
    const session = sessionOf(first);
    expect(session).toBeTruthy();
    const me = await asBrowser(session, 'GET', '/auth/session');
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({
      method: 'oidc',
      user: { name: 'Sso Person', email: 'sso.person@example.com', role: 'user' },
      scopes: ['inference', 'usage:read'],
    });
    const account = await asBrowser(session, 'GET', '/v1/account');
    expect(account.body).toMatchObject({ object: 'account', user: { id: me.body.user.id, role: 'user' }, balance: 0, debt: 0 });

    const second = await singleSignOn();
    const again = await asBrowser(sessionOf(second), 'GET', '/auth/session');
    expect(again.body.user.id).toBe(me.body.user.id);
    expect((await admin('GET', '/admin/users?search=sso.person@example.com')).body.data).toHaveLength(1);
    const signIns = (await admin('GET', `/admin/audit-log?actor_user_id=${me.body.user.id}&action=auth.sign_in`)).body.data;
    expect(signIns.map((e: { after: { method: string } }) => e.after.method)).toEqual(['oidc', 'oidc']);
  });

  it('sends a callback without a started sign-in back to the sign-in page with the reason', async () => {
    const answer = await validatingFetch(`${gateway}/auth/oidc/callback?code=forged&state=forged`, { redirect: 'manual' });
    expect(answer.status).toBe(302);
    expect(answer.headers.get('location')).toBe('/#/sign-in?error=oidc_expired');
  });
});
