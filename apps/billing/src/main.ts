import 'reflect-metadata';
import { loadConfig } from '@switchyard/config';
import { JsonLogger } from '@switchyard/logging';
import { closeAll, connectNats, instanceId, startMicroservice, stopOnSignals } from '@switchyard/nats';
import { BillingConfig } from './billing.config';
import { openBillingDatabase } from './billing.database';
import { BillingModule } from './billing.module';
import { ensureBootstrapAdmin } from './keys.service';

async function main(): Promise<void> {
  const config = loadConfig(BillingConfig);
  const logger = new JsonLogger('billing', config.LOG_LEVEL);
  const dataSource = await openBillingDatabase(config.DATABASE_URL, config.DATABASE_POOL_SIZE);
  if (config.SWITCHYARD_ADMIN_KEY) await ensureBootstrapAdmin(dataSource, config.SWITCHYARD_ADMIN_KEY);
  const nc = await connectNats(config.NATS_URL, instanceId('billing'));
  const app = await startMicroservice(BillingModule.create({ config, dataSource, nc, logger }), { service: 'billing', natsUrl: config.NATS_URL, logger });
  stopOnSignals(logger, [...closeAll(app, nc), () => dataSource.destroy()]);
  logger.lifecycle('billing ready');
}

main().catch((error) => {
  process.stderr.write(`billing failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
