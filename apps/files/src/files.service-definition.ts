import { ServiceDefinition } from '@switchyard/nats';
import { ObjectStorage, storageSettingsFrom } from '@switchyard/object-storage';
import { FilesConfig } from './files.config';
import { openFilesDatabase } from './files.database';
import { FilesModule } from './files.module';

/** The files service: how it boots, for its process and for in-process tests. */
export const filesService: ServiceDefinition<FilesConfig> = {
  name: 'files',
  configClass: FilesConfig,
  openDatabase: openFilesDatabase,
  module: async (deps) => {
    const storage = new ObjectStorage(storageSettingsFrom(deps.config));
    await storage.ensureBucket();
    return FilesModule.create({ ...deps, storage });
  },
};
