import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { JsonLogger } from '@switchyard/logging';
import { processReadiness, requestScope } from '@switchyard/runtime';
import { EdgeDefinition, ServiceTransport } from '@switchyard/nats';
import { ObjectStorage, storageSettingsFrom } from '@switchyard/object-storage';
import { GatewayConfig } from './gateway.config';
import { GatewayModule } from './gateway.module';
import { refusedLineOf, registerAccessLog, startAccessLine } from './http/access-log';
import { registerDraining } from './http/draining';
import { edgeServerOptions, registerEdge } from './http/edge';
import { countRefusedConnection, measureRequest, registerHttpMetrics } from './http/http-metrics';
import { newRequestId, setRequestIdHeaders } from './http/request-id';
import { registerRequestTracing } from './http/request-tracing';

/** Room for the envelope around a body on its way to the router over NATS. */
const NATS_ENVELOPE_BYTES = 16 * 1024;

/**
 * The gateway's Nest application on its Fastify edge, routes not yet registered (that happens at
 * `init`, which `listen` runs). Providers reach the Fastify instance (HttpAdapterHost) in their
 * onModuleInit, before it listens.
 */
export async function createGatewayApp(
  config: GatewayConfig,
  transport: ServiceTransport,
  logger: JsonLogger,
): Promise<NestFastifyApplication> {
  // bodies may travel to the router in one NATS message, so the server's max_payload bounds them (in both modes, so they accept the same)
  const bodyLimit = Math.max(64 * 1024, (transport.nc.info?.max_payload ?? 1024 * 1024) - NATS_ENVELOPE_BYTES);
  const adapter = new FastifyAdapter({
    ...edgeServerOptions(bodyLimit, {
      request: (request, reply) => {
        setRequestIdHeaders(request, reply);
        measureRequest(request, reply);
        startAccessLine(request, reply, logger);
      },
      connection: (refusal) => {
        countRefusedConnection(refusal);
        logger.event('info', 'request', refusedLineOf(refusal));
      },
    }),
    genReqId: newRequestId,
    logger: false,
    keepAliveTimeout: 65_000,
  });
  const storage = new ObjectStorage(storageSettingsFrom(config));
  const app = await NestFactory.create<NestFastifyApplication>(GatewayModule.create({ config, transport, logger, storage }), adapter, {
    bodyParser: false,
    logger,
  });
  const fastify = app.getHttpAdapter().getInstance();
  registerHttpMetrics(fastify);
  registerRequestTracing(fastify);
  registerAccessLog(fastify, logger);
  fastify.addHook('onRequest', (request, reply, done) => {
    setRequestIdHeaders(request, reply);
    // whatever this request's work leaves uncaught is logged with its id (superviseProcess)
    requestScope.run(String(request.id), done);
  });
  // reading the body leaves the scope (its events come from the socket's own)
  fastify.addHook('preHandler', (request, _reply, done) => requestScope.run(String(request.id), done));
  registerEdge(fastify);
  return app;
}

/** The gateway: how it boots, alone in its process (requests to the services over NATS) or with them in one (requests in process). */
export const gatewayService: EdgeDefinition<GatewayConfig> = {
  name: 'gateway',
  configClass: GatewayConfig,
  async start(config, transport, logger) {
    const app = await createGatewayApp(config, transport, logger);
    const draining = registerDraining(app.getHttpAdapter().getInstance(), processReadiness);
    await app.listen(config.PORT, '0.0.0.0');
    const address = app.getHttpServer().address();
    return {
      readyDetail: `on port ${typeof address === 'object' && address ? address.port : config.PORT}`,
      close: async () => {
        // Fastify first: it stops accepting connections, closes the idle ones and waits for the requests and
        // streams it is answering while every module still serves them; then Nest's modules stop (Nest's own
        // close would run their destroy hooks, e.g. the rate limiter's, before it closes the HTTP server)
        await app.getHttpAdapter().getInstance().close();
        await app.close();
      },
      inFlight: () => {
        const running = draining.inFlight();
        return running > 0 ? `${running} HTTP request(s)` : null;
      },
    };
  },
};
