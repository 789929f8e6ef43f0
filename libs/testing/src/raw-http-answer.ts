import { checkGatewayAnswer } from './gateway-contract';

/** An HTTP/1.1 answer as read off a socket. */
export interface RawHttpAnswer {
  status: number;
  /** by lower-case name; a repeated header's values joined with `, ` */
  headers: Record<string, string>;
  /** the body as text, chunked transfer decoded */
  text: string;
  /** whether the whole body arrived: its Content-Length, or its last chunk, or (with neither) the end of the connection */
  complete: boolean;
}

function decodeChunked(raw: Buffer): { body: Buffer; complete: boolean } {
  const out: Buffer[] = [];
  let at = 0;
  for (;;) {
    const eol = raw.indexOf('\r\n', at);
    if (eol < 0) return { body: Buffer.concat(out), complete: false };
    const size = parseInt(raw.subarray(at, eol).toString('latin1'), 16);
    if (!size) return { body: Buffer.concat(out), complete: size === 0 };
    out.push(raw.subarray(eol + 2, eol + 2 + size));
    at = eol + 2 + size + 2;
  }
}

/** The answer in the bytes a socket received; null when not even its status line and headers arrived. */
export function parseRawHttpAnswer(raw: Buffer): RawHttpAnswer | null {
  const split = raw.indexOf('\r\n\r\n');
  if (split < 0) return null;
  const [statusLine, ...lines] = raw.subarray(0, split).toString('latin1').split('\r\n');
  const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(statusLine)?.[1] ?? 0);
  if (!status) return null;
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    headers[name] = name in headers ? `${headers[name]}, ${value}` : value;
  }
  const rest = raw.subarray(split + 4);
  if (/chunked/i.test(headers['transfer-encoding'] ?? '')) {
    const { body, complete } = decodeChunked(rest);
    return { status, headers, text: body.toString('utf8'), complete };
  }
  const length = headers['content-length'] === undefined ? null : Number(headers['content-length']);
  const body = length === null ? rest : rest.subarray(0, length);
  return { status, headers, text: body.toString('utf8'), complete: length === null || rest.length >= length };
}

/**
 * Checks what the gateway answered on a raw socket against the OpenAPI document (the request's
 * method and path are read from its request line); a body that did not arrive whole is not checked.
 * Answers the parsed answer, or null when none came; throws a ResponseDriftError.
 */
export function checkRawExchange(request: Buffer | string, raw: Buffer): RawHttpAnswer | null {
  const answer = parseRawHttpAnswer(raw);
  if (!answer) return null;
  const head = Buffer.isBuffer(request) ? request : Buffer.from(request, 'latin1');
  const requestLine = head.subarray(0, head.indexOf('\r\n')).toString('latin1');
  const [method, path] = requestLine.split(' ');
  checkGatewayAnswer({ method, path, status: answer.status, headers: answer.headers, body: answer.complete ? answer.text : undefined });
  return answer;
}
