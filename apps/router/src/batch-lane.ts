import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import { BatchWidthController, INTERACTIVE_QUIET_MS } from './batch-width';
import { LoopDelaySampler } from './loop-delay-sampler';
import { RouterConfig } from './router.config';

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
  /** the clock; tests replace it */
  now: () => number = Date.now;
  private readonly width: BatchWidthController;
  private readonly sampler: LoopDelaySampler;

  constructor(config: RouterConfig) {
    this.width = new BatchWidthController({
      floor: Math.min(config.SWITCHYARD_ROUTER_BATCH_CONCURRENCY_MIN, config.SWITCHYARD_ROUTER_BATCH_CONCURRENCY),
      start: config.SWITCHYARD_ROUTER_BATCH_CONCURRENCY_SHARED,
      ceiling: config.SWITCHYARD_ROUTER_BATCH_CONCURRENCY,
      toleranceMs: config.SWITCHYARD_ROUTER_BATCH_DELAY_TOLERANCE_MS,
    }, () => this.now());
    this.sampler = new LoopDelaySampler(() => this.sampling(), (delayMs) => this.noteLoopDelay(delayMs));
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
    if (this.running >= this.width.width() || this.waiting.length > 0) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.running++;
    try {
      return await task();
    } finally {
      this.running--;
      this.handOn();
    }
  }

  /** Wakes as many waiting lines, in order, as the current width allows (after a line ends, or the width grew). */
  private handOn(): void {
    while (this.waiting.length > 0 && this.running < this.width.width()) {
      this.running++;
      this.waiting.shift()!();
    }
  }
}
