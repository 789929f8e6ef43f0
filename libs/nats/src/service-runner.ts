import { DynamicModule, Provider } from '@nestjs/common';
import { NatsConnection } from 'nats';
import { DataSource } from 'typeorm';
import { BaseServiceConfig, loadConfig } from '@switchyard/config';
import { JsonLogger } from '@switchyard/logging';
import { connectNats } from './connection';
import { instanceId, startMicroservice } from './microservice';
import { stopOnSignals } from './service-runtime';
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

export interface ServiceDefinition<C extends BaseServiceConfig & { DATABASE_URL: string; DATABASE_POOL_SIZE: number }> {
  name: string;
  configClass: new () => C;
  openDatabase(url: string, poolSize: number): Promise<DataSource>;
  /** work that must be done before the service takes requests (e.g. the bootstrap admin key) */
  prepare?(config: C, dataSource: DataSource): Promise<void>;
  module(deps: ServiceDeps<C>): DynamicModule | Promise<DynamicModule>;
}

/**
 * The life of a NATS service process: validated config, migrated database, NATS connection,
 * microservice in its queue group, orderly shutdown; a start-up failure exits with its reason.
 */
export function runService<C extends BaseServiceConfig & { DATABASE_URL: string; DATABASE_POOL_SIZE: number }>(definition: ServiceDefinition<C>): void {
  const run = async () => {
    const config = loadConfig(definition.configClass);
    const logger = new JsonLogger(definition.name, config.LOG_LEVEL);
    const dataSource = await definition.openDatabase(config.DATABASE_URL, config.DATABASE_POOL_SIZE);
    await definition.prepare?.(config, dataSource);
    const nc = await connectNats(config.NATS_URL, instanceId(definition.name));
    const module = await definition.module({ config, dataSource, nc, logger });
    const app = await startMicroservice(module, { service: definition.name, natsUrl: config.NATS_URL, logger });
    stopOnSignals(logger, [() => app.close(), () => nc.drain(), () => dataSource.destroy()]);
    logger.lifecycle(`${definition.name} ready`);
  };
  run().catch((error) => {
    process.stderr.write(`${definition.name} failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}
