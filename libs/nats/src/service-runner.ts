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
  ShutdownPhase,
  ShutdownSequence,
  ShutdownStep,
  startEventLoopDelayMonitor,
  startMetricsServer,
  startTracing,
  stopTracing,
} from '@switchyard/runtime';
import { connectNats } from './connection';
import { InProcessRpc } from './in-process-rpc';
import { instanceId, startMicroservice } from './microservice';
import { NatsRpcTransport, RpcTransport } from './rpc-client';
import { processShutdown, superviseProcess } from './service-runtime';
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
  /**
   * Its part of a shutdown. `drain`: stop taking requests (the queue-group subscriptions are drained,
   * so other replicas get the next ones) and finish the running handlers, streams to their end; then
   * the modules' shutdown hooks (batch lines finished, usage published and acked, leases returned).
   * `close`: its metrics server, its own NATS connection (drained: publishes flushed; a shared one is
   * the process's to close) and its database pool.
   */
  addShutdownSteps(shutdown: ShutdownSequence): void;
  /** the same steps, run now in order (tests, a boot that failed) */
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
  const started = await startMicroservice(module, {
    service: definition.name,
    nc,
    logger,
    inProcess: shared?.rpc,
    graceMs: config.SWITCHYARD_SHUTDOWN_GRACE_MS,
  });
  const { app } = started;
  // in one process the gateway's /metrics serves every service's (one registry per process)
  const metricsServer = await serveMetrics(shared ? undefined : config.SWITCHYARD_METRICS_PORT, app);
  const name = definition.name;
  const steps: [ShutdownPhase, ShutdownStep][] = [
    [
      'drain',
      {
        name: `${name}: stop taking requests, finish the running ones`,
        run: () => app.close(),
        inFlight: () => {
          const running = started.handlersInFlight();
          return running > 0 ? `${running} handler(s) running` : null;
        },
      },
    ],
    // in one process, the process exports the last spans (once, for every service)
    ...(shared ? [] : [['flush', { name: `${name}: export the last spans`, run: stopTracing }] as [ShutdownPhase, ShutdownStep]]),
    ['close', { name: `${name}: metrics server`, run: () => metricsServer?.close() }],
    ...(shared ? [] : [['close', { name: `${name}: drain NATS`, run: () => nc.drain() }] as [ShutdownPhase, ShutdownStep]]),
    ['close', { name: `${name}: close the database pool`, run: () => dataSource.destroy() }],
  ];
  return {
    config,
    dataSource,
    nc,
    rpcTransport,
    logger,
    app,
    metricsPort: metricsServer?.port ?? null,
    addShutdownSteps(shutdown) {
      for (const [phase, step] of steps) shutdown.add(phase, step);
    },
    async close() {
      for (const phase of ['drain', 'flush', 'close'] as const) for (const [p, step] of steps) if (p === phase) await step.run();
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
      const shutdown = processShutdown(service.logger, service.config.SWITCHYARD_SHUTDOWN_GRACE_MS);
      service.addShutdownSteps(shutdown);
      superviseProcess(service.logger, shutdown);
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
  /** stop taking work and finish what it holds (its transport is closed by whoever opened it) */
  close(): Promise<void>;
  /** what it still holds while closing, e.g. `2 HTTP request(s)`; null when nothing */
  inFlight?(): string | null;
}

/**
 * The edge's part of a shutdown, in the `drain` phase: the process is already not ready (its
 * `/ready` answers 503), it keeps serving for `drainDelayMs` so a load balancer notices and stops
 * sending, then it closes its listener and finishes the requests and streams it holds.
 */
export function addEdgeShutdownSteps(shutdown: ShutdownSequence, name: string, edge: StartedEdge, drainDelayMs: number): void {
  shutdown.add('drain', {
    name: `${name}: keep serving ${drainDelayMs} ms while load balancers see it unready`,
    run: () => new Promise((resolve) => setTimeout(resolve, drainDelayMs)),
  });
  shutdown.add('drain', {
    name: `${name}: stop listening, finish requests and streams`,
    run: () => edge.close(),
    inFlight: () => edge.inFlight?.() ?? null,
  });
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
    const shutdown = processShutdown(logger, config.SWITCHYARD_SHUTDOWN_GRACE_MS);
    addEdgeShutdownSteps(shutdown, definition.name, edge, config.SWITCHYARD_SHUTDOWN_DRAIN_DELAY_MS);
    shutdown.add('close', { name: `${definition.name}: drain NATS`, run: () => nc.drain() });
    shutdown.add('flush', { name: `${definition.name}: export the last spans`, run: stopTracing });
    superviseProcess(logger, shutdown);
    logger.lifecycle(readyMessage(definition.name, edge.readyDetail));
  };
  boot().catch((error) => failedToStart(definition.name, error));
}

export function failedToStart(name: string, error: unknown): never {
  process.stderr.write(`${name} failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
