import { EventEmitter } from 'events';
import { JsonLogger } from '@switchyard/logging';
import { Readiness, requestScope, ShutdownSequence } from '@switchyard/runtime';
import { ProcessInvariantError, superviseProcess } from './service-runtime';

/** A stand-in process: events are emitted by the test, exits are recorded. */
class FakeProcess extends EventEmitter {
  readonly exits: number[] = [];
  exit(code: number): void {
    this.exits.push(code);
  }
}

function logLines(): { logger: JsonLogger; lines: () => Record<string, string>[] } {
  const written: string[] = [];
  const out = { write: (line: string) => written.push(line) } as unknown as NodeJS.WritableStream;
  return { logger: new JsonLogger('test', 'info', out), lines: () => written.map((line) => JSON.parse(line)) };
}

/** A shutdown of the stand-in process whose steps are `closers`, in the drain phase. */
function shutdownOf(proc: FakeProcess, logger: JsonLogger, closers: (() => Promise<unknown>)[]): ShutdownSequence {
  const shutdown = new ShutdownSequence({ graceMs: 10_000, logger, exit: (code) => proc.exit(code), readiness: new Readiness() });
  closers.forEach((close, i) => shutdown.add('drain', { name: `step ${i}`, run: close }));
  return shutdown;
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('superviseProcess', () => {
  it('logs an unhandled rejection with the request id it happened in, and keeps serving', async () => {
    const proc = new FakeProcess();
    const { logger, lines } = logLines();
    const close = jest.fn(async () => undefined);
    superviseProcess(logger, shutdownOf(proc, logger, [close]), proc);
    requestScope.run('req_truncated', () => proc.emit('unhandledRejection', new Error('Unexpected end of form')));
    await settle();
    expect(proc.exits).toEqual([]);
    expect(close).not.toHaveBeenCalled();
    expect(lines()).toEqual([
      expect.objectContaining({
        level: 'error',
        msg: 'unhandled rejection in request req_truncated; still serving',
        ctx: expect.stringContaining('Unexpected end of form'),
      }),
    ]);
  });

  it('logs an uncaught exception outside any request, and keeps serving', async () => {
    const proc = new FakeProcess();
    const { logger, lines } = logLines();
    superviseProcess(logger, shutdownOf(proc, logger, []), proc);
    proc.emit('uncaughtException', new TypeError('boom'));
    await settle();
    expect(proc.exits).toEqual([]);
    expect(lines()[0]).toMatchObject({ level: 'error', msg: 'uncaught exception; still serving' });
  });

  it('drains and exits 1 on a broken invariant of the process, once', async () => {
    const proc = new FakeProcess();
    const { logger } = logLines();
    const order: string[] = [];
    superviseProcess(
      logger,
      shutdownOf(proc, logger, [async () => void order.push('stop taking work'), async () => void order.push('close connections')]),
      proc,
    );
    proc.emit('uncaughtException', new ProcessInvariantError('the NATS connection is gone for good'));
    proc.emit('unhandledRejection', new ProcessInvariantError('again'));
    await settle();
    expect(order).toEqual(['stop taking work', 'close connections']);
    expect(proc.exits).toEqual([1]);
  });

  it('stops in order on SIGTERM with exit 0', async () => {
    const proc = new FakeProcess();
    const { logger } = logLines();
    const close = jest.fn(async () => undefined);
    superviseProcess(logger, shutdownOf(proc, logger, [close]), proc);
    proc.emit('SIGTERM');
    await settle();
    expect(close).toHaveBeenCalledTimes(1);
    expect(proc.exits).toEqual([0]);
  });
});
