/**
 * Every domain error code, with the HTTP status and OpenAI error `type` it becomes at the edge.
 * Codes from the product docs (VALIDATION_4016, INFERENCE_3302, ...) are kept exactly as they are.
 */
export const ErrorCatalog = {
  invalid_api_key: { status: 401, type: 'invalid_request_error' },
  AUTH_1015: { status: 403, type: 'permission_error' },
  permission_denied: { status: 403, type: 'permission_error' },
  invalid_json: { status: 400, type: 'invalid_request_error' },
  invalid_value: { status: 400, type: 'invalid_request_error' },
  missing_required_parameter: { status: 400, type: 'invalid_request_error' },
  not_found: { status: 404, type: 'invalid_request_error' },
  model_not_found: { status: 404, type: 'invalid_request_error' },
  request_too_large: { status: 413, type: 'invalid_request_error' },
  conflict: { status: 409, type: 'invalid_request_error' },
  insufficient_quota: { status: 402, type: 'insufficient_quota' },
  rate_limit_exceeded: { status: 429, type: 'requests' },
  upstream_error: { status: 502, type: 'upstream_error' },
  upstream_timeout: { status: 504, type: 'upstream_error' },
  service_unavailable: { status: 503, type: 'server_error' },
  /** every channel that could serve the request is cooling down (open circuit) */
  channels_unavailable: { status: 503, type: 'server_error' },
  internal_error: { status: 500, type: 'server_error' },
  VALIDATION_4016: { status: 413, type: 'invalid_request_error' },
  VALIDATION_4007: { status: 400, type: 'invalid_request_error' },
  INFERENCE_3302: { status: 404, type: 'invalid_request_error' },
  INFERENCE_3303: { status: 400, type: 'invalid_request_error' },
} as const satisfies Record<string, { status: number; type: string }>;

export type ErrorCode = keyof typeof ErrorCatalog;

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(ErrorCatalog, value);
}
