import { IsInt, IsOptional, IsString, Max, Min, MinLength } from 'class-validator';
import { DatabaseServiceConfig, WithChargePolicy } from '@switchyard/config';

export class BillingConfig extends WithChargePolicy(DatabaseServiceConfig) {
  /** When set, a key with role admin exists with exactly this value. */
  @IsOptional() @IsString() @MinLength(20) SWITCHYARD_ADMIN_KEY?: string;
  /**
   * How long a usage event waits for others to be applied with it (one statement and one commit
   * for the group). Usage is applied asynchronously anyway; this only trades a few milliseconds of
   * delay in the ledger for fewer Postgres commits under load. 0 applies what has arrived at once.
   */
  @IsInt() @Min(0) @Max(1000) SWITCHYARD_USAGE_LINGER_MS: number = 10;
  /** how long an invite or password-reset link works */
  @IsInt() @Min(1) @Max(24 * 90) SWITCHYARD_INVITE_TTL_HOURS: number = 72;
  /** a console session unused this long ends (billing.sessions; its last use is written at most once a minute) */
  @IsInt() @Min(1) @Max(525_600) SWITCHYARD_SESSION_IDLE_MINUTES: number = 120;
  /** a console session ends this long after sign-in, however active */
  @IsInt() @Min(1) @Max(8_760) SWITCHYARD_SESSION_MAX_HOURS: number = 24;
}
