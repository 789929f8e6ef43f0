import { OpenApiChecker, OpenApiDocumentLike, ResponseDriftError } from './openapi-check';
import { takeResponseDrift } from './response-drift';
import { createValidatingFetch } from './validating-fetch';

const document: OpenApiDocumentLike = {
  openapi: '3.0.3',
  paths: {
    '/v1/things/{id}': {
      get: {
        responses: {
          '200': {
            content: {
              'application/json': { schema: { type: 'object', required: ['id'], properties: { id: { type: 'string' } } } },
              'text/event-stream': { schema: { type: 'object', required: ['n'], properties: { n: { type: 'integer' } } } },
              'application/octet-stream': { schema: { type: 'string', format: 'binary' } },
            },
          },
        },
      },
    },
  },
};

const checker = new OpenApiChecker(document);

/** A fetch whose every answer is `make()`, made fresh per call, and the URL it was asked for. */
function answering(make: () => Response) {
  const asked: string[] = [];
  const fetch = createValidatingFetch(
    () => checker,
    async (input) => {
      asked.push(String(input));
      return make();
    },
  );
  return { fetch, asked };
}

const typed = (type: string) => ({ headers: { 'content-type': type } });

describe('validatingFetch', () => {
  afterEach(async () => {
    await takeResponseDrift();
  });

  it('hands over a good JSON answer whole and unread', async () => {
    const { fetch, asked } = answering(() => new Response('{"id":"t1"}', typed('application/json')));
    const response = await fetch('http://gateway.test/v1/things/t1?x=1');
    expect(asked).toEqual(['http://gateway.test/v1/things/t1?x=1']);
    expect(await response.json()).toEqual({ id: 't1' });
    expect(await takeResponseDrift()).toEqual([]);
  });

  it('throws on a JSON answer that drifted, and records it for the end of the test', async () => {
    const { fetch } = answering(() => new Response('{"id":1}', typed('application/json')));
    const failure = await fetch(new Request('http://gateway.test/v1/things/t1')).catch((error: Error) => error);
    expect(failure).toBeInstanceOf(ResponseDriftError);
    expect((failure as ResponseDriftError).problems).toEqual(['body /id: must be string']);
    expect(await takeResponseDrift()).toEqual([failure]);
  });

  it('throws on a status or a method the document does not have', async () => {
    const { fetch } = answering(() => new Response('{"id":"t1"}', { status: 201, ...typed('application/json') }));
    await expect(fetch('http://gateway.test/v1/things/t1')).rejects.toThrow(/status 201 is not declared/);
    await expect(fetch('http://gateway.test/v1/things/t1', { method: 'post' })).rejects.toThrow(
      /POST \/v1\/things\/t1 → 201 .*\n.*no operation serves this method and path/,
    );
    expect(await takeResponseDrift()).toHaveLength(2);
  });

  it('checks an event stream while the caller reads it, and records an event that drifted', async () => {
    const { fetch } = answering(() => new Response('data: {"n":1}\n\ndata: {"n":"two"}\n\n', typed('text/event-stream')));
    const response = await fetch('http://gateway.test/v1/things/t1');
    expect(await response.text()).toBe('data: {"n":1}\n\ndata: {"n":"two"}\n\n');
    const [drift] = await takeResponseDrift();
    expect((drift as ResponseDriftError).problems).toEqual(['event 2 /n: must be integer']);
  });

  it('checks the events that arrived before a stream broke', async () => {
    const encoder = new TextEncoder();
    let pulls = 0;
    const body = new ReadableStream<Uint8Array>({
      async pull(controller) {
        if (pulls++ === 0) return controller.enqueue(encoder.encode('data: {"n":"one"}\n\ndata: {"n":'));
        // the break comes after the readers took the first chunk (an error drops what is still queued)
        await new Promise((resolve) => setTimeout(resolve, 20));
        controller.error(new Error('connection reset'));
      },
    });
    const { fetch } = answering(() => new Response(body, typed('text/event-stream')));
    const response = await fetch('http://gateway.test/v1/things/t1');
    await expect(response.text()).rejects.toThrow('connection reset');
    const [drift] = await takeResponseDrift();
    expect((drift as ResponseDriftError).problems).toEqual(['event 1 /n: must be integer']);
  });

  it('checks only HTTP: the SDKs probe their fetch with a data: URL', async () => {
    const { fetch } = answering(() => new Response('', { status: 200 }));
    expect((await fetch('data:,')).status).toBe(200);
    expect(await takeResponseDrift()).toEqual([]);
  });

  it('leaves bytes unread', async () => {
    const { fetch } = answering(() => new Response('not checked', typed('application/octet-stream')));
    const response = await fetch('http://gateway.test/v1/things/t1');
    expect(response.bodyUsed).toBe(false);
    expect(await response.text()).toBe('not checked');
    expect(await takeResponseDrift()).toEqual([]);
  });
});
