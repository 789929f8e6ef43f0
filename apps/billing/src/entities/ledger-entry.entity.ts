import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { bigintTransformer } from '@switchyard/database';

export type LedgerKind = 'credit' | 'usage' | 'refund';

/** Append-only: rows are inserted, never updated or deleted. */
@Entity({ name: 'ledger' })
export class LedgerEntryEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id!: string;
  @Column({ name: 'user_id', type: 'text' }) userId!: string;
  @Column({ name: 'amount_nano', type: 'bigint', transformer: bigintTransformer }) amountNano!: bigint;
  @Column({ type: 'text' }) kind!: LedgerKind;
  /** request id for usage; a generated id for credits. Unique per kind: an event applies once. */
  @Column({ type: 'text' }) reference!: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
