import { context, SpanKind, trace } from '@opentelemetry/api';
import { requestScope } from './request-scope';
import { EMPTY_CONTEXT } from './tracing/context-manager';
import { runInContext, startSpan, stopTracing } from './tracing/tracing';
import { startMemoryTracing } from './tracing/tracing-test-kit';

describe('requestScope', () => {
  afterEach(stopTracing);

  it('names the request across awaits and timers, and none outside', async () => {
    expect(requestScope.requestId()).toBeUndefined();
    const seen = await requestScope.run('req_1', async () => {
      await Promise.resolve();
      const inTimer = await new Promise((resolve) => setTimeout(() => resolve(requestScope.requestId()), 1));
      return [requestScope.requestId(), inTimer];
    });
    expect(seen).toEqual(['req_1', 'req_1']);
    expect(requestScope.requestId()).toBeUndefined();
  });

  it('keeps concurrent requests apart, an inner request shadowing the outer', async () => {
    const run = (id: string, ms: number) =>
      requestScope.run(id, async () => {
        await new Promise((resolve) => setTimeout(resolve, ms));
        return [requestScope.requestId(), requestScope.run(`${id}/inner`, () => requestScope.requestId()), requestScope.requestId()];
      });
    expect(await Promise.all([run('a', 5), run('b', 1)])).toEqual([
      ['a', 'a/inner', 'a'],
      ['b', 'b/inner', 'b'],
    ]);
  });

  it('shares the storage of the trace context: activating a span, even one made from a carrier, keeps the request', async () => {
    await startMemoryTracing();
    const fromCarrier = startSpan('consumer', { kind: SpanKind.CONSUMER }, EMPTY_CONTEXT);
    const seen = requestScope.run('req_2', () =>
      runInContext(fromCarrier.context, () => [requestScope.requestId(), trace.getSpan(context.active())]),
    );
    expect(seen).toEqual(['req_2', fromCarrier.span]);
    const inside = runInContext(fromCarrier.context, () =>
      requestScope.run('req_3', () => [requestScope.requestId(), trace.getSpan(context.active())]),
    );
    expect(inside).toEqual(['req_3', fromCarrier.span]);
  });

  it('outlives tracing: stopping it leaves the storage working', async () => {
    await startMemoryTracing();
    await stopTracing();
    expect(requestScope.run('req_4', () => requestScope.requestId())).toBe('req_4');
  });
});
