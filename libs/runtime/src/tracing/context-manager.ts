import { AsyncLocalStorage } from 'async_hooks';
import type { Context, ContextManager } from '@opentelemetry/api';

/**
 * A Context as a chain of single bindings: setting a value allocates one small link instead of
 * copying every binding into a new Map, as the API's own context does. A request's contexts are a
 * few links deep (its spans and their service), so a lookup walks a handful of links. Why: with
 * tracing on, each span sets two values and each set copied the Map; in a profile of tracing with
 * nothing sampled, those copies were as much CPU as creating the spans.
 */
class ChainedContext implements Context {
  constructor(
    private readonly parent: ChainedContext | null,
    private readonly key: symbol | null,
    private readonly value: unknown,
    private readonly deleted: boolean,
  ) {}

  getValue(key: symbol): unknown {
    if (this.key === key) return this.deleted ? undefined : this.value;
    for (let link = this.parent; link !== null; link = link.parent) if (link.key === key) return link.deleted ? undefined : link.value;
    return undefined;
  }

  setValue(key: symbol, value: unknown): Context {
    return new ChainedContext(this, key, value, false);
  }

  deleteValue(key: symbol): Context {
    return new ChainedContext(this, key, undefined, true);
  }
}

/** The context holding nothing, the start of every chain (use it where the API's ROOT_CONTEXT would be). */
export const EMPTY_CONTEXT: Context = new ChainedContext(null, null, undefined, false);

/**
 * The one AsyncLocalStorage of the process: the active context, which holds both the request the
 * code works for (request-scope.ts) and, while the process traces, the active span. One storage
 * because each enabled AsyncLocalStorage copies its value onto every promise a request creates.
 */
export const ambientContext = new AsyncLocalStorage<Context>();

/** The active context (EMPTY_CONTEXT outside any). */
export const activeContext = (): Context => ambientContext.getStore() ?? EMPTY_CONTEXT;

/** Names the request the running code works for (request-scope.ts); kept by every context the manager activates. */
export const REQUEST_ID_KEY = Symbol('switchyard.request_id');

/**
 * The process's context manager while it traces: the active context in the ambient storage,
 * EMPTY_CONTEXT when none, so every context derived from the active one is a chain. A context made
 * elsewhere (extracted from a message) is activated with the request id of the active one, so
 * activating a trace context never loses the request. It binds functions; it does not patch event
 * emitters (no instrumentation library here needs it).
 */
export class ChainedContextManager implements ContextManager {
  active(): Context {
    return activeContext();
  }

  with<A extends unknown[], F extends (...args: A) => ReturnType<F>>(
    context: Context,
    fn: F,
    thisArg?: ThisParameterType<F>,
    ...args: A
  ): ReturnType<F> {
    return ambientContext.run(withRequestOf(activeContext(), context), thisArg === undefined ? fn : fn.bind(thisArg), ...args);
  }

  bind<T>(context: Context, target: T): T {
    if (typeof target !== 'function') return target;
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- the bound function needs its own `this`
    const manager = this;
    const fn = target as unknown as (...args: unknown[]) => unknown;
    return function (this: unknown, ...args: unknown[]) {
      return manager.with(context, () => fn.apply(this, args));
    } as unknown as T;
  }

  enable(): this {
    return this;
  }

  /** Leaves the storage alone: it is the process's (the request scope keeps using it). */
  disable(): this {
    return this;
  }
}

/** `context`, holding the request id of `active` when it names none. */
function withRequestOf(active: Context, context: Context): Context {
  if (context === active) return context;
  const requestId = active.getValue(REQUEST_ID_KEY);
  return requestId === undefined || context.getValue(REQUEST_ID_KEY) !== undefined ? context : context.setValue(REQUEST_ID_KEY, requestId);
}
