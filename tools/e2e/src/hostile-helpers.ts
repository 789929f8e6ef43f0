import { connect } from 'net';
import { checkRawExchange } from '@switchyard/testing';

/**
 * The hostile suite's tally: every attack case is tried, a case that does not hold is written down
 * (the family still tries the rest), and each family fails at its end if any of its cases broke.
 */
export class AttackTally {
  private tried = 0;
  private held = 0;

  family(name: string) {
    const broken: string[] = [];
    const attempt = async (attack: string, check: () => Promise<void>): Promise<void> => {
      this.tried++;
      try {
        await check();
        this.held++;
      } catch (error) {
        broken.push(
          `${name} / ${attack}: ${String((error as Error).message ?? error)
            .split('\n')
            .filter(Boolean)
            .slice(0, 6)
            .join(' | ')}`,
        );
      }
    };
    const verdict = (): void => {
      if (broken.length) throw new Error(`${broken.length} case(s) did not hold:\n${broken.join('\n')}`);
    };
    return { attempt, verdict };
  }

  summary(): string {
    return `hostile: ${this.tried} cases tried, ${this.held} held`;
  }
}

export interface RawAnswer {
  /** 0 when the server closed the connection without answering */
  status: number;
  body: any;
}

function jsonOrText(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/**
 * Sends bytes as they are over a plain socket (what no HTTP client lets us do: lie about the
 * length, stop in the middle, send what the parser must refuse) and reads what comes back, checked
 * against the OpenAPI document. `halfClose` ends our side after sending, as a client that gave up mid-body would.
 */
export async function rawExchange(
  baseUrl: string,
  request: Buffer,
  options: { halfClose?: boolean; timeoutMs?: number } = {},
): Promise<RawAnswer> {
  const raw = await socketExchange(baseUrl, request, options);
  const answer = checkRawExchange(request, raw);
  return answer ? { status: answer.status, body: jsonOrText(answer.text) } : { status: 0, body: raw.toString('utf8') };
}

function socketExchange(baseUrl: string, request: Buffer, options: { halfClose?: boolean; timeoutMs?: number }): Promise<Buffer> {
  const url = new URL(baseUrl);
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    const socket = connect({ host: url.hostname, port: Number(url.port), allowHalfOpen: true });
    const finish = () => {
      clearTimeout(timer);
      socket.destroy();
      resolve(Buffer.concat(chunks));
    };
    const timer = setTimeout(finish, options.timeoutMs ?? 10_000);
    socket.on('connect', () => {
      socket.write(request);
      if (options.halfClose) socket.end();
    });
    socket.on('data', (data: Buffer) => chunks.push(data));
    socket.on('end', finish);
    socket.on('close', finish);
    socket.on('error', finish);
  });
}

/** A request as bytes: the request line, the headers given (plus host and connection: close), the body. */
export function rawRequest(method: string, path: string, headers: Record<string, string>, body: Buffer = Buffer.alloc(0)): Buffer {
  const lines = [
    `${method} ${path} HTTP/1.1`,
    'host: 127.0.0.1',
    'connection: close',
    ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`),
  ];
  return Buffer.concat([Buffer.from(`${lines.join('\r\n')}\r\n\r\n`, 'latin1'), body]);
}

export interface FormPart {
  name: string;
  value: string | Buffer;
  filename?: string;
  contentType?: string;
}

/** A multipart/form-data body; `closed: false` leaves out the closing boundary (a truncated form). */
export function multipartBody(boundary: string, parts: FormPart[], closed = true): Buffer {
  const pieces: Buffer[] = [];
  for (const part of parts) {
    const disposition = `form-data; name="${part.name}"${part.filename ? `; filename="${part.filename}"` : ''}`;
    const type = part.filename ? `\r\ncontent-type: ${part.contentType ?? 'application/octet-stream'}` : '';
    pieces.push(Buffer.from(`--${boundary}\r\ncontent-disposition: ${disposition}${type}\r\n\r\n`, 'latin1'));
    pieces.push(Buffer.isBuffer(part.value) ? part.value : Buffer.from(part.value));
    pieces.push(Buffer.from('\r\n'));
  }
  if (closed) pieces.push(Buffer.from(`--${boundary}--\r\n`));
  return Buffer.concat(pieces);
}

/** The OpenAI error envelope, exactly its four fields. */
export function isOpenAiEnvelope(body: unknown): boolean {
  const error = (body as { error?: Record<string, unknown> } | null)?.error;
  return (
    Boolean(error) &&
    typeof error === 'object' &&
    ['message', 'type', 'param', 'code'].every((k) => k in error) &&
    typeof error.message === 'string'
  );
}
