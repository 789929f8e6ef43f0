import { processReadiness, Readiness } from './readiness';

/**
 * When a step runs. Every `drain` step runs before any `flush` step, every `flush` step before any
 * `close` step; inside a phase, in the order they were added.
 *
 * - `drain`: stop taking new work and finish what is held (HTTP requests and streams, NATS handlers, batch lines)
 * - `flush`: send what the finished work left behind while the connections are still open (usage events, telemetry)
 * - `close`: close connections and pools (NATS, Postgres, servers)
 */
export type ShutdownPhase = 'drain' | 'flush' | 'close';
const PHASES: readonly ShutdownPhase[] = ['drain', 'flush', 'close'];

export interface ShutdownStep {
  /** said in the log, and named when the grace runs out during it */
  name: string;
  run(): unknown;
  /** what the step still waits for, e.g. `3 HTTP requests` (named when the grace runs out); null when nothing */
  inFlight?(): string | null;
}

export interface ShutdownLogger {
  lifecycle(message: string): void;
  error(message: string, ...context: unknown[]): void;
}

export interface ShutdownTimers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface ShutdownOptions {
  /** the most the whole sequence may take (SWITCHYARD_SHUTDOWN_GRACE_MS); past it the process exits 1 */
  graceMs: number;
  logger: ShutdownLogger;
  exit(code: number): void;
  readiness?: Readiness;
  timers?: ShutdownTimers;
  /** also run the steps other modules added with {@link addProcessShutdownStep} (the process's own sequence) */
  withProcessSteps?: boolean;
}

interface PhasedStep extends ShutdownStep {
  phase: ShutdownPhase;
}

const processSteps: PhasedStep[] = [];

/**
 * Adds a step to this process's shutdown (e.g. flushing telemetry in the `flush` phase), wherever
 * the module that needs it lives; returns what removes it again.
 */
export function addProcessShutdownStep(phase: ShutdownPhase, step: ShutdownStep): () => void {
  const phased = { ...step, phase };
  processSteps.push(phased);
  return () => {
    const at = processSteps.indexOf(phased);
    if (at >= 0) processSteps.splice(at, 1);
  };
}

/**
 * The one way a process stops: mark it not ready, then run its steps phase by phase (a step that
 * fails is logged and the next one still runs), then exit 0, or 1 when a step failed. If the steps
 * take longer than the grace, it logs what was still in flight and exits 1 at once, so a signal
 * always ends the process within the grace even when NATS or Postgres is gone and a step hangs.
 */
export class ShutdownSequence {
  private readonly steps: PhasedStep[] = [];
  private started = false;
  private exited = false;

  constructor(private readonly options: ShutdownOptions) {}

  add(phase: ShutdownPhase, step: ShutdownStep): this {
    this.steps.push({ ...step, phase });
    return this;
  }

  get running(): boolean {
    return this.started;
  }

  /** Runs the sequence once; a second call (a second signal) while it runs is ignored. */
  async run(reason: string, exitCode = 0): Promise<void> {
    if (this.started) return;
    this.started = true;
    const { logger, graceMs } = this.options;
    const timers = this.options.timers ?? { setTimeout, clearTimeout: (h) => clearTimeout(h as NodeJS.Timeout) };
    (this.options.readiness ?? processReadiness).markDraining();
    logger.lifecycle(`${reason}, shutting down (not ready; grace ${graceMs} ms)`);
    const ordered = this.ordered();
    let current: PhasedStep | null = null;
    const hardStop = timers.setTimeout(() => {
      const pending = ordered
        .slice(current ? ordered.indexOf(current) : 0)
        .map((step) => {
          const what = step.inFlight?.();
          return what ? `${step.name} (${what})` : step.name;
        })
        .join('; ');
      logger.error(`shutdown did not finish within the grace of ${graceMs} ms (SWITCHYARD_SHUTDOWN_GRACE_MS); still in flight: ${pending}`);
      this.exit(1);
    }, graceMs);
    let failed = false;
    for (const step of ordered) {
      if (this.exited) return;
      current = step;
      try {
        await step.run();
      } catch (error) {
        failed = true;
        logger.error(`shutdown step "${step.name}" failed`, error);
      }
    }
    timers.clearTimeout(hardStop);
    if (this.exited) return;
    logger.lifecycle(failed ? 'shut down, with a step that failed' : 'shut down cleanly');
    this.exit(failed ? 1 : exitCode);
  }

  private ordered(): PhasedStep[] {
    const all = this.options.withProcessSteps ? [...this.steps, ...processSteps] : this.steps;
    return PHASES.flatMap((phase) => all.filter((step) => step.phase === phase));
  }

  private exit(code: number): void {
    if (this.exited) return;
    this.exited = true;
    this.options.exit(code);
  }
}
