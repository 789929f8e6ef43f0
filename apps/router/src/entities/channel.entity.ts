import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { ChannelStatus, ChannelType, InferenceEndpoint } from '@switchyard/contracts';

@Entity({ name: 'channels' })
export class ChannelEntity {
  @PrimaryColumn({ type: 'text' }) id!: string;
  @Column({ type: 'text' }) name!: string;
  @Column({ type: 'text' }) provider!: string;
  @Column({ type: 'text' }) type!: ChannelType;
  /** the owning user of a PRIVATE channel; null for PLATFORM */
  @Column({ name: 'owner_user_id', type: 'text', nullable: true }) ownerUserId!: string | null;
  @Column({ name: 'base_url', type: 'text' }) baseUrl!: string;
  /** sealed with SecretBox; never leaves the router */
  @Column({ name: 'api_key_sealed', type: 'text' }) apiKeySealed!: string;
  @Column({ name: 'api_key_hint', type: 'text' }) apiKeyHint!: string;
  @Column({ type: 'jsonb' }) models!: string[];
  @Column({ name: 'model_mapping', type: 'jsonb' }) modelMapping!: Record<string, string>;
  @Column({ type: 'integer' }) priority!: number;
  @Column({ type: 'integer' }) weight!: number;
  @Column({ type: 'jsonb' }) endpoints!: InferenceEndpoint[];
  @Column({ type: 'text' }) status!: ChannelStatus;
  /** why the router auto-disabled the channel */
  @Column({ name: 'status_reason', type: 'text', nullable: true }) statusReason!: string | null;
  @Column({ name: 'max_concurrency', type: 'integer', nullable: true }) maxConcurrency!: number | null;
  @Column({ name: 'rpm_limit', type: 'integer', nullable: true }) rpmLimit!: number | null;
  @Column({ name: 'cache_ttl_seconds', type: 'integer', nullable: true }) cacheTtlSeconds!: number | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
  @Column({ name: 'deleted_at', type: 'timestamptz', nullable: true }) deletedAt!: Date | null;
}
