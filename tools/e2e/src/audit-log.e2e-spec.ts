import { apiCaller, RunningStack, startStackLikeNpmStart } from '@switchyard/testing';

interface AuditEntry {
  id: string;
  action: string;
  actor: { user_id: string; key_id: string } | null;
  target: { type: string; id: string | null };
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  caller_address: string | null;
  request_id: string | null;
}

/** Every admin write leaves an entry: who, from where, under which request, and what changed. */
describe('the audit log', () => {
  let stack: RunningStack;
  let call: ReturnType<typeof apiCaller>;
  const admin = (method: string, path: string, body?: unknown) => call(method, path, stack.adminKey, body);

  beforeAll(async () => {
    // a user's own channel on a local address: to check that PRIVATE channel writes are not audited
    stack = await startStackLikeNpmStart({ SWITCHYARD_ALLOW_PRIVATE_UPSTREAMS: 'true' });
    call = apiCaller(stack);
  });

  afterAll(async () => {
    await stack?.stop();
  });

  it('lists user.create, credits.add, price.set and key.revoke newest first, with actor and before/after, to admins only', async () => {
    const adminUser = (await admin('GET', '/admin/users')).body.data.find((u: { role: string }) => u.role === 'admin');
    const adminKey = (await admin('GET', `/admin/users/${adminUser.id}/keys`)).body.data.find(
      (k: { name: string }) => k.name === 'bootstrap',
    );

    const user = (await admin('POST', '/admin/users', { name: 'Audited', credits: 1 })).body;
    expect((await admin('POST', `/admin/users/${user.id}/credits`, { amount: 4 })).status).toBe(201);
    expect((await admin('PUT', '/admin/prices/audited-model', { input_per_million: 1, output_per_million: 2 })).status).toBe(200);
    const key = (await admin('POST', `/admin/users/${user.id}/keys`, { name: 'to-revoke' })).body;
    expect((await admin('DELETE', `/admin/users/${user.id}/keys/${key.id}`)).status).toBe(200);

    const log = await admin('GET', '/admin/audit-log?limit=5');
    expect(log.status).toBe(200);
    const entries: AuditEntry[] = log.body.data;
    expect(entries.map((e) => e.action)).toEqual(['key.revoke', 'key.create', 'price.set', 'credits.add', 'user.create']);
    for (const entry of entries) {
      expect(entry.actor).toEqual({ user_id: adminUser.id, key_id: adminKey.id });
      expect(entry.request_id).toMatch(/^req_/);
      expect(entry.caller_address).toBeTruthy();
    }
    const [revoke, created, price, credit, userCreate] = entries;
    expect(revoke).toMatchObject({ target: { type: 'api_key', id: key.id }, before: { revoked_at: null }, after: { id: key.id } });
    expect(revoke.after!.revoked_at).not.toBeNull();
    expect(created.after).toMatchObject({ id: key.id, key: '[redacted]' });
    expect(JSON.stringify(log.body)).not.toContain(key.key);
    expect(price).toMatchObject({ target: { type: 'price', id: 'audited-model' }, before: null, after: { input_per_million: 1 } });
    expect(credit).toMatchObject({ target: { type: 'user', id: user.id }, before: { balance: 1 }, after: { balance: 5, amount: 4 } });
    expect(userCreate).toMatchObject({ target: { type: 'user', id: user.id }, before: null, after: { name: 'Audited' } });

    const credits = await admin('GET', `/admin/audit-log?action=credits.add&target_id=${user.id}`);
    expect(credits.body.data.map((e: AuditEntry) => e.id)).toEqual([credit.id]);
    const paged = await admin('GET', `/admin/audit-log?limit=2&after=${revoke.id}`);
    expect(paged.body.data.map((e: AuditEntry) => e.action)).toEqual(['key.create', 'price.set']);

    const userKey = (await admin('POST', `/admin/users/${user.id}/keys`, { name: 'plain' })).body.key;
    const refused = await call('GET', '/admin/audit-log', userKey);
    expect(refused.status).toBe(403);
  });

  it('takes who, from where and which request from the request, never from a body that claims them', async () => {
    const forged = { actor: { userId: 'usr_forged', keyId: 'key_forged' }, callerAddress: '198.51.100.1', requestId: 'req_forged' };
    const created = await admin('POST', '/admin/users', { name: 'Forged audit', audit: forged });
    // the unknown field is dropped with the rest of what the body class does not declare
    expect(created.status).toBe(201);
    const entries: AuditEntry[] = (await admin('GET', `/admin/audit-log?target_id=${created.body.id}`)).body.data;
    expect(entries.map((e) => e.action)).toEqual(['user.create']);
    expect(JSON.stringify(entries)).not.toContain('forged');
    expect(JSON.stringify(entries)).not.toContain('198.51.100.1');
  });

  it("records a user's own key created and revoked through /v1/keys, with the user as the actor", async () => {
    const user = (await admin('POST', '/admin/users', { name: 'Own keys' })).body;
    const own = (await admin('POST', `/admin/users/${user.id}/keys`, { name: 'mine', scopes: ['inference', 'usage:read'] })).body;
    const made = await call('POST', '/v1/keys', own.key, { name: 'made by me' });
    expect(made.status).toBe(201);
    expect((await call('DELETE', `/v1/keys/${made.body.id}`, own.key)).status).toBe(200);
    const entries: AuditEntry[] = (await admin('GET', `/admin/audit-log?target_id=${made.body.id}`)).body.data;
    expect(entries.map((e) => e.action)).toEqual(['key.revoke', 'key.create']);
    for (const entry of entries) expect(entry.actor).toEqual({ user_id: user.id, key_id: own.id });
    expect(entries[1].after).toMatchObject({ id: made.body.id, key: '[redacted]' });
    expect(JSON.stringify(entries)).not.toContain(made.body.key);
  });

  it("records PLATFORM channel writes without the upstream key, and not a user's own PRIVATE channels", async () => {
    const body = { name: 'audited', provider: 'openai-compatible', base_url: 'http://127.0.0.1:9/v1', models: ['m'] };
    const channel = (await admin('POST', '/admin/channels', { ...body, api_key: 'sk-upstream-secret-1' })).body;
    expect((await admin('PATCH', `/admin/channels/${channel.id}`, { api_key: 'sk-upstream-secret-2', name: 'renamed' })).status).toBe(200);
    expect((await admin('DELETE', `/admin/channels/${channel.id}`)).status).toBe(200);
    const owner = (await admin('POST', '/admin/users', { name: 'Byok' })).body;
    const ownerKey = (await admin('POST', `/admin/users/${owner.id}/keys`, {})).body.key;
    const own = await call('POST', '/v1/channels', ownerKey, { ...body, api_key: 'sk-private-secret' });
    expect(own.status).toBe(201);

    const log = await admin('GET', `/admin/audit-log?target_id=${channel.id}`);
    const entries: AuditEntry[] = log.body.data;
    expect(entries.map((e) => e.action)).toEqual(['channel.delete', 'channel.update', 'channel.create']);
    const [deleted, updated, created] = entries;
    expect(created).toMatchObject({ before: null, after: { id: channel.id, name: 'audited' } });
    expect(updated).toMatchObject({ before: { name: 'audited' }, after: { name: 'renamed' } });
    expect(deleted).toMatchObject({ before: { id: channel.id }, after: null });
    const everything = JSON.stringify((await admin('GET', '/admin/audit-log?limit=100')).body);
    expect(everything).not.toMatch(/sk-upstream-secret|sk-private-secret/);
    expect((await admin('GET', `/admin/audit-log?actor_user_id=${owner.id}`)).body.data).toEqual([]);
  });
});
