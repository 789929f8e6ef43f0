import type { ErrorCode } from '@switchyard/contracts';
import type { SuccessSpec } from '../catalog';
import { ROUTING_HEADERS } from '../headers';
import type { Schema } from '../openapi-types';
import { parameter } from '../parameters';
import { ref } from '../schemas/schema-kit';

/** What the inference routes share: the per-request headers, the routed answers, the errors of routing and money. */
export const ROUTING_PARAMETERS = [parameter('ChannelTypeHeader'), parameter('CacheHeader')];

/** The errors of sending a request through the router to a channel, beyond the edge's. */
export const ROUTED_ERRORS: Partial<Record<number, readonly ErrorCode[]>> = {
  400: ['invalid_value', 'missing_required_parameter', 'upstream_error'],
  402: ['insufficient_quota'],
  404: ['model_not_found', 'not_found'],
  429: ['rate_limit_exceeded'],
  503: ['channels_unavailable'],
};

/**
 * A routed answer: JSON with `_routing` (and `usage.cost`), or, when `stream` is given and the request
 * asks for it, server-sent events whose `data:` is one event of `stream.schema` each.
 */
export function routedAnswer(
  description: string,
  schema: string,
  example: unknown,
  stream?: { schema: Schema; example: unknown; how: string },
): SuccessSpec {
  return {
    description: stream ? `${description}. ${stream.how}` : description,
    headers: ROUTING_HEADERS,
    content: {
      'application/json': { schema: ref(schema), example },
      ...(stream && { 'text/event-stream': { schema: stream.schema, example: stream.example } }),
    },
  };
}

/** OpenAI's stream events, or the error event that ends a stream that failed after it started. */
export const openAiEvents = (chunk: string): Schema => ({ anyOf: [ref(chunk), ref('OpenAIError')] });

export const OPENAI_STREAM =
  'With `"stream": true`: `text/event-stream`, each event `data: <chunk>`, then `data: [DONE]`; the last chunk before it carries `_routing`. A failure after the first event ends the stream with an error event (`data: {"error": …}`) and no `[DONE]`.';
