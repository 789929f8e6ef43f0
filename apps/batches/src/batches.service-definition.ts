import { ServiceDefinition } from '@switchyard/nats';
import { ObjectStorage, storageSettingsFrom } from '@switchyard/object-storage';
import { BatchesConfig } from './batches.config';
import { openBatchesDatabase } from './batches.database';
import { BatchesModule } from './batches.module';

/** The batches service: how it boots, for its process and for in-process tests. */
export const batchesService: ServiceDefinition<BatchesConfig> = {
  name: 'batches',
  configClass: BatchesConfig,
  openDatabase: openBatchesDatabase,
  module: (deps) => BatchesModule.create({ ...deps, storage: new ObjectStorage(storageSettingsFrom(deps.config)) }),
};
