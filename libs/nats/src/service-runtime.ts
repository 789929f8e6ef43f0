import { JsonLogger } from '@switchyard/logging';
import { requestScope, ShutdownSequence } from '@switchyard/runtime';

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

/** The shutdown of this process: its steps are added by whoever booted it; it exits the process when done. */
export function processShutdown(logger: JsonLogger, graceMs: number, proc: Pick<SupervisedProcess, 'exit'> = process): ShutdownSequence {
  return new ShutdownSequence({ graceMs, logger, exit: (code) => proc.exit(code), withProcessSteps: true });
}

/**
 * The life of a service process after boot. A signal runs its shutdown sequence (not ready, stop
 * taking work and finish it, flush, close connections; bounded by the grace), exit 0. An unhandled
 * rejection or uncaught exception is one request's failure, not the process's: it is logged with the
 * request id when known and the process keeps serving; only a ProcessInvariantError stops it, by the
 * same sequence, exit 1.
 */
export function superviseProcess(logger: JsonLogger, shutdown: ShutdownSequence, proc: SupervisedProcess = process): void {
  const stray = (kind: string) => (error: unknown) => {
    if (error instanceof ProcessInvariantError) {
      logger.error(`${kind}: the process is broken`, error);
      void shutdown.run('broken invariant', 1);
      return;
    }
    const requestId = requestScope.requestId();
    logger.error(`${kind}${requestId ? ` in request ${requestId}` : ''}; still serving`, error);
  };
  const signal = (name: string) => () => {
    if (shutdown.running) logger.lifecycle(`received ${name} while shutting down; the grace still bounds it`);
    else void shutdown.run(`received ${name}`);
  };
  proc.on('SIGTERM', signal('SIGTERM'));
  proc.on('SIGINT', signal('SIGINT'));
  proc.on('unhandledRejection', stray('unhandled rejection'));
  proc.on('uncaughtException', stray('uncaught exception'));
}
