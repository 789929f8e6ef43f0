import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import type { FileApi } from '@switchyard/contracts';
import { bigintTransformer } from '@switchyard/database';

/** A stored file: the record is here, the bytes in object storage under `objectKey`. */
@Entity({ name: 'files' })
export class FileEntity {
  @PrimaryColumn({ type: 'text' }) id!: string;
  /** insertion order: a stable tie-break for files created in the same second */
  @Column({ type: 'bigint', generated: 'increment', transformer: bigintTransformer }) seq!: bigint;
  @Column({ name: 'owner_user_id', type: 'text' }) ownerUserId!: string;
  @Column({ type: 'text' }) api!: FileApi;
  @Column({ type: 'text' }) purpose!: string;
  @Column({ type: 'text' }) filename!: string;
  @Column({ type: 'bigint', transformer: bigintTransformer }) bytes!: bigint;
  @Column({ name: 'media_type', type: 'text' }) mediaType!: string;
  @Column({ name: 'object_key', type: 'text' }) objectKey!: string;
  @Column({ type: 'text' }) status!: 'processed' | 'deleted';
  /** the upstream channel a file is bound to (image-edit references, Anthropic Files mode) */
  @Column({ name: 'channel_id', type: 'text', nullable: true }) channelId!: string | null;
  @Column({ name: 'upstream_file_id', type: 'text', nullable: true }) upstreamFileId!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @Column({ name: 'expires_at', type: 'timestamptz', nullable: true }) expiresAt!: Date | null;
  @Column({ name: 'deleted_at', type: 'timestamptz', nullable: true }) deletedAt!: Date | null;
  /** when the sweeper removed the bytes of a deleted or expired file */
  @Column({ name: 'purged_at', type: 'timestamptz', nullable: true }) purgedAt!: Date | null;
}
