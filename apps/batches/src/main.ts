import 'reflect-metadata';
import { loadConfig } from '@switchyard/config';
import { JsonLogger } from '@switchyard/logging';
import { closeAll, connectNats, instanceId, startMicroservice, stopOnSignals } from '@switchyard/nats';
import { BatchesConfig } from './batches.config';
import { openBatchesDatabase } from './batches.database';
import { BatchesModule } from './batches.module';

async function main(): Promise<void> {
  const config = loadConfig(BatchesConfig);
  const logger = new JsonLogger('batches', config.LOG_LEVEL);
  const dataSource = await openBatchesDatabase(config.DATABASE_URL, config.DATABASE_POOL_SIZE);
  const nc = await connectNats(config.NATS_URL, instanceId('batches'));
  const app = await startMicroservice(BatchesModule.create({ config, dataSource, nc, logger }), { service: 'batches', natsUrl: config.NATS_URL, logger });
  stopOnSignals(logger, [...closeAll(app, nc), () => dataSource.destroy()]);
  logger.lifecycle('batches ready');
}

main().catch((error) => {
  process.stderr.write(`batches failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
