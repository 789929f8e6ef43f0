import { Injectable } from '@nestjs/common';
import { RouterConfig } from './router.config';

/**
 * Batch lines share a bounded lane on each router replica: at most N run at once, the rest wait
 * their turn in order. Interactive requests never wait here, so a large batch cannot crowd them out.
 */
@Injectable()
export class BatchLane {
  private running = 0;
  private readonly waiting: (() => void)[] = [];
  private readonly limit: number;

  constructor(config: RouterConfig) {
    this.limit = config.SWITCHYARD_ROUTER_BATCH_CONCURRENCY;
  }

  get inFlight(): number {
    return this.running;
  }

  get queued(): number {
    return this.waiting.length;
  }

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.running >= this.limit) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.running++;
    try {
      return await task();
    } finally {
      const next = this.waiting.shift();
      if (next) next(); // the slot passes straight to the next waiting line
      else this.running--;
    }
  }
}
