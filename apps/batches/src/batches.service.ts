import { Inject, Injectable } from '@nestjs/common';
import { NatsConnection } from 'nats';
import { DataSource, In } from 'typeorm';
import {
  BatchListReply,
  BatchView,
  CreateBatchRequest,
  DomainError,
  Events,
  ListBatchesRequest,
  newId,
  Subjects,
} from '@switchyard/contracts';
import { broadcast, NATS_CONNECTION, RpcClient } from '@switchyard/nats';
import { traceparentOf, TtlCache } from '@switchyard/runtime';
import { BatchRepository } from './batch-repository';
import { batchView } from './batch-view';
import { BatchesConfig } from './batches.config';
import { BatchEntity } from './entities/batch.entity';

export function noSuchBatch(batchId: string): DomainError {
  return new DomainError('not_found', `No batch found with id '${batchId}'`, 'batch_id');
}

const RUNNING_COUNTS_TTL_MS = 1000;

/** Batch records: create, read, list, cancel. Every query takes the owner. */
@Injectable()
export class BatchesService {
  private readonly runningCounts = new TtlCache<{ completed: number; failed: number }>(RUNNING_COUNTS_TTL_MS, 10_000);

  constructor(
    private readonly ds: DataSource,
    private readonly batchRepository: BatchRepository,
    private readonly rpc: RpcClient,
    private readonly config: BatchesConfig,
    @Inject(NATS_CONNECTION) private readonly nc: NatsConnection,
  ) {}

  async create(req: CreateBatchRequest): Promise<BatchView> {
    const { principal, body } = req;
    // the input file must exist, be the caller's and hold batch requests
    const input = await this.rpc.send(Subjects.filesFileGet, { ownerUserId: principal.userId, api: 'openai', fileId: body.input_file_id });
    if (input.purpose !== 'batch') {
      throw new DomainError(
        'invalid_value',
        `File ${body.input_file_id} has purpose '${input.purpose}'; batch input files need purpose 'batch'`,
        'input_file_id',
      );
    }
    const now = new Date();
    const batch: Partial<BatchEntity> = {
      id: newId('batch_'),
      ownerUserId: principal.userId,
      keyId: principal.keyId,
      principal,
      endpoint: body.endpoint,
      model: null,
      inputFileId: body.input_file_id,
      completionWindow: body.completion_window,
      status: 'validating',
      outputFileId: null,
      errorFileId: null,
      errors: null,
      metadata: body.metadata ?? null,
      traceParent: traceparentOf(),
      totalCount: 0,
      completedCount: 0,
      failedCount: 0,
      createdAt: now,
      expiresAt: new Date(now.getTime() + this.config.SWITCHYARD_BATCH_WINDOW_SECONDS * 1000),
    };
    await this.ds.getRepository(BatchEntity).insert(batch);
    broadcast(this.nc, Events.batchesBatchChanged, {});
    return this.get(principal.userId, batch.id!);
  }

  async get(ownerUserId: string, batchId: string): Promise<BatchView> {
    const batch = await this.ds.getRepository(BatchEntity).findOneBy({ id: batchId, ownerUserId });
    if (!batch) throw noSuchBatch(batchId);
    return this.view(batch);
  }

  /**
   * A running batch's counts come from its lines (counting them reads every finished line, so a
   * count is reused for a second: callers poll); an ended batch keeps the ones frozen at the end.
   */
  private async view(batch: BatchEntity): Promise<BatchView> {
    if (['in_progress', 'finalizing', 'cancelling'].includes(batch.status)) {
      let counts = this.runningCounts.get(batch.id);
      if (!counts) this.runningCounts.set(batch.id, (counts = await this.batchRepository.lineCounts(batch.id)));
      return batchView({ ...batch, completedCount: counts.completed, failedCount: counts.failed });
    }
    return batchView(batch);
  }

  async list(req: ListBatchesRequest): Promise<BatchListReply> {
    const repo = this.ds.getRepository(BatchEntity);
    const query = repo.createQueryBuilder('b').where('b.owner_user_id = :owner', { owner: req.ownerUserId });
    if (req.after) {
      const cursor = await repo.findOneBy({ id: req.after, ownerUserId: req.ownerUserId });
      if (!cursor) throw new DomainError('invalid_value', `No batch found with id '${req.after}'`, 'after');
      query.andWhere('(b.created_at, b.id) < (:createdAt, :id)', { createdAt: cursor.createdAt, id: cursor.id });
    }
    const rows = await query
      .orderBy('b.created_at', 'DESC')
      .addOrderBy('b.id', 'DESC')
      .limit(req.limit + 1)
      .getMany();
    const data = await Promise.all(rows.slice(0, req.limit).map((b) => this.view(b)));
    return {
      object: 'list',
      data,
      first_id: data[0]?.id ?? null,
      last_id: data[data.length - 1]?.id ?? null,
      has_more: rows.length > req.limit,
    };
  }

  /** Stops dispatching; lines in flight finish; the runner finalizes as `cancelled`. */
  async cancel(ownerUserId: string, batchId: string): Promise<BatchView> {
    const repo = this.ds.getRepository(BatchEntity);
    const batch = await repo.findOneBy({ id: batchId, ownerUserId });
    if (!batch) throw noSuchBatch(batchId);
    if (batch.status === 'cancelling' || batch.status === 'cancelled') return this.view(batch);
    const result = await repo.update(
      { id: batchId, ownerUserId, status: In(['validating', 'in_progress']) },
      { status: 'cancelling', cancellingAt: new Date() },
    );
    if (result.affected === 0) {
      const current = await repo.findOneByOrFail({ id: batchId });
      if (current.status !== 'cancelling') {
        throw new DomainError('conflict', `Cannot cancel a batch with status '${current.status}'.`, null, 409);
      }
    }
    broadcast(this.nc, Events.batchesBatchChanged, {});
    return this.get(ownerUserId, batchId);
  }
}
