import {
  apiCaller,
  createUserWithKey,
  eventually,
  MockUpstreamProcess,
  RunningStack,
  startMockUpstream,
  startStackLikeNpmStart,
} from '@switchyard/testing';

const CIRCUIT_FAILURES = 3;

/** An operator's view of a PLATFORM channel's health, the same whichever of two router replicas answers; re-enabling an auto-disabled channel. */
describe('admin channel health', () => {
  let stack: RunningStack;
  let call: ReturnType<typeof apiCaller>;
  let steady: MockUpstreamProcess;
  let flakyUpstream: MockUpstreamProcess;
  let keyed: MockUpstreamProcess;
  let alice: { userId: string; key: string };
  let bob: { userId: string; key: string };
  const admin = (method: string, path: string, body?: unknown) => call(method, path, stack.adminKey, body);
  const chat = (key: string, model: string) =>
    call('POST', '/v1/chat/completions', key, { model, messages: [{ role: 'user', content: 'health' }] });
  const channel = async (body: Record<string, unknown>) => (await admin('POST', '/admin/channels', { provider: 'openai', ...body })).body;
  /** Asked several times: each of the two router replicas answers some of them, and they must agree. */
  const healthOf = async (id: string) => {
    const answers = [];
    for (let i = 0; i < 4; i++) answers.push(await admin('GET', `/admin/channels/${id}/health`));
    for (const a of answers) expect(a.status).toBe(200);
    const [first, ...rest] = answers.map((a) => a.body);
    for (const other of rest) expect(other).toEqual(first);
    return first;
  };

  beforeAll(async () => {
    [steady, flakyUpstream, keyed] = await Promise.all([
      startMockUpstream({ apiKey: 'sk-steady' }),
      startMockUpstream({ apiKey: 'sk-flaky' }),
      startMockUpstream({ apiKey: 'sk-right' }),
    ]);
    stack = await startStackLikeNpmStart(
      {
        SWITCHYARD_REPLICAS: 'router=2',
        SWITCHYARD_ALLOW_PRIVATE_UPSTREAMS: 'true',
        SWITCHYARD_CIRCUIT_FAILURES: String(CIRCUIT_FAILURES),
        SWITCHYARD_CIRCUIT_COOLDOWN_MS: '60000',
      },
      { mode: 'split' }, // two router replicas: health must be the same on each
    );
    call = apiCaller(stack);
    [alice, bob] = await Promise.all([
      createUserWithKey(stack, { name: 'alice', role: 'vip' }),
      createUserWithKey(stack, { name: 'bob', role: 'vip' }),
    ]);
  });

  afterAll(async () => {
    await stack?.stop();
    await Promise.all([steady?.stop(), flakyUpstream?.stop(), keyed?.stop()]);
  });

  it("shows each model's open circuit with its last error and time, on every replica", async () => {
    const flaky = await channel({
      name: 'flaky',
      base_url: `${flakyUpstream.url}/v1`,
      api_key: 'sk-flaky',
      models: ['h-model', 'h-other'],
      priority: 10,
    });
    await channel({ name: 'steady', base_url: `${steady.url}/v1`, api_key: 'sk-steady', models: ['h-model'], priority: 0 });
    expect(await healthOf(flaky.id)).toEqual({
      object: 'channel.health',
      channel_id: flaky.id,
      status: 'enabled',
      auto_disabled_reason: null,
      models: [
        { model: 'h-model', circuit: 'closed', recent_failures: 0, last_error: null, last_error_at: null },
        { model: 'h-other', circuit: 'closed', recent_failures: 0, last_error: null, last_error_at: null },
      ],
    });

    await flakyUpstream.configure({ mode: 'fail', status: 503 });
    const before = Math.floor(Date.now() / 1000);
    // two callers: a PLATFORM circuit opens only on failures from several
    for (let i = 0; i < 8; i++) expect((await chat([alice, bob][i % 2].key, 'h-model')).status).toBe(200);
    const health = await eventually('the circuit to open on every replica', () => healthOf(flaky.id), {
      until: (h) => h.models[0].circuit === 'open',
      timeoutMs: 10_000,
      intervalMs: 50,
      retryErrors: true, // replicas that do not agree yet: the broadcast has not reached one of them
    });
    expect(health.models[0]).toEqual({
      model: 'h-model',
      circuit: 'open',
      recent_failures: expect.any(Number),
      last_error: expect.stringMatching(/^HTTP 503: /),
      last_error_at: expect.any(Number),
    });
    expect(health.models[0].recent_failures).toBeGreaterThanOrEqual(CIRCUIT_FAILURES);
    expect(health.models[0].last_error_at).toBeGreaterThanOrEqual(before);
    expect(health.models[1]).toMatchObject({ model: 'h-other', circuit: 'closed', last_error: null }); // one model failing leaves the others alone
  });

  it('shows why a channel was auto-disabled, and an admin re-enables it with PATCH status', async () => {
    const dead = await channel({ name: 'dead', base_url: `${keyed.url}/v1`, api_key: 'sk-wrong', models: ['d-model'], priority: 10 });
    await channel({ name: 'steady-d', base_url: `${steady.url}/v1`, api_key: 'sk-steady', models: ['d-model'], priority: 0 });
    expect((await chat(alice.key, 'd-model')).body._routing.attempts[0]).toMatchObject({ channel_id: dead.id, status: 401 });
    const disabled = await eventually('the channel to be auto-disabled', () => healthOf(dead.id), {
      until: (h) => h.status === 'auto_disabled',
      timeoutMs: 10_000,
      intervalMs: 50,
      retryErrors: true, // replicas that do not agree yet: the broadcast has not reached one of them
    });
    expect(disabled.auto_disabled_reason).toContain('HTTP 401');
    expect(disabled.models).toEqual([
      {
        model: 'd-model',
        circuit: 'closed',
        recent_failures: 0,
        last_error: expect.stringMatching(/^HTTP 401: /),
        last_error_at: expect.any(Number),
      },
    ]);
    const whileDisabled = (await chat(alice.key, 'd-model')).body._routing;
    expect(whileDisabled.attempts.map((a: { channel_id: string }) => a.channel_id)).not.toContain(dead.id); // not tried while disabled

    const enabled = await admin('PATCH', `/admin/channels/${dead.id}`, { status: 'enabled' });
    expect(enabled.body).toMatchObject({ status: 'enabled', status_reason: null });
    expect(await healthOf(dead.id)).toMatchObject({ status: 'enabled', auto_disabled_reason: null });
    // routed to again (on any replica): its key is still wrong, so the router disables it again, with a new reason
    expect((await chat(bob.key, 'd-model')).body._routing.attempts[0]).toMatchObject({ channel_id: dead.id, status: 401 });
    await eventually('the channel to be auto-disabled again', () => healthOf(dead.id), {
      until: (h) => h.status === 'auto_disabled',
      timeoutMs: 10_000,
      intervalMs: 50,
      retryErrors: true, // replicas that do not agree yet: the broadcast has not reached one of them
    });
    // with the key fixed, enabling it makes it serve
    await admin('PATCH', `/admin/channels/${dead.id}`, { api_key: 'sk-right', status: 'enabled' });
    expect((await chat(alice.key, 'd-model')).body._routing).toMatchObject({ channel: { id: dead.id }, retryCount: 0 });
  });

  it('answers 404 for a channel that is not a PLATFORM one, and 403 to non-admins', async () => {
    expect((await admin('GET', '/admin/channels/ch_nothing/health')).status).toBe(404);
    const own = await call('POST', '/v1/channels', alice.key, {
      provider: 'openai',
      base_url: `${steady.url}/v1`,
      api_key: 'sk-steady',
      models: ['mine'],
    });
    expect((await admin('GET', `/admin/channels/${own.body.id}/health`)).status).toBe(404);
    expect((await call('GET', `/admin/channels/${own.body.id}/health`, alice.key)).status).toBe(403);
  });
});
