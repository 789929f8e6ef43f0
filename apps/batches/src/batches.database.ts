import { DataSource } from 'typeorm';
import { openServiceDatabase } from '@switchyard/database';
import { BatchItemEntity } from './entities/batch-item.entity';
import { BatchEntity } from './entities/batch.entity';
import { BatchesInitial1763800000000 } from './migrations/1763800000000-batches-initial';
import { BatchesExecution1763900000000 } from './migrations/1763900000000-batches-execution';
import { BatchesReservation1764100000000 } from './migrations/1764100000000-batches-reservation';
import { BatchesTasks1764400000000 } from './migrations/1764400000000-batches-tasks';
import { BatchesTraceParent1765100000000 } from './migrations/1765100000000-batches-trace-parent';

export function openBatchesDatabase(url: string, poolSize: number): Promise<DataSource> {
  return openServiceDatabase({
    url,
    schema: 'batches',
    poolSize,
    entities: [BatchEntity, BatchItemEntity],
    migrations: [
      BatchesInitial1763800000000,
      BatchesExecution1763900000000,
      BatchesReservation1764100000000,
      BatchesTasks1764400000000,
      BatchesTraceParent1765100000000,
    ],
  });
}
