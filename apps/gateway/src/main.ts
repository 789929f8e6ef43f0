import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { loadConfig } from '@switchyard/config';
import { JsonLogger, readyMessage } from '@switchyard/logging';
import { connectNats, instanceId, requestScope, superviseProcess } from '@switchyard/nats';
import { ObjectStorage, storageSettingsFrom } from '@switchyard/object-storage';
import { startEventLoopDelayMonitor } from '@switchyard/runtime';
import { GatewayConfig } from './gateway.config';
import { GatewayModule } from './gateway.module';
import { edgeServerOptions, registerEdge } from './http/edge';
import { clientRequestIdFrom, newRequestId } from './http/request-id';

/** Room for the envelope around a body on its way to the router over NATS. */
const NATS_ENVELOPE_BYTES = 16 * 1024;

async function main(): Promise<void> {
  const config = loadConfig(GatewayConfig);
  startEventLoopDelayMonitor();
  const logger = new JsonLogger('gateway', config.LOG_LEVEL);
  const nc = await connectNats(config.NATS_URL, instanceId('gateway'));
  // bodies travel to the router in one NATS message, so the server's max_payload bounds them
  const bodyLimit = Math.max(64 * 1024, (nc.info?.max_payload ?? 1024 * 1024) - NATS_ENVELOPE_BYTES);
  const adapter = new FastifyAdapter({
    ...edgeServerOptions(bodyLimit),
    genReqId: newRequestId,
    logger: false,
    keepAliveTimeout: 65_000,
  });
  const storage = new ObjectStorage(storageSettingsFrom(config));
  const app = await NestFactory.create<NestFastifyApplication>(GatewayModule.create({ config, nc, logger, storage }), adapter, {
    bodyParser: false,
    logger,
  });
  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onRequest', (request, reply, done) => {
    // whatever this request's work leaves uncaught is logged with its id (superviseProcess)
    requestScope.enterWith({ requestId: String(request.id) });
    reply.header('x-request-id', request.id);
    const clientRequestId = clientRequestIdFrom(request.headers['x-request-id']);
    if (clientRequestId !== null) reply.header('x-client-request-id', clientRequestId);
    done();
  });
  registerEdge(fastify);
  app.enableShutdownHooks();
  await app.listen(config.PORT, '0.0.0.0');
  superviseProcess(logger, [() => app.close(), () => nc.drain()]);
  const address = app.getHttpServer().address();
  logger.lifecycle(readyMessage('gateway', `on port ${typeof address === 'object' && address ? address.port : config.PORT}`));
}

main().catch((error) => {
  process.stderr.write(`gateway failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
