import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { bigintTransformer } from '@switchyard/database';

@Entity({ name: 'prices' })
export class PriceEntity {
  @PrimaryColumn({ type: 'text' }) model!: string;
  @Column({ name: 'input_nano_per_million', type: 'bigint', transformer: bigintTransformer }) inputNanoPerMillion!: bigint;
  @Column({ name: 'output_nano_per_million', type: 'bigint', transformer: bigintTransformer }) outputNanoPerMillion!: bigint;
  @Column({ name: 'batch_discount_ppm', type: 'bigint', transformer: bigintTransformer }) batchDiscountPpm!: bigint;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
