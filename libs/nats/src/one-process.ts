import { BaseServiceConfig, loadConfig } from '@switchyard/config';
import { JsonLogger, readyMessage } from '@switchyard/logging';
import { configureMetrics, startEventLoopDelayMonitor, startTracing, stopTracing } from '@switchyard/runtime';
import { connectNats } from './connection';
import { InProcessRpc } from './in-process-rpc';
import { instanceId } from './microservice';
import { bootService, BootedService, EdgeDefinition, failedToStart, ServiceConfig, ServiceDefinition, StartedEdge } from './service-runner';
import { superviseProcess } from './service-runtime';

/** The name of the one process that runs every service (its logs, its NATS connection, its ready line). */
export const ONE_PROCESS_NAME = 'switchyard';

export interface OneProcessServices {
  /** the NATS services, booted together */
  services: ServiceDefinition<ServiceConfig>[];
  /** the gateway, started once they all serve */
  edge: EdgeDefinition<BaseServiceConfig>;
}

export interface RunningOneProcess {
  logger: JsonLogger;
  /** the gateway first (no new work), then the services, then the shared NATS connection */
  close(): Promise<void>;
}

/**
 * Boots every service in this process: the same definitions, modules and handlers as their own
 * processes run, with request/reply carried in process (InProcessRpc) and one NATS connection
 * shared for what must stay on NATS (JetStream streams and KV buckets, broadcasts). Each service
 * keeps its own config, logger and database pool. Every service says it is ready, as its own
 * process would, then the process does.
 */
export async function bootOneProcess(definitions: OneProcessServices, env: NodeJS.ProcessEnv): Promise<RunningOneProcess> {
  const base = loadConfig(BaseServiceConfig, env);
  await startTracing(ONE_PROCESS_NAME, env);
  startEventLoopDelayMonitor();
  configureMetrics({ userLabel: base.SWITCHYARD_METRICS_USER_LABEL });
  const logger = new JsonLogger(ONE_PROCESS_NAME, base.LOG_LEVEL);
  const nc = await connectNats(base.NATS_URL, instanceId(ONE_PROCESS_NAME));
  const shared = { nc, rpc: new InProcessRpc() };
  const services: BootedService<ServiceConfig>[] = [];
  let edge: StartedEdge | null = null;
  const close = async () => {
    await edge?.close();
    await Promise.all(services.map((s) => s.close()));
    await nc.drain();
    await stopTracing();
  };
  try {
    // settled, not raced: when one fails, the others have finished booting and are closed with it
    const booted = await Promise.allSettled(
      definitions.services.map(async (definition) => {
        const service = await bootService(definition, env, { shared });
        services.push(service);
        service.logger.lifecycle(readyMessage(definition.name));
      }),
    );
    const failed = booted.find((b): b is PromiseRejectedResult => b.status === 'rejected');
    if (failed) throw failed.reason;
    const config = loadConfig(definitions.edge.configClass, env);
    const edgeLogger = new JsonLogger(definitions.edge.name, config.LOG_LEVEL);
    edge = await definitions.edge.start(config, { nc, rpcTransport: shared.rpc }, edgeLogger);
    edgeLogger.lifecycle(readyMessage(definitions.edge.name, edge.readyDetail));
  } catch (error) {
    await close().catch(() => undefined);
    throw error;
  }
  return { logger, close };
}

/** The life of the one process: boot every service, say so, stop them in order on a signal. */
export function runOneProcess(definitions: OneProcessServices): void {
  bootOneProcess(definitions, process.env)
    .then((running) => {
      superviseProcess(running.logger, [() => running.close()]);
      running.logger.lifecycle(
        readyMessage(
          ONE_PROCESS_NAME,
          `with ${[...definitions.services.map((s) => s.name), definitions.edge.name].join(', ')} in one process`,
        ),
      );
    })
    .catch((error) => failedToStart(ONE_PROCESS_NAME, error));
}
