import { anthropicErrorType, ErrorCatalog, ErrorCode, googleStatusOf } from '@switchyard/contracts';
import type { SchemaObject } from '../openapi-types';
import { int, object, oneOfValues, ref, str } from './schema-kit';

/** Every error status the gateway answers with: what the envelopes' status-derived fields can hold. */
const ERROR_STATUSES = Array.from({ length: 200 }, (_, i) => 400 + i);
const distinct = <T>(values: T[]): T[] => [...new Set(values)];

/** Every product error code, as it travels on the wire (libs/contracts/src/error-codes.ts). */
export const ERROR_CODES = Object.keys(ErrorCatalog) as ErrorCode[];

/** The error envelopes, from the functions that write them (libs/contracts: openai-error.ts, native-errors.ts). */
export const ERROR_SCHEMAS: Record<string, SchemaObject> = {
  OpenAIError: object(
    {
      error: object(
        {
          message: str('What went wrong, for a person to read'),
          type: oneOfValues(distinct(Object.values(ErrorCatalog).map((e) => e.type)), 'The OpenAI error type of the code'),
          param: str('The request field (or header, or query parameter) at fault', { nullable: true }),
          code: oneOfValues(
            ERROR_CODES,
            'The product error code: OpenAI-style codes and the product codes (`AUTH_1015`, `VALIDATION_4016`, …)',
          ),
        },
        ['message', 'type', 'param', 'code'],
      ),
      _routing: { allOf: [ref('Routing')], description: 'On upstream failures: the channels tried' },
    },
    ['error'],
    { description: "OpenAI's error envelope: every route except Anthropic's and Gemini's" },
  ),
  AnthropicError: object(
    {
      type: oneOfValues(['error']),
      error: object(
        {
          type: oneOfValues(distinct(ERROR_STATUSES.map(anthropicErrorType)), "Anthropic's error type for the status"),
          message: str('What went wrong, for a person to read'),
        },
        ['type', 'message'],
      ),
      request_id: str('The request id, as in `x-request-id`'),
    },
    ['type', 'error', 'request_id'],
    { description: "Anthropic's error envelope: `/v1/messages`, and `/v1/files` in Anthropic mode" },
  ),
  GeminiError: object(
    {
      error: object(
        {
          code: int('The HTTP status'),
          message: str('What went wrong, for a person to read'),
          status: oneOfValues(distinct(ERROR_STATUSES.map(googleStatusOf)), "Google's status name for the HTTP status"),
        },
        ['code', 'message', 'status'],
      ),
    },
    ['error'],
    { description: "Google's error envelope: the Gemini routes under `/v1beta`" },
  ),
  ResponsesErrorEvent: object(
    {
      type: oneOfValues(['error']),
      code: oneOfValues(ERROR_CODES),
      message: str(),
      param: str(undefined, { nullable: true }),
    },
    ['type', 'code', 'message', 'param'],
    { description: 'The event that ends a Responses stream that failed after it started' },
  ),
};
