import { ROOT_CONTEXT, SpanKind, SpanStatusCode } from '@opentelemetry/api';
import { startMemoryTracing, startSpan, stopTracing } from '@switchyard/runtime';
import { endRequestSpan, requestSpanName, traceResponseOf } from './request-tracing';

describe('request spans', () => {
  afterEach(stopTracing);

  it('are named by method and route template, never by the path a caller chose', async () => {
    expect(requestSpanName('POST', '/v1/chat/completions')).toBe('POST /v1/chat/completions');
    expect(requestSpanName('GET', '/v1/files/:file_id')).toBe('GET /v1/files/:file_id');
    expect(requestSpanName('GET', undefined)).toBe('GET');
  });

  it('tell the caller the trace and span in a W3C traceresponse', async () => {
    await startMemoryTracing();
    const { span } = startSpan('POST /v1/chat/completions', { kind: SpanKind.SERVER }, ROOT_CONTEXT);
    const { traceId, spanId } = span.spanContext();
    expect(traceResponseOf(span)).toBe(`00-${traceId}-${spanId}-01`);
  });

  it('end as errors on 5xx and on answers cut short, not on 4xx', async () => {
    const tracing = await startMemoryTracing();
    for (const [status, finished] of [
      [200, true],
      [404, true],
      [503, true],
      [200, false],
    ] as const) {
      endRequestSpan(startSpan(`${status} ${finished}`, { kind: SpanKind.SERVER }, ROOT_CONTEXT).span, status, finished);
    }
    const outcome = (await tracing.spans()).map((s) => [
      s.name,
      s.attributes['http.response.status_code'],
      s.status.code,
      s.attributes['error.type'],
    ]);
    expect(outcome).toEqual([
      ['200 true', 200, SpanStatusCode.UNSET, undefined],
      ['404 true', 404, SpanStatusCode.UNSET, undefined],
      ['503 true', 503, SpanStatusCode.ERROR, '503'],
      ['200 false', 200, SpanStatusCode.ERROR, 'aborted'],
    ]);
  });
});
