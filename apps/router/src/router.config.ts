import { Transform } from 'class-transformer';
import { IsBoolean, IsInt, IsString, Matches, Max, Min, MinLength } from 'class-validator';
import { toBoolean, UpstreamPolicyConfig } from '@switchyard/config';

export class RouterConfig extends UpstreamPolicyConfig {
  @Matches(/^postgres(ql)?:\/\/[^\s]+$/, { message: 'must be a postgres:// URL' }) DATABASE_URL!: string;
  @IsInt() @Min(1) @Max(200) DATABASE_POOL_SIZE: number = 10;
  /** encrypts upstream keys at rest (AES-256-GCM, key derived with SHA-256) */
  @IsString() @MinLength(32, { message: 'must be at least 32 characters' }) SWITCHYARD_SECRET_KEY!: string;
  @Transform(toBoolean) @IsBoolean() SWITCHYARD_ALLOW_PRIVATE_UPSTREAMS: boolean = false;
  /** how often every replica reloads the channel table even without a change event */
  @IsInt() @Min(1000) SWITCHYARD_CHANNEL_REFRESH_MS: number = 30_000;
}
