import { INestMicroservice, LoggerService } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NatsConnection } from 'nats';
import { hostname } from 'os';
import { NatsRpcServer } from './nats-rpc-server';
import { DomainRpcExceptionFilter } from './rpc-exception.filter';

/** How long a stopping service lets its running handlers finish. */
const GRACE_PERIOD_MS = 2000;

export function instanceId(service: string): string {
  return `${service}-${hostname()}-${process.pid}`;
}

/**
 * Starts a Nest microservice serving its handlers on the process's NATS connection, in the queue
 * group named after the service, so N replicas share its request subjects.
 */
export async function startMicroservice(
  module: unknown,
  options: { service: string; nc: NatsConnection; logger: LoggerService },
): Promise<INestMicroservice> {
  const app = await NestFactory.createMicroservice(module as never, {
    strategy: new NatsRpcServer(options.nc, options.service, options.logger, GRACE_PERIOD_MS),
    logger: options.logger,
  });
  app.useGlobalFilters(new DomainRpcExceptionFilter(options.logger));
  app.enableShutdownHooks();
  await app.listen();
  return app;
}
