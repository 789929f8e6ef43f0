import { INestMicroservice, LoggerService } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NatsConnection } from 'nats';
import { hostname } from 'os';
import { InProcessRpc } from './in-process-rpc';
import { InProcessRpcServer } from './in-process-rpc-server';
import { NatsRpcServer } from './nats-rpc-server';
import { DomainRpcExceptionFilter } from './rpc-exception.filter';

/** How long a stopping service lets its running handlers finish. */
const GRACE_PERIOD_MS = 2000;

export function instanceId(service: string): string {
  return `${service}-${hostname()}-${process.pid}`;
}

/**
 * Starts a Nest microservice serving its handlers: on the process's NATS connection, in the queue
 * group named after the service, so N replicas share its request subjects; or, when the services
 * share one process, to the others in that process (`inProcess`). A service alone in its process
 * stops on a signal by itself; services sharing one are stopped by the process, in order.
 */
export async function startMicroservice(
  module: unknown,
  options: { service: string; nc: NatsConnection; logger: LoggerService; inProcess?: InProcessRpc },
): Promise<INestMicroservice> {
  const strategy = options.inProcess
    ? new InProcessRpcServer(options.service, options.inProcess, options.logger, GRACE_PERIOD_MS)
    : new NatsRpcServer(options.nc, options.service, options.logger, GRACE_PERIOD_MS);
  const app = await NestFactory.createMicroservice(module as never, { strategy, logger: options.logger });
  app.useGlobalFilters(new DomainRpcExceptionFilter(options.logger));
  if (!options.inProcess) app.enableShutdownHooks();
  await app.listen();
  return app;
}
