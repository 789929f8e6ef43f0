import { SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { ExecuteRequest } from '@switchyard/contracts';
import { UpstreamCall, UpstreamError } from '@switchyard/providers';
import { startMemoryTracing, stopTracing, withTraceHeaders } from '@switchyard/runtime';
import type { RoutableChannel } from '../routing/channel-selector';
import { routableChannel } from '../routing/routable-channel-test-kit';
import { FailoverLoop, FailoverPort } from './failover-loop';
import { endUpstreamSpan, failUpstreamSpan, modelOfStreamEvent, startUpstreamSpan } from './upstream-span';

const PROMPT = 'the secret plan';
const req = {
  requestId: 'req_1',
  principal: { userId: 'u1', keyId: 'k1', role: 'user', scopes: [] },
  endpoint: '/v1/chat/completions',
  body: { model: 'm', messages: [{ role: 'user', content: PROMPT }] },
  stream: false,
} as unknown as ExecuteRequest;

const channels = ['ch_a', 'ch_b'].map((id) =>
  routableChannel({ id, baseUrl: `https://${id}.example.com/v1`, apiKey: `sk-upstream-key-of-${id}` }),
);
const callOf = (channel: RoutableChannel): UpstreamCall => ({
  endpoint: '/v1/chat/completions',
  target: { baseUrl: channel.baseUrl, apiKey: channel.apiKey, publicAddressesOnly: false },
  body: { model: `${channel.id}-model`, messages: req.body.messages },
  timeoutMs: 1000,
});

/** The loop as the executor wires it for traces; health, money and caps let everything through. */
const port: FailoverPort<UpstreamCall, null> = {
  prepare: (channel) => callOf(channel),
  hold: async () => false,
  releaseHold: () => undefined,
  admit: () => true,
  acquire: () => () => undefined,
  report: () => undefined,
  warn: () => undefined,
  traceAttempt: (channel, r, prepared, retryCount) => startUpstreamSpan(channel, r, prepared, retryCount),
  traceFailure: failUpstreamSpan,
};

/** A failover: the first channel answers 503, the second answers; what each upstream would have received as headers. */
async function failover(): Promise<Record<string, string>[]> {
  const sent: Record<string, string>[] = [];
  const answered = await new FailoverLoop(port, { maxAttempts: 3 }).firstAnswer(req, { candidates: channels, pin: null }, async (call) => {
    sent.push(withTraceHeaders({ authorization: `Bearer ${call.target.apiKey}` }));
    if (call.body.model === 'ch_a-model') throw new UpstreamError('http', 'upstream answered 503', 503);
    return { body: { model: 'ch_b-model-2024' } };
  });
  endUpstreamSpan(answered.span, {
    body: answered.value.body,
    usage: { promptTokens: 11, completionTokens: 7 },
    costUsd: 0.000123,
    text: () => 'the answer',
  });
  return sent;
}

describe('upstream call spans', () => {
  afterEach(stopTracing);

  it('are none when tracing is off', async () => {
    expect(startUpstreamSpan(channels[0], req, callOf(channels[0]), 0)).toBeNull();
    const sent = await failover();
    expect(sent.every((headers) => headers.traceparent === undefined)).toBe(true);
  });

  it('are one CLIENT span per attempt, by the GenAI conventions; a failover is a second span', async () => {
    const tracing = await startMemoryTracing();
    const sent = await failover();
    const spans = await tracing.spans();
    expect(spans.map((s) => [s.name, s.kind, s.status.code])).toEqual([
      ['chat ch_a-model', SpanKind.CLIENT, SpanStatusCode.ERROR],
      ['chat ch_b-model', SpanKind.CLIENT, SpanStatusCode.UNSET],
    ]);
    expect(spans[0].attributes).toMatchObject({ 'switchyard.channel.id': 'ch_a', 'switchyard.retry_count': 0, 'error.type': '503' });
    expect(spans[1].attributes).toEqual({
      'gen_ai.operation.name': 'chat',
      'gen_ai.provider.name': 'openai',
      'gen_ai.request.model': 'ch_b-model',
      'gen_ai.response.model': 'ch_b-model-2024',
      'gen_ai.usage.input_tokens': 11,
      'gen_ai.usage.output_tokens': 7,
      'switchyard.channel.id': 'ch_b',
      'switchyard.channel.type': 'PLATFORM',
      'switchyard.retry_count': 1,
      'switchyard.cost_usd': 0.000123,
      'switchyard.endpoint': '/v1/chat/completions',
      'server.address': 'ch_b.example.com',
      'server.port': 443,
    });
    // each upstream request carries its own attempt's span as traceparent
    expect(sent.map((headers) => headers.traceparent)).toEqual(
      spans.map((s) => `00-${s.spanContext().traceId}-${s.spanContext().spanId}-01`),
    );
    // neither the prompt, nor the answer, nor an upstream key is recorded
    const recorded = JSON.stringify(spans.map((s) => [s.attributes, s.events]));
    for (const secret of [PROMPT, 'the answer', ...channels.map((c) => c.apiKey)]) expect(recorded).not.toContain(secret);
  });

  it('record the prompt and the answer only under the operator opt-in', async () => {
    const tracing = await startMemoryTracing({ SWITCHYARD_TRACE_CONTENT: 'true' });
    await failover();
    const answered = (await tracing.spans())[1];
    expect(answered.attributes['gen_ai.input.messages']).toBe(JSON.stringify(req.body.messages));
    expect(answered.attributes['gen_ai.output.messages']).toBe(JSON.stringify('the answer'));
    expect(JSON.stringify(answered.attributes)).not.toContain('sk-upstream-key');
  });

  it('are active while the call is made (so the HTTP request is made under them)', async () => {
    await startMemoryTracing();
    const answered = await new FailoverLoop(port, { maxAttempts: 1 }).firstAnswer(req, { candidates: channels, pin: null }, async () =>
      trace.getActiveSpan(),
    );
    expect(answered.value).toBe(answered.span);
  });
});

describe('modelOfStreamEvent', () => {
  it("reads the model a stream names in each provider's format", () => {
    expect(modelOfStreamEvent({ object: 'chat.completion.chunk', model: 'gpt-4o-2024-08-06', choices: [] })).toBe('gpt-4o-2024-08-06');
    expect(modelOfStreamEvent({ type: 'message_start', message: { model: 'claude-sonnet-4' } })).toBe('claude-sonnet-4');
    expect(modelOfStreamEvent({ type: 'response.created', response: { model: 'o3' } })).toBe('o3');
    expect(modelOfStreamEvent({ candidates: [], modelVersion: 'gemini-2.5-pro' })).toBe('gemini-2.5-pro');
    expect(modelOfStreamEvent({ type: 'content_block_delta', delta: { text: 'x' } })).toBeNull();
    expect(modelOfStreamEvent({ model: 42, message: null })).toBeNull();
  });
});
