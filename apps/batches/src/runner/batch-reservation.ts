import { DomainError, ReserveRequest, Subjects } from '@switchyard/contracts';
import { JsonLogger } from '@switchyard/logging';
import { RpcClient } from '@switchyard/nats';
import { metrics } from '@switchyard/runtime';
import type { BatchEntity } from '../entities/batch.entity';
import type { WorstCase } from './input-validation';

/** the reservation outlives the batch's window by this much, so it is there until the batch ends */
const RESERVATION_SLACK_MS = 3_600_000;

/** What billing is asked to set aside for a batch: its worst case per model, one hold keyed by the batch id. */
export function reservationRequest(
  batch: Pick<BatchEntity, 'id' | 'ownerUserId' | 'expiresAt'>,
  worstCase: WorstCase,
  nowMs: number,
): ReserveRequest {
  const items = [...worstCase].map(([model, tokens]) => ({ model, ...tokens }));
  return { requestId: batch.id, userId: batch.ownerUserId, items, ttlMs: batch.expiresAt.getTime() - nowMs + RESERVATION_SLACK_MS };
}

/**
 * The credit a batch sets aside when it starts, at the batch price, so its lines need no hold each;
 * what the lines did not use goes back when it ends.
 */
export class BatchReservation {
  constructor(
    private readonly rpc: RpcClient,
    private readonly logger: JsonLogger,
  ) {}

  /**
   * Whether billing reserved the batch's worst case. Without enough balance the batch still runs:
   * each line then holds its own cost and the lines the balance cannot cover fail with `insufficient_quota`.
   */
  async reserve(batch: BatchEntity, worstCase: WorstCase): Promise<boolean> {
    try {
      await this.rpc.send(Subjects.billingHoldReserve, reservationRequest(batch, worstCase, Date.now()));
      metrics().batchReservations.inc({ outcome: 'reserved' });
      return true;
    } catch (error) {
      if (error instanceof DomainError && error.code === 'insufficient_quota') {
        metrics().batchReservations.inc({ outcome: 'refused' });
        return false;
      }
      throw error;
    }
  }

  /** Gives back what is left, without waiting (the hold would expire anyway). */
  release(batchId: string): void {
    this.rpc
      .send(Subjects.billingHoldRelease, { requestId: batchId })
      .catch((e) => this.logger.warn(`reservation of ${batchId} not released; it will expire`, e));
  }
}
