/**
 * The product's own error codes (from its docs), by what they mean. Code uses these names; the
 * wire carries the values, exactly as the docs spell them.
 */
export const ErrorCodes = {
  /** the API key lacks the `inference` scope */
  missingInferenceScope: 'AUTH_1015',
  /** an upload is larger than the limit */
  fileTooLarge: 'VALIDATION_4016',
  /** an upload's `purpose` is not one the Files API accepts */
  invalidFilePurpose: 'VALIDATION_4007',
  /** the file asked for does not exist (or is not the caller's) */
  fileNotFound: 'INFERENCE_3302',
  /** a batch input file is not valid JSONL */
  invalidJsonlFile: 'INFERENCE_3303',
} as const;

/**
 * Every domain error code, keyed as it travels, with the HTTP status and OpenAI error `type` it
 * becomes at the edge.
 */
export const ErrorCatalog = {
  invalid_api_key: { status: 401, type: 'invalid_request_error' },
  /** a sign-in's key, email or password is wrong (one answer for every wrong part) */
  invalid_credentials: { status: 401, type: 'invalid_request_error' },
  [ErrorCodes.missingInferenceScope]: { status: 403, type: 'permission_error' },
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
  /** a new password fails the strength rules (password-strength.ts); the message says which */
  weak_password: { status: 400, type: 'invalid_request_error' },
  [ErrorCodes.fileTooLarge]: { status: 413, type: 'invalid_request_error' },
  [ErrorCodes.invalidFilePurpose]: { status: 400, type: 'invalid_request_error' },
  [ErrorCodes.fileNotFound]: { status: 404, type: 'invalid_request_error' },
  [ErrorCodes.invalidJsonlFile]: { status: 400, type: 'invalid_request_error' },
} as const satisfies Record<string, { status: number; type: string }>;

export type ErrorCode = keyof typeof ErrorCatalog;

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(ErrorCatalog, value);
}
