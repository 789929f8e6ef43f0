import { anthropicError, DomainError, ErrorCatalog, ErrorCode, geminiError, openAiError, shouldRetryHeader } from '@switchyard/contracts';
import type { ExampleObject, ResponseObject, Schema } from './openapi-types';
import { headersOf, HeaderName, RATE_LIMIT_HEADERS } from './headers';
import { ref } from './schemas/schema-kit';

/**
 * Which error envelope a route answers in (apps/gateway/src/http/error-envelope.ts): OpenAI's, Anthropic's
 * (`/v1/messages`), Google's (`/v1beta`), or, on `/v1/files`, OpenAI's or Anthropic's by the caller's mode.
 */
export type Dialect = 'openai' | 'anthropic' | 'gemini' | 'files';

/** The error statuses an operation may declare, with the product codes each can carry there. */
export type ErrorSpec = Partial<Record<number, readonly ErrorCode[]>>;

/** A message and field for each code, to show its envelope by example. */
const EXAMPLES: Record<ErrorCode, { message: string; param: string | null }> = {
  invalid_api_key: { message: 'Incorrect API key provided: sk-sy-****1234.', param: null },
  invalid_credentials: { message: 'The API key, email or password is not correct', param: null },
  AUTH_1015: { message: 'This API key has no inference scope', param: null },
  permission_denied: { message: 'This endpoint needs an admin key', param: null },
  invalid_json: { message: 'We could not parse the JSON body of your request. The body must be valid JSON.', param: 'body' },
  invalid_value: { message: 'max_tokens must be an integer', param: 'max_tokens' },
  missing_required_parameter: { message: 'you must provide a model parameter', param: 'model' },
  not_found: { message: 'Batch batch_3kF9aB2c not found', param: null },
  model_not_found: { message: 'The model `gpt-9` does not exist or you do not have access to it.', param: 'model' },
  request_too_large: { message: 'The request body is too large', param: null },
  conflict: { message: "Cannot cancel a batch with status 'completed'.", param: null },
  insufficient_quota: { message: 'You exceeded your current quota, please check your plan and billing details.', param: null },
  rate_limit_exceeded: { message: 'Rate limit reached: 60 requests per minute. Retry in 12 s.', param: null },
  upstream_error: { message: 'The upstream answered 502 Bad Gateway', param: null },
  upstream_timeout: { message: 'The upstream did not answer within 120000 ms', param: null },
  service_unavailable: { message: 'The router service is unavailable (no responders)', param: null },
  channels_unavailable: { message: 'Every channel that serves mock-gpt is cooling down; retry shortly', param: null },
  internal_error: {
    message: 'The server had an error while processing your request (request id req_3f9a1c0b7d2e4f6a00000001).',
    param: null,
  },
  VALIDATION_4016: { message: 'The file exceeds the upload limit of 110100480 bytes', param: 'file' },
  VALIDATION_4007: { message: 'Purpose "fine-tune" is not allowed; use one of: batch, user_data, vision', param: 'purpose' },
  INFERENCE_3302: { message: 'File file-3kF9aB2c not found', param: 'file_id' },
  INFERENCE_3303: { message: 'Line 3 is not valid JSON', param: 'file' },
  weak_password: { message: 'The password must have at least 12 characters', param: 'password' },
};

const EXAMPLE_REQUEST_ID = 'req_3f9a1c0b7d2e4f6a00000001';

const STATUS_TEXT: Record<number, string> = {
  400: 'Bad request',
  401: 'No key, or an unknown or revoked key',
  402: 'The balance cannot cover the request',
  403: 'The key may not call this route',
  404: 'Not found',
  409: 'Conflict',
  413: 'Too large',
  414: 'The URL is too long',
  415: 'Unsupported content type',
  429: 'Too many requests',
  431: 'The request headers are too large',
  500: 'Internal error',
  502: 'The upstream failed',
  503: 'Unavailable',
  504: 'The upstream timed out',
};

/** The envelopes of a dialect, as examples made by the functions the gateway answers with. */
function examplesOf(dialect: Dialect, status: number, codes: readonly ErrorCode[]): Record<string, ExampleObject> {
  const examples: Record<string, ExampleObject> = {};
  for (const code of codes) {
    const { message, param } = EXAMPLES[code];
    const error = new DomainError(code, message, param, status);
    if (dialect === 'openai' || dialect === 'files') examples[code] = { summary: code, value: openAiError(error).body };
    if (dialect === 'anthropic' || dialect === 'files')
      examples[dialect === 'files' ? `anthropic_${code}` : code] = {
        summary: `${code}${dialect === 'files' ? ' (Anthropic mode)' : ''}`,
        value: anthropicError(error, EXAMPLE_REQUEST_ID).body,
      };
    if (dialect === 'gemini') examples[code] = { summary: code, value: geminiError(error).body };
  }
  return examples;
}

const ENVELOPES: Record<Dialect, Schema> = {
  openai: ref('OpenAIError'),
  anthropic: ref('AnthropicError'),
  gemini: ref('GeminiError'),
  // by the caller's mode; `anyOf`, as both have an `error` member
  files: { anyOf: [ref('OpenAIError'), ref('AnthropicError')] },
};

const DIALECT_NAMES: Record<Dialect, string> = { openai: 'OpenAI', anthropic: 'Anthropic', gemini: 'Gemini', files: 'Files' };

/** The name of the shared response of a dialect, status and codes: `OpenAIError404_not_found_model_not_found`. */
export function errorResponseName(dialect: Dialect, status: number | 'default', codes: readonly ErrorCode[]): string {
  return `${DIALECT_NAMES[dialect]}Error${status === 'default' ? 'Default' : status}_${codes.join('_')}`;
}

/** One error status: its envelope, an example per code, and the headers it carries. */
export function errorResponse(dialect: Dialect, status: number, codes: readonly ErrorCode[]): ResponseObject {
  const headers: HeaderName[] = ['x-request-id', 'traceresponse'];
  if (shouldRetryHeader(status) !== null) headers.push('x-should-retry');
  if (dialect === 'anthropic' || dialect === 'files') headers.push('request-id');
  // counted against the rate limit once the key is known: every refusal after that carries the headers
  headers.push(...RATE_LIMIT_HEADERS);
  if (status === 429) headers.push('Retry-After');
  const listed = codes.map((code) => `\`${code}\``).join(', ');
  return {
    description: `${STATUS_TEXT[status] ?? 'Error'}: ${listed}`,
    headers: headersOf(headers),
    content: { 'application/json': { schema: ENVELOPES[dialect], examples: examplesOf(dialect, status, codes) } },
  };
}

/** The codes that answer with `status` unless the code that raises them says otherwise. */
export const codesWithStatus = (status: number): ErrorCode[] =>
  (Object.keys(ErrorCatalog) as ErrorCode[]).filter((code) => ErrorCatalog[code].status === status);
