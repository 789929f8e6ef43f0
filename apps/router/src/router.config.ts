import { Transform } from 'class-transformer';
import { IsBoolean, IsInt, IsString, Matches, Max, Min, MinLength } from 'class-validator';
import { toBoolean, UpstreamPolicyConfig, WithChargePolicy, WithS3 } from '@switchyard/config';

/** S3: the router streams stored files to providers' Files APIs (it alone holds the channel keys). */
export class RouterConfig extends WithChargePolicy(WithS3(UpstreamPolicyConfig)) {
  @Matches(/^postgres(ql)?:\/\/[^\s]+$/, { message: 'must be a postgres:// URL' }) DATABASE_URL!: string;
  @IsInt() @Min(1) @Max(200) DATABASE_POOL_SIZE: number = 10;
  /** encrypts upstream keys at rest (AES-256-GCM, key derived with SHA-256) */
  @IsString() @MinLength(32, { message: 'must be at least 32 characters' }) SWITCHYARD_SECRET_KEY!: string;
  @Transform(toBoolean) @IsBoolean() SWITCHYARD_ALLOW_PRIVATE_UPSTREAMS: boolean = false;
  /** how often every replica reloads the channel table even without a change event */
  @IsInt() @Min(1000) SWITCHYARD_CHANNEL_REFRESH_MS: number = 30_000;
  /** transient failures (5xx, 429, timeouts, connection errors) inside the window that open a channel's circuit */
  @IsInt() @Min(1) @Max(1000) SWITCHYARD_CIRCUIT_FAILURES: number = 5;
  @IsInt() @Min(100) SWITCHYARD_CIRCUIT_WINDOW_MS: number = 60_000;
  /** distinct callers among those failures before a PLATFORM channel's circuit opens (a PRIVATE one needs only its owner) */
  @IsInt() @Min(1) @Max(1000) SWITCHYARD_CIRCUIT_MIN_CALLERS: number = 2;
  /** how long an open circuit keeps the channel out before one probe request may try it */
  @IsInt() @Min(100) SWITCHYARD_CIRCUIT_COOLDOWN_MS: number = 30_000;
  /**
   * how long a finished request's usage waits for others to go to JetStream in the same message (0: at once when
   * none is in flight). The answer waits for the ack, so a linger is added latency: 0 by default (tools/bench/findings.md)
   */
  @IsInt() @Min(0) @Max(1000) SWITCHYARD_USAGE_PUBLISH_LINGER_MS: number = 0;
  /** cache lifetime for `x-switchyard-cache: on` when no channel sets its own */
  @IsInt() @Min(1) SWITCHYARD_CACHE_DEFAULT_TTL_SECONDS: number = 300;
  /** the longest any cached answer lives (the cache bucket's own limit) */
  @IsInt() @Min(1) SWITCHYARD_CACHE_MAX_TTL_SECONDS: number = 86_400;
  /** batch lines one router replica runs at once while no interactive request is around */
  @IsInt() @Min(1) @Max(10_000) SWITCHYARD_ROUTER_BATCH_CONCURRENCY: number = 128;
  /**
   * ... the width it drops to as interactive requests arrive; from there it adapts to their event-loop delay.
   * One line: the lane cannot tell a line that costs a core (a fast upstream) from one that waits on a slow
   * upstream, so it starts from what is safe and grows while interactive traffic does not suffer
   */
  @IsInt() @Min(1) @Max(10_000) SWITCHYARD_ROUTER_BATCH_CONCURRENCY_SHARED: number = 1;
  /** ... and at most this many times slower than one line at a time (one line, then idle for N − 1 times as long), however slow interactive traffic is */
  @IsInt() @Min(1) @Max(1000) SWITCHYARD_ROUTER_BATCH_SLOWDOWN_MAX: number = 16;
  /** event-loop delay (ms, the worst of each 100 ms) batch lines may add to what interactive traffic alone sees before the lane halves */
  @IsInt() @Min(0) @Max(1000) SWITCHYARD_ROUTER_BATCH_DELAY_TOLERANCE_MS: number = 2;
  /**
   * USD one credit lease holds per user and replica (at most half the user's available balance,
   * at least one request's worst case); 0 asks billing to hold every request on its own
   */
  @Matches(/^\d{1,6}(\.\d{1,9})?$/, { message: 'must be a USD amount like 0.5' }) SWITCHYARD_CREDIT_LEASE_USD: string = '1';
  /** a lease takes new requests for this long, then the next request asks billing for a fresh one */
  @IsInt() @Min(1) @Max(3600) SWITCHYARD_CREDIT_LEASE_SECONDS: number = 30;
  /**
   * while billing cannot be reached (its database is down), a lease keeps serving its user's requests for
   * this long past SWITCHYARD_CREDIT_LEASE_SECONDS; its hold at billing lasts that much longer too
   */
  @IsInt() @Min(0) @Max(3600) SWITCHYARD_CREDIT_LEASE_OUTAGE_GRACE_SECONDS: number = 60;
}
