import { CountTokensBody, MessagesBody } from '@switchyard/contracts';
import { json, type Operation } from '../catalog';
import { parameter } from '../parameters';
import { ref } from '../schemas/schema-kit';
import { ROUTING_EXAMPLE } from './examples';
import { ROUTED_ERRORS, routedAnswer, ROUTING_PARAMETERS } from './inference-kit';

const ANTHROPIC_HEADERS = [parameter('AnthropicVersion'), parameter('AnthropicBeta')];

/** Anthropic's Messages API, in Anthropic's shapes, events and error envelope (served on Fastify directly). */
export const ANTHROPIC_OPERATIONS: Operation[] = [
  {
    method: 'post',
    path: '/v1/messages',
    operationId: 'createMessage',
    tag: 'Anthropic',
    summary: 'Create a message',
    description:
      "Any channel that serves the model answers: Anthropic's natively, others translated. `max_tokens` is required, as in Anthropic's API; other fields go to the upstream unchanged. The key may be sent as `x-api-key`, as Anthropic's clients do.",
    access: 'inference',
    dialect: 'anthropic',
    upstream: true,
    parameters: [...ROUTING_PARAMETERS, ...ANTHROPIC_HEADERS],
    body: {
      json: {
        payload: MessagesBody,
        example: { model: 'claude-sonnet-4-5', max_tokens: 1024, messages: [{ role: 'user', content: 'Hello' }] },
      },
    },
    responses: {
      200: routedAnswer(
        'The message',
        'AnthropicMessage',
        {
          id: 'msg_01XFDUDYJgAACzvnptvVoYEL',
          type: 'message',
          role: 'assistant',
          model: 'claude-sonnet-4-5',
          content: [{ type: 'text', text: 'Hello! How can I help?' }],
          stop_reason: 'end_turn',
          stop_sequence: null,
          usage: { input_tokens: 9, output_tokens: 9, cost: 0.000162 },
          _routing: ROUTING_EXAMPLE,
        },
        {
          schema: { anyOf: [ref('AnthropicStreamEvent'), ref('AnthropicError')] },
          example: { type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: 'Hello' } },
          how: 'With `"stream": true`: `text/event-stream` of Anthropic\'s events (`event: <type>` and `data: <event>`); `message_start` carries `_routing` in its `message`. A failure after the first event ends the stream with an `error` event.',
        },
      ),
    },
    errors: ROUTED_ERRORS,
  },
  {
    method: 'post',
    path: '/v1/messages/count_tokens',
    operationId: 'countMessageTokens',
    tag: 'Anthropic',
    summary: 'Count the input tokens of a message',
    description: 'Counted by the provider that would serve the request where it can, else estimated.',
    access: 'inference',
    dialect: 'anthropic',
    upstream: true,
    parameters: [parameter('ChannelTypeHeader'), ...ANTHROPIC_HEADERS],
    body: { json: { payload: CountTokensBody, example: { model: 'claude-sonnet-4-5', messages: [{ role: 'user', content: 'Hello' }] } } },
    responses: { 200: json('The count', 'CountTokensReply', { input_tokens: 9 }) },
    // a count holds no money and takes no capacity
    errors: { 400: ROUTED_ERRORS[400], 404: ROUTED_ERRORS[404], 503: ROUTED_ERRORS[503] },
  },
];
