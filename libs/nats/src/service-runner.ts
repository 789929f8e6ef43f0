import { DynamicModule, INestMicroservice, Provider } from '@nestjs/common';
import { NatsConnection } from 'nats';
import { DataSource } from 'typeorm';
import { BaseServiceConfig, loadConfig } from '@switchyard/config';
import * as contracts from '@switchyard/contracts';
import { compileValidators, payloadClassesIn } from '@switchyard/contracts';
import { JsonLogger, readyMessage } from '@switchyard/logging';
import {
  configureMetrics,
  MetricsServer,
  startEventLoopDelayMonitor,
  startMetricsServer,
  startTracing,
  stopTracing,
} from '@switchyard/runtime';
import { connectNats } from './connection';
import { InProcessRpc } from './in-process-rpc';
import { instanceId, startMicroservice } from './microservice';
import { NatsRpcTransport, RpcTransport } from './rpc-client';
import { superviseProcess } from './service-runtime';
import { LOGGER, NATS_CONNECTION } from './tokens';

/**
 * What a service is given to run on: the NATS connection (JetStream, KV, broadcasts: what must be
 * durable or shared) and the transport its requests to other services take (over NATS, or in
 * process when the services share one).
 */
export interface ServiceTransport {
  nc: NatsConnection;
  rpcTransport: RpcTransport;
}

export interface ServiceDeps<C> extends ServiceTransport {
  config: C;
  dataSource: DataSource;
  logger: JsonLogger;
}

/** What every service module provides: its config, database, NATS connection and logger. */
export function coreProviders<C extends object>(configClass: new () => C, deps: ServiceDeps<C>): Provider[] {
  return [
    { provide: configClass, useValue: deps.config },
    { provide: DataSource, useValue: deps.dataSource },
    { provide: NATS_CONNECTION, useValue: deps.nc },
    { provide: LOGGER, useValue: deps.logger },
  ];
}

/** What every NATS service's config has. */
export type ServiceConfig = BaseServiceConfig & { DATABASE_URL: string; DATABASE_POOL_SIZE: number };

export interface ServiceDefinition<C extends ServiceConfig> {
  name: string;
  configClass: new () => C;
  openDatabase(url: string, poolSize: number): Promise<DataSource>;
  /** work that must be done before the service takes requests (e.g. the bootstrap admin key) */
  prepare?(config: C, dataSource: DataSource, logger: JsonLogger): Promise<void>;
  module(deps: ServiceDeps<C>): DynamicModule | Promise<DynamicModule>;
}

export interface BootedService<C> extends ServiceDeps<C> {
  app: INestMicroservice;
  /** the port of its own `GET /metrics` (SWITCHYARD_METRICS_PORT), null when it has none */
  metricsPort: number | null;
  /** stop taking work, then close NATS (when the service has its own connection) and the database */
  close(): Promise<void>;
}

/** The services of one process share its NATS connection, and carry their requests to each other in process. */
export interface SharedProcess {
  nc: NatsConnection;
  rpc: InProcessRpc;
}

/**
 * Brings a service up from its definition: validated config, migrated database, NATS
 * connection, microservice in its queue group. The process entry point, the one-process mode
 * (`shared`) and the in-process test harness all go through here, so they run the same wiring.
 */
/** Compiles every payload class's validation at boot: a decorator the compiler does not know stops the start, not a request. */
function compilePayloadValidators(): void {
  compileValidators(...payloadClassesIn(contracts).map(([, cls]) => cls));
}

export async function bootService<C extends ServiceConfig>(
  definition: ServiceDefinition<C>,
  env: NodeJS.ProcessEnv,
  options: { logLevel?: BaseServiceConfig['LOG_LEVEL']; poolSize?: number; shared?: SharedProcess } = {},
): Promise<BootedService<C>> {
  const config = loadConfig(definition.configClass, env);
  // in one process, the process started tracing (once, for every service)
  if (!options.shared) await startTracing(definition.name, env);
  compilePayloadValidators();
  startEventLoopDelayMonitor();
  configureMetrics({ userLabel: config.SWITCHYARD_METRICS_USER_LABEL });
  const logger = new JsonLogger(definition.name, options.logLevel ?? config.LOG_LEVEL);
  const dataSource = await definition.openDatabase(config.DATABASE_URL, options.poolSize ?? config.DATABASE_POOL_SIZE);
  await definition.prepare?.(config, dataSource, logger);
  const { shared } = options;
  const nc = shared?.nc ?? (await connectNats(config.NATS_URL, instanceId(definition.name)));
  const rpcTransport = shared?.rpc ?? new NatsRpcTransport(nc);
  const module = await definition.module({ config, dataSource, nc, rpcTransport, logger });
  const app = await startMicroservice(module, { service: definition.name, nc, logger, inProcess: shared?.rpc });
  // in one process the gateway's /metrics serves every service's (one registry per process)
  const metricsServer = await serveMetrics(shared ? undefined : config.SWITCHYARD_METRICS_PORT, app);
  return {
    config,
    dataSource,
    nc,
    rpcTransport,
    logger,
    app,
    metricsPort: metricsServer?.port ?? null,
    async close() {
      await metricsServer?.close();
      await app.close();
      if (!shared) await nc.drain();
      await dataSource.destroy();
      if (!shared) await stopTracing();
    },
  };
}

async function serveMetrics(port: number | undefined, app: INestMicroservice): Promise<MetricsServer | null> {
  if (port === undefined) return null;
  try {
    return await startMetricsServer(port);
  } catch (error) {
    await app.close();
    throw new Error(`cannot serve metrics on port ${port}: ${(error as Error).message}`);
  }
}

/** The life of a NATS service process: boot, say so, stop in order on a signal; a start-up failure exits with its reason. */
export function runService<C extends ServiceConfig>(definition: ServiceDefinition<C>): void {
  bootService(definition, process.env)
    .then((service) => {
      superviseProcess(service.logger, [() => service.close()]);
      service.logger.lifecycle(
        readyMessage(definition.name, service.metricsPort === null ? undefined : `metrics on port ${service.metricsPort}`),
      );
    })
    .catch((error) => failedToStart(definition.name, error));
}

/** A service that faces the outside (the gateway: HTTP, not a NATS handler), booted on the transport it is given. */
export interface EdgeDefinition<C extends BaseServiceConfig> {
  name: string;
  configClass: new () => C;
  start(config: C, transport: ServiceTransport, logger: JsonLogger): Promise<StartedEdge>;
}

export interface StartedEdge {
  /** said in its ready line, e.g. `on port 8080` */
  readyDetail: string;
  /** stop taking work (its transport is closed by whoever opened it) */
  close(): Promise<void>;
}

/** The life of an edge service alone in its process: its own NATS connection, requests over NATS. */
export function runEdge<C extends BaseServiceConfig>(definition: EdgeDefinition<C>): void {
  const boot = async () => {
    const config = loadConfig(definition.configClass);
    await startTracing(definition.name);
    compilePayloadValidators();
    startEventLoopDelayMonitor();
    configureMetrics({ userLabel: config.SWITCHYARD_METRICS_USER_LABEL });
    const logger = new JsonLogger(definition.name, config.LOG_LEVEL);
    const nc = await connectNats(config.NATS_URL, instanceId(definition.name));
    const edge = await definition.start(config, { nc, rpcTransport: new NatsRpcTransport(nc) }, logger);
    superviseProcess(logger, [() => edge.close(), () => nc.drain(), stopTracing]);
    logger.lifecycle(readyMessage(definition.name, edge.readyDetail));
  };
  boot().catch((error) => failedToStart(definition.name, error));
}

export function failedToStart(name: string, error: unknown): never {
  process.stderr.write(`${name} failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
