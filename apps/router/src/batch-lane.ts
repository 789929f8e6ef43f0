import { Injectable } from '@nestjs/common';
import { RouterConfig } from './router.config';

/** How long after the last interactive request the lane stays narrow. */
const INTERACTIVE_QUIET_MS = 1000;

/**
 * Batch lines share a bounded lane on each router replica, FIFO. It is wide while nobody else
 * is using the replica and narrows as soon as interactive requests arrive, so a large batch cannot
 * crowd them out of the CPU; interactive requests themselves never wait here.
 */
@Injectable()
export class BatchLane {
  private running = 0;
  private readonly waiting: (() => void)[] = [];
  private lastInteractive = -Infinity;
  /** the clock; tests replace it */
  now: () => number = Date.now;

  constructor(private readonly config: RouterConfig) {}

  get inFlight(): number {
    return this.running;
  }

  get queued(): number {
    return this.waiting.length;
  }

  /** An interactive request arrived: batch lines step back for a while. */
  noteInteractive(): void {
    this.lastInteractive = this.now();
  }

  private get limit(): number {
    const busy = this.now() - this.lastInteractive < INTERACTIVE_QUIET_MS;
    return busy ? this.config.SWITCHYARD_ROUTER_BATCH_CONCURRENCY_SHARED : this.config.SWITCHYARD_ROUTER_BATCH_CONCURRENCY;
  }

  async run<T>(task: () => Promise<T>): Promise<T> {
    // a waiting line is woken with its slot already counted
    if (this.running >= this.limit || this.waiting.length > 0) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.running++;
    try {
      return await task();
    } finally {
      this.handOn();
    }
  }

  /** A line finished: wake as many waiting lines, in order, as the current width allows. */
  private handOn(): void {
    this.running--;
    while (this.waiting.length > 0 && this.running < this.limit) {
      this.running++;
      this.waiting.shift()!();
    }
  }
}
