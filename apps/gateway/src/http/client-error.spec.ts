import { PassThrough } from 'stream';
import { answerClientError, clientErrorOf, clientErrorResponse, ConnectionRefusal, partialRequest } from './client-error';
import { URL_MAX_BYTES } from './edge-limits';

const raw = (lines: string[]) => Buffer.from(lines.join('\r\n'), 'latin1');
const parse = (response: string) => ({
  status: Number(response.slice(9, 12)),
  headers: response.slice(0, response.indexOf('\r\n\r\n')),
  body: JSON.parse(response.slice(response.indexOf('\r\n\r\n') + 4)),
});

describe('partialRequest', () => {
  it('reads the request line and the headers that arrived', () => {
    expect(partialRequest(raw(['POST /v1/messages?beta=true HTTP/1.1', 'Anthropic-Version: 2023-06-01', 'X-Fill: aaa']))).toEqual({
      requestLine: 'POST /v1/messages?beta=true HTTP/1.1',
      url: '/v1/messages?beta=true',
      headers: { 'anthropic-version': '2023-06-01', 'x-fill': 'aaa' },
    });
    expect(partialRequest(undefined)).toMatchObject({ url: '/', headers: {} });
  });
});

describe('clientErrorOf', () => {
  it('tells headers too large (431) from a URL too long (414)', () => {
    expect(clientErrorOf('HPE_HEADER_OVERFLOW', 'GET /v1/models HTTP/1.1')).toMatchObject({ status: 431, code: 'request_too_large' });
    expect(clientErrorOf('HPE_HEADER_OVERFLOW', `GET /v1/models?q=${'a'.repeat(URL_MAX_BYTES)} HTTP/1.1`)).toMatchObject({ status: 414 });
    expect(clientErrorOf('HPE_INVALID_METHOD', 'FOO')).toMatchObject({ status: 400, code: 'invalid_value' });
  });
});

describe('clientErrorResponse', () => {
  it('answers in the OpenAI envelope', () => {
    const answer = parse(
      clientErrorResponse(clientErrorOf('HPE_HEADER_OVERFLOW', 'GET /v1/models HTTP/1.1'), raw(['GET /v1/models HTTP/1.1', 'X-Fill: aaa'])),
    );
    expect(answer.status).toBe(431);
    expect(answer.body).toEqual({
      error: { message: expect.any(String), type: 'invalid_request_error', param: null, code: 'request_too_large' },
    });
    expect(answer.headers).toMatch(/\r\nContent-Length: \d+\r\n/);
    expect(answer.headers).toMatch(/\r\nConnection: close/);
  });

  it("answers in Anthropic's envelope on Anthropic routes and on the Files API in Anthropic mode", () => {
    const messages = parse(
      clientErrorResponse(
        clientErrorOf('HPE_HEADER_OVERFLOW', 'POST /v1/messages HTTP/1.1'),
        raw(['POST /v1/messages HTTP/1.1', 'X-Fill: a']),
      ),
    );
    expect(messages.status).toBe(431);
    expect(messages.body).toMatchObject({
      type: 'error',
      error: { type: 'invalid_request_error' },
      request_id: expect.stringMatching(/^req_/),
    });
    const files = parse(
      clientErrorResponse(
        clientErrorOf('HPE_HEADER_OVERFLOW', 'GET /v1/files HTTP/1.1'),
        raw(['GET /v1/files HTTP/1.1', 'anthropic-beta: files-api-2025-04-14']),
      ),
    );
    expect(files.body).toMatchObject({ type: 'error' });
  });
});

describe('answerClientError', () => {
  /** A socket that keeps what is written to it. */
  function socketKeeping() {
    const written: string[] = [];
    const socket = new PassThrough();
    socket.end = ((chunk: string) => {
      written.push(chunk);
      return socket;
    }) as typeof socket.end;
    return { socket, written };
  }

  it('reports the refusal with the id its answer carries, a known method and the status', () => {
    const { socket, written } = socketKeeping();
    const refusals: ConnectionRefusal[] = [];
    answerClientError({ code: 'HPE_HEADER_OVERFLOW', rawPacket: raw(['GET /v1/models HTTP/1.1', 'X-Fill: aaa']) }, socket, (r) =>
      refusals.push(r),
    );
    expect(refusals).toEqual([{ requestId: expect.any(String), method: 'GET', status: 431, errorCode: 'request_too_large' }]);
    expect(written[0]).toContain(`x-request-id: ${refusals[0].requestId}\r\n`);
    socket.destroy();
  });

  it('names no method a caller made up', () => {
    const { socket } = socketKeeping();
    const refusals: ConnectionRefusal[] = [];
    answerClientError({ code: 'HPE_INVALID_METHOD', rawPacket: raw(['MADE-UP /v1/models HTTP/1.1']) }, socket, (r) => refusals.push(r));
    expect(refusals).toEqual([expect.objectContaining({ method: null, status: 400, errorCode: 'invalid_value' })]);
    socket.destroy();
  });

  it('reports nothing for a connection the caller reset', () => {
    const { socket } = socketKeeping();
    const refused = jest.fn();
    answerClientError({ code: 'ECONNRESET' }, socket, refused);
    expect(refused).not.toHaveBeenCalled();
    socket.destroy();
  });
});
