import { IsInt, IsOptional, IsString, IsUrl, Max, Min, MinLength } from 'class-validator';
import { UpstreamPolicyConfig, WithS3 } from '@switchyard/config';
import { DEFAULT_MAX_UPLOAD_BYTES } from '@switchyard/contracts';

export class GatewayConfig extends WithS3(UpstreamPolicyConfig) {
  /** uploads above this are refused while they stream (VALIDATION_4016) */
  @IsInt() @Min(1) @Max(10 * 1024 * 1024 * 1024) SWITCHYARD_MAX_UPLOAD_BYTES: number = DEFAULT_MAX_UPLOAD_BYTES;
  @IsInt() @Min(0) @Max(65535) PORT: number = 8080;
  /** how long a verified key is trusted without asking billing again (revocation drops it at once) */
  @IsInt() @Min(0) @Max(3_600_000) SWITCHYARD_KEY_CACHE_TTL_MS: number = 30_000;
  @IsInt() @Min(10) @Max(10_000_000) SWITCHYARD_KEY_CACHE_SIZE: number = 100_000;
  /** how long /health waits for each service */
  @IsInt() @Min(100) @Max(60_000) SWITCHYARD_HEALTH_TIMEOUT_MS: number = 2_000;
  /**
   * The address browsers reach the gateway at (e.g. behind a proxy): the origin state-changing requests signed in by the
   * console's cookie must come from. Unset: the scheme and Host each request came with.
   */
  @IsOptional() @IsUrl({ require_tld: false, protocols: ['http', 'https'], require_protocol: true }) SWITCHYARD_PUBLIC_URL?: string;
  /** an OpenID Connect issuer: the console offers single sign-on (`GET /auth/methods`) */
  @IsOptional() @IsUrl({ require_tld: false, protocols: ['http', 'https'], require_protocol: true }) SWITCHYARD_OIDC_ISSUER?: string;
  /** when set, `GET /metrics` needs `Authorization: Bearer <this>` */
  @IsOptional() @IsString() @MinLength(16) SWITCHYARD_METRICS_TOKEN?: string;
}
