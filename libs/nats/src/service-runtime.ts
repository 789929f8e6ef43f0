import { JsonLogger } from '@switchyard/logging';

/** Stops a process in order on SIGTERM/SIGINT: stop taking work, then close connections. */
export function stopOnSignals(logger: JsonLogger, closers: (() => Promise<unknown>)[]): void {
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.lifecycle(`received ${signal}, shutting down`);
    for (const close of closers) await close().catch((e) => logger.error('error during shutdown', e));
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}
