import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import type { Role } from '@switchyard/contracts';
import { bigintTransformer } from '@switchyard/database';

@Entity({ name: 'users' })
export class UserEntity {
  @PrimaryColumn({ type: 'text' }) id!: string;
  @Column({ type: 'text' }) name!: string;
  @Column({ type: 'text' }) role!: Role;
  /** always equal to the sum of the user's ledger entries; updated in the same transaction */
  @Column({ name: 'balance_nano', type: 'bigint', transformer: bigintTransformer }) balanceNano!: bigint;
  /** true when the user has their own requests-per-minute limit (`rateLimitRpm`, null = unlimited) instead of their role's */
  @Column({ name: 'rate_limit_overridden', type: 'boolean' }) rateLimitOverridden!: boolean;
  @Column({ name: 'rate_limit_rpm', type: 'integer', nullable: true }) rateLimitRpm!: number | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
