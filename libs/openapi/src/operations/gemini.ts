import { GenerateContentBody } from '@switchyard/contracts';
import type { Operation } from '../catalog';
import { ROUTING_HEADERS } from '../headers';
import type { ParameterObject } from '../openapi-types';
import { ref } from '../schemas/schema-kit';
import { ROUTING_EXAMPLE } from './examples';
import { ROUTED_ERRORS, routedAnswer, ROUTING_PARAMETERS } from './inference-kit';

/** Both methods are one gateway route, `{model}:{method}` in one path segment (inference-routes.ts: geminiTarget). */
const GEMINI_ROUTE = '/v1beta/models/:modelAction';

const model: ParameterObject = {
  name: 'model',
  in: 'path',
  required: true,
  description: 'The model id (without `/`)',
  schema: { type: 'string' },
  example: 'gemini-2.0-flash',
};

const body = {
  json: {
    payload: GenerateContentBody,
    example: { contents: [{ role: 'user', parts: [{ text: 'Hello' }] }], generationConfig: { maxOutputTokens: 256 } },
  },
};

const answer = {
  candidates: [{ content: { role: 'model', parts: [{ text: 'Hello! How can I help?' }] }, finishReason: 'STOP', index: 0 }],
  usageMetadata: { promptTokenCount: 2, candidatesTokenCount: 7, totalTokenCount: 9, cost: 0.0000021 },
  modelVersion: 'gemini-2.0-flash',
};

const description =
  "Any channel that serves the model answers: Gemini's natively, others translated. The key may be sent as `x-goog-api-key` or `?key=`, as Google's clients do. Fields other than `contents` go to the upstream unchanged.";

/** Google's generateContent, in Google's shapes and error envelope (served on Fastify directly). */
export const GEMINI_OPERATIONS: Operation[] = [
  {
    method: 'post',
    path: '/v1beta/models/{model}:generateContent',
    route: GEMINI_ROUTE,
    operationId: 'generateContent',
    tag: 'Gemini',
    summary: 'Generate content',
    description,
    access: 'inference',
    dialect: 'gemini',
    upstream: true,
    parameters: [model, ...ROUTING_PARAMETERS],
    body,
    responses: { 200: routedAnswer('The answer', 'GenerateContentResponse', { ...answer, _routing: ROUTING_EXAMPLE }) },
    errors: ROUTED_ERRORS,
  },
  {
    method: 'post',
    path: '/v1beta/models/{model}:streamGenerateContent',
    route: GEMINI_ROUTE,
    operationId: 'streamGenerateContent',
    tag: 'Gemini',
    summary: 'Generate content as a stream',
    description,
    access: 'inference',
    dialect: 'gemini',
    upstream: true,
    parameters: [
      model,
      {
        name: 'alt',
        in: 'query',
        description: "`sse`, as Google's clients send it; the answer is server-sent events either way",
        schema: { type: 'string', enum: ['sse'] },
      },
      ...ROUTING_PARAMETERS,
    ],
    body,
    responses: {
      200: {
        description:
          "`text/event-stream`: each event `data: <GenerateContentResponse>`; the first carries `_routing`. A failure after the first event ends the stream with Google's error envelope as the last event.",
        headers: ROUTING_HEADERS,
        content: {
          'text/event-stream': {
            schema: { anyOf: [ref('GenerateContentChunk'), ref('GeminiError')] },
            example: { ...answer, _routing: ROUTING_EXAMPLE },
          },
        },
      },
    },
    errors: ROUTED_ERRORS,
  },
];
