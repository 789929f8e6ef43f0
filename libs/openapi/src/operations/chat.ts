import { ChatCompletionBody, CompletionsBody, EmbeddingsBody } from '@switchyard/contracts';
import type { Operation } from '../catalog';
import { CHAT_CHUNK_EXAMPLE, CHAT_COMPLETION_EXAMPLE, CREATED, ROUTING_EXAMPLE } from './examples';
import { OPENAI_STREAM, openAiEvents, ROUTED_ERRORS, routedAnswer, ROUTING_PARAMETERS } from './inference-kit';

/** OpenAI's chat completions, legacy completions and embeddings (served on Fastify directly: inference-routes.ts). */
export const CHAT_OPERATIONS: Operation[] = [
  {
    method: 'post',
    path: '/v1/chat/completions',
    operationId: 'createChatCompletion',
    tag: 'Chat',
    summary: 'Create a chat completion',
    description:
      'Only `model`, `messages` and the stream flags are checked; every other field (tools, `temperature`, `response_format`, …) goes to the upstream unchanged. Any channel that serves the model answers, natively or translated from its own format.',
    access: 'inference',
    upstream: true,
    parameters: ROUTING_PARAMETERS,
    body: {
      json: {
        payload: ChatCompletionBody,
        example: { model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'Hello' }], stream: false },
      },
    },
    responses: {
      200: routedAnswer('The completion', 'ChatCompletion', CHAT_COMPLETION_EXAMPLE, {
        schema: openAiEvents('ChatCompletionChunk'),
        example: CHAT_CHUNK_EXAMPLE,
        how: OPENAI_STREAM,
      }),
    },
    errors: ROUTED_ERRORS,
  },
  {
    method: 'post',
    path: '/v1/completions',
    operationId: 'createCompletion',
    tag: 'Chat',
    summary: 'Create a text completion (legacy)',
    description: 'Served by OpenAI-format channels. Fields other than `model`, `prompt` and the stream flags go to the upstream unchanged.',
    access: 'inference',
    upstream: true,
    parameters: ROUTING_PARAMETERS,
    body: { json: { payload: CompletionsBody, example: { model: 'gpt-3.5-turbo-instruct', prompt: 'Say hello', max_tokens: 16 } } },
    responses: {
      200: routedAnswer(
        'The completion',
        'Completion',
        {
          id: 'cmpl-9Yy4L2',
          object: 'text_completion',
          created: CREATED,
          model: 'gpt-3.5-turbo-instruct',
          choices: [{ index: 0, text: 'Hello!', finish_reason: 'stop', logprobs: null }],
          usage: { prompt_tokens: 3, completion_tokens: 2, total_tokens: 5, cost: 0.0000085 },
          _routing: ROUTING_EXAMPLE,
        },
        {
          schema: openAiEvents('CompletionChunk'),
          example: { id: 'cmpl-9Yy4L2', object: 'text_completion', created: CREATED, model: 'gpt-3.5-turbo-instruct', choices: [] },
          how: OPENAI_STREAM,
        },
      ),
    },
    errors: ROUTED_ERRORS,
  },
  {
    method: 'post',
    path: '/v1/embeddings',
    operationId: 'createEmbeddings',
    tag: 'Embeddings',
    summary: 'Create embeddings',
    description:
      'Deterministic: with `x-switchyard-cache: on` (or a channel that caches) a repeated request is answered from the response cache.',
    access: 'inference',
    upstream: true,
    parameters: ROUTING_PARAMETERS,
    body: { json: { payload: EmbeddingsBody, example: { model: 'text-embedding-3-small', input: ['first text', 'second text'] } } },
    responses: {
      200: routedAnswer('The embeddings, in input order', 'EmbeddingList', {
        object: 'list',
        data: [
          { object: 'embedding', index: 0, embedding: [0.0023, -0.0091, 0.0154] },
          { object: 'embedding', index: 1, embedding: [0.0121, 0.0007, -0.0042] },
        ],
        model: 'text-embedding-3-small',
        usage: { prompt_tokens: 4, total_tokens: 4, cost: 0.00000008 },
        _routing: ROUTING_EXAMPLE,
      }),
    },
    errors: ROUTED_ERRORS,
  },
];
