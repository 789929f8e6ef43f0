import { Attributes } from '@opentelemetry/api';

/**
 * The span attributes Switchyard writes, in one place: OpenTelemetry's semantic conventions (HTTP,
 * RPC, messaging, GenAI) and Switchyard's own. Prompts and answers only under the content opt-in;
 * never a key.
 */
export const SpanAttr = {
  service: 'switchyard.service',
  errorType: 'error.type',
  // HTTP server (the gateway)
  httpMethod: 'http.request.method',
  httpRoute: 'http.route',
  httpStatus: 'http.response.status_code',
  urlPath: 'url.path',
  urlScheme: 'url.scheme',
  requestId: 'switchyard.request.id',
  // request/reply between services
  rpcSystem: 'rpc.system',
  rpcMethod: 'rpc.method',
  transport: 'switchyard.transport',
  // durable messages (JetStream)
  messagingSystem: 'messaging.system',
  messagingDestination: 'messaging.destination.name',
  messagingOperation: 'messaging.operation.type',
  messagingBatchSize: 'messaging.batch.message_count',
  // GenAI client spans (an upstream call)
  genAiOperation: 'gen_ai.operation.name',
  genAiProvider: 'gen_ai.provider.name',
  genAiRequestModel: 'gen_ai.request.model',
  genAiResponseModel: 'gen_ai.response.model',
  genAiInputTokens: 'gen_ai.usage.input_tokens',
  genAiOutputTokens: 'gen_ai.usage.output_tokens',
  genAiInputMessages: 'gen_ai.input.messages',
  genAiOutputMessages: 'gen_ai.output.messages',
  serverAddress: 'server.address',
  serverPort: 'server.port',
  channelId: 'switchyard.channel.id',
  channelType: 'switchyard.channel.type',
  retryCount: 'switchyard.retry_count',
  costUsd: 'switchyard.cost_usd',
  cached: 'switchyard.cached',
  endpoint: 'switchyard.endpoint',
  batchId: 'switchyard.batch.id',
  batchLine: 'switchyard.batch.line',
} as const;

/** The GenAI operation (`gen_ai.operation.name`) of a Switchyard endpoint. */
export function genAiOperationOf(endpoint: string): string {
  switch (endpoint) {
    case '/v1/chat/completions':
    case '/v1/messages':
    case '/v1/responses':
      return 'chat';
    case '/v1/completions':
      return 'text_completion';
    case '/v1/embeddings':
      return 'embeddings';
    default:
      return endpoint.replace(/^\/v1\//, '').replace(/[^a-z0-9]+/gi, '_');
  }
}

/**
 * The GenAI provider name (`gen_ai.provider.name`) of an adapter's provider id; ours where the
 * conventions name none.
 */
export function genAiProviderOf(provider: string): string {
  switch (provider) {
    case 'openai':
      return 'openai';
    case 'azure-openai':
      return 'azure.ai.openai';
    case 'anthropic':
      return 'anthropic';
    case 'gemini':
      return 'gcp.gemini';
    default:
      return provider;
  }
}

export interface UpstreamCallFacts {
  endpoint: string;
  provider: string;
  requestModel: string;
  channelId: string;
  channelType: string;
  /** attempts before this one for the same request */
  retryCount: number;
  /** where the call goes (host and port only: the URL's path and query are not recorded) */
  url?: string;
}

/** What an upstream call's span says when it starts. */
export function upstreamCallAttributes(facts: UpstreamCallFacts): Attributes {
  const attributes: Attributes = {
    [SpanAttr.genAiOperation]: genAiOperationOf(facts.endpoint),
    [SpanAttr.genAiProvider]: genAiProviderOf(facts.provider),
    [SpanAttr.genAiRequestModel]: facts.requestModel,
    [SpanAttr.channelId]: facts.channelId,
    [SpanAttr.channelType]: facts.channelType,
    [SpanAttr.retryCount]: facts.retryCount,
    [SpanAttr.endpoint]: facts.endpoint,
  };
  const server = facts.url ? serverOf(facts.url) : null;
  if (server) {
    attributes[SpanAttr.serverAddress] = server.address;
    attributes[SpanAttr.serverPort] = server.port;
  }
  return attributes;
}

interface ServerFacts {
  address: string;
  port: number;
}

/** Upstream base URLs seen, parsed once (a channel's URL is the same on every call); emptied when it holds too many. */
const serversByUrl = new Map<string, ServerFacts | null>();
const SERVERS_KEPT = 1000;

/** The host and port a URL names, null when it is not a URL. */
function serverOf(url: string): ServerFacts | null {
  let server = serversByUrl.get(url);
  if (server === undefined) {
    server = parseServer(url);
    if (serversByUrl.size >= SERVERS_KEPT) serversByUrl.clear();
    serversByUrl.set(url, server);
  }
  return server;
}

function parseServer(url: string): ServerFacts | null {
  try {
    const parsed = new URL(url);
    return { address: parsed.hostname, port: Number(parsed.port || (parsed.protocol === 'https:' ? 443 : 80)) };
  } catch {
    return null; // not a URL: nothing to say about the server
  }
}

export interface UpstreamOutcome {
  responseModel?: unknown;
  inputTokens?: number;
  outputTokens?: number;
  /** the cost shown to the caller, in USD */
  costUsd?: number | null;
}

/** What an upstream call's span says once its answer is known (only what is known). */
export function upstreamOutcomeAttributes(outcome: UpstreamOutcome): Attributes {
  const attributes: Attributes = {};
  if (typeof outcome.responseModel === 'string' && outcome.responseModel) attributes[SpanAttr.genAiResponseModel] = outcome.responseModel;
  if (Number.isFinite(outcome.inputTokens)) attributes[SpanAttr.genAiInputTokens] = outcome.inputTokens;
  if (Number.isFinite(outcome.outputTokens)) attributes[SpanAttr.genAiOutputTokens] = outcome.outputTokens;
  if (typeof outcome.costUsd === 'number' && Number.isFinite(outcome.costUsd)) attributes[SpanAttr.costUsd] = outcome.costUsd;
  return attributes;
}
