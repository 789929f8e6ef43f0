import 'reflect-metadata';
import { runService } from '@switchyard/nats';
import { BatchesConfig } from './batches.config';
import { openBatchesDatabase } from './batches.database';
import { BatchesModule } from './batches.module';

runService({ name: 'batches', configClass: BatchesConfig, openDatabase: openBatchesDatabase, module: (deps) => BatchesModule.create(deps) });
