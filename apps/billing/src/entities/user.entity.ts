import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import type { Role } from '@switchyard/contracts';
import { bigintTransformer } from '@switchyard/database';

@Entity({ name: 'users' })
export class UserEntity {
  @PrimaryColumn({ type: 'text' }) id!: string;
  @Column({ type: 'text' }) name!: string;
  @Column({ type: 'text' }) role!: Role;
  /** balance − debt always equals the sum of the user's ledger entries; both ≥ 0, at most one non-zero (see net-position.ts) */
  @Column({ name: 'balance_nano', type: 'bigint', transformer: bigintTransformer }) balanceNano!: bigint;
  /** what a request cost beyond the balance; no hold is granted while it is owed */
  @Column({ name: 'debt_nano', type: 'bigint', transformer: bigintTransformer, default: 0 }) debtNano!: bigint;
  /** true when the user has their own requests-per-minute limit (`rateLimitRpm`, null = unlimited) instead of their role's */
  @Column({ name: 'rate_limit_overridden', type: 'boolean' }) rateLimitOverridden!: boolean;
  @Column({ name: 'rate_limit_rpm', type: 'integer', nullable: true }) rateLimitRpm!: number | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  /** unique whatever its case; the name password sign-in goes by */
  @Column({ type: 'text', nullable: true }) email!: string | null;
  /** a password-hash.ts string (algorithm, parameters, salt, hash); null: no password set */
  @Column({ name: 'password_hash', type: 'text', nullable: true, select: false }) passwordHash!: string | null;
  /** a disabled user's keys, sessions and sign-ins all fail */
  @Column({ name: 'disabled_at', type: 'timestamptz', nullable: true }) disabledAt!: Date | null;
  @Column({ name: 'oidc_issuer', type: 'text', nullable: true }) oidcIssuer!: string | null;
  @Column({ name: 'oidc_subject', type: 'text', nullable: true }) oidcSubject!: string | null;
}
