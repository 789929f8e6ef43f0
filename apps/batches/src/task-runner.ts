import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { DomainError, Subjects } from '@switchyard/contracts';
import { JsonLogger } from '@switchyard/logging';
import { LOGGER, RpcClient } from '@switchyard/nats';
import { OutageNotice } from '@switchyard/runtime';
import { BatchesConfig } from './batches.config';
import { GenerationTaskStore, TaskRow } from './generation-tasks';

const CLAIM_LIMIT = 8;
/** a claimed task is held for its one call through the router plus this, then another replica may take it */
const LEASE_SLACK_MS = 5_000;

/** Worth trying again later: the router, billing or the upstream is busy or away, not the request's fault. */
function transient(error: unknown): boolean {
  if (!(error instanceof DomainError)) return true;
  return error.status === 408 || error.status === 429 || error.status >= 500;
}

/** Exponential back-off between polls, from the base up to the cap. */
export function nextPollDelayMs(polls: number, baseMs: number, maxMs: number): number {
  return Math.min(maxMs, baseMs * 2 ** Math.min(polls, 20));
}

/**
 * Moves generation tasks along in every replica: claims due tasks with a lease (a replica that dies
 * leaves them to the others when it runs out), starts queued ones upstream through the router,
 * polls running ones with back-off, and refunds in full the ones that fail after being charged.
 * Everything it knows is in `batches.tasks`, so a restart of any service loses nothing.
 */
@Injectable()
export class TaskRunner implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;
  private stopping = false;
  private readonly outage: OutageNotice;

  constructor(
    private readonly tasks: GenerationTaskStore,
    private readonly rpc: RpcClient,
    private readonly config: BatchesConfig,
    @Inject(LOGGER) private readonly logger: JsonLogger,
  ) {
    this.outage = new OutageNotice(logger, 'the generation task runner');
  }

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => {
      if (!this.running && !this.stopping)
        this.running = this.tick()
          .then(
            () => this.outage.succeeded(),
            (e) => this.outage.failed(e) || this.logger.error('task tick failed', e),
          )
          .finally(() => (this.running = null));
    }, this.config.SWITCHYARD_BATCH_POLL_MS);
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopping = true;
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }

  private async tick(): Promise<void> {
    const claimed = await this.tasks.claimDue(this.config.SWITCHYARD_TASK_CALL_TIMEOUT_MS + LEASE_SLACK_MS, CLAIM_LIMIT);
    await Promise.all(claimed.map((row) => this.advance(row).catch((e) => this.logger.error(`task ${row.id} did not advance`, e))));
  }

  private async advance(row: TaskRow): Promise<void> {
    if (row.refund_due) return this.refund(row);
    if (Date.now() - new Date(row.created_at).getTime() > this.config.SWITCHYARD_TASK_TIMEOUT_MS) {
      return this.fail(row, { code: 'task_timeout', message: 'The generation did not finish in time' }, row.upstream_task_id !== null);
    }
    return row.upstream_task_id ? this.poll(row) : this.submit(row);
  }

  private async submit(row: TaskRow): Promise<void> {
    try {
      const started = await this.rpc.send(
        Subjects.routerTaskSubmit,
        { taskId: row.id, principal: row.principal, kind: row.kind, body: row.body },
        this.config.SWITCHYARD_TASK_CALL_TIMEOUT_MS,
      );
      await this.tasks.markStarted(row.id, started, this.config.SWITCHYARD_TASK_POLL_MS);
    } catch (error) {
      if (transient(error)) return this.later(row);
      const domain = error as DomainError;
      await this.fail(row, { code: domain.code, message: domain.message }, false);
    }
  }

  private async poll(row: TaskRow): Promise<void> {
    try {
      const state = await this.rpc.send(
        Subjects.routerTaskPoll,
        {
          taskId: row.id,
          principal: row.principal,
          kind: row.kind,
          channelId: row.channel_id!,
          upstreamTaskId: row.upstream_task_id!,
        },
        this.config.SWITCHYARD_TASK_CALL_TIMEOUT_MS,
      );
      if (state.status === 'succeeded') {
        await this.tasks.markSucceeded(row.id, state.files);
      } else if (state.status === 'failed') {
        await this.fail(row, state.error ?? { code: 'generation_failed', message: 'The generation failed' }, true);
      } else {
        await this.later(row, state.progress);
      }
    } catch (error) {
      if (transient(error)) return this.later(row);
      const domain = error as DomainError;
      await this.fail(row, { code: domain.code, message: domain.message }, true);
    }
  }

  private async later(row: TaskRow, progress: number | null = row.progress): Promise<void> {
    const delay = nextPollDelayMs(row.polls, this.config.SWITCHYARD_TASK_POLL_MS, this.config.SWITCHYARD_TASK_MAX_POLL_MS);
    await this.tasks.pollLater(row.id, progress, delay);
  }

  /** `charged`: the task was started upstream, so it was billed, and is refunded in full. */
  private async fail(row: TaskRow, error: { code: string; message: string }, charged: boolean): Promise<void> {
    await this.tasks.markFailed(row.id, error, charged);
    if (charged) await this.refund({ ...row, refund_due: true });
  }

  /** The charge travels as an event: until billing has it, the refund is asked for again later. */
  private async refund(row: TaskRow): Promise<void> {
    try {
      const answer = await this.rpc.send(Subjects.billingUsageRefund, { requestId: row.id, reason: 'generation failed' });
      if (!answer.pending) {
        await this.tasks.refundDone(row.id);
        return;
      }
    } catch (error) {
      this.logger.warn(`task ${row.id}: refund not done yet`, error);
    }
    await this.tasks.refundLater(row.id, this.config.SWITCHYARD_TASK_POLL_MS);
  }
}
