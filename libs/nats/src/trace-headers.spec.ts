import { ROOT_CONTEXT, SpanKind, trace } from '@opentelemetry/api';
import { headers as natsHeaders } from 'nats';
import { startMemoryTracing, startSpan, stopTracing } from '@switchyard/runtime';
import { traceContextOf, traceHeadersFor } from './trace-headers';

describe('trace context in NATS headers', () => {
  afterEach(stopTracing);

  it("carries the span of the sender, with the caller's tracestate, to the receiver", async () => {
    await startMemoryTracing();
    const caller = natsHeaders();
    caller.set('traceparent', '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01');
    caller.set('tracestate', 'vendor=opaque');
    const sender = startSpan('router.request.execute', { kind: SpanKind.CLIENT }, traceContextOf(caller));
    const headers = traceHeadersFor(sender.context)!;
    const { traceId, spanId } = sender.span.spanContext();
    expect(traceId).toBe('0af7651916cd43dd8448eb211c80319c');
    expect(headers.get('traceparent')).toBe(`00-${traceId}-${spanId}-01`);
    expect(headers.get('tracestate')).toBe('vendor=opaque');
    expect(trace.getSpanContext(traceContextOf(headers))).toMatchObject({ traceId, spanId, traceFlags: 1, isRemote: true });
  });

  it('adds nothing when tracing is off or there is no span', async () => {
    expect(traceHeadersFor(ROOT_CONTEXT)).toBeUndefined();
    await startMemoryTracing();
    expect(traceHeadersFor(ROOT_CONTEXT)).toBeUndefined();
  });

  it('reads no context from a message without headers, or with a malformed traceparent', async () => {
    await startMemoryTracing();
    expect(trace.getSpanContext(traceContextOf(undefined))).toBeUndefined();
    const forged = natsHeaders();
    forged.set('traceparent', '00-00000000000000000000000000000000-0000000000000000-01');
    expect(trace.getSpanContext(traceContextOf(forged))).toBeUndefined();
  });
});
