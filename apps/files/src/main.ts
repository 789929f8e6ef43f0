import 'reflect-metadata';
import { runService } from '@switchyard/nats';
import { ObjectStorage } from '@switchyard/object-storage';
import { FilesConfig } from './files.config';
import { openFilesDatabase } from './files.database';
import { FilesModule } from './files.module';

runService({
  name: 'files',
  configClass: FilesConfig,
  openDatabase: openFilesDatabase,
  module: async (deps) => {
    const { config } = deps;
    const storage = new ObjectStorage({
      endpoint: config.S3_ENDPOINT, accessKey: config.S3_ACCESS_KEY, secretKey: config.S3_SECRET_KEY, bucket: config.S3_BUCKET, region: config.S3_REGION,
    });
    await storage.ensureBucket();
    return FilesModule.create({ ...deps, storage });
  },
});
