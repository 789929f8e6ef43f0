import { BatchInputLine, DomainError, openAiError } from '@switchyard/contracts';

/** Output- and error-file lines, exactly as OpenAI writes them. */
export function outputLine(requestId: string, customId: string, body: Record<string, unknown>) {
  return { id: `batch_req_${requestId}`, custom_id: customId, response: { status_code: 200, request_id: requestId, body }, error: null };
}

export function httpErrorLine(requestId: string, customId: string, error: DomainError) {
  const { status, body } = openAiError(error);
  return { id: `batch_req_${requestId}`, custom_id: customId, response: { status_code: status, request_id: requestId, body }, error: null };
}

export function unrunLine(requestId: string, customId: string, code: 'batch_cancelled' | 'batch_expired') {
  const message =
    code === 'batch_cancelled'
      ? 'This request was not executed because the batch was cancelled.'
      : 'This request could not be executed before the completion window expired.';
  return { id: `batch_req_${requestId}`, custom_id: customId, response: null, error: { code, message } };
}

/** Checks that apply once the endpoint is known; the JSONL shape is checked by BatchJsonlValidator. */
export function lineProblem(line: BatchInputLine, endpoint: string): { code: string; message: string; param: string } | null {
  if (line.method.toUpperCase() !== 'POST')
    return { code: 'invalid_request', message: `Line ${line.lineNo}: method must be POST`, param: 'method' };
  if (line.url !== endpoint)
    return {
      code: 'invalid_url',
      message: `Line ${line.lineNo}: url ${line.url} does not match the batch endpoint ${endpoint}`,
      param: 'url',
    };
  if (line.body.stream === true)
    return { code: 'streaming_unsupported', message: `Line ${line.lineNo}: streaming is not supported in batches`, param: 'body.stream' };
  if (typeof line.body.model !== 'string' || line.body.model === '')
    return { code: 'missing_required_parameter', message: `Line ${line.lineNo}: body.model is required`, param: 'body.model' };
  return null;
}

/** The request id of a line: the same on every attempt, so billing counts a re-run line once. */
export function lineRequestId(batchId: string, lineNo: number): string {
  return `${batchId}-${lineNo}`;
}

const BACK_SOON_MS = 2_000;

/**
 * When a line's failure is not the line's fault, how long to wait before running it again (null:
 * record the failure). Throttling (429) and cooling channels slow the batch down instead of failing
 * its lines; an unreachable service or an internal error is retried soon.
 */
export function retryDelayMs(error: unknown, throttledDelayMs: number): number | null {
  if (!(error instanceof DomainError)) return BACK_SOON_MS;
  if (error.code === 'rate_limit_exceeded' || error.code === 'channels_unavailable') return throttledDelayMs;
  if (error.code === 'service_unavailable' || error.code === 'internal_error') return BACK_SOON_MS;
  return null;
}
