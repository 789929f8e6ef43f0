import { context, createContextKey, ROOT_CONTEXT, SpanKind, trace } from '@opentelemetry/api';
import { ChainedContextManager, EMPTY_CONTEXT } from './context-manager';
import { startSpan, stopTracing } from './tracing';
import { startMemoryTracing } from './tracing-test-kit';

const A = createContextKey('a');
const B = createContextKey('b');

describe('EMPTY_CONTEXT', () => {
  it('sets, shadows and deletes values without touching the contexts it came from', () => {
    const a = EMPTY_CONTEXT.setValue(A, 1);
    const ab = a.setValue(B, 2);
    const shadowed = ab.setValue(A, 3);
    const deleted = shadowed.deleteValue(A);
    expect([EMPTY_CONTEXT.getValue(A), a.getValue(A), a.getValue(B)]).toEqual([undefined, 1, undefined]);
    expect([ab.getValue(A), ab.getValue(B)]).toEqual([1, 2]);
    expect([shadowed.getValue(A), shadowed.getValue(B)]).toEqual([3, 2]);
    expect([deleted.getValue(A), deleted.getValue(B)]).toEqual([undefined, 2]);
    expect(deleted.setValue(A, 4).getValue(A)).toBe(4);
  });

  it('holds a span as the API’s own context does', () => {
    const span = trace.wrapSpanContext({ traceId: '0af7651916cd43dd8448eb211c80319c', spanId: 'b7ad6b7169203331', traceFlags: 1 });
    expect(trace.getSpan(trace.setSpan(EMPTY_CONTEXT, span))).toBe(span);
    expect(trace.getSpan(trace.deleteSpan(trace.setSpan(EMPTY_CONTEXT, span)))).toBeUndefined();
  });
});

describe('ChainedContextManager', () => {
  const manager = new ChainedContextManager();
  afterAll(() => manager.disable());

  it('is empty outside any `with`, and carries a context across awaits and timers inside one', async () => {
    expect(manager.active()).toBe(EMPTY_CONTEXT);
    const ctx = EMPTY_CONTEXT.setValue(A, 'request 1');
    const seen = await manager.with(ctx, async () => {
      await Promise.resolve();
      const afterAwait = manager.active().getValue(A);
      const inTimer = await new Promise((resolve) => setTimeout(() => resolve(manager.active().getValue(A)), 1));
      return [afterAwait, inTimer];
    });
    expect(seen).toEqual(['request 1', 'request 1']);
    expect(manager.active()).toBe(EMPTY_CONTEXT);
  });

  it('keeps concurrent contexts apart and restores the outer one after a nested `with`', async () => {
    const run = (name: string) =>
      manager.with(EMPTY_CONTEXT.setValue(A, name), async () => {
        await new Promise((resolve) => setTimeout(resolve, name === 'one' ? 5 : 1));
        const inner = manager.with(manager.active().setValue(B, 'inner'), () => [
          manager.active().getValue(A),
          manager.active().getValue(B),
        ]);
        return [...inner, manager.active().getValue(B)];
      });
    expect(await Promise.all([run('one'), run('two')])).toEqual([
      ['one', 'inner', undefined],
      ['two', 'inner', undefined],
    ]);
  });

  it('passes `this` and arguments, and binds a function to a context', () => {
    const ctx = EMPTY_CONTEXT.setValue(A, 'bound');
    const self = { name: 'self' };
    expect(
      manager.with(
        ctx,
        function (this: typeof self, x: number) {
          return `${this.name} ${x} ${String(manager.active().getValue(A))}`;
        },
        self,
        7,
      ),
    ).toBe('self 7 bound');
    const bound = manager.bind(ctx, () => manager.active().getValue(A));
    expect(bound()).toBe('bound');
    const notAFunction = { x: 1 };
    expect(manager.bind(ctx, notAFunction)).toBe(notAFunction);
  });
});

describe('tracing with the chained contexts', () => {
  afterEach(stopTracing);

  it('registers them: spans started in process nest under the active span', async () => {
    const tracing = await startMemoryTracing({}, 'switchyard');
    expect(context.active()).toBe(EMPTY_CONTEXT);
    const parent = startSpan('parent', { kind: SpanKind.SERVER, service: 'gateway' }, ROOT_CONTEXT);
    const child = context.with(parent.context, () => startSpan('child', { kind: SpanKind.INTERNAL }));
    child.span.end();
    parent.span.end();
    const [ended] = (await tracing.spans()).filter((s) => s.name === 'child');
    expect(ended.parentSpanContext?.spanId).toBe(parent.span.spanContext().spanId);
    expect(ended.attributes['switchyard.service']).toBe('gateway');
  });
});
