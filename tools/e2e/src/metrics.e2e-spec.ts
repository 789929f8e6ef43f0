import { readFileSync } from 'fs';
import { join } from 'path';
import OpenAI, { toFile } from 'openai';
import { Subjects } from '@switchyard/contracts';
import { createUserWithKey, eventually, RunningStack, startStackLikeNpmStart, uncheckedFetch, validatingFetch } from '@switchyard/testing';
import { prometheusConfigFor, promtoolProblems, RunningPrometheus, sampleSum, ScrapeTarget, startPrometheus } from './metrics-kit';

const BURST = 7;
const TOKEN = 'metrics-token-0123456789';
const CHAT = { route: '/v1/chat/completions', method: 'POST', status: '200' };

/**
 * Every endpoint's metrics pass `promtool check metrics`, and a real Prometheus running
 * docker/prometheus/prometheus.yml (pointed at this stack) counts a burst of requests exactly:
 * at the gateway, at the router's upstream calls, and in billing's tokens.
 */
describe.each([
  ['single', {}],
  // the gateway's /metrics behind a token; each other service on a port of its own
  ['split', { SWITCHYARD_METRICS_TOKEN: TOKEN }],
] as const)('Prometheus metrics (%s mode)', (mode, extraEnv: Record<string, string>) => {
  let stack: RunningStack;
  let prometheus: RunningPrometheus | null = null;
  let endpoints: Record<string, string>;
  const auth = (url: string): Record<string, string> =>
    url.startsWith(stack.gatewayUrl) && extraEnv.SWITCHYARD_METRICS_TOKEN ? { authorization: `Bearer ${TOKEN}` } : {};
  const scrape = async (url: string) => {
    const answer = await (url.startsWith(stack.gatewayUrl) ? validatingFetch : uncheckedFetch)(url, { headers: auth(url) });
    expect(answer.status).toBe(200);
    return answer.text();
  };

  beforeAll(async () => {
    stack = await startStackLikeNpmStart({ SWITCHYARD_METRICS_PORT: '0', ...extraEnv }, { mode });
    endpoints = JSON.parse(readFileSync(join(stack.dataDir, 'stack.json'), 'utf8')).metrics;
  });

  afterAll(async () => {
    await prometheus?.stop();
    await stack?.stop();
  });

  it('lists one endpoint per process: the gateway alone in one process, every service in split mode', () => {
    expect(Object.keys(endpoints).sort()).toEqual(mode === 'single' ? ['gateway'] : ['batches', 'billing', 'files', 'gateway', 'router']);
    expect(endpoints.gateway).toBe(`${stack.gatewayUrl}/metrics`);
  });

  if (mode === 'split')
    it("refuses the gateway's metrics without the token", async () => {
      expect((await validatingFetch(`${stack.gatewayUrl}/metrics`)).status).toBe(401);
      expect(
        (await validatingFetch(`${stack.gatewayUrl}/metrics`, { headers: { authorization: 'Bearer wrong-token-0123456789' } })).status,
      ).toBe(401);
    });

  it('counts a burst exactly, and a real Prometheus scraping every endpoint agrees', async () => {
    const gateway = endpoints.gateway;
    const router = endpoints.router ?? gateway;
    const before = {
      http: sampleSum(await scrape(gateway), 'switchyard_http_requests_total', CHAT),
      upstream: sampleSum(await scrape(router), 'switchyard_upstream_requests_total', { model: 'mock-gpt', outcome: 'ok' }),
      tokens: sampleSum(await scrape(endpoints.billing ?? gateway), 'switchyard_tokens_total', { model: 'mock-gpt' }),
      firstTokens: sampleSum(await scrape(router), 'switchyard_upstream_time_to_first_token_seconds_count', { model: 'mock-gpt' }),
      overhead: sampleSum(await scrape(gateway), 'switchyard_http_request_overhead_seconds_count', { route: CHAT.route }),
      firstChunks: sampleSum(await scrape(gateway), 'switchyard_rpc_first_chunk_seconds_count', { subject: Subjects.routerRequestExecute }),
    };
    const user = await createUserWithKey(stack, { name: `metrics-${mode}`, credits: 5 });
    const client = new OpenAI({ apiKey: user.key, baseURL: `${stack.gatewayUrl}/v1`, maxRetries: 0, fetch: validatingFetch });
    let tokens = 0;
    for (let i = 0; i < BURST - 1; i++) {
      const answer = await client.chat.completions.create({ model: 'mock-gpt', messages: [{ role: 'user', content: `burst ${i}` }] });
      tokens += answer.usage!.prompt_tokens + answer.usage!.completion_tokens;
    }
    // and one stream: counted like the others, and its first event timed
    const stream = await client.chat.completions.create({
      model: 'mock-gpt',
      messages: [{ role: 'user', content: 'burst streamed' }],
      stream: true,
      stream_options: { include_usage: true },
    });
    for await (const chunk of stream) if (chunk.usage) tokens += chunk.usage.prompt_tokens + chunk.usage.completion_tokens;

    // every endpoint's output is valid exposition text by promtool's rules
    for (const [service, url] of Object.entries(endpoints)) expect([service, promtoolProblems(await scrape(url))]).toEqual([service, '']);
    expect(sampleSum(await scrape(gateway), 'switchyard_http_requests_total', CHAT)).toBe(before.http + BURST);
    expect(sampleSum(await scrape(router), 'switchyard_upstream_requests_total', { model: 'mock-gpt', outcome: 'ok' })).toBe(
      before.upstream + BURST,
    );
    // what Switchyard added, for the stream too (until it opened to the caller); the stream's reply timed to its first chunk
    expect(sampleSum(await scrape(gateway), 'switchyard_http_request_overhead_seconds_count', { route: CHAT.route })).toBe(
      before.overhead + BURST,
    );
    expect(sampleSum(await scrape(gateway), 'switchyard_rpc_first_chunk_seconds_count', { subject: Subjects.routerRequestExecute })).toBe(
      before.firstChunks + 1,
    );

    const target = (service: string, url: string): ScrapeTarget => ({ service, address: new URL(url).host });
    const config = prometheusConfigFor(
      target('gateway', gateway),
      Object.entries(endpoints)
        .filter(([service]) => service !== 'gateway')
        .map(([service, url]) => target(service, url)),
      extraEnv.SWITCHYARD_METRICS_TOKEN,
    );
    prometheus = await startPrometheus(config, Object.keys(endpoints).length);
    const p = prometheus;
    const settle = (promql: string, expected: number) =>
      eventually(`${promql} = ${expected}`, () => p.query(promql), { until: (v) => v === expected, timeoutMs: 20_000, intervalMs: 250 });

    await settle(`sum(switchyard_http_requests_total{route="/v1/chat/completions",method="POST",status="200"})`, before.http + BURST);
    await settle(`sum(switchyard_upstream_requests_total{model="mock-gpt",outcome="ok"})`, before.upstream + BURST);
    await settle(
      `sum(switchyard_rpc_duration_seconds_count{service="gateway",subject="${Subjects.routerRequestExecute}",outcome="ok"})`,
      before.http + BURST, // the stream's reply too, timed to its last chunk
    );
    // billing counts tokens once each event is billed (asynchronously, from the usage stream)
    await settle(`sum(switchyard_tokens_total{model="mock-gpt"})`, before.tokens + tokens);
    await settle(`sum(switchyard_upstream_time_to_first_token_seconds_count{model="mock-gpt"})`, before.firstTokens + 1);
    expect(await p.query(`sum(switchyard_cost_usd_total{model="mock-gpt",channel_type="PLATFORM"})`)).toBeGreaterThan(0);
    // billing's usage consumer has caught up: nothing waits in JetStream
    await settle(`max(switchyard_jetstream_consumer_pending_messages{stream="SWITCHYARD_USAGE",state="pending"})`, 0);
    expect(await p.query(`count(up{service="gateway"} == 1)`)).toBe(1);

    // a batch: its lines counted by the batches service, its input file's bytes by the gateway
    const batchesEndpoint = endpoints.batches ?? gateway;
    const linesBefore = sampleSum(await scrape(batchesEndpoint), 'switchyard_batch_lines_total', { status: 'succeeded' });
    const bytesBefore = sampleSum(await scrape(gateway), 'switchyard_files_bytes_total', { direction: 'in' });
    const input = Array.from({ length: 4 }, (_, i) =>
      JSON.stringify({
        custom_id: `m-${i}`,
        method: 'POST',
        url: '/v1/chat/completions',
        body: { model: 'mock-gpt', messages: [{ role: 'user', content: `line ${i}` }] },
      }),
    ).join('\n');
    const file = await client.files.create({ file: await toFile(Buffer.from(input), 'in.jsonl'), purpose: 'batch' });
    const created = await client.batches.create({ input_file_id: file.id, endpoint: '/v1/chat/completions', completion_window: '24h' });
    await eventually('the batch to finish', () => client.batches.retrieve(created.id), {
      until: (b) => b.status === 'completed',
      timeoutMs: 30_000,
      intervalMs: 100,
    });
    await settle(`sum(switchyard_batch_lines_total{status="succeeded"})`, linesBefore + 4);
    await settle(`max(switchyard_batch_lines_pending)`, 0);
    await settle(`sum(switchyard_files_bytes_total{direction="in"})`, bytesBefore + Buffer.byteLength(input));
  });
});
