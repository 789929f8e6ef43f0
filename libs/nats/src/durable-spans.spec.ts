import { ROOT_CONTEXT, SpanKind, trace } from '@opentelemetry/api';
import { startMemoryTracing, startSpan, stopTracing } from '@switchyard/runtime';
import { publishTraceOf } from './durable-spans';

describe('the trace a durable message carries', () => {
  afterEach(stopTracing);

  const request = (name: string) => startSpan(name, { kind: SpanKind.SERVER, service: 'router' }, ROOT_CONTEXT);

  it('is the context of the one request it carries, with no span of its own', async () => {
    const tracing = await startMemoryTracing();
    const origin = request('router.request.execute');
    const traced = publishTraceOf('router.request.completed', [origin.context, ROOT_CONTEXT])!;
    expect(traced.context).toBe(origin.context);
    expect(traced.span).toBeNull();
    origin.span.end();
    expect((await tracing.spans()).map((s) => s.name)).toEqual(['router.request.execute']);
  });

  it('is a producer span of its own, a root linked to each request, when the message groups several', async () => {
    const tracing = await startMemoryTracing();
    const origins = [request('a'), request('b')];
    const traced = publishTraceOf('router.request.completed', [...origins.map((o) => o.context), ROOT_CONTEXT])!;
    traced.span!.end();
    const [published] = await tracing.spans();
    expect(published.name).toBe('send router.request.completed');
    expect(published.kind).toBe(SpanKind.PRODUCER);
    expect(published.parentSpanContext).toBeUndefined();
    expect(trace.getSpan(traced.context)).toBe(traced.span);
    expect(published.links.map((l) => l.context.spanId)).toEqual(origins.map((o) => o.span.spanContext().spanId));
    expect(published.attributes).toMatchObject({
      'messaging.system': 'nats',
      'messaging.batch.message_count': 3,
      'switchyard.service': 'router',
    });
  });

  it('is none outside a trace, or with tracing off', async () => {
    expect(publishTraceOf('router.request.completed', [request('off').context])).toBeNull();
    await startMemoryTracing();
    expect(publishTraceOf('router.request.completed', [ROOT_CONTEXT])).toBeNull();
  });
});
