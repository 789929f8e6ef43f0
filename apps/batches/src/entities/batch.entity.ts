import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import type { BatchErrorEntry, BatchStatus, Principal } from '@switchyard/contracts';

@Entity({ name: 'batches' })
export class BatchEntity {
  @PrimaryColumn({ type: 'text' }) id!: string;
  @Column({ name: 'owner_user_id', type: 'text' }) ownerUserId!: string;
  @Column({ name: 'key_id', type: 'text' }) keyId!: string;
  @Column({ type: 'text' }) endpoint!: string;
  @Column({ type: 'text', nullable: true }) model!: string | null;
  @Column({ name: 'input_file_id', type: 'text' }) inputFileId!: string;
  @Column({ name: 'completion_window', type: 'text' }) completionWindow!: string;
  @Column({ type: 'text' }) status!: BatchStatus;
  @Column({ name: 'output_file_id', type: 'text', nullable: true }) outputFileId!: string | null;
  @Column({ name: 'error_file_id', type: 'text', nullable: true }) errorFileId!: string | null;
  @Column({ type: 'jsonb', nullable: true }) errors!: BatchErrorEntry[] | null;
  /** the caller the lines run as */
  @Column({ type: 'jsonb' }) principal!: Principal;
  /** billing reserved the batch's worst case when it started; its lines draw on that */
  @Column({ type: 'boolean' }) reserved!: boolean;
  @Column({ type: 'jsonb', nullable: true }) metadata!: Record<string, string> | null;
  /** the W3C traceparent of the request that created it (when traced): each line's trace links to it */
  @Column({ name: 'trace_parent', type: 'text', nullable: true }) traceParent!: string | null;
  @Column({ name: 'total_count', type: 'integer' }) totalCount!: number;
  @Column({ name: 'completed_count', type: 'integer' }) completedCount!: number;
  @Column({ name: 'failed_count', type: 'integer' }) failedCount!: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @Column({ name: 'in_progress_at', type: 'timestamptz', nullable: true }) inProgressAt!: Date | null;
  @Column({ name: 'expires_at', type: 'timestamptz' }) expiresAt!: Date;
  @Column({ name: 'finalizing_at', type: 'timestamptz', nullable: true }) finalizingAt!: Date | null;
  @Column({ name: 'completed_at', type: 'timestamptz', nullable: true }) completedAt!: Date | null;
  @Column({ name: 'failed_at', type: 'timestamptz', nullable: true }) failedAt!: Date | null;
  @Column({ name: 'expired_at', type: 'timestamptz', nullable: true }) expiredAt!: Date | null;
  @Column({ name: 'cancelling_at', type: 'timestamptz', nullable: true }) cancellingAt!: Date | null;
  @Column({ name: 'cancelled_at', type: 'timestamptz', nullable: true }) cancelledAt!: Date | null;
}
