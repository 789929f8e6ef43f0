import { ROOT_CONTEXT, SpanKind } from '@opentelemetry/api';
import { startMemoryTracing, startSpan, stopTracing } from '@switchyard/runtime';
import { startPublishSpan } from './durable-spans';

describe('producer spans of durable messages', () => {
  afterEach(stopTracing);

  const request = (name: string) => startSpan(name, { kind: SpanKind.SERVER, service: 'router' }, ROOT_CONTEXT);

  it("continue the trace of the one request a message carries, in that request's service", async () => {
    const tracing = await startMemoryTracing();
    const origin = request('router.request.execute');
    startPublishSpan('router.request.completed', [origin.context])!.span.end();
    const [published] = await tracing.spans();
    expect(published.name).toBe('send router.request.completed');
    expect(published.kind).toBe(SpanKind.PRODUCER);
    expect(published.parentSpanContext?.spanId).toBe(origin.span.spanContext().spanId);
    expect(published.attributes).toMatchObject({
      'messaging.system': 'nats',
      'messaging.batch.message_count': 1,
      'switchyard.service': 'router',
    });
  });

  it('start a trace of their own, linked to each request, when the message groups several', async () => {
    const tracing = await startMemoryTracing();
    const origins = [request('a'), request('b')];
    startPublishSpan('router.request.completed', [...origins.map((o) => o.context), ROOT_CONTEXT])!.span.end();
    const [published] = await tracing.spans();
    expect(published.parentSpanContext).toBeUndefined();
    expect(published.links.map((l) => l.context.spanId)).toEqual(origins.map((o) => o.span.spanContext().spanId));
    expect(published.attributes).toMatchObject({ 'messaging.batch.message_count': 3, 'switchyard.service': 'router' });
  });

  it('are none outside a trace, or with tracing off', async () => {
    expect(startPublishSpan('router.request.completed', [request('off').context])).toBeNull();
    await startMemoryTracing();
    expect(startPublishSpan('router.request.completed', [ROOT_CONTEXT])).toBeNull();
  });
});
