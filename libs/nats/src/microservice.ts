import { INestMicroservice, LoggerService } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { MicroserviceOptions, Transport } from '@nestjs/microservices';
import { hostname } from 'os';
import { DomainRpcExceptionFilter } from './rpc-exception.filter';

export function instanceId(service: string): string {
  return `${service}-${hostname()}-${process.pid}`;
}

/**
 * Starts a Nest NATS microservice in the queue group named after the service, so N replicas
 * share its request subjects.
 */
export async function startMicroservice(
  module: unknown,
  options: { service: string; natsUrl: string; logger: LoggerService },
): Promise<INestMicroservice> {
  const app = await NestFactory.createMicroservice<MicroserviceOptions>(module as never, {
    transport: Transport.NATS,
    options: {
      servers: [options.natsUrl],
      queue: options.service,
      name: instanceId(options.service),
      maxReconnectAttempts: -1,
      gracefulShutdown: true,
      gracePeriod: 2000,
    },
    logger: options.logger,
  });
  app.useGlobalFilters(new DomainRpcExceptionFilter(options.logger));
  app.enableShutdownHooks();
  await app.listen();
  return app;
}
