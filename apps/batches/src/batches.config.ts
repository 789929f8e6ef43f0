import { IsInt, Max, Min } from 'class-validator';
import { DatabaseServiceConfig } from '@switchyard/config';

export class BatchesConfig extends DatabaseServiceConfig {
  /** lines one replica runs at once: batch traffic is kept below interactive traffic */
  @IsInt() @Min(1) @Max(1000) SWITCHYARD_BATCH_CONCURRENCY: number = 16;
}
