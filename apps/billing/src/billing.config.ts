import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional, IsString, MinLength } from 'class-validator';
import { DatabaseServiceConfig, toBoolean } from '@switchyard/config';

export class BillingConfig extends DatabaseServiceConfig {
  /** When set, a key with role admin exists with exactly this value. */
  @IsOptional() @IsString() @MinLength(20) SWITCHYARD_ADMIN_KEY?: string;
  /** charge answers from the response cache like upstream answers (default: free) */
  @Transform(toBoolean) @IsBoolean() SWITCHYARD_CACHE_HITS_BILLED: boolean = false;
}
