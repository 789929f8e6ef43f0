import { activeContext, ambientContext, REQUEST_ID_KEY } from './tracing/context-manager';

/**
 * The request the running code works for, so an error nobody caught can be logged with its id. It
 * lives in the active context (one AsyncLocalStorage for it and the trace context).
 */
export const requestScope = {
  /** Runs `fn` (and whatever it starts) as work for `requestId`. */
  run<T>(requestId: string, fn: () => T): T {
    return ambientContext.run(activeContext().setValue(REQUEST_ID_KEY, requestId), fn);
  },
  /** The request the running code works for, if any. */
  requestId(): string | undefined {
    const requestId = activeContext().getValue(REQUEST_ID_KEY);
    return typeof requestId === 'string' ? requestId : undefined;
  },
};
