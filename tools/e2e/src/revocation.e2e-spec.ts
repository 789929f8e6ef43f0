import { existsSync, readFileSync } from 'fs';
import { join } from 'path';
import { readyPattern } from '@switchyard/logging';
import { apiCaller, eventually, RunningStack, servicePid, startExtraGateway, startStackLikeNpmStart } from '@switchyard/testing';

/** Revocation sticks: not even the key the operator configured comes back when billing restarts. */
describe('a revoked SWITCHYARD_ADMIN_KEY stays revoked when billing is killed and restarted', () => {
  let stack: RunningStack;
  let call: ReturnType<typeof apiCaller>;

  const billingLog = () => {
    const path = join(stack.dataDir, 'logs', 'billing.log');
    return existsSync(path) ? readFileSync(path, 'utf8') : '';
  };
  const readyLines = () =>
    billingLog()
      .split('\n')
      .filter((line) => readyPattern('billing').test(line)).length;

  const POLLING = { timeoutMs: 60_000, intervalMs: 200 };

  beforeAll(async () => {
    // split: it kills billing alone, and starts a second gateway that reaches billing over NATS
    stack = await startStackLikeNpmStart({}, { mode: 'split' });
    call = apiCaller(stack);
  });

  afterAll(async () => {
    await stack?.stop();
  });

  it('refuses the revoked bootstrap key at once, after billing restarts, and on a gateway that never heard the revocation', async () => {
    const adminUser = (await call('GET', '/admin/users', stack.adminKey)).body.data.find((u: { role: string }) => u.role === 'admin');
    const spare = await call('POST', `/admin/users/${adminUser.id}/keys`, stack.adminKey, {
      name: 'spare-admin',
      scopes: ['inference', 'usage:read', 'admin'],
    });
    expect(spare.status).toBe(201);
    const bootstrap = (await call('GET', `/admin/users/${adminUser.id}/keys`, spare.body.key)).body.data.find(
      (k: { name: string }) => k.name === 'bootstrap',
    );
    expect((await call('GET', '/v1/models', stack.adminKey)).status).toBe(200);

    expect((await call('DELETE', `/admin/users/${adminUser.id}/keys/${bootstrap.id}`, spare.body.key)).status).toBe(200);
    const atOnce = await call('GET', '/v1/models', stack.adminKey);
    expect(atOnce.status).toBe(401);
    expect(atOnce.body.error).toMatchObject({ code: 'invalid_api_key', type: 'invalid_request_error' });

    const readyBefore = readyLines();
    process.kill(servicePid(stack, 'billing'), 'SIGKILL');
    await eventually('billing to restart', () => readyLines() > readyBefore, POLLING);
    await eventually(
      'billing to answer the spare admin key',
      async () => (await call('GET', '/admin/users', spare.body.key)).status === 200,
      POLLING,
    );

    expect((await call('GET', '/v1/models', stack.adminKey)).status).toBe(401);
    expect((await call('GET', '/admin/users', stack.adminKey)).status).toBe(401);
    // this gateway's memory of the broadcast cannot hide what billing now says about the key
    const fresh = await startExtraGateway(stack);
    try {
      const freshCall = apiCaller({ gatewayUrl: fresh.url });
      await eventually(
        'the extra gateway to answer',
        async () => (await freshCall('GET', '/v1/models', spare.body.key)).status === 200,
        POLLING,
      );
      const refused = await freshCall('GET', '/admin/users', stack.adminKey);
      expect(refused.status).toBe(401);
      expect(refused.body.error).toMatchObject({ code: 'invalid_api_key' });
    } finally {
      await fresh.stop();
    }

    const keys = (await call('GET', `/admin/users/${adminUser.id}/keys`, spare.body.key)).body.data as {
      id: string;
      revoked_at: number | null;
    }[];
    expect(keys.find((k) => k.id === bootstrap.id)!.revoked_at).not.toBeNull();

    const loud = billingLog()
      .split('\n')
      .filter((line) => line.includes('"level":"error"') && /SWITCHYARD_ADMIN_KEY/.test(line) && /revoked/i.test(line));
    expect(loud.length).toBeGreaterThanOrEqual(1);
    expect(billingLog()).not.toContain(stack.adminKey);
  });
});
