import { DynamicModule, INestMicroservice, Provider } from '@nestjs/common';
import { NatsConnection } from 'nats';
import { DataSource } from 'typeorm';
import { BaseServiceConfig, loadConfig } from '@switchyard/config';
import { JsonLogger, readyMessage } from '@switchyard/logging';
import { startEventLoopDelayMonitor } from '@switchyard/runtime';
import { connectNats } from './connection';
import { instanceId, startMicroservice } from './microservice';
import { superviseProcess } from './service-runtime';
import { LOGGER, NATS_CONNECTION } from './tokens';

export interface ServiceDeps<C> {
  config: C;
  dataSource: DataSource;
  nc: NatsConnection;
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
  /** stop taking work, then close NATS and the database */
  close(): Promise<void>;
}

/**
 * Brings a service up from its definition: validated config, migrated database, NATS
 * connection, microservice in its queue group. The process entry point and the in-process test
 * harness both go through here, so tests run the same wiring as production.
 */
export async function bootService<C extends ServiceConfig>(
  definition: ServiceDefinition<C>,
  env: NodeJS.ProcessEnv,
  options: { logLevel?: BaseServiceConfig['LOG_LEVEL']; poolSize?: number } = {},
): Promise<BootedService<C>> {
  const config = loadConfig(definition.configClass, env);
  startEventLoopDelayMonitor();
  const logger = new JsonLogger(definition.name, options.logLevel ?? config.LOG_LEVEL);
  const dataSource = await definition.openDatabase(config.DATABASE_URL, options.poolSize ?? config.DATABASE_POOL_SIZE);
  await definition.prepare?.(config, dataSource, logger);
  const nc = await connectNats(config.NATS_URL, instanceId(definition.name));
  const module = await definition.module({ config, dataSource, nc, logger });
  const app = await startMicroservice(module, { service: definition.name, nc, logger });
  return {
    config, dataSource, nc, logger, app,
    async close() {
      await app.close();
      await nc.drain();
      await dataSource.destroy();
    },
  };
}

/** The life of a NATS service process: boot, say so, stop in order on a signal; a start-up failure exits with its reason. */
export function runService<C extends ServiceConfig>(definition: ServiceDefinition<C>): void {
  bootService(definition, process.env)
    .then((service) => {
      superviseProcess(service.logger, [() => service.close()]);
      service.logger.lifecycle(readyMessage(definition.name));
    })
    .catch((error) => {
      process.stderr.write(`${definition.name} failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    });
}
