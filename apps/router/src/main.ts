import 'reflect-metadata';
import { loadConfig } from '@switchyard/config';
import { JsonLogger } from '@switchyard/logging';
import { closeAll, connectNats, instanceId, startMicroservice, stopOnSignals } from '@switchyard/nats';
import { RouterConfig } from './router.config';
import { openRouterDatabase } from './router.database';
import { RouterModule } from './router.module';

async function main(): Promise<void> {
  const config = loadConfig(RouterConfig);
  const logger = new JsonLogger('router', config.LOG_LEVEL);
  const dataSource = await openRouterDatabase(config.DATABASE_URL, config.DATABASE_POOL_SIZE);
  const nc = await connectNats(config.NATS_URL, instanceId('router'));
  const app = await startMicroservice(RouterModule.create({ config, dataSource, nc, logger }), { service: 'router', natsUrl: config.NATS_URL, logger });
  stopOnSignals(logger, [...closeAll(app, nc), () => dataSource.destroy()]);
  logger.lifecycle('router ready');
}

main().catch((error) => {
  process.stderr.write(`router failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
