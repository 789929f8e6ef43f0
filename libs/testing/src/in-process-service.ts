import { bootService, BootedService, RpcClient, ServiceConfig, ServiceDefinition } from '@switchyard/nats';
import { freshDatabase, startTestNats } from './infrastructure';

export interface InProcessService<C> extends BootedService<C> {
  /** a client on the service's NATS, as the gateway would use */
  rpc: RpcClient;
  databaseUrl: string;
  natsUrl: string;
  /** closes the service, then drops its database and stops its NATS server */
  stop(): Promise<void>;
}

/**
 * A service booted exactly as its process boots it (same definition), inside the test process,
 * on a fresh database and a private NATS server.
 */
export async function startServiceInProcess<C extends ServiceConfig>(
  definition: ServiceDefinition<C>,
  env: Record<string, string> = {},
): Promise<InProcessService<C>> {
  const [db, nats] = await Promise.all([freshDatabase(definition.name), startTestNats()]);
  try {
    const service = await bootService(definition, { DATABASE_URL: db.url, NATS_URL: nats.url, ...env }, { logLevel: 'error', poolSize: 5 });
    let stopped = false;
    return {
      ...service,
      rpc: new RpcClient(service.nc, 10_000),
      databaseUrl: db.url,
      natsUrl: nats.url,
      async stop() {
        if (!stopped) await service.close();
        stopped = true;
        await nats.stop();
        await db.drop();
      },
      async close() {
        if (!stopped) await service.close();
        stopped = true;
      },
    };
  } catch (error) {
    await nats.stop();
    await db.drop();
    throw error;
  }
}
