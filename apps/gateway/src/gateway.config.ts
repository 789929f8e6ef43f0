import { IsIn, IsInt, IsNotEmpty, IsOptional, IsString, IsUrl, Max, Min, MinLength, ValidateIf } from 'class-validator';
import { UpstreamPolicyConfig, WithS3 } from '@switchyard/config';
import { DEFAULT_MAX_UPLOAD_BYTES, Roles, type Role } from '@switchyard/contracts';

const OIDC_TOGETHER = 'SWITCHYARD_OIDC_ISSUER, SWITCHYARD_OIDC_CLIENT_ID and SWITCHYARD_OIDC_CLIENT_SECRET are set together or not at all';
/** single sign-on is configured when any of its three settings is: then all three must be */
const ifOidc = ValidateIf((c: GatewayConfig) =>
  Boolean(c.SWITCHYARD_OIDC_ISSUER || c.SWITCHYARD_OIDC_CLIENT_ID || c.SWITCHYARD_OIDC_CLIENT_SECRET),
);
const url = IsUrl({ require_tld: false, require_protocol: true, protocols: ['http', 'https'] });

export class GatewayConfig extends WithS3(UpstreamPolicyConfig) {
  /** uploads above this are refused while they stream (VALIDATION_4016) */
  @IsInt() @Min(1) @Max(10 * 1024 * 1024 * 1024) SWITCHYARD_MAX_UPLOAD_BYTES: number = DEFAULT_MAX_UPLOAD_BYTES;
  @IsInt() @Min(0) @Max(65535) PORT: number = 8080;
  /** how long a verified key is trusted without asking billing again (revocation drops it at once) */
  @IsInt() @Min(0) @Max(3_600_000) SWITCHYARD_KEY_CACHE_TTL_MS: number = 30_000;
  @IsInt() @Min(10) @Max(10_000_000) SWITCHYARD_KEY_CACHE_SIZE: number = 100_000;
  /** while billing cannot be reached (its database is down), a key verified before is trusted this much longer */
  @IsInt() @Min(0) @Max(3_600_000) SWITCHYARD_KEY_CACHE_OUTAGE_GRACE_MS: number = 60_000;
  /** how long /health waits for each service */
  @IsInt() @Min(100) @Max(60_000) SWITCHYARD_HEALTH_TIMEOUT_MS: number = 2_000;
  /** OpenID Connect single sign-on (openid-client): the issuer's URL (its discovery document is read from it); set, the console offers it (`GET /auth/methods`) */
  @ifOidc @IsString({ message: OIDC_TOGETHER }) @url SWITCHYARD_OIDC_ISSUER?: string;
  @ifOidc @IsString({ message: OIDC_TOGETHER }) @IsNotEmpty() SWITCHYARD_OIDC_CLIENT_ID?: string;
  @ifOidc @IsString({ message: OIDC_TOGETHER }) @IsNotEmpty() SWITCHYARD_OIDC_CLIENT_SECRET?: string;
  /** the role of a user made by their first single sign-on */
  @IsIn(Roles) SWITCHYARD_OIDC_DEFAULT_ROLE: Role = 'user';
  /**
   * The address browsers reach the gateway at (e.g. behind a proxy): the origin state-changing requests signed in by the
   * console's cookie must come from, and the base of the single sign-on redirect URI. Unset: the scheme and Host each request came with.
   */
  @IsOptional() @IsUrl({ require_tld: false, protocols: ['http', 'https'], require_protocol: true }) SWITCHYARD_PUBLIC_URL?: string;
  /** when set, `GET /metrics` needs `Authorization: Bearer <this>` */
  @IsOptional() @IsString() @MinLength(16) SWITCHYARD_METRICS_TOKEN?: string;
}
