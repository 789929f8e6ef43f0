import { readFileSync } from 'fs';
import { join } from 'path';
import {
  apiCaller,
  createUserWithKey,
  eventually,
  MockUpstreamProcess,
  RunningStack,
  startMockUpstream,
  startStackLikeNpmStart,
  uncheckedFetch,
} from '@switchyard/testing';
import { promtoolProblems, sampleSum } from './metrics-kit';

/**
 * The refusal and health counters counted exactly, each by the process that decides (split mode:
 * every service on its own metrics port): rate-limit refusals at the gateway; cache lookups, holds,
 * channel cap refusals, auto-disables and failovers at the router; batch reservations at batches.
 */
describe('metric counts (split mode)', () => {
  let stack: RunningStack;
  let call: ReturnType<typeof apiCaller>;
  let steady: MockUpstreamProcess;
  let keyed: MockUpstreamProcess;
  let endpoints: Record<string, string>;
  const admin = (method: string, path: string, body?: unknown) => call(method, path, stack.adminKey, body);
  const chat = (key: string, model: string, content: string, headers: Record<string, string> = {}) =>
    call('POST', '/v1/chat/completions', key, { model, messages: [{ role: 'user', content }], temperature: 0 }, headers);
  const scrape = async (service: string) => {
    const answer = await uncheckedFetch(endpoints[service]);
    expect(answer.status).toBe(200);
    return answer.text();
  };
  const count = async (service: string, name: string, labels: Record<string, string> = {}) =>
    sampleSum(await scrape(service), name, labels);
  const channel = async (body: Record<string, unknown>) => {
    const created = await admin('POST', '/admin/channels', { provider: 'openai', ...body });
    expect(created.status).toBe(201);
    return created.body as { id: string };
  };

  beforeAll(async () => {
    [steady, keyed] = await Promise.all([startMockUpstream({ apiKey: 'sk-steady' }), startMockUpstream({ apiKey: 'sk-right' })]);
    stack = await startStackLikeNpmStart({ SWITCHYARD_METRICS_PORT: '0', SWITCHYARD_ALLOW_PRIVATE_UPSTREAMS: 'true' }, { mode: 'split' });
    endpoints = JSON.parse(readFileSync(join(stack.dataDir, 'stack.json'), 'utf8')).metrics;
    call = apiCaller(stack);
  });

  afterAll(async () => {
    await stack?.stop();
    await Promise.all([steady?.stop(), keyed?.stop()]);
  });

  it("counts each rate-limit refusal once, by the caller's role", async () => {
    expect((await admin('PUT', '/admin/rate-limits/partner', { requests_per_minute: 3 })).status).toBe(200);
    const partner = await createUserWithKey(stack, { name: 'limited-partner', role: 'partner' });
    const before = {
      partner: await count('gateway', 'switchyard_rate_limit_refusals_total', { role: 'partner' }),
      user: await count('gateway', 'switchyard_rate_limit_refusals_total', { role: 'user' }),
    };
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await chat(partner.key, 'mock-gpt', `limited ${i}`)).status);
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
    expect(await count('gateway', 'switchyard_rate_limit_refusals_total', { role: 'partner' })).toBe(before.partner + 2);
    expect(await count('gateway', 'switchyard_rate_limit_refusals_total', { role: 'user' })).toBe(before.user);
  });

  it('counts each cache lookup as a hit or a miss, and a hold for each paid call, refused without credit', async () => {
    const rich = await createUserWithKey(stack, { name: 'cache-holder', credits: 5 });
    const broke = await createUserWithKey(stack, { name: 'no-credit', credits: 0 });
    const lookups = async (result: string) => count('router', 'switchyard_cache_lookups_total', { result });
    const holds = async (outcome: string) => count('router', 'switchyard_holds_total', { outcome });
    const before = { hit: await lookups('hit'), miss: await lookups('miss'), held: await holds('held'), refused: await holds('refused') };

    const answers = [];
    for (let i = 0; i < 3; i++) answers.push(await chat(rich.key, 'mock-gpt', 'cache me for the count', { 'x-switchyard-cache': 'on' }));
    expect(answers.map((a) => [a.status, a.body._routing.cached])).toEqual([
      [200, false],
      [200, true],
      [200, true],
    ]);
    expect(await lookups('miss')).toBe(before.miss + 1);
    expect(await lookups('hit')).toBe(before.hit + 2);
    // only the miss went upstream, so only it held money
    expect(await holds('held')).toBe(before.held + 1);

    const refused = await chat(broke.key, 'mock-gpt', 'no credit');
    expect([refused.status, refused.body.error?.code]).toEqual([402, 'insufficient_quota']);
    expect(await holds('refused')).toBe(before.refused + 1);
    expect(await holds('held')).toBe(before.held + 1);
  });

  it('counts a channel auto-disabled by its refused key, the failover that served the request, and cap refusals by cap', async () => {
    const caller = await createUserWithKey(stack, { name: 'channel-counter', role: 'vip' });
    const dead = await channel({
      name: 'wrong-key',
      base_url: `${keyed.url}/v1`,
      api_key: 'sk-wrong',
      models: ['count-model'],
      priority: 10,
    });
    const capped = await channel({
      name: 'one-a-minute',
      base_url: `${steady.url}/v1`,
      api_key: 'sk-steady',
      models: ['count-model'],
      priority: 5,
      rpm_limit: 1,
    });
    const fallback = await channel({
      name: 'fallback',
      base_url: `${steady.url}/v1`,
      api_key: 'sk-steady',
      models: ['count-model'],
      priority: 0,
    });
    const before = {
      disables: await count('router', 'switchyard_channel_auto_disables_total', { channel: dead.id }),
      failovers: await count('router', 'switchyard_failovers_total', { model: 'count-model' }),
      rpm: await count('router', 'switchyard_channel_cap_refusals_total', { channel: capped.id, cap: 'rpm' }),
    };

    // the first request: the wrong key (401, the channel is disabled), then the capped channel answers
    const first = await chat(caller.key, 'count-model', 'first');
    expect(first.status).toBe(200);
    expect(first.body._routing.attempts.map((a: { channel_id: string; status: number }) => [a.channel_id, a.status])).toEqual([
      [dead.id, 401],
      [capped.id, 200],
    ]);
    // the next two: the dead channel is no longer tried, the capped one is at its cap, the fallback answers
    for (const content of ['second', 'third']) {
      const answer = await chat(caller.key, 'count-model', content);
      expect(answer.body._routing.attempts.map((a: { channel_id: string }) => a.channel_id)).toEqual([fallback.id]);
    }
    expect(await count('router', 'switchyard_channel_auto_disables_total', { channel: dead.id })).toBe(before.disables + 1);
    expect(await count('router', 'switchyard_failovers_total', { model: 'count-model' })).toBe(before.failovers + 1);
    expect(await count('router', 'switchyard_channel_cap_refusals_total', { channel: capped.id, cap: 'rpm' })).toBe(before.rpm + 2);
    expect(await count('router', 'switchyard_channel_cap_refusals_total', { channel: fallback.id })).toBe(0);
    expect(promtoolProblems(await scrape('router'))).toBe('');
  });

  it('counts a batch reservation as reserved, or refused when the owner cannot cover the batch', async () => {
    const rich = await createUserWithKey(stack, { name: 'batch-rich', credits: 5 });
    const broke = await createUserWithKey(stack, { name: 'batch-broke', credits: 0 });
    const reservations = async (outcome: string) => count('batches', 'switchyard_batch_reservations_total', { outcome });
    const before = { reserved: await reservations('reserved'), refused: await reservations('refused') };
    const runBatch = async (key: string) => {
      const input = [0, 1]
        .map((i) =>
          JSON.stringify({
            custom_id: `r-${i}`,
            method: 'POST',
            url: '/v1/chat/completions',
            body: { model: 'mock-gpt', messages: [{ role: 'user', content: `reserve ${i}` }] },
          }),
        )
        .join('\n');
      const form = new FormData();
      form.append('purpose', 'batch');
      form.append('file', new Blob([input]), 'in.jsonl');
      const upload = await uncheckedFetch(`${stack.gatewayUrl}/v1/files`, {
        method: 'POST',
        headers: { authorization: `Bearer ${key}` },
        body: form,
      });
      expect(upload.status).toBe(200);
      const file = (await upload.json()) as { id: string };
      const created = await call('POST', '/v1/batches', key, {
        input_file_id: file.id,
        endpoint: '/v1/chat/completions',
        completion_window: '24h',
      });
      expect(created.status).toBe(200);
      return eventually('the batch to finish', async () => (await call('GET', `/v1/batches/${created.body.id}`, key)).body, {
        until: (b) => ['completed', 'failed'].includes(b.status),
        timeoutMs: 30_000,
        intervalMs: 100,
      });
    };

    expect((await runBatch(rich.key)).request_counts).toMatchObject({ completed: 2, failed: 0 });
    expect(await reservations('reserved')).toBe(before.reserved + 1);
    expect(await reservations('refused')).toBe(before.refused);
    // without credit the batch still runs: each line holds its own cost, and fails
    expect((await runBatch(broke.key)).request_counts).toMatchObject({ completed: 0, failed: 2 });
    expect(await reservations('refused')).toBe(before.refused + 1);
    expect(await reservations('reserved')).toBe(before.reserved + 1);
  });
});
