import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { bigintTransformer } from '@switchyard/database';

@Entity({ name: 'prices' })
export class PriceEntity {
  @PrimaryColumn({ type: 'text' }) model!: string;
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
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
