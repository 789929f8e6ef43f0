import 'reflect-metadata';
import { loadConfig } from '@switchyard/config';
import { JsonLogger } from '@switchyard/logging';
import { closeAll, connectNats, instanceId, startMicroservice, stopOnSignals } from '@switchyard/nats';
import { ObjectStorage } from '@switchyard/object-storage';
import { FilesConfig } from './files.config';
import { openFilesDatabase } from './files.database';
import { FilesModule } from './files.module';

async function main(): Promise<void> {
  const config = loadConfig(FilesConfig);
  const logger = new JsonLogger('files', config.LOG_LEVEL);
  const dataSource = await openFilesDatabase(config.DATABASE_URL, config.DATABASE_POOL_SIZE);
  const storage = new ObjectStorage({
    endpoint: config.S3_ENDPOINT, accessKey: config.S3_ACCESS_KEY, secretKey: config.S3_SECRET_KEY, bucket: config.S3_BUCKET, region: config.S3_REGION,
  });
  await storage.ensureBucket();
  const nc = await connectNats(config.NATS_URL, instanceId('files'));
  const app = await startMicroservice(FilesModule.create({ config, dataSource, nc, logger, storage }), { service: 'files', natsUrl: config.NATS_URL, logger });
  stopOnSignals(logger, [...closeAll(app, nc), () => dataSource.destroy()]);
  logger.lifecycle('files ready');
}

main().catch((error) => {
  process.stderr.write(`files failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
