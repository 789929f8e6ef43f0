import { INestMicroservice, LoggerService } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NatsConnection } from 'nats';
import { hostname } from 'os';
import { InProcessRpc } from './in-process-rpc';
import { InProcessRpcServer } from './in-process-rpc-server';
import { NatsRpcServer } from './nats-rpc-server';
import { DomainRpcExceptionFilter } from './rpc-exception.filter';

export function instanceId(service: string): string {
  return `${service}-${hostname()}-${process.pid}`;
}

export interface StartedMicroservice {
  app: INestMicroservice;
  /** handlers running now */
  handlersInFlight(): number;
}

/**
 * Starts a Nest microservice serving its handlers: on the process's NATS connection, in the queue
 * group named after the service, so N replicas share its request subjects; or, when the services
 * share one process, to the others in that process (`inProcess`). It does not listen to signals
 * itself (Nest's shutdown hooks would run the modules' destroy hooks before the server stops taking
 * requests): the process's ShutdownSequence closes it, and `app.close()` first stops the
 * subscriptions and waits up to `graceMs` for running handlers, then runs the modules' shutdown hooks.
 */
export async function startMicroservice(
  module: unknown,
  options: { service: string; nc: NatsConnection; logger: LoggerService; inProcess?: InProcessRpc; graceMs: number },
): Promise<StartedMicroservice> {
  const strategy = options.inProcess
    ? new InProcessRpcServer(options.service, options.inProcess, options.logger, options.graceMs)
    : new NatsRpcServer(options.nc, options.service, options.logger, options.graceMs);
  const app = await NestFactory.createMicroservice(module as never, { strategy, logger: options.logger });
  app.useGlobalFilters(new DomainRpcExceptionFilter(options.logger));
  await app.listen();
  return { app, handlersInFlight: () => strategy.handlersInFlight };
}
