import {
  apiCaller,
  createUserWithKey,
  MockUpstreamProcess,
  RunningStack,
  startMockUpstream,
  startStackLikeNpmStart,
} from '@switchyard/testing';

const CIRCUIT_FAILURES = 3;

/**
 * A PLATFORM channel is shared by every user: its circuits are kept per model, count only failures
 * of the channel (never those the request caused) and need more than one caller to open, so one key
 * holder cannot take a model, or the channel, away from the others. Two router replicas share them.
 */
describe("a shared channel's circuits", () => {
  let stack: RunningStack;
  let call: ReturnType<typeof apiCaller>;
  let upstream: MockUpstreamProcess;
  let mallory: { userId: string; key: string };
  let alice: { userId: string; key: string };
  let channelId: string;

  const chat = (key: string, model: string, mock?: Record<string, unknown>) =>
    call('POST', '/v1/chat/completions', key, { model, messages: [{ role: 'user', content: `hi ${model}` }], ...(mock && { mock }) });
  const circuitOfChannel = async () => (await call('GET', `/admin/channels/${channelId}`, stack.adminKey)).body.health.circuit;

  beforeAll(async () => {
    upstream = await startMockUpstream({ apiKey: 'sk-shared' });
    // split: two router replicas share one circuit
    stack = await startStackLikeNpmStart(
      {
        SWITCHYARD_REPLICAS: 'router=2',
        SWITCHYARD_CIRCUIT_FAILURES: String(CIRCUIT_FAILURES),
        SWITCHYARD_CIRCUIT_COOLDOWN_MS: '60000',
      },
      { mode: 'split' },
    );
    call = apiCaller(stack);
    [mallory, alice] = await Promise.all([
      createUserWithKey(stack, { name: 'mallory', role: 'vip' }),
      createUserWithKey(stack, { name: 'alice', role: 'vip' }),
    ]);
    const created = await call('POST', '/admin/channels', stack.adminKey, {
      name: 'shared',
      provider: 'openai',
      base_url: `${upstream.url}/v1`,
      api_key: 'sk-shared',
      models: ['shared-a', 'shared-b'],
    });
    expect(created.status).toBe(201);
    channelId = created.body.id;
  });

  afterAll(async () => {
    await stack?.stop();
    await upstream?.stop();
  });

  it('one caller forcing 5xx on one model takes nothing away from anyone', async () => {
    for (let i = 0; i < CIRCUIT_FAILURES * 3; i++) {
      const failed = await chat(mallory.key, 'shared-a', { mode: 'fail', status: 500 });
      expect(failed.status).toBe(502);
      expect(failed.body.error.code).toBe('upstream_error');
    }
    for (let i = 0; i < 4; i++) {
      for (const [key, model] of [
        [alice.key, 'shared-a'],
        [alice.key, 'shared-b'],
        [mallory.key, 'shared-b'],
      ]) {
        const served = await chat(key, model);
        expect(served.status).toBe(200);
        expect(served.body._routing.channel.id).toBe(channelId);
      }
    }
    expect(await circuitOfChannel()).toBe('closed');
  });

  it('failures the requests caused (400, 404, 413, 422) open nothing, however many callers send them', async () => {
    for (const status of [400, 404, 413, 422]) {
      for (const key of [mallory.key, alice.key, mallory.key, alice.key])
        expect((await chat(key, 'shared-b', { mode: 'fail', status })).status).toBe(status);
    }
    for (const key of [mallory.key, alice.key]) expect((await chat(key, 'shared-b')).status).toBe(200);
    expect(await circuitOfChannel()).toBe('closed');
  });

  it('failures from more than one caller open the circuit of that model only, on every replica', async () => {
    // mallory's failures of the first test are still in the window: one more caller is enough
    expect((await chat(alice.key, 'shared-a', { mode: 'fail', status: 500 })).status).toBe(502);
    await new Promise((r) => setTimeout(r, 200)); // the broadcast reaches the other replica
    for (let i = 0; i < 4; i++) {
      const refused = await chat(alice.key, 'shared-a');
      expect(refused.status).toBe(503);
      expect(refused.body.error.code).toBe('channels_unavailable');
      expect((await chat(alice.key, 'shared-b')).status).toBe(200);
    }
    expect(await circuitOfChannel()).toBe('open');
  });

  it('an admin re-enabling the channel gives it a fresh start on every replica, not only the one that took the write', async () => {
    expect((await call('PATCH', `/admin/channels/${channelId}`, stack.adminKey, { status: 'enabled' })).status).toBe(200);
    // each request lands on either replica: eight in a row served means both forgot the open circuit
    for (let i = 0; i < 8; i++) {
      expect((await chat(alice.key, 'shared-a')).status).toBe(200);
      expect(await circuitOfChannel()).toBe('closed');
    }
  });
});
