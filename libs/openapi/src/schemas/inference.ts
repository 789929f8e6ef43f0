import type { CountTokensReply, ModelPricing, ModelView } from '@switchyard/contracts';
import { InferenceEndpoints, ModelTypes } from '@switchyard/contracts';
import type { Schema, SchemaObject } from '../openapi-types';
import { anyObject, anyValue, arrayOf, int, nullable, num, object, oneOfValues, ref, str, view } from './schema-kit';

/**
 * The answers of the inference routes. They are the upstream's answers in the caller's format (the
 * router translates between formats), so only what the gateway adds is fixed (`_routing`,
 * `usage.cost`) and the fields every format guarantees are required; the rest is the provider's.
 */
const routing: Schema = ref('Routing');

/** `schema` with `_routing` required: an answer the gateway spliced `_routing` into. */
function routed(schema: SchemaObject): SchemaObject {
  return { ...schema, properties: { ...schema.properties, _routing: routing }, required: [...(schema.required ?? []), '_routing'] };
}

/** `schema` with no field required (an event that carries a partial object). */
function partial(schema: SchemaObject): SchemaObject {
  const { required: _required, ...rest } = schema;
  return rest;
}

/** `schema` that may carry `_routing` (the stream event that opens or closes a stream does). */
function mayBeRouted(schema: SchemaObject): SchemaObject {
  return { ...schema, properties: { ...schema.properties, _routing: routing } };
}

const usageCost = {
  cost: num('What this request cost the caller, USD (absent when prices are unavailable)'),
  cost_details: object({ upstream_inference_cost: num("BYOK: what the caller's own provider charges, USD") }, []),
};

const openAiUsage = object(
  {
    prompt_tokens: int(),
    completion_tokens: int(),
    total_tokens: int(),
    prompt_tokens_details: anyObject(),
    completion_tokens_details: anyObject(),
    ...usageCost,
  },
  [],
  { description: 'Token counts, with the cost the gateway adds' },
);

const chatCompletion: SchemaObject = object(
  {
    id: str(),
    object: oneOfValues(['chat.completion']),
    created: int('Unix seconds'),
    model: str(),
    choices: arrayOf(
      object(
        {
          index: int(),
          message: object(
            {
              role: str(),
              content: nullable(str()),
              tool_calls: arrayOf(anyObject()),
              refusal: nullable(str()),
            },
            ['role'],
            { additionalProperties: true },
          ),
          finish_reason: nullable(str('`stop`, `length`, `tool_calls`, `content_filter`, …')),
          logprobs: nullable(anyObject()),
        },
        ['index', 'message'],
        { additionalProperties: true },
      ),
    ),
    usage: openAiUsage,
    system_fingerprint: nullable(str()),
  },
  ['id', 'object', 'created', 'model', 'choices'],
  { additionalProperties: true },
);

const chatCompletionChunk: SchemaObject = object(
  {
    id: str(),
    object: oneOfValues(['chat.completion.chunk']),
    created: int('Unix seconds'),
    model: str(),
    choices: arrayOf(
      object({ index: int(), delta: anyObject(), finish_reason: nullable(str()), logprobs: nullable(anyObject()) }, ['index'], {
        additionalProperties: true,
      }),
    ),
    usage: nullable(openAiUsage),
  },
  ['object', 'choices'],
  {
    additionalProperties: true,
    description: 'One `data:` event of a chat completion stream; the last chunk before `[DONE]` carries `_routing`',
  },
);

const completion: SchemaObject = object(
  {
    id: str(),
    object: oneOfValues(['text_completion']),
    created: int('Unix seconds'),
    model: str(),
    choices: arrayOf(
      object({ index: int(), text: str(), finish_reason: nullable(str()), logprobs: nullable(anyObject()) }, ['index', 'text'], {
        additionalProperties: true,
      }),
    ),
    usage: nullable(openAiUsage),
  },
  ['object', 'choices'],
  { additionalProperties: true },
);

const embeddingList: SchemaObject = object(
  {
    object: oneOfValues(['list']),
    data: arrayOf(
      object(
        {
          object: oneOfValues(['embedding']),
          index: int(),
          embedding: { anyOf: [arrayOf(num()), str('base64 of little-endian float32s (`encoding_format: base64`)')] },
        },
        ['index', 'embedding'],
        { additionalProperties: true },
      ),
    ),
    model: str(),
    usage: object({ prompt_tokens: int(), total_tokens: int(), ...usageCost }, [], { additionalProperties: true }),
  },
  ['object', 'data'],
  { additionalProperties: true },
);

const response: SchemaObject = object(
  {
    id: str(),
    object: oneOfValues(['response']),
    created_at: num('Unix seconds'),
    status: str('`completed`, `in_progress`, `incomplete`, `failed`, …'),
    model: str(),
    output: arrayOf(anyObject('An output item: a message, a function call, reasoning, …')),
    usage: nullable(
      object({ input_tokens: int(), output_tokens: int(), total_tokens: int(), ...usageCost }, [], { additionalProperties: true }),
    ),
    error: nullable(anyObject()),
  },
  ['id', 'object', 'status', 'output'],
  { additionalProperties: true },
);

const anthropicMessage: SchemaObject = object(
  {
    id: str(),
    type: oneOfValues(['message']),
    role: oneOfValues(['assistant']),
    model: str(),
    content: arrayOf(anyObject('A content block: `text`, `tool_use`, `thinking`, …')),
    stop_reason: nullable(str()),
    stop_sequence: nullable(str()),
    usage: object({ input_tokens: int(), output_tokens: int(), ...usageCost }, [], { additionalProperties: true }),
  },
  ['id', 'type', 'role', 'content'],
  { additionalProperties: true },
);

const generateContentResponse: SchemaObject = object(
  {
    candidates: arrayOf(anyObject('A candidate: `content.parts`, `finishReason`, …')),
    usageMetadata: object({ promptTokenCount: int(), candidatesTokenCount: int(), totalTokenCount: int(), ...usageCost }, [], {
      additionalProperties: true,
    }),
    modelVersion: str(),
    promptFeedback: anyObject(),
  },
  [],
  { additionalProperties: true },
);

export const INFERENCE_SCHEMAS: Record<string, SchemaObject> = {
  ChatCompletion: routed({ ...chatCompletion, description: 'A chat completion (OpenAI format)' }),
  ChatCompletionChunk: mayBeRouted(chatCompletionChunk),
  Completion: routed({ ...completion, description: 'A text completion (legacy OpenAI format)' }),
  CompletionChunk: mayBeRouted({ ...completion, description: 'One `data:` event of a text completion stream' }),
  EmbeddingList: routed({ ...embeddingList, description: 'Embeddings (OpenAI format)' }),
  Response: routed({ ...response, description: 'A Responses API answer' }),
  StoredResponse: { ...response, description: 'A Responses API answer the channel that made it stored (`store: true`)' },
  ResponseStreamEvent: object(
    {
      type: str('`response.created` (its `response` carries `_routing`), `response.output_text.delta`, `response.completed`, …'),
      sequence_number: int(),
      response: mayBeRouted(partial(response)),
    },
    ['type'],
    { additionalProperties: true, description: 'One event of a Responses stream (`event:` names its `type`)' },
  ),
  ResponseDeleted: object({ id: str(), object: oneOfValues(['response']), deleted: oneOfValues([true]) }, ['id', 'deleted'], {
    additionalProperties: true,
  }),
  ResponseInputItemList: object(
    {
      object: oneOfValues(['list']),
      data: arrayOf(anyObject('An input item')),
      first_id: nullable(str()),
      last_id: nullable(str()),
      has_more: { type: 'boolean' },
    },
    ['object', 'data'],
    { additionalProperties: true },
  ),
  AnthropicMessage: routed({ ...anthropicMessage, description: "A Messages API answer (Anthropic's format)" }),
  AnthropicStreamEvent: object(
    {
      type: str(
        '`message_start` (its `message` carries `_routing`), `content_block_start`, `content_block_delta`, `content_block_stop`, `message_delta`, `message_stop`, `ping`',
      ),
      message: mayBeRouted(partial(anthropicMessage)),
      index: int(),
      delta: anyObject(),
      content_block: anyObject(),
      usage: anyObject(),
    },
    ['type'],
    { additionalProperties: true, description: 'One event of a Messages stream (`event:` names its `type`)' },
  ),
  CountTokensReply: view<CountTokensReply>('Input tokens of a Messages request', { input_tokens: int(undefined, { minimum: 0 }) }),
  GenerateContentResponse: routed({ ...generateContentResponse, description: "A generateContent answer (Google's format)" }),
  GenerateContentChunk: mayBeRouted({
    ...generateContentResponse,
    description: 'One `data:` event of streamGenerateContent; the first carries `_routing`',
  }),
  ImagesResponse: routed(
    object(
      {
        created: int('Unix seconds'),
        data: arrayOf(object({ b64_json: str(), url: str(), revised_prompt: str() }, [], { additionalProperties: true })),
        usage: object({ ...usageCost }, [], { additionalProperties: true }),
      },
      ['data'],
      { additionalProperties: true, description: 'Generated or edited images' },
    ),
  ),
  RerankResponse: routed(
    object(
      {
        id: str(),
        model: str(),
        results: arrayOf(
          object(
            { index: int(), relevance_score: num(), document: anyValue('With `return_documents: true`') },
            ['index', 'relevance_score'],
            {
              additionalProperties: true,
            },
          ),
        ),
        usage: object({ total_tokens: int(), ...usageCost }, [], { additionalProperties: true }),
      },
      ['results'],
      { additionalProperties: true, description: 'Documents by relevance (Cohere/Jina shape)' },
    ),
  ),
  Transcription: routed(
    object({ text: str(), language: str(), duration: num(), segments: arrayOf(anyObject()), words: arrayOf(anyObject()) }, ['text'], {
      additionalProperties: true,
      description: 'A transcript (`json`, `verbose_json`)',
    }),
  ),
  Model: view<ModelView>('A model the caller can reach', {
    id: str('May contain `/` (`vendor/model`)'),
    object: oneOfValues(['model']),
    created: int(),
    owned_by: str('The provider of the first channel that serves it'),
    type: oneOfValues(ModelTypes),
    endpoints: arrayOf(oneOfValues(InferenceEndpoints), 'Every route that reaches it, natively or translated'),
    context_window: nullable(int('Where known')),
    pricing: nullable(ref('ModelPricing')),
  }),
  ModelPricing: view<ModelPricing>("The model's price for the caller, USD; null: no price set", {
    input_per_million: num(),
    output_per_million: num(),
    cached_input_per_million: nullable(num()),
    per_image: nullable(num()),
    per_audio_second: nullable(num()),
    per_call: nullable(num()),
  }),
  ModelList: object({ object: oneOfValues(['list']), data: arrayOf(ref('Model')) }, ['object', 'data']),
};
