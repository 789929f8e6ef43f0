import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { FastifyInstance } from 'fastify';
import { JsonLogger } from '@switchyard/logging';
import { LOGGER } from '@switchyard/nats';
import { admitCaller } from '../auth/access';
import { AuthService } from '../auth/auth.service';
import { RateLimiter } from '../auth/rate-limiter';
import { answerError } from '../http/all-exceptions.filter';
import { INFERENCE_ROUTES } from './inference-routes';
import { InferenceService } from './inference.service';

/**
 * Serves the inference routes on the Fastify instance itself, outside Nest's per-request pipeline
 * (its execution context, guards, pipes and filters cost a fifth of the gateway's CPU per request).
 * What that pipeline did is done here by the same functions: `admitCaller` is the guard,
 * `answerError` the exception filter; the edge (body parsers, limits, request-id hooks) is
 * Fastify's and applies to every route alike.
 */
@Injectable()
export class RawInferenceRoutes implements OnModuleInit {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly auth: AuthService,
    private readonly limiter: RateLimiter,
    private readonly inference: InferenceService,
    @Inject(LOGGER) private readonly logger: JsonLogger,
  ) {}

  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter.getInstance<FastifyInstance>();
    for (const route of INFERENCE_ROUTES) {
      fastify.route({
        method: 'POST',
        url: route.url,
        // the route's declaration, where the route table shows it; the handler admits by the same field
        config: { access: route.access },
        // body parsing failures (bad JSON, too deep, too large, wrong content type) land here too
        errorHandler: (error, request, reply) => answerError(error, request, reply, this.logger),
        handler: async (request, reply) => {
          const caller = await admitCaller(this.auth, this.limiter, route.access, request, reply);
          await route.serve(this.inference, caller, request, reply);
        },
      });
    }
  }
}
