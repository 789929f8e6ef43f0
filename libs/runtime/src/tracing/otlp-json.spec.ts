import { ROOT_CONTEXT, SpanKind, SpanStatusCode, trace, TraceFlags } from '@opentelemetry/api';
import { JsonTraceSerializer } from '@opentelemetry/otlp-transformer';
import type { ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { anyValueJson, otlpJsonOf, unixNanos } from './otlp-json';
import { endSpanWithError, startSpan, stopTracing } from './tracing';
import { startMemoryTracing } from './tracing-test-kit';

const remoteParent = trace.setSpanContext(ROOT_CONTEXT, {
  traceId: '0af7651916cd43dd8448eb211c80319c',
  spanId: 'b7ad6b7169203331',
  traceFlags: TraceFlags.SAMPLED,
  isRemote: true,
});

/** Spans of every shape Switchyard makes: a remote parent, children, an error with an event, a root with links, each attribute type. */
async function spansOfEveryShape(): Promise<ReadableSpan[]> {
  const tracing = await startMemoryTracing({}, 'switchyard');
  const server = startSpan(
    'POST /v1/chat/completions',
    { kind: SpanKind.SERVER, service: 'gateway', attributes: { 'http.request.method': 'POST', 'url.path': '/v1/chat/"quoted"\n' } },
    remoteParent,
  );
  const client = startSpan(
    'chat gpt-4o',
    { kind: SpanKind.CLIENT, attributes: { 'switchyard.retry_count': 0, 'switchyard.cost_usd': 0.000125 } },
    server.context,
  );
  client.span.setAttributes({ 'switchyard.cached': false, 'gen_ai.usage.input_tokens': 12, tags: ['a', 'b'] });
  endSpanWithError(client.span, new Error('upstream said no'), 'http 503');
  const producer = startSpan(
    'send router.request.completed',
    { kind: SpanKind.PRODUCER, links: [{ context: server.span.spanContext() }, { context: trace.getSpanContext(remoteParent)! }] },
    ROOT_CONTEXT,
  );
  producer.span.end();
  server.span.setStatus({ code: SpanStatusCode.OK });
  server.span.end();
  const spans = await tracing.spans();
  await stopTracing();
  return spans;
}

/** An OTLP/JSON value with the fields proto3 JSON may leave out removed, and int64 values as strings (the forms every receiver accepts alike). */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) {
    if (key === 'intValue') {
      out[key] = String(field);
      continue;
    }
    if (field === undefined || field === 0 || field === '' || (Array.isArray(field) && field.length === 0)) continue;
    const inner = canonical(field);
    if (inner !== null && typeof inner === 'object' && !Array.isArray(inner) && Object.keys(inner).length === 0 && key === 'status')
      continue;
    out[key] = inner;
  }
  return out;
}

describe('otlpJsonOf', () => {
  afterEach(stopTracing);

  it('says what the SDK’s own OTLP/JSON serializer says about the same spans', async () => {
    const spans = await spansOfEveryShape();
    expect(spans).toHaveLength(3);
    const ours = JSON.parse(otlpJsonOf(spans).toString('utf8'));
    const sdks = JSON.parse(Buffer.from(JsonTraceSerializer.serializeRequest(spans)!).toString('utf8'));
    expect(canonical(ours)).toEqual(canonical(sdks));
  });

  it('writes a body larger than its first guess, multi-byte text included, byte for byte', async () => {
    const tracing = await startMemoryTracing({}, 'switchyard');
    const long = `naïve ☕ 𝄞 ${'x'.repeat(5000)}`;
    for (let i = 0; i < 3; i++) startSpan(`span ${i}`, { kind: SpanKind.INTERNAL, attributes: { text: long, i } }, ROOT_CONTEXT).span.end();
    const spans = await tracing.spans();
    const body = otlpJsonOf(spans);
    const sdks = JSON.parse(Buffer.from(JsonTraceSerializer.serializeRequest(spans)!).toString('utf8'));
    expect(canonical(JSON.parse(body.toString('utf8')))).toEqual(canonical(sdks));
    expect(body.toString('utf8').match(/naïve ☕ 𝄞/g)).toHaveLength(3);
  });

  it('writes ids in hex, timestamps and integers as decimal strings, kinds as OTLP numbers', async () => {
    const spans = await spansOfEveryShape();
    const body = JSON.parse(otlpJsonOf(spans).toString('utf8'));
    expect(body.resourceSpans).toHaveLength(1);
    const resource = Object.fromEntries(
      body.resourceSpans[0].resource.attributes.map((a: { key: string; value: unknown }) => [a.key, a.value]),
    );
    expect(resource['service.name']).toEqual({ stringValue: 'switchyard' });
    const [scope] = body.resourceSpans[0].scopeSpans;
    expect(scope.scope.name).toBe('switchyard');
    const byName = Object.fromEntries(scope.spans.map((s: { name: string }) => [s.name, s]));
    const server = byName['POST /v1/chat/completions'];
    expect(server).toMatchObject({ traceId: '0af7651916cd43dd8448eb211c80319c', parentSpanId: 'b7ad6b7169203331', kind: 2, flags: 0x301 });
    expect(server.startTimeUnixNano).toMatch(/^\d{19}$/);
    expect(BigInt(server.endTimeUnixNano)).toBeGreaterThanOrEqual(BigInt(server.startTimeUnixNano));
    expect(server.attributes).toContainEqual({ key: 'url.path', value: { stringValue: '/v1/chat/"quoted"\n' } });
    const client = byName['chat gpt-4o'];
    expect(client).toMatchObject({ kind: 3, parentSpanId: server.spanId, status: { code: 2, message: 'upstream said no' }, flags: 0x101 });
    expect(client.events[0].name).toBe('exception');
    expect(client.attributes).toEqual(
      expect.arrayContaining([
        { key: 'switchyard.retry_count', value: { intValue: '0' } },
        { key: 'switchyard.cost_usd', value: { doubleValue: 0.000125 } },
        { key: 'switchyard.cached', value: { boolValue: false } },
        { key: 'tags', value: { arrayValue: { values: [{ stringValue: 'a' }, { stringValue: 'b' }] } } },
      ]),
    );
    const producer = byName['send router.request.completed'];
    expect(producer.parentSpanId).toBeUndefined();
    expect(producer.links).toEqual([
      { traceId: server.traceId, spanId: server.spanId, flags: 0x101 },
      { traceId: '0af7651916cd43dd8448eb211c80319c', spanId: 'b7ad6b7169203331', flags: 0x301 },
    ]);
  });

  it('keeps every digit of a timestamp and of a large integer', () => {
    expect(unixNanos([1764770000, 5])).toBe('1764770000000000005');
    expect(unixNanos([1764770000, 123456789])).toBe('1764770000123456789');
    expect(unixNanos([0, 42])).toBe('42');
    expect(anyValueJson(2 ** 53 - 1)).toBe('{"intValue":"9007199254740991"}');
    expect(anyValueJson(2 ** 60)).toBe(`{"doubleValue":${2 ** 60}}`);
    expect(anyValueJson(Number.POSITIVE_INFINITY)).toBe('{"doubleValue":"Infinity"}');
    expect(anyValueJson(new Uint8Array([1, 2, 3]))).toBe('{"bytesValue":"AQID"}');
  });

  it('groups spans of two resources apart', async () => {
    const spans = await spansOfEveryShape();
    const other = Object.create(spans[0], { resource: { value: { attributes: { 'service.name': 'billing' } } } }) as ReadableSpan;
    const body = JSON.parse(otlpJsonOf([...spans, other]).toString('utf8'));
    expect(body.resourceSpans).toHaveLength(2);
    expect(body.resourceSpans.map((r: { scopeSpans: { spans: unknown[] }[] }) => r.scopeSpans[0].spans.length)).toEqual([3, 1]);
  });
});
