import { context, defaultTextMapGetter, propagation, ROOT_CONTEXT, SpanKind, trace, TraceFlags } from '@opentelemetry/api';
import { SpanAttr } from './span-attributes';
import {
  extractTraceContext,
  serviceOf,
  spanContextOfTraceparent,
  startSpan,
  startTracing,
  stopTracing,
  traceparentOf,
  tracesUrl,
  tracingEnabled,
  withTraceHeaders,
} from './tracing';
import { startMemoryTracing } from './tracing-test-kit';

const remoteParent = (sampled: boolean) =>
  trace.setSpanContext(ROOT_CONTEXT, {
    traceId: '0af7651916cd43dd8448eb211c80319c',
    spanId: 'b7ad6b7169203331',
    traceFlags: sampled ? TraceFlags.SAMPLED : TraceFlags.NONE,
    isRemote: true,
  });

describe('tracing', () => {
  afterEach(stopTracing);

  it('registers nothing without an endpoint: the API stays a no-op', async () => {
    expect(await startTracing('gateway', {})).toBeNull();
    expect(tracingEnabled()).toBe(false);
    const { span } = startSpan('nothing', { kind: SpanKind.INTERNAL });
    expect(span.isRecording()).toBe(false);
    const headers = { authorization: 'Bearer x' };
    expect(withTraceHeaders(headers, trace.setSpan(context.active(), span))).toBe(headers);
    expect(traceparentOf(remoteParent(true))).toBeNull();
  });

  it('exports spans tagged with their service, the resource named after the process', async () => {
    const tracing = await startMemoryTracing({}, 'router');
    const server = startSpan('router.request.execute', { kind: SpanKind.SERVER, service: 'router' }, remoteParent(true));
    const child = startSpan('chat m', { kind: SpanKind.CLIENT }, server.context);
    child.span.end();
    server.span.end();
    const spans = await tracing.spans();
    expect(spans.map((s) => [s.name, s.attributes[SpanAttr.service], s.resource.attributes['service.name']])).toEqual([
      ['chat m', 'router', 'router'],
      ['router.request.execute', 'router', 'router'],
    ]);
    expect(spans[0].parentSpanContext?.spanId).toBe(server.span.spanContext().spanId);
    expect(spans[1].parentSpanContext?.spanId).toBe('b7ad6b7169203331');
  });

  it("follows the sampler the environment names (parent-based: the caller's sampled flag)", async () => {
    let tracing = await startMemoryTracing({ OTEL_TRACES_SAMPLER: 'parentbased_always_off' });
    startSpan('root', { kind: SpanKind.SERVER }, ROOT_CONTEXT).span.end();
    startSpan('sampled by the caller', { kind: SpanKind.SERVER }, remoteParent(true)).span.end();
    startSpan('not sampled by the caller', { kind: SpanKind.SERVER }, remoteParent(false)).span.end();
    expect((await tracing.spans()).map((s) => s.name)).toEqual(['sampled by the caller']);
    await tracing.stop();

    tracing = await startMemoryTracing({ OTEL_TRACES_SAMPLER: 'traceidratio', OTEL_TRACES_SAMPLER_ARG: '0' });
    startSpan('caller says yes, ratio says no', { kind: SpanKind.SERVER }, remoteParent(true)).span.end();
    expect(await tracing.spans()).toEqual([]);
  });

  it("makes no span under a parent it did not sample: a parent-based sampler's child carries the parent's context", async () => {
    const tracing = await startMemoryTracing({ OTEL_TRACES_SAMPLER: 'parentbased_traceidratio', OTEL_TRACES_SAMPLER_ARG: '0' });
    const root = startSpan('gateway', { kind: SpanKind.SERVER, service: 'gateway' }, ROOT_CONTEXT);
    const makeAttributes = jest.fn(() => ({ 'a.b': 1 }));
    const child = startSpan('router', { kind: SpanKind.SERVER, service: 'router', attributes: makeAttributes }, root.context);
    expect(child.span).toBe(root.span);
    expect(trace.getSpanContext(child.context)).toBe(root.span.spanContext());
    expect(serviceOf(child.context)).toBe('router');
    expect(withTraceHeaders({}, child.context).traceparent).toBe(
      `00-${root.span.spanContext().traceId}-${root.span.spanContext().spanId}-00`,
    );
    // a caller's unsampled span is not ours: the SDK makes this process's span under it (not recorded)
    const continued = startSpan('gateway', { kind: SpanKind.SERVER }, remoteParent(false));
    expect(continued.span.spanContext().spanId).not.toBe('b7ad6b7169203331');
    expect(continued.span.isRecording()).toBe(false);
    child.span.end();
    root.span.end();
    continued.span.end();
    expect(makeAttributes).not.toHaveBeenCalled();
    expect(await tracing.spans()).toEqual([]);
  });

  it('makes attributes given as a function only for a span that records, and tags it with its service', async () => {
    const tracing = await startMemoryTracing({ OTEL_TRACES_SAMPLER: 'always_on' });
    const root = startSpan('gateway', { kind: SpanKind.SERVER, service: 'gateway', attributes: () => ({ 'a.b': 'yes' }) }, ROOT_CONTEXT);
    const child = startSpan('chat m', { kind: SpanKind.CLIENT, attributes: { 'c.d': 2 } }, root.context);
    expect(child.span).not.toBe(root.span);
    child.span.end();
    root.span.end();
    expect((await tracing.spans()).map((s) => [s.name, s.attributes])).toEqual([
      ['chat m', { 'c.d': 2, [SpanAttr.service]: 'gateway' }],
      ['gateway', { 'a.b': 'yes', [SpanAttr.service]: 'gateway' }],
    ]);
  });

  it('propagates W3C trace context only: traceparent and tracestate, never baggage', async () => {
    await startMemoryTracing();
    const { context: ctx, span } = startSpan('call', { kind: SpanKind.CLIENT }, remoteParent(true));
    const withBaggage = propagation.setBaggage(ctx, propagation.createBaggage({ tenant: { value: 'secret' } }));
    const headers = withTraceHeaders({ authorization: 'Bearer x' }, withBaggage);
    expect(headers).toEqual({
      authorization: 'Bearer x',
      traceparent: `00-0af7651916cd43dd8448eb211c80319c-${span.spanContext().spanId}-01`,
    });
    // a record keeps the traceparent; a later span links back to it
    const stored = traceparentOf(ctx);
    expect(spanContextOfTraceparent(stored)).toMatchObject({
      traceId: '0af7651916cd43dd8448eb211c80319c',
      spanId: span.spanContext().spanId,
    });
    expect(spanContextOfTraceparent('00-garbage')).toBeUndefined();
    expect(spanContextOfTraceparent(null)).toBeUndefined();
  });

  it("passes on at most 512 characters of a caller's tracestate, and nothing of a malformed traceparent", async () => {
    await startMemoryTracing();
    const traceparent = '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01';
    const members = Array.from({ length: 200 }, (_, i) => `k${i}=${'v'.repeat(40)}`).join(',');
    const continued = extractTraceContext({ traceparent, tracestate: members }, defaultTextMapGetter);
    const { context: ctx } = startSpan('gateway', { kind: SpanKind.SERVER }, continued);
    expect((withTraceHeaders({}, ctx).tracestate ?? '').length).toBeLessThanOrEqual(512);
    for (const forged of [
      '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01-extra',
      'ff-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01',
      'x'.repeat(10_000),
    ])
      expect(trace.getSpanContext(extractTraceContext({ traceparent: forged }, defaultTextMapGetter))).toBeUndefined();
  });

  it('stops: what was buffered is flushed, and the process is untraced again', async () => {
    const tracing = await startMemoryTracing();
    startSpan('last', { kind: SpanKind.INTERNAL }).span.end();
    expect((await tracing.spans()).map((s) => s.name)).toEqual(['last']);
    await tracing.stop();
    expect(tracingEnabled()).toBe(false);
    expect(startSpan('after', { kind: SpanKind.INTERNAL }).span.isRecording()).toBe(false);
  });

  it('sends to the traces endpoint as given, or to the generic one with v1/traces appended', async () => {
    expect(tracesUrl({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://c:4318' })).toBe('http://c:4318/v1/traces');
    expect(tracesUrl({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://c:4318/base/' })).toBe('http://c:4318/base/v1/traces');
    expect(tracesUrl({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://c:4318', OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://t/x' })).toBe(
      'http://t/x',
    );
  });
});
