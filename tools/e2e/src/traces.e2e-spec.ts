import { randomBytes } from 'crypto';
import Anthropic from '@anthropic-ai/sdk';
import OpenAI, { toFile } from 'openai';
import {
  apiCaller,
  createUserWithKey,
  eventually,
  RunningStack,
  StackMode,
  startStackLikeNpmStart,
  uncheckedFetch,
  validatingFetch,
} from '@switchyard/testing';
import { OtlpReceiver, ReceivedSpan, SpanKinds } from './otlp-receiver';
import { expectLauncherRefusal } from './launcher-refusal';

const hex = (bytes: number) => randomBytes(bytes).toString('hex');

/** The chain of parents from `span` up to the root of what was received. */
function ancestorsOf(span: ReceivedSpan, spans: ReceivedSpan[]): ReceivedSpan[] {
  const chain: ReceivedSpan[] = [];
  let current: ReceivedSpan | undefined = span;
  while (current?.parentSpanId) {
    current = spans.find((s) => s.spanId === current!.parentSpanId);
    if (current) chain.push(current);
  }
  return chain;
}

function only(spans: ReceivedSpan[], what: string, match: (s: ReceivedSpan) => boolean): ReceivedSpan {
  const found = spans.filter(match);
  if (found.length !== 1) throw new Error(`expected one ${what}, found ${found.length}: ${JSON.stringify(spans.map((s) => s.name))}`);
  return found[0];
}

/**
 * Traces across processes: the stack exports OTLP/HTTP to a receiver this test runs; one chat
 * completion is one trace, gateway → router → upstream, with the same parents in both deployment modes.
 */
describe.each<StackMode>(['single', 'split'])('traces (%s mode)', (mode) => {
  let receiver: OtlpReceiver;
  let stack: RunningStack;
  let user: { userId: string; key: string };
  let client: OpenAI;

  beforeAll(async () => {
    receiver = await OtlpReceiver.start();
    stack = await startStackLikeNpmStart(
      { OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url, OTEL_BSP_SCHEDULE_DELAY: '100', OTEL_TRACES_SAMPLER: 'parentbased_always_on' },
      { mode },
    );
    user = await createUserWithKey(stack, { name: `traced-${mode}`, credits: 5 });
    client = new OpenAI({ apiKey: user.key, baseURL: `${stack.gatewayUrl}/v1`, maxRetries: 0, fetch: validatingFetch });
  });

  afterAll(async () => {
    await stack?.stop();
    await receiver?.close();
  });

  /** The request the mock upstream received whose body holds `text`. */
  async function upstreamRequestWith(text: string): Promise<{ headers: Record<string, string>; apiKey: string }> {
    const recorded = (await (await uncheckedFetch(`${stack.mockUrl}/__mock/requests`)).json()) as {
      data: { headers: Record<string, string>; apiKey: string; body: unknown }[];
    };
    return only(recorded.data as never, `upstream request with ${text}`, (r: any) => JSON.stringify(r.body).includes(text)) as never;
  }

  it("continues the caller's traceparent: gateway → router → upstream, one trace, with the right parents", async () => {
    const traceId = hex(16);
    const callerSpanId = hex(8);
    const prompt = `trace me ${mode} ${hex(6)}`;
    const { data: answer, response } = await client.chat.completions
      .create(
        { model: 'mock-gpt', messages: [{ role: 'user', content: prompt }] },
        { headers: { traceparent: `00-${traceId}-${callerSpanId}-01` } },
      )
      .withResponse();
    const requestId = response.headers.get('x-request-id');
    const usage = answer.usage as OpenAI.CompletionUsage & { cost: number };
    const routing = (answer as any)._routing as { channel: { id: string } };

    const spans = await eventually(
      'the request spans to arrive',
      () => receiver.inTrace(traceId),
      // the gateway, its RPC client (over NATS), the router's server span and the upstream call, at least
      {
        until: (found) => found.some((s) => s.name === 'POST /v1/chat/completions') && found.some((s) => s.name.startsWith('chat ')),
        timeoutMs: 10_000,
      },
    );
    const gateway = only(spans, 'gateway span', (s) => s.kind === SpanKinds.server && s.name === 'POST /v1/chat/completions');
    expect(gateway.parentSpanId).toBe(callerSpanId);
    expect(gateway.attributes).toMatchObject({
      'switchyard.service': 'gateway',
      'http.request.method': 'POST',
      'http.route': '/v1/chat/completions',
      'http.response.status_code': 200,
      'switchyard.request.id': requestId,
    });
    // the caller can look its request up by the trace and span it became
    expect(response.headers.get('traceresponse')).toBe(`00-${traceId}-${gateway.spanId}-01`);

    // over NATS the hop has the gateway's client span; in one process the router's span sits directly under the gateway's
    const rpcClients = spans.filter((s) => s.kind === SpanKinds.client && s.name === 'router.request.execute');
    expect(rpcClients).toHaveLength(mode === 'split' ? 1 : 0);
    const hop = mode === 'split' ? rpcClients[0] : gateway;
    if (mode === 'split') expect(hop.parentSpanId).toBe(gateway.spanId);
    const router = only(spans, 'router server span', (s) => s.kind === SpanKinds.server && s.name === 'router.request.execute');
    expect(router.parentSpanId).toBe(hop.spanId);
    expect(router.attributes).toMatchObject({
      'switchyard.service': 'router',
      'switchyard.transport': mode === 'split' ? 'nats' : 'in-process',
    });
    expect(router.resourceService).toBe(mode === 'split' ? 'router' : 'switchyard');

    const upstream = only(spans, 'upstream call span', (s) => s.kind === SpanKinds.client && s.name.startsWith('chat '));
    expect(ancestorsOf(upstream, spans).map((s) => s.spanId)).toEqual(expect.arrayContaining([router.spanId, hop.spanId, gateway.spanId]));
    expect(upstream.attributes).toMatchObject({
      'gen_ai.operation.name': 'chat',
      'gen_ai.provider.name': 'openai',
      'gen_ai.request.model': answer.model,
      'gen_ai.response.model': answer.model,
      'gen_ai.usage.input_tokens': usage.prompt_tokens,
      'gen_ai.usage.output_tokens': usage.completion_tokens,
      'switchyard.channel.id': routing.channel.id,
      'switchyard.channel.type': 'PLATFORM',
      'switchyard.retry_count': 0,
      'switchyard.cost_usd': usage.cost,
      'switchyard.service': 'router',
    });
    expect(upstream.status.code ?? 0).not.toBe(2);

    // the upstream was called under the upstream span
    const received = await upstreamRequestWith(prompt);
    expect(received.headers.traceparent).toBe(`00-${traceId}-${upstream.spanId}-01`);

    // its usage reaches billing in the same trace: router → JetStream → billing, under the router's span
    const consumed = await eventually(
      'billing to consume the usage in the same trace',
      () => receiver.inTrace(traceId).find((s) => s.kind === SpanKinds.consumer && s.name === 'process router.request.completed'),
      { timeoutMs: 10_000 },
    );
    expect(consumed.attributes['switchyard.service']).toBe('billing');
    const withUsage = receiver.inTrace(traceId);
    expect(ancestorsOf(consumed, withUsage).map((s) => s.spanId)).toContain(router.spanId);

    // no content (no opt-in) and no key anywhere in what was exported
    const everything = receiver.rawBodies.join('\n');
    expect(everything).not.toContain(prompt);
    expect(everything).not.toContain('Echo: ');
    for (const key of [user.key, stack.adminKey, received.apiKey]) expect(everything).not.toContain(key);
  });

  it("names the provider and counts the tokens of an Anthropic call made with Anthropic's SDK", async () => {
    const traceId = hex(16);
    const anthropic = new Anthropic({ apiKey: user.key, baseURL: stack.gatewayUrl, maxRetries: 0, fetch: validatingFetch });
    const message = await anthropic.messages.create(
      { model: 'mock-claude', max_tokens: 64, messages: [{ role: 'user', content: 'traced in Anthropic format' }] },
      { headers: { traceparent: `00-${traceId}-${hex(8)}-01` } },
    );
    const spans = await eventually('the Anthropic call spans', () => receiver.inTrace(traceId), {
      until: (found) => found.some((s) => s.name === 'POST /v1/messages') && found.some((s) => s.name.startsWith('chat ')),
      timeoutMs: 10_000,
    });
    const gateway = only(spans, 'gateway span', (s) => s.name === 'POST /v1/messages');
    const upstream = only(spans, 'upstream call span', (s) => s.kind === SpanKinds.client && s.name.startsWith('chat '));
    expect(ancestorsOf(upstream, spans).at(-1)?.spanId).toBe(gateway.spanId);
    expect(upstream.attributes).toMatchObject({
      'gen_ai.operation.name': 'chat',
      'gen_ai.provider.name': 'anthropic',
      'gen_ai.response.model': message.model,
      'gen_ai.usage.input_tokens': message.usage.input_tokens,
      'gen_ai.usage.output_tokens': message.usage.output_tokens,
    });
  });

  it('leaves health checks untraced, and the calls to the services they make', async () => {
    const health = await apiCaller(stack)('GET', '/health', null, undefined, { traceparent: `00-${hex(16)}-${hex(8)}-01` });
    expect(health.status).toBe(200);
    expect(health.headers.get('traceresponse')).toBeNull();
    // a traced request after it, followed to its last span (billing's), has its spans exported after the check's would have been
    const traceId = hex(16);
    await client.chat.completions.create(
      { model: 'mock-gpt', messages: [{ role: 'user', content: 'after the health check' }] },
      { headers: { traceparent: `00-${traceId}-${hex(8)}-01` } },
    );
    await eventually('the later request to reach billing', () => receiver.inTrace(traceId).some((s) => s.kind === SpanKinds.consumer), {
      timeoutMs: 10_000,
    });
    expect(receiver.spans.filter((s) => s.name.endsWith('.health.check') || s.name === 'GET /health')).toEqual([]);
  });

  it('starts a trace at the gateway when the caller sends none (or an invalid one)', async () => {
    for (const headers of [{}, { traceparent: '00-not-a-trace-01' }]) {
      const { response } = await client.chat.completions
        .create({ model: 'mock-gpt', messages: [{ role: 'user', content: 'untraced caller' }] }, { headers })
        .withResponse();
      const [, traceId, spanId] = /^00-([0-9a-f]{32})-([0-9a-f]{16})-01$/.exec(response.headers.get('traceresponse') ?? '') ?? [];
      expect(traceId).toBeDefined();
      const spans = await eventually('the trace started at the gateway', () => receiver.inTrace(traceId), {
        until: (found) => found.some((s) => s.spanId === spanId) && found.some((s) => s.name.startsWith('chat ')),
        timeoutMs: 10_000,
      });
      const gateway = only(spans, 'gateway span', (s) => s.spanId === spanId);
      expect(gateway.parentSpanId).toBe('');
      const upstream = only(spans, 'upstream call span', (s) => s.kind === SpanKinds.client && s.name.startsWith('chat '));
      expect(ancestorsOf(upstream, spans).at(-1)?.spanId).toBe(gateway.spanId);
    }
  });

  it('traces a streamed answer the same way, the upstream span ending with the stream', async () => {
    const traceId = hex(16);
    const callerSpanId = hex(8);
    const { data: stream, response } = await client.chat.completions
      .create(
        { model: 'mock-gpt', messages: [{ role: 'user', content: 'stream me' }], stream: true, stream_options: { include_usage: true } },
        { headers: { traceparent: `00-${traceId}-${callerSpanId}-01` } },
      )
      .withResponse();
    let usage: OpenAI.CompletionUsage | undefined;
    for await (const chunk of stream) usage = chunk.usage ?? usage;
    expect(usage).toBeDefined();
    const spans = await eventually('the streamed request spans', () => receiver.inTrace(traceId), {
      until: (found) => found.some((s) => s.name === 'POST /v1/chat/completions') && found.some((s) => s.name.startsWith('chat ')),
      timeoutMs: 10_000,
    });
    const gateway = only(spans, 'gateway span', (s) => s.kind === SpanKinds.server && s.name === 'POST /v1/chat/completions');
    expect(gateway.parentSpanId).toBe(callerSpanId);
    expect(response.headers.get('traceresponse')).toBe(`00-${traceId}-${gateway.spanId}-01`);
    const router = only(spans, 'router server span', (s) => s.kind === SpanKinds.server && s.name === 'router.request.execute');
    const upstream = only(spans, 'upstream call span', (s) => s.kind === SpanKinds.client && s.name.startsWith('chat '));
    expect(ancestorsOf(upstream, spans).map((s) => s.spanId)).toEqual(expect.arrayContaining([router.spanId, gateway.spanId]));
    expect(upstream.attributes).toMatchObject({
      'gen_ai.response.model': 'mock-gpt',
      'gen_ai.usage.input_tokens': usage!.prompt_tokens,
      'gen_ai.usage.output_tokens': usage!.completion_tokens,
      'switchyard.retry_count': 0,
    });
  });

  it('gives every batch line its own trace, linked to the request that created the batch', async () => {
    const traceId = hex(16);
    const lines = [0, 1].map((n) => ({
      custom_id: `line-${n}`,
      method: 'POST',
      url: '/v1/chat/completions',
      body: { model: 'mock-gpt', messages: [{ role: 'user', content: `batch line ${n}` }] },
    }));
    const input = await client.files.create({
      file: await toFile(Buffer.from(lines.map((l) => JSON.stringify(l)).join('\n')), 'traced.jsonl'),
      purpose: 'batch',
    });
    const created = await client.batches.create(
      { input_file_id: input.id, endpoint: '/v1/chat/completions', completion_window: '24h' },
      { headers: { traceparent: `00-${traceId}-${hex(8)}-01` } },
    );
    await eventually('the batch to complete', () => client.batches.retrieve(created.id), {
      until: (batch) => batch.status === 'completed',
      timeoutMs: 30_000,
    });
    const lineSpans = await eventually(
      'a span per batch line',
      () => receiver.spans.filter((s) => s.name === 'batch line' && s.attributes['switchyard.batch.id'] === created.id),
      { until: (found) => found.length === 2, timeoutMs: 10_000 },
    );
    // the batch's creation, in the caller's trace: the batches service's span of the create request
    const creation = only(
      receiver.inTrace(traceId),
      'batch creation span',
      (s) => s.kind === SpanKinds.server && s.attributes['switchyard.service'] === 'batches',
    );
    expect(new Set(lineSpans.map((s) => s.traceId)).size).toBe(2);
    for (const line of lineSpans) {
      expect(line.traceId).not.toBe(traceId);
      expect(line.parentSpanId).toBe('');
      expect(line.links).toEqual([{ traceId, spanId: creation.spanId }]);
      const upstream = await eventually(
        'the line reaching the upstream in its trace',
        () => receiver.inTrace(line.traceId).find((s) => s.kind === SpanKinds.client && s.name.startsWith('chat ')),
        { timeoutMs: 10_000 },
      );
      expect(ancestorsOf(upstream, receiver.inTrace(line.traceId)).at(-1)?.spanId).toBe(line.spanId);
    }
  });

  // last: it puts an unreachable channel in front of the demo one
  it('makes a failover a second upstream span, both under the router span', async () => {
    const unreachable = await apiCaller(stack)('POST', '/admin/channels', stack.adminKey, {
      name: 'unreachable',
      provider: 'openai',
      base_url: 'http://127.0.0.1:1/v1',
      api_key: 'sk-unreachable-upstream-key',
      models: ['mock-gpt'],
      priority: 100,
    });
    expect(unreachable.status).toBe(201);
    // every router replica learns of the channel by broadcast: ask until one request went through it first
    const { traceId, answer } = await eventually(
      'a request to fail over from the unreachable channel',
      async () => {
        const attempt = hex(16);
        const created = await client.chat.completions.create(
          { model: 'mock-gpt', messages: [{ role: 'user', content: 'fail over' }] },
          { headers: { traceparent: `00-${attempt}-${hex(8)}-01` } },
        );
        return {
          traceId: attempt,
          answer: created as OpenAI.ChatCompletion & { _routing: { retryCount: number; channel: { id: string } } },
        };
      },
      { until: ({ answer }) => answer._routing.retryCount === 1, timeoutMs: 10_000 },
    );
    const spans = await eventually('both upstream spans', () => receiver.inTrace(traceId), {
      until: (found) => found.filter((s) => s.name.startsWith('chat ')).length === 2,
      timeoutMs: 10_000,
    });
    const router = only(spans, 'router server span', (s) => s.kind === SpanKinds.server && s.name === 'router.request.execute');
    const [failed, served] = spans
      .filter((s) => s.kind === SpanKinds.client && s.name.startsWith('chat '))
      .sort((a, b) => Number(a.attributes['switchyard.retry_count']) - Number(b.attributes['switchyard.retry_count']));
    expect(failed.attributes).toMatchObject({
      'switchyard.channel.id': unreachable.body.id,
      'switchyard.retry_count': 0,
      'error.type': 'connection',
    });
    expect(failed.status.code).toBe(2);
    expect(served.attributes).toMatchObject({ 'switchyard.channel.id': answer._routing.channel.id, 'switchyard.retry_count': 1 });
    expect(served.attributes['gen_ai.usage.output_tokens']).toBe(answer.usage!.completion_tokens);
    expect([failed.parentSpanId, served.parentSpanId]).toEqual([router.spanId, router.spanId]);
    expect(receiver.rawBodies.join('\n')).not.toContain('sk-unreachable-upstream-key');
  });
});

describe('tracing settings', () => {
  it('stop the start with a clear error when no service would take them', async () => {
    await expectLauncherRefusal(
      { OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:4318', OTEL_TRACES_SAMPLER: 'sometimes' },
      "could not start: OTEL_TRACES_SAMPLER must be one of always_on, always_off, traceidratio, parentbased_always_on, parentbased_always_off, parentbased_traceidratio (got 'sometimes')",
    );
  });
});
