import { BaseServiceConfig, loadConfig } from '@switchyard/config';
import { JsonLogger, readyMessage } from '@switchyard/logging';
import { configureMetrics, ShutdownSequence, startEventLoopDelayMonitor, startTracing, stopTracing } from '@switchyard/runtime';
import { connectNats } from './connection';
import { InProcessRpc } from './in-process-rpc';
import { instanceId } from './microservice';
import {
  addEdgeShutdownSteps,
  bootService,
  BootedService,
  EdgeDefinition,
  failedToStart,
  ServiceConfig,
  ServiceDefinition,
  StartedEdge,
} from './service-runner';
import { processShutdown, superviseProcess } from './service-runtime';

/** Who stops first: a service before those it calls while finishing its work (batch lines call the router, the router bills through billing). */
const SHUTDOWN_ORDER = ['batches', 'router', 'files', 'billing'];

function shutdownRank(service: string): number {
  const rank = SHUTDOWN_ORDER.indexOf(service);
  return rank < 0 ? SHUTDOWN_ORDER.length : rank;
}

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
  /** SWITCHYARD_SHUTDOWN_GRACE_MS of the process */
  graceMs: number;
  /**
   * Its shutdown: the gateway first (unready, drain delay, listener closed, requests and streams
   * finished), then each service stops taking work and finishes it in the order of `services`
   * (batches before the router its lines call, the router before billing its usage goes to), then
   * their pools and the shared NATS connection.
   */
  addShutdownSteps(shutdown: ShutdownSequence): void;
  /** the same steps, run now (a boot that failed) */
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
  const services = new Map<string, BootedService<ServiceConfig>>();
  let edge: StartedEdge | null = null;
  const close = async () => {
    await edge?.close();
    for (const service of inShutdownOrder(services)) await service.close();
    await nc.drain();
    await stopTracing();
  };
  const inShutdownOrder = (booted: Map<string, BootedService<ServiceConfig>>) =>
    [...booted.entries()].sort(([a], [b]) => shutdownRank(a) - shutdownRank(b)).map(([, service]) => service);
  try {
    // settled, not raced: when one fails, the others have finished booting and are closed with it
    const booted = await Promise.allSettled(
      definitions.services.map(async (definition) => {
        const service = await bootService(definition, env, { shared });
        services.set(definition.name, service);
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
  return {
    logger,
    graceMs: base.SWITCHYARD_SHUTDOWN_GRACE_MS,
    close,
    addShutdownSteps(shutdown) {
      if (edge) addEdgeShutdownSteps(shutdown, definitions.edge.name, edge, base.SWITCHYARD_SHUTDOWN_DRAIN_DELAY_MS);
      for (const service of inShutdownOrder(services)) service.addShutdownSteps(shutdown);
      shutdown.add('flush', { name: 'export the last spans', run: stopTracing });
      shutdown.add('close', { name: 'drain the shared NATS connection', run: () => nc.drain() });
    },
  };
}

/** The life of the one process: boot every service, say so, stop them in order on a signal. */
export function runOneProcess(definitions: OneProcessServices): void {
  bootOneProcess(definitions, process.env)
    .then((running) => {
      const shutdown = processShutdown(running.logger, running.graceMs);
      running.addShutdownSteps(shutdown);
      superviseProcess(running.logger, shutdown);
      running.logger.lifecycle(
        readyMessage(
          ONE_PROCESS_NAME,
          `with ${[...definitions.services.map((s) => s.name), definitions.edge.name].join(', ')} in one process`,
        ),
      );
    })
    .catch((error) => failedToStart(ONE_PROCESS_NAME, error));
}
