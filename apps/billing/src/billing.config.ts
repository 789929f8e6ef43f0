import { IsOptional, IsString, MinLength } from 'class-validator';
import { DatabaseServiceConfig, WithChargePolicy } from '@switchyard/config';

export class BillingConfig extends WithChargePolicy(DatabaseServiceConfig) {
  /** When set, a key with role admin exists with exactly this value. */
  @IsOptional() @IsString() @MinLength(20) SWITCHYARD_ADMIN_KEY?: string;
}
