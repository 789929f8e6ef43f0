import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One input line. Its result is stored once, keyed by (batch, custom_id). */
@Entity({ name: 'batch_items' })
export class BatchItemEntity {
  @PrimaryColumn({ name: 'batch_id', type: 'text' }) batchId!: string;
  @PrimaryColumn({ name: 'custom_id', type: 'text' }) customId!: string;
  @Column({ name: 'line_no', type: 'integer' }) lineNo!: number;
  @Column({ type: 'text' }) status!: 'pending' | 'succeeded' | 'failed';
  @Column({ type: 'jsonb' }) request!: Record<string, unknown>;
  /** the output or error line, written once */
  @Column({ type: 'jsonb', nullable: true }) result!: unknown;
  /** a worker holds the line until then; past it, another may take it */
  @Column({ name: 'lease_until', type: 'timestamptz', nullable: true }) leaseUntil!: Date | null;
  @Column({ name: 'request_id', type: 'text', nullable: true }) requestId!: string | null;
  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true }) finishedAt!: Date | null;
}
