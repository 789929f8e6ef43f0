import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Matches, Max, Min } from 'class-validator';
import { DEFAULT_LOG_LEVEL, LogLevel, LogLevels } from '@switchyard/logging';

/** one server, or several (a cluster) separated by commas: the client is given them all and fails over between them */
const natsUrls = /^(nats|tls|ws|wss):\/\/[^\s,]+(\s*,\s*(nats|tls|ws|wss):\/\/[^\s,]+)*$/;
const postgresUrl = /^postgres(ql)?:\/\/[^\s]+$/;
const httpUrl = /^https?:\/\/[^\s]+$/;
const toBoolean = ({ value }: { value: unknown }) => value === true || value === 'true' || value === '1';

/** How much every process logs; the launcher checks it too, before it starts anything. */
export class LoggingConfig {
  @Transform(({ value }) => (typeof value === 'string' ? value.trim().toLowerCase() : value))
  @IsIn(LogLevels, { message: `must be one of ${LogLevels.join(', ')}` })
  LOG_LEVEL: LogLevel = DEFAULT_LOG_LEVEL;
}

/** What every service reads. */
export class BaseServiceConfig extends LoggingConfig {
  @Matches(natsUrls, { message: 'must be a nats:// URL, or several separated by commas (the servers of one cluster)' })
  NATS_URL: string = 'nats://127.0.0.1:4222';
  /** copies of every JetStream stream and KV bucket Switchyard creates (a cluster of 3 keeps everything through one node's loss) */
  @IsInt() @Min(1) @Max(5) SWITCHYARD_JETSTREAM_REPLICAS: number = 1;
  /** NATS request timeout between services, for everything but upstream calls */
  @IsInt() @Min(100) @Max(120000) SWITCHYARD_RPC_TIMEOUT_MS: number = 5000;
  /** a service alone in its process serves `GET /metrics` on this port (the gateway serves it on its own) */
  @IsOptional() @IsInt() @Min(0) @Max(65535) SWITCHYARD_METRICS_PORT?: number;
  /** adds a `user` label to the token and cost metrics (Prometheus cannot drop a label later; off by default) */
  @Transform(toBoolean) @IsBoolean() SWITCHYARD_METRICS_USER_LABEL: boolean = false;
  /** the most a SIGTERM/SIGINT shutdown may take: past it the process logs what was still in flight and exits 1 */
  @IsInt() @Min(100) @Max(3_600_000) SWITCHYARD_SHUTDOWN_GRACE_MS: number = 30_000;
  /** how long a stopping gateway answers `/ready` with 503 before it closes its listener, so a load balancer notices */
  @IsInt() @Min(0) @Max(600_000) SWITCHYARD_SHUTDOWN_DRAIN_DELAY_MS: number = 2_000;
}

/** Services that own tables. */
export class DatabaseServiceConfig extends BaseServiceConfig {
  @Matches(postgresUrl, { message: 'must be a postgres:// URL' }) DATABASE_URL!: string;
  @IsInt() @Min(1) @Max(200) DATABASE_POOL_SIZE: number = 10;
}

type Ctor<T = object> = new (...args: any[]) => T;

/** Adds the S3 settings to a config class: for every process that reads or writes object storage. */
export function WithS3<B extends Ctor>(Base: B) {
  class S3Config extends Base {
    @Matches(httpUrl, { message: 'must be an http(s):// URL of an S3-compatible endpoint' }) S3_ENDPOINT!: string;
    @IsString() @IsNotEmpty() S3_ACCESS_KEY!: string;
    @IsString() @IsNotEmpty() S3_SECRET_KEY!: string;
    @IsString() @Matches(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, { message: 'must be a valid bucket name' }) S3_BUCKET: string = 'switchyard';
    @IsString() S3_REGION: string = 'us-east-1';
  }
  return S3Config;
}

/**
 * How requests are charged beyond token prices. Billing charges by it and the router shows the
 * same figure to callers, so both read these.
 */
export function WithChargePolicy<B extends Ctor>(Base: B) {
  class ChargePolicyConfig extends Base {
    /** charge answers from the response cache like upstream answers (default: free) */
    @Transform(toBoolean) @IsBoolean() SWITCHYARD_CACHE_HITS_BILLED: boolean = false;
    /** a flat platform fee per request served by a user's own key (BYOK), USD */
    @Matches(/^\d{1,6}(\.\d{1,9})?$/, { message: 'must be a USD amount like 0.0005' }) SWITCHYARD_BYOK_FEE_USD: string = '0';
    /** the output a request may produce when it sets no max_tokens, for holding money before it runs */
    @IsInt() @Min(1) SWITCHYARD_DEFAULT_MAX_OUTPUT_TOKENS: number = 4096;
  }
  return ChargePolicyConfig;
}

/** Services that own tables and read or write object storage. */
export class StorageServiceConfig extends WithS3(DatabaseServiceConfig) {}

export { toBoolean };

/** The servers NATS_URL lists (validated by BaseServiceConfig), in its order. */
export function natsServersOf(natsUrl: string): string[] {
  return natsUrl
    .split(',')
    .map((url) => url.trim())
    .filter(Boolean);
}

/** How long and how often the router tries upstreams; the gateway waits accordingly. */
export class UpstreamPolicyConfig extends BaseServiceConfig {
  @IsInt() @Min(100) @Max(3_600_000) SWITCHYARD_UPSTREAM_TIMEOUT_MS: number = 120_000;
  @IsInt() @Min(1) @Max(10) SWITCHYARD_MAX_ATTEMPTS: number = 3;
}
