import { ResponsesBody } from '@switchyard/contracts';
import { json, type Operation } from '../catalog';
import { parameter } from '../parameters';
import { ref } from '../schemas/schema-kit';
import { CREATED, ROUTING_EXAMPLE } from './examples';
import { ROUTED_ERRORS, routedAnswer, ROUTING_PARAMETERS } from './inference-kit';

const RESPONSE_EXAMPLE = {
  id: 'resp_67ccd2bed1ec8190b14f964abc0542670bb6a6b452d3795b',
  object: 'response',
  created_at: CREATED,
  status: 'completed',
  model: 'gpt-4o-mini',
  output: [
    {
      type: 'message',
      id: 'msg_67ccd2bf17f0819081ff3bb2cf6508e6',
      status: 'completed',
      role: 'assistant',
      content: [{ type: 'output_text', text: 'Hello! How can I help?', annotations: [] }],
    },
  ],
  usage: { input_tokens: 9, output_tokens: 7, total_tokens: 16, cost: 0.0000056 },
  error: null,
};

/** A stored answer is read at the channel that stored it: its refusals (and failures) are passed on. */
const STORED_ERRORS = { 404: ['not_found'] } as const;

/** OpenAI's Responses API: passed through to channels that speak it, translated to chat for those that do not. */
export const RESPONSES_OPERATIONS: Operation[] = [
  {
    method: 'post',
    path: '/v1/responses',
    operationId: 'createResponse',
    tag: 'Responses',
    summary: 'Create a response',
    description:
      "A `previous_response_id` or stored input must be the caller's own, and is served by the channel that stored it. Fields other than `model`, `input` and `stream` go to the upstream unchanged.",
    access: 'inference',
    upstream: true,
    parameters: ROUTING_PARAMETERS,
    body: { json: { payload: ResponsesBody, example: { model: 'gpt-4o-mini', input: 'Hello' } } },
    responses: {
      200: routedAnswer(
        'The response',
        'Response',
        { ...RESPONSE_EXAMPLE, _routing: ROUTING_EXAMPLE },
        {
          schema: { anyOf: [ref('ResponseStreamEvent'), ref('ResponsesErrorEvent')] },
          example: { type: 'response.output_text.delta', sequence_number: 4, delta: 'Hello' },
          how: 'With `"stream": true`: `text/event-stream` of typed events (`event: <type>` and `data: <event>`); `response.created` carries `_routing` in its `response`. A failure after the first event ends the stream with an `error` event.',
        },
      ),
    },
    errors: ROUTED_ERRORS,
  },
  {
    method: 'get',
    path: '/v1/responses/{response_id}',
    operationId: 'getResponse',
    tag: 'Responses',
    summary: 'Get a stored response',
    access: 'inference',
    upstream: true,
    parameters: [parameter('ResponseId')],
    responses: { 200: json('The stored answer, as the channel that stored it returns it', 'StoredResponse', RESPONSE_EXAMPLE) },
    errors: STORED_ERRORS,
  },
  {
    method: 'get',
    path: '/v1/responses/{response_id}/input_items',
    operationId: 'listResponseInputItems',
    tag: 'Responses',
    summary: "List a stored response's input items",
    access: 'inference',
    upstream: true,
    parameters: [parameter('ResponseId')],
    responses: {
      200: json('The input items', 'ResponseInputItemList', {
        object: 'list',
        data: [{ id: 'msg_in0', type: 'message', role: 'user', content: [{ type: 'input_text', text: 'Hello' }] }],
        first_id: 'msg_in0',
        last_id: 'msg_in0',
        has_more: false,
      }),
    },
    errors: STORED_ERRORS,
  },
  {
    method: 'delete',
    path: '/v1/responses/{response_id}',
    operationId: 'deleteResponse',
    tag: 'Responses',
    summary: 'Delete a stored response',
    access: 'inference',
    upstream: true,
    parameters: [parameter('ResponseId')],
    responses: {
      200: json('Deleted at the channel that stored it', 'ResponseDeleted', {
        id: 'resp_67ccd2bed1ec8190b14f964abc0542670bb6a6b452d3795b',
        object: 'response',
        deleted: true,
      }),
    },
    errors: STORED_ERRORS,
  },
];
