import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { NatsConnection, Subscription } from 'nats';
import { Events } from '@switchyard/contracts';
import { JsonLogger } from '@switchyard/logging';
import { LOGGER, NATS_CONNECTION, onBroadcast, RpcClient } from '@switchyard/nats';
import { ObjectStorage } from '@switchyard/object-storage';
import { metrics, onScrape, OutageNotice } from '@switchyard/runtime';
import { BatchRepository } from '../batch-repository';
import { BatchesConfig } from '../batches.config';
import { BatchFinalizer } from './batch-finalizer';
import { BatchReservation } from './batch-reservation';
import { BatchScheduler } from './batch-scheduler';
import { BatchSettler } from './batch-settler';
import { BatchValidator } from './batch-validator';
import { LineDispatcher } from './line-dispatcher';
import { LineExecutor } from './line-executor';
import { LineLeases } from './line-leases';
import { ResultFileWriter } from './result-files';

/**
 * Runs batches in every replica: validates new ones, claims lines with `FOR UPDATE SKIP LOCKED`
 * and a lease (a crashed replica's lines come back when the lease ends), executes them through the
 * router, stores each result once (`status = 'pending'` guard), and finalizes. This class puts the
 * pieces together and sets the order of a round; each piece does one of those jobs.
 */
@Injectable()
export class BatchRunner implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly scheduler: BatchScheduler;
  private readonly leases: LineLeases;
  private readonly dispatcher: LineDispatcher;
  private readonly validator: BatchValidator;
  private readonly settler: BatchSettler;
  private readonly finalizer: BatchFinalizer;
  private readonly outage: OutageNotice;
  private wakeSubscription: Subscription | null = null;

  constructor(
    private readonly repo: BatchRepository,
    rpc: RpcClient,
    storage: ObjectStorage,
    config: BatchesConfig,
    @Inject(LOGGER) private readonly logger: JsonLogger,
    @Inject(NATS_CONNECTION) private readonly nc: NatsConnection,
  ) {
    this.outage = new OutageNotice(logger, 'the batch runner');
    const reservation = new BatchReservation(rpc, logger);
    this.leases = new LineLeases(repo, config.SWITCHYARD_BATCH_LEASE_MS, logger);
    this.dispatcher = new LineDispatcher(repo, this.leases, new LineExecutor(repo, rpc, config), config, logger);
    this.validator = new BatchValidator(repo, rpc, storage, reservation, config);
    this.settler = new BatchSettler(repo);
    this.finalizer = new BatchFinalizer(repo, new ResultFileWriter(storage, rpc), reservation);
    this.scheduler = new BatchScheduler(() => this.round(), {
      pollMs: config.SWITCHYARD_BATCH_POLL_MS,
      idlePollMs: config.SWITCHYARD_BATCH_IDLE_POLL_MS,
    });
  }

  private stopMetrics: (() => void) | null = null;

  onApplicationBootstrap(): void {
    this.stopMetrics = onScrape(async () => metrics().batchLinesPending.set(await this.repo.pendingLineCount()));
    this.wakeSubscription = onBroadcast(this.nc, Events.batchesBatchChanged, () => this.scheduler.wake());
    this.scheduler.wake();
    this.leases.start();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopMetrics?.();
    this.scheduler.stop();
    this.dispatcher.stop();
    this.wakeSubscription?.unsubscribe();
    while (this.dispatcher.inFlight > 0 || this.scheduler.roundRunning) await new Promise((r) => setTimeout(r, 50));
    this.leases.stop();
  }

  /** One round of work; whether there was any. */
  private async round(): Promise<boolean> {
    try {
      const open = this.dispatcher.inFlight > 0 || (await this.repo.anyOpen());
      this.outage.succeeded();
      if (!open) return false;
      await this.validator.validateOne();
      await this.dispatcher.dispatch();
      await this.settler.settle();
      await this.finalizer.finalizeOne();
      return true;
    } catch (error) {
      // the database or NATS away: noted once, and the next round waits the idle interval
      if (this.outage.failed(error)) return false;
      this.logger.error('batch runner tick failed', error);
      return true;
    }
  }
}
