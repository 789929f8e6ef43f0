import { IsInt, Max, Min } from 'class-validator';
import { DatabaseServiceConfig, WithChargePolicy, WithS3 } from '@switchyard/config';

export class BatchesConfig extends WithChargePolicy(WithS3(DatabaseServiceConfig)) {
  /** lines one replica keeps in flight; each router replica runs at most SWITCHYARD_ROUTER_BATCH_CONCURRENCY of them, so interactive traffic keeps its room */
  @IsInt() @Min(1) @Max(1000) SWITCHYARD_BATCH_CONCURRENCY: number = 128;
  /** the completion window ('24h'); shorter in tests */
  @IsInt() @Min(1) SWITCHYARD_BATCH_WINDOW_SECONDS: number = 86_400;
  /**
   * how long a claimed line stays a replica's without news from it: a live replica renews the
   * leases of its lines in flight every third of this, so a crashed replica's lines run again
   * this long after it died
   */
  @IsInt() @Min(1000) SWITCHYARD_BATCH_LEASE_MS: number = 15_000;
  /** the longest one line's call may take */
  @IsInt() @Min(1000) SWITCHYARD_BATCH_LINE_TIMEOUT_MS: number = 10 * 60_000;
  /** how often each replica looks for work while there is some */
  @IsInt() @Min(10) @Max(60_000) SWITCHYARD_BATCH_POLL_MS: number = 200;
  /** how often it looks while no batch is open; a created or cancelled batch wakes every replica at once */
  @IsInt() @Min(10) @Max(3_600_000) SWITCHYARD_BATCH_IDLE_POLL_MS: number = 2000;
  /** a line the upstreams throttled (429) or that found every channel cooling down waits this long, then runs again */
  @IsInt() @Min(100) SWITCHYARD_BATCH_RETRY_DELAY_MS: number = 5_000;
  /** generation tasks: first wait before polling the upstream, doubling up to the cap */
  @IsInt() @Min(10) SWITCHYARD_TASK_POLL_MS: number = 2_000;
  @IsInt() @Min(10) SWITCHYARD_TASK_MAX_POLL_MS: number = 60_000;
  /** a generation not finished by then fails (and is refunded) */
  @IsInt() @Min(1000) SWITCHYARD_TASK_TIMEOUT_MS: number = 2 * 3600_000;
  /** one submit or poll through the router (a poll that finishes copies the results into storage); a claimed task is leased this long plus 5 s, so a crashed replica's task waits no longer */
  @IsInt() @Min(1000) SWITCHYARD_TASK_CALL_TIMEOUT_MS: number = 10 * 60_000;
}
