import { AsyncLocalStorage } from 'async_hooks';
import { JsonLogger } from '@switchyard/logging';

/** The request the running code works for, so an error nobody caught can be logged with its id. */
export const requestScope = new AsyncLocalStorage<{ requestId: string }>();

/**
 * A broken invariant of the process itself (not of one request): the one kind of stray error that
 * stops the process, after it has drained.
 */
export class ProcessInvariantError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ProcessInvariantError';
  }
}

/** What `superviseProcess` needs of the process (the real one, or a stand-in in tests). */
export interface SupervisedProcess {
  on(event: 'SIGTERM' | 'SIGINT', listener: () => void): unknown;
  on(event: 'unhandledRejection', listener: (reason: unknown) => void): unknown;
  on(event: 'uncaughtException', listener: (error: Error) => void): unknown;
  exit(code: number): void;
}

/**
 * The life of a service process after boot. A signal stops it in order (stop taking work, then close
 * connections), exit 0. An unhandled rejection or uncaught exception is one request's failure, not the
 * process's: it is logged with the request id when known and the process keeps serving; only a
 * ProcessInvariantError stops it, in the same order, exit 1.
 */
export function superviseProcess(logger: JsonLogger, closers: (() => Promise<unknown>)[], proc: SupervisedProcess = process): void {
  let stopping = false;
  const stop = async (reason: string, code: number) => {
    if (stopping) return;
    stopping = true;
    logger.lifecycle(`${reason}, shutting down`);
    for (const close of closers) await close().catch((e) => logger.error('error during shutdown', e));
    proc.exit(code);
  };
  const stray = (kind: string) => (error: unknown) => {
    if (error instanceof ProcessInvariantError) {
      logger.error(`${kind}: the process is broken`, error);
      void stop('broken invariant', 1);
      return;
    }
    const requestId = requestScope.getStore()?.requestId;
    logger.error(`${kind}${requestId ? ` in request ${requestId}` : ''}; still serving`, error);
  };
  proc.on('SIGTERM', () => void stop('received SIGTERM', 0));
  proc.on('SIGINT', () => void stop('received SIGINT', 0));
  proc.on('unhandledRejection', stray('unhandled rejection'));
  proc.on('uncaughtException', stray('uncaught exception'));
}
