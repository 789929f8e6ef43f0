import { performance } from 'perf_hooks';
import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import { BatchWidthController, INTERACTIVE_QUIET_MS } from './batch-width';
import { LoopDelaySampler } from './loop-delay-sampler';
import { RouterConfig } from '../router.config';

/** The longest a slot stays idle after a line below one line's width: a batch keeps moving. */
const MAX_IDLE_MS = 1000;

/**
 * Batch lines share a bounded lane on each router replica, FIFO. Its width comes from a
 * BatchWidthController: wide while nobody else uses the replica, narrowed as soon as interactive
 * requests arrive, then adapted to the event-loop delay interactive traffic feels, so a large
 * batch yields CPU rather than only slots. Interactive requests themselves never wait here.
 */
@Injectable()
export class BatchLane implements OnApplicationShutdown {
  private running = 0;
  private readonly waiting: (() => void)[] = [];
  private lastInteractive = -Infinity;
  /** the clock (monotonic, sub-millisecond: a fast line's duty cycle is measured with it); tests replace it */
  now: () => number = () => performance.now();
  private readonly width: BatchWidthController;
  private readonly sampler: LoopDelaySampler;

  constructor(config: RouterConfig) {
    this.width = new BatchWidthController(
      {
        floor: Math.min(1 / config.SWITCHYARD_ROUTER_BATCH_SLOWDOWN_MAX, config.SWITCHYARD_ROUTER_BATCH_CONCURRENCY),
        start: config.SWITCHYARD_ROUTER_BATCH_CONCURRENCY_SHARED,
        ceiling: config.SWITCHYARD_ROUTER_BATCH_CONCURRENCY,
        toleranceMs: config.SWITCHYARD_ROUTER_BATCH_DELAY_TOLERANCE_MS,
      },
      () => this.now(),
    );
    this.sampler = new LoopDelaySampler(
      () => this.sampling(),
      (delayMs) => this.noteLoopDelay(delayMs),
    );
  }

  onApplicationShutdown(): void {
    this.sampler.stop();
  }

  get inFlight(): number {
    return this.running;
  }

  get queued(): number {
    return this.waiting.length;
  }

  /** The sampler runs while batch lines or interactive requests are around, not on an idle replica. */
  private sampling(): boolean {
    return this.running > 0 || this.waiting.length > 0 || this.now() - this.lastInteractive < INTERACTIVE_QUIET_MS;
  }

  /** An interactive request arrived: batch lines step back, as far as its latency needs. */
  noteInteractive(): void {
    this.lastInteractive = this.now();
    this.width.noteInteractive();
    this.sampler.start();
  }

  /** One event-loop delay sample: the width may change, and waiting lines run if it grew. */
  noteLoopDelay(delayMs: number): void {
    this.width.noteDelay(delayMs, this.running);
    this.handOn();
  }

  async run<T>(task: () => Promise<T>): Promise<T> {
    this.sampler.start();
    // a waiting line is woken with its slot already counted
    if (this.running >= this.slots() || this.waiting.length > 0) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.running++;
    const started = this.now();
    try {
      return await task();
    } finally {
      this.release(this.now() - started);
    }
  }

  private slots(): number {
    return Math.ceil(this.width.width());
  }

  /**
   * Gives the slot back, at once while the width is a line or more; below that it stays taken
   * for the rest of the duty cycle (a line that took 5 ms at width 0.25 keeps it 15 ms more).
   */
  private release(tookMs: number): void {
    const width = this.width.width();
    const idleMs = width < 1 ? Math.min(MAX_IDLE_MS, tookMs * (1 / width - 1)) : 0;
    const free = () => {
      this.running--;
      this.handOn();
    };
    if (idleMs <= 0) free();
    else setTimeout(free, idleMs).unref();
  }

  /** Wakes as many waiting lines, in order, as the current width allows (after a line ends, or the width grew). */
  private handOn(): void {
    while (this.waiting.length > 0 && this.running < this.slots()) {
      this.running++;
      this.waiting.shift()!();
    }
  }
}
