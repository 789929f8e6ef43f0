import { Injectable } from '@nestjs/common';
import { FastifyReply, FastifyRequest } from 'fastify';
import {
  anthropicError,
  CacheMode,
  CacheModes,
  ChannelType,
  ChannelTypes,
  completionTextOf,
  DomainError,
  ExecuteRawReply,
  geminiError,
  ExecuteReply,
  openAiError,
  ExecuteRequest,
  InferenceEndpoint,
  ParkedPart,
  Principal,
  RoutingInfo,
  Subjects,
} from '@switchyard/contracts';
import { ProducerLost, RpcClient, STREAM_PRODUCER_LOST_MS } from '@switchyard/nats';
import { GatewayConfig } from '../gateway.config';
import { noteCost, noteErrorCode, noteRequested, noteRouted, noteStreamEnded, noteStreamOpened } from '../http/access-log';
import { noteUpstreamTime, observeStreamOpened } from '../http/http-metrics';
import { BinaryWriter } from './binary-writer';
import { EventDialect, EventStreamWriter } from './event-stream-writer';
import { InterruptedStreamBilling, usageOfInterruptedStream } from './interrupted-stream-usage';
import { withRoutingSpliced } from './routed-json';
import { routingHeaders } from './routing-headers';
import { SseWriter } from './sse-writer';

const eventDialects: Partial<Record<InferenceEndpoint, EventDialect>> = {
  '/v1/messages': 'anthropic',
  '/v1/responses': 'responses',
  '/v1beta/models:generateContent': 'gemini',
};

/** A failure after the stream started, as the stream's own dialect reports errors. */
function streamErrorBody(dialect: EventDialect | undefined, error: DomainError, requestId: string): Record<string, unknown> {
  if (dialect === 'anthropic') return anthropicError(error, requestId).body as unknown as Record<string, unknown>;
  if (dialect === 'gemini') return geminiError(error).body;
  const { body } = openAiError(error);
  if (dialect === 'responses') return { type: 'error', code: body.error.code, message: body.error.message, param: body.error.param };
  return body;
}

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
  constructor(
    private readonly rpc: RpcClient,
    private readonly config: GatewayConfig,
    private readonly interrupted: InterruptedStreamBilling,
  ) {}

  /** The router may try every attempt to its full timeout before it answers. */
  private get firstAnswerTimeoutMs(): number {
    return this.config.SWITCHYARD_UPSTREAM_TIMEOUT_MS * this.config.SWITCHYARD_MAX_ATTEMPTS + SLACK_MS;
  }

  /**
   * `stream`: what the route says (Gemini's streaming method); otherwise the body's `stream` flag.
   * `parked`: file parts the gateway parked for this request, carried beside the body.
   */
  async handle(
    endpoint: InferenceEndpoint,
    principal: Principal,
    body: Record<string, unknown> & { model: string },
    request: FastifyRequest,
    reply: FastifyReply,
    stream = endpoint !== '/v1/embeddings' && body.stream === true,
    parked?: ParkedPart[],
  ): Promise<void> {
    noteRequested(request, body.model, stream);
    const execute: ExecuteRequest = {
      requestId: String(request.id),
      principal,
      endpoint,
      body,
      stream,
      batchId: null,
      ...(parked && { parked }),
      channelType: headerChoice<ChannelType>(request, 'x-switchyard-channel-type', ChannelTypes),
      cache: headerChoice<CacheMode>(request, 'x-switchyard-cache', CacheModes),
    };
    if (!stream) {
      // watched: a router killed while it runs this request is noticed within seconds (503), not at the timeout
      const answer = (await this.rpc.send(Subjects.routerRequestExecute, execute, this.firstAnswerTimeoutMs, { watchProducer: true })) as
        ExecuteReply | ExecuteRawReply;
      if (answer.costUsd !== null) reply.header('x-switchyard-cost', String(answer.costUsd));
      reply.headers(routingHeaders(answer.routing));
      noteUpstreamTime(request, answer.routing);
      noteRouted(request, answer.routing, answer.costUsd);
      if ('raw' in answer) {
        // the upstream's JSON as it came (usage.cost already in): written without parsing it again
        const spliced = withRoutingSpliced(answer.raw, answer.routing);
        reply
          .type('application/json')
          .send(spliced ?? { ...(JSON.parse(answer.raw) as Record<string, unknown>), _routing: answer.routing });
        return;
      }
      // a text answer (a transcript as text, SRT or VTT) goes as it came; `_routing` is in the headers
      if (answer.text) reply.type(answer.text.contentType).send(answer.text.content);
      else reply.type('application/json').send({ ...answer.body, _routing: answer.routing });
      return;
    }
    await this.stream(execute, request, reply);
  }

  storedResponse(principal: Principal, responseId: string, action: 'get' | 'delete' | 'input_items') {
    return this.rpc.send(
      Subjects.routerResponseFetch,
      { principal, responseId, action },
      this.config.SWITCHYARD_UPSTREAM_TIMEOUT_MS + SLACK_MS,
    );
  }

  /** Input tokens of a Messages request, counted by the provider that would serve it where it can. */
  countTokens(principal: Principal, body: Record<string, unknown> & { model: string }, request: FastifyRequest) {
    noteRequested(request, body.model, false);
    const execute: ExecuteRequest = {
      requestId: String(request.id),
      principal,
      endpoint: '/v1/messages',
      body,
      stream: false,
      batchId: null,
      channelType: headerChoice<ChannelType>(request, 'x-switchyard-channel-type', ChannelTypes),
    };
    return this.rpc.send(Subjects.routerTokensCount, execute, this.firstAnswerTimeoutMs);
  }

  private async stream(execute: ExecuteRequest, request: FastifyRequest, reply: FastifyReply): Promise<void> {
    const startedAt = Date.now();
    const events = this.rpc.stream(Subjects.routerRequestExecute, execute, {
      firstTimeoutMs: this.firstAnswerTimeoutMs,
      idleTimeoutMs: this.config.SWITCHYARD_UPSTREAM_TIMEOUT_MS + SLACK_MS,
      // the router heartbeats while the upstream call is open, however silent the upstream is
      producerLostMs: STREAM_PRODUCER_LOST_MS,
    });
    const dialect = eventDialects[execute.endpoint];
    const writer =
      execute.endpoint === '/v1/audio/speech'
        ? new BinaryWriter(reply.raw)
        : dialect
          ? new EventStreamWriter(reply.raw, dialect)
          : new SseWriter(reply.raw);
    const errorBody = (error: DomainError) => streamErrorBody(dialect, error, execute.requestId);
    let channel: RoutingInfo['channel'] | null = null;
    let forwardedText = '';
    let callerGone = false;
    reply.raw.on('close', () => {
      callerGone = !reply.raw.writableFinished;
    });
    try {
      for await (const event of events) {
        if (event.kind === 'error') {
          if (!writer.started) throw DomainError.fromWire(event.error);
          noteStreamEnded(request);
          noteErrorCode(request, event.error.code);
          writer.handle(event, errorBody(DomainError.fromWire(event.error)));
          return;
        }
        if (event.kind === 'start') {
          channel = event.routing.channel;
          noteRouted(request, event.routing, null);
          reply.hijack();
          writer.start(event.routing, {
            ...(reply.getHeaders() as Record<string, string>),
            ...routingHeaders(event.routing),
            ...(event.contentType && { 'content-type': event.contentType }),
          });
          observeStreamOpened(request, event.routing);
          noteStreamOpened(request, event.routing);
          continue;
        }
        // the caller left: stop relaying (the router still reads the upstream to the end and bills it)
        if (callerGone) return;
        if (event.kind === 'chunk') forwardedText += completionTextOf(event.data);
        if (event.kind === 'end') {
          noteStreamEnded(request);
          noteCost(request, event.costUsd);
        }
        writer.handle(event);
      }
    } catch (error) {
      if (!writer.started) throw error;
      // the router died with the upstream call open: it will never report this request's usage
      if (error instanceof ProducerLost && channel)
        void this.interrupted.bill(usageOfInterruptedStream(execute, channel, forwardedText, startedAt));
      const domain = error instanceof DomainError ? error : new DomainError('internal_error', 'The stream was interrupted');
      noteErrorCode(request, domain.code);
      writer.handle({ kind: 'error', error: domain.toWire() }, errorBody(domain));
    }
  }
}
