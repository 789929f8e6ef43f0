import { Injectable } from '@nestjs/common';
import { FastifyReply, FastifyRequest } from 'fastify';
import {
  CacheMode, CacheModes, ChannelType, ChannelTypes, DomainError, ExecuteReply, openAiError, ExecuteRequest, InferenceEndpoint,
  Principal, StreamEvent, Subjects,
} from '@switchyard/contracts';
import { RpcClient } from '@switchyard/nats';
import { GatewayConfig } from '../gateway.config';
import { routingHeaders } from './routing-headers';
import { SseWriter } from './sse-writer';

const SLACK_MS = 5_000;

/** An optional request header with a closed set of values (case-insensitive); anything else is a 400 naming the header. */
function headerChoice<T extends string>(request: FastifyRequest, name: string, allowed: readonly T[]): T | null {
  const raw = request.headers[name];
  if (raw === undefined) return null;
  const value = String(raw).trim();
  const match = allowed.find((a) => a.toLowerCase() === value.toLowerCase());
  if (!match) throw new DomainError('invalid_value', `Header ${name} must be one of ${allowed.join(', ')}`, name);
  return match;
}

/** Sends an inference request to the router and answers the caller, as JSON or as a stream. */
@Injectable()
export class InferenceService {
  constructor(private readonly rpc: RpcClient, private readonly config: GatewayConfig) {}

  /** The router may try every attempt to its full timeout before it answers. */
  private get firstAnswerTimeoutMs(): number {
    return this.config.SWITCHYARD_UPSTREAM_TIMEOUT_MS * this.config.SWITCHYARD_MAX_ATTEMPTS + SLACK_MS;
  }

  async handle(endpoint: InferenceEndpoint, principal: Principal, body: Record<string, unknown> & { model: string }, request: FastifyRequest, reply: FastifyReply): Promise<void> {
    const stream = (endpoint === '/v1/chat/completions' || endpoint === '/v1/completions') && body.stream === true;
    const execute: ExecuteRequest = {
      requestId: String(request.id), principal, endpoint, body, stream, batchId: null,
      channelType: headerChoice<ChannelType>(request, 'x-switchyard-channel-type', ChannelTypes),
      cache: headerChoice<CacheMode>(request, 'x-switchyard-cache', CacheModes),
    };
    if (!stream) {
      const answer = (await this.rpc.send(Subjects.routerRequestExecute, execute, this.firstAnswerTimeoutMs)) as ExecuteReply;
      if (answer.costUsd !== null) reply.header('x-switchyard-cost', String(answer.costUsd));
      reply.headers(routingHeaders(answer.routing)).type('application/json').send({ ...answer.body, _routing: answer.routing });
      return;
    }
    await this.stream(execute, reply);
  }

  private async stream(execute: ExecuteRequest, reply: FastifyReply): Promise<void> {
    const events = this.rpc.stream(Subjects.routerRequestExecute, execute, {
      firstTimeoutMs: this.firstAnswerTimeoutMs,
      idleTimeoutMs: this.config.SWITCHYARD_UPSTREAM_TIMEOUT_MS + SLACK_MS,
    });
    const writer = new SseWriter(reply.raw);
    let callerGone = false;
    reply.raw.on('close', () => {
      callerGone = !reply.raw.writableFinished;
    });
    try {
      for await (const value of events) {
        const event = value as StreamEvent;
        if (event.kind === 'error') {
          if (!writer.started) throw DomainError.fromWire(event.error);
          writer.handle(event, openAiError(DomainError.fromWire(event.error)).body);
          return;
        }
        if (event.kind === 'start') {
          reply.hijack();
          writer.start(event.routing, { ...(reply.getHeaders() as Record<string, string>), ...routingHeaders(event.routing) });
          continue;
        }
        // the caller left: stop relaying (the router still reads the upstream to the end and bills it)
        if (callerGone) return;
        writer.handle(event);
      }
    } catch (error) {
      if (!writer.started) throw error;
      const domain = error instanceof DomainError ? error : new DomainError('internal_error', 'The stream was interrupted');
      writer.handle({ kind: 'error', error: domain.toWire() }, openAiError(domain).body);
    }
  }
}
