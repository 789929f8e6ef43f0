import { METHODS, STATUS_CODES } from 'http';
import { Duplex } from 'stream';
import { DomainError } from '@switchyard/contracts';
import { errorResponse } from './error-envelope';
import { URL_MAX_BYTES } from './edge-limits';
import { newRequestId } from './request-id';

/** Time a refused connection gets to read our answer before it is dropped. */
const LINGER_MS = 2_000;

/** What Node's HTTP parser received before it gave up: enough to tell which API the caller speaks. */
export function partialRequest(rawPacket: Buffer | undefined): { requestLine: string; url: string; headers: Record<string, string> } {
  const text = (rawPacket ?? Buffer.alloc(0)).toString('latin1');
  const [requestLine = '', ...lines] = text.split('\r\n');
  const headers: Record<string, string> = {};
  for (const line of lines) {
    if (line === '') break;
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return { requestLine, url: requestLine.split(' ')[1] ?? '/', headers };
}

/** The method a request line starts with, when it is one Node knows (a caller's bytes never become a label as they came). */
function methodOf(requestLine: string): string | null {
  const method = requestLine.split(' ', 1)[0];
  return METHODS.includes(method) ? method : null;
}

/** The domain error for a request Node's parser refused before any route saw it. */
export function clientErrorOf(code: string | undefined, requestLine: string): DomainError {
  if (code === 'HPE_HEADER_OVERFLOW') {
    if (Buffer.byteLength(requestLine) > URL_MAX_BYTES)
      return new DomainError('request_too_large', `The request URL is longer than ${URL_MAX_BYTES} bytes`, null, 414);
    return new DomainError('request_too_large', 'The request headers are too large', null, 431);
  }
  if (code === 'ERR_HTTP_REQUEST_TIMEOUT') return new DomainError('invalid_value', 'The request was not received in time', null, 408);
  return new DomainError('invalid_value', 'The request is not valid HTTP/1.1', null, 400);
}

/** A request Node's parser refused, as its access line and the request counter know it. */
export interface ConnectionRefusal {
  /** the id its answer carries in `x-request-id` */
  requestId: string;
  /** its method when the request line named a known one */
  method: string | null;
  status: number;
  errorCode: string;
}

/** The raw HTTP answer to such a request, in the caller's API's error envelope. */
export function clientErrorResponse(error: DomainError, rawPacket: Buffer | undefined, requestId = newRequestId()): string {
  const { url, headers } = partialRequest(rawPacket);
  const answer = errorResponse(error, { id: requestId, url, headers });
  const body = JSON.stringify(answer.body);
  const head = [
    `HTTP/1.1 ${answer.status} ${STATUS_CODES[answer.status] ?? 'Error'}`,
    'Content-Type: application/json',
    `Content-Length: ${Buffer.byteLength(body)}`,
    `x-request-id: ${requestId}`,
    ...Object.entries(answer.headers).map(([name, value]) => `${name}: ${value}`),
    'Connection: close',
  ];
  return `${head.join('\r\n')}\r\n\r\n${body}`;
}

/**
 * Node's `clientError`: the request line or headers broke its parser (431 headers too large, a URL
 * beyond them, malformed HTTP). Fastify's default answers in its own shape; we answer in the API's
 * envelope, then let the caller read it before the connection closes.
 */
export function answerClientError(
  error: { code?: string; rawPacket?: unknown },
  socket: Duplex,
  refused: (refusal: ConnectionRefusal) => void = () => undefined,
): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const received = Buffer.isBuffer(error.rawPacket) ? error.rawPacket : undefined;
  const { requestLine } = partialRequest(received);
  if (socket.writable) {
    const domain = clientErrorOf(error.code, requestLine);
    const requestId = newRequestId();
    socket.end(clientErrorResponse(domain, received, requestId));
    refused({ requestId, method: methodOf(requestLine), status: domain.status, errorCode: domain.code });
  }
  // what the caller still sends is read and dropped, so it sees our answer rather than a reset
  socket.resume();
  setTimeout(() => socket.destroy(), LINGER_MS).unref();
}
