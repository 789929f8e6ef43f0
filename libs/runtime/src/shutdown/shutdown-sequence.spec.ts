import { Readiness } from './readiness';
import { addProcessShutdownStep, ShutdownSequence, ShutdownTimers } from './shutdown-sequence';

/** Timers the test fires by hand: the grace runs out when the test says so. */
class ManualTimers implements ShutdownTimers {
  private readonly pending = new Map<number, { callback: () => void; ms: number }>();
  private next = 0;

  setTimeout(callback: () => void, ms: number): unknown {
    this.pending.set(++this.next, { callback, ms });
    return this.next;
  }

  clearTimeout(handle: unknown): void {
    this.pending.delete(handle as number);
  }

  get armed(): number[] {
    return [...this.pending.values()].map((t) => t.ms);
  }

  fireAll(): void {
    for (const [id, timer] of [...this.pending]) {
      this.pending.delete(id);
      timer.callback();
    }
  }
}

function harness(graceMs = 1000) {
  const lines: { level: string; message: string }[] = [];
  const exits: number[] = [];
  const readiness = new Readiness();
  const timers = new ManualTimers();
  const logger = {
    lifecycle: (message: string) => lines.push({ level: 'info', message }),
    error: (message: string) => lines.push({ level: 'error', message }),
  };
  const shutdown = new ShutdownSequence({ graceMs, logger, exit: (code) => exits.push(code), readiness, timers });
  return { shutdown, lines, exits, readiness, timers };
}

/** A step that runs until the test lets it finish. */
function heldStep(order: string[], name: string) {
  let release: () => void = () => undefined;
  const done = new Promise<void>((resolve) => (release = resolve));
  return {
    step: {
      name,
      run: async () => {
        order.push(`${name} started`);
        await done;
        order.push(`${name} finished`);
      },
    },
    release: () => release(),
  };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('ShutdownSequence', () => {
  it('marks the process not ready before any step runs', async () => {
    const { shutdown, readiness } = harness();
    let readyDuringStep: boolean | null = null;
    shutdown.add('drain', { name: 'look', run: () => (readyDuringStep = readiness.ready) });
    expect(readiness.ready).toBe(true);
    await shutdown.run('received SIGTERM');
    expect(readyDuringStep).toBe(false);
    expect(readiness.ready).toBe(false);
  });

  it('runs every drain step before any flush step and every flush step before any close step, each phase in the order added', async () => {
    const { shutdown, exits } = harness();
    const order: string[] = [];
    const step = (name: string) => ({ name, run: async () => void order.push(name) });
    shutdown.add('close', step('close database'));
    shutdown.add('flush', step('flush spans'));
    shutdown.add('drain', step('drain gateway'));
    shutdown.add('drain', step('drain router'));
    shutdown.add('close', step('drain NATS'));
    await shutdown.run('received SIGTERM');
    expect(order).toEqual(['drain gateway', 'drain router', 'flush spans', 'close database', 'drain NATS']);
    expect(exits).toEqual([0]);
  });

  it('waits for a step to finish before the next one starts', async () => {
    const { shutdown, exits } = harness();
    const order: string[] = [];
    const held = heldStep(order, 'finish streams');
    shutdown.add('drain', held.step);
    shutdown.add('close', { name: 'close NATS', run: () => void order.push('close NATS') });
    const running = shutdown.run('received SIGTERM');
    await settle();
    expect(order).toEqual(['finish streams started']);
    expect(exits).toEqual([]);
    held.release();
    await running;
    expect(order).toEqual(['finish streams started', 'finish streams finished', 'close NATS']);
    expect(exits).toEqual([0]);
  });

  it('runs the next steps when one fails, logs it, and exits 1', async () => {
    const { shutdown, exits, lines } = harness();
    const order: string[] = [];
    shutdown.add('drain', {
      name: 'drain NATS',
      run: async () => {
        throw new Error('CONNECTION_CLOSED');
      },
    });
    shutdown.add('close', { name: 'close database', run: () => void order.push('close database') });
    await shutdown.run('received SIGTERM');
    expect(order).toEqual(['close database']);
    expect(lines).toContainEqual({ level: 'error', message: 'shutdown step "drain NATS" failed' });
    expect(exits).toEqual([1]);
  });

  it('exits 1 when the grace runs out, naming the step it was in and what it still held, and runs no step after', async () => {
    const { shutdown, exits, lines, timers } = harness(30_000);
    const order: string[] = [];
    const held = heldStep(order, 'gateway: finish requests');
    shutdown.add('drain', { ...held.step, inFlight: () => '2 HTTP request(s)' });
    shutdown.add('close', { name: 'close database', run: () => void order.push('close database'), inFlight: () => null });
    const running = shutdown.run('received SIGTERM');
    await settle();
    expect(timers.armed).toEqual([30_000]);
    timers.fireAll();
    expect(exits).toEqual([1]);
    expect(lines.at(-1)).toEqual({
      level: 'error',
      message:
        'shutdown did not finish within the grace of 30000 ms (SWITCHYARD_SHUTDOWN_GRACE_MS); still in flight: gateway: finish requests (2 HTTP request(s)); close database',
    });
    held.release();
    await running;
    expect(order).toEqual(['gateway: finish requests started', 'gateway: finish requests finished']);
    expect(exits).toEqual([1]);
  });

  it('clears the grace timer when every step finished in time', async () => {
    const { shutdown, timers, exits } = harness();
    shutdown.add('drain', { name: 'nothing in flight', run: () => undefined });
    await shutdown.run('received SIGTERM');
    expect(timers.armed).toEqual([]);
    expect(exits).toEqual([0]);
  });

  it('runs once: a second signal while it runs changes nothing', async () => {
    const { shutdown, exits } = harness();
    const order: string[] = [];
    const held = heldStep(order, 'drain');
    shutdown.add('drain', held.step);
    const first = shutdown.run('received SIGTERM');
    const second = shutdown.run('received SIGINT', 1);
    expect(shutdown.running).toBe(true);
    held.release();
    await Promise.all([first, second]);
    expect(order).toEqual(['drain started', 'drain finished']);
    expect(exits).toEqual([0]);
  });

  it('exits with the code it was run with (a broken invariant: 1) when the steps succeed', async () => {
    const { shutdown, exits } = harness();
    await shutdown.run('broken invariant', 1);
    expect(exits).toEqual([1]);
  });

  it('runs the steps other modules added to the process shutdown in their phase, only when asked to', async () => {
    const order: string[] = [];
    const remove = addProcessShutdownStep('flush', { name: 'flush spans', run: () => void order.push('flush spans') });
    try {
      const timers = new ManualTimers();
      const logger = { lifecycle: () => undefined, error: () => undefined };
      const process = new ShutdownSequence({
        graceMs: 1000,
        logger,
        exit: () => undefined,
        readiness: new Readiness(),
        timers,
        withProcessSteps: true,
      });
      process.add('close', { name: 'close NATS', run: () => void order.push('close NATS') });
      process.add('drain', { name: 'drain', run: () => void order.push('drain') });
      await process.run('received SIGTERM');
      const other = new ShutdownSequence({ graceMs: 1000, logger, exit: () => undefined, readiness: new Readiness(), timers });
      await other.run('received SIGTERM');
    } finally {
      remove();
    }
    expect(order).toEqual(['drain', 'flush spans', 'close NATS']);
  });
});
