import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** Append-only: a trigger refuses UPDATE and DELETE on `billing.audit_log`. */
@Entity({ name: 'audit_log' })
export class AuditEntryEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id!: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @Column({ name: 'actor_user_id', type: 'text', nullable: true }) actorUserId!: string | null;
  @Column({ name: 'actor_key_id', type: 'text', nullable: true }) actorKeyId!: string | null;
  @Column({ type: 'text' }) action!: string;
  @Column({ name: 'target_type', type: 'text' }) targetType!: string;
  @Column({ name: 'target_id', type: 'text', nullable: true }) targetId!: string | null;
  @Column({ type: 'jsonb', nullable: true }) before!: Record<string, unknown> | null;
  @Column({ type: 'jsonb', nullable: true }) after!: Record<string, unknown> | null;
  @Column({ name: 'caller_address', type: 'text', nullable: true }) callerAddress!: string | null;
  @Column({ name: 'request_id', type: 'text', nullable: true }) requestId!: string | null;
}
