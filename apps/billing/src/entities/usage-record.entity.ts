import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { ChannelType } from '@switchyard/contracts';
import { bigintTransformer } from '@switchyard/database';

/** One per request; keeps the prices it was billed at, so a price change never re-rates history. */
@Entity({ name: 'usage_records' })
export class UsageRecordEntity {
  @PrimaryColumn({ name: 'request_id', type: 'text' }) requestId!: string;
  @Column({ type: 'bigint', generated: 'increment', transformer: bigintTransformer }) seq!: bigint;
  @Column({ name: 'user_id', type: 'text' }) userId!: string;
  @Column({ name: 'key_id', type: 'text' }) keyId!: string;
  @Column({ type: 'text' }) model!: string;
  @Column({ type: 'text' }) endpoint!: string;
  @Column({ name: 'channel_id', type: 'text' }) channelId!: string;
  @Column({ name: 'channel_type', type: 'text' }) channelType!: ChannelType;
  @Column({ name: 'prompt_tokens', type: 'integer' }) promptTokens!: number;
  @Column({ name: 'completion_tokens', type: 'integer' }) completionTokens!: number;
  /** of promptTokens, read from the provider's prompt cache */
  @Column({ name: 'cached_tokens', type: 'integer' }) cachedTokens!: number;
  /** of promptTokens, written to the provider's prompt cache */
  @Column({ name: 'cache_write_tokens', type: 'integer' }) cacheWriteTokens!: number;
  /** of completionTokens, spent reasoning */
  @Column({ name: 'reasoning_tokens', type: 'integer' }) reasoningTokens!: number;
  @Column({ type: 'integer' }) images!: number;
  @Column({ name: 'audio_seconds', type: 'integer' }) audioSeconds!: number;
  @Column({ type: 'boolean' }) estimated!: boolean;
  /** answered from the response cache */
  @Column({ type: 'boolean' }) cached!: boolean;
  @Column({ name: 'input_nano_per_million', type: 'bigint', transformer: bigintTransformer }) inputNanoPerMillion!: bigint;
  @Column({ name: 'output_nano_per_million', type: 'bigint', transformer: bigintTransformer }) outputNanoPerMillion!: bigint;
  @Column({ name: 'batch_discount_ppm', type: 'bigint', transformer: bigintTransformer }) batchDiscountPpm!: bigint;
  @Column({ name: 'cached_input_nano_per_million', type: 'bigint', nullable: true, transformer: bigintTransformer })
  cachedInputNanoPerMillion!: bigint | null;
  @Column({ name: 'cache_write_input_nano_per_million', type: 'bigint', nullable: true, transformer: bigintTransformer })
  cacheWriteInputNanoPerMillion!: bigint | null;
  @Column({ name: 'image_nano', type: 'bigint', nullable: true, transformer: bigintTransformer }) imageNano!: bigint | null;
  @Column({ name: 'audio_second_nano', type: 'bigint', nullable: true, transformer: bigintTransformer }) audioSecondNano!: bigint | null;
  @Column({ name: 'call_nano', type: 'bigint', nullable: true, transformer: bigintTransformer }) callNano!: bigint | null;
  /** false when no price was set for the model: recorded at cost 0 and visible as unpriced */
  @Column({ type: 'boolean' }) priced!: boolean;
  @Column({ name: 'cost_nano', type: 'bigint', transformer: bigintTransformer }) costNano!: bigint;
  @Column({ name: 'batch_id', type: 'text', nullable: true }) batchId!: string | null;
  @Column({ name: 'latency_ms', type: 'integer' }) latencyMs!: number;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
