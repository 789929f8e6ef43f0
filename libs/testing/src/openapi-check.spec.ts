import { AnswerToCheck, checkResponse, OpenApiChecker, OpenApiDocumentLike, ResponseDriftError } from './openapi-check';
import { OpenApiSchemas, toJsonSchema } from './openapi-schemas';

const json = (ref: string) => ({ 'application/json': { schema: { $ref: `#/components/schemas/${ref}` } } });

/** A small document in the shapes the gateway's uses: refs, nullable, required headers, ranges, default, streams, bytes, Gemini's paths. */
const document: OpenApiDocumentLike & Record<string, unknown> = {
  openapi: '3.0.3',
  info: { title: 'test', version: '1' },
  servers: [{ url: '/' }],
  paths: {
    '/v1/files': {
      get: {
        operationId: 'listFiles',
        responses: {
          '200': {
            description: 'the files',
            headers: { 'x-request-id': { $ref: '#/components/headers/RequestId' }, 'x-optional': { schema: { type: 'string' } } },
            content: json('FileList'),
          },
          default: { $ref: '#/components/responses/Error' },
        },
      },
    },
    '/v1/files/{file_id}': {
      get: {
        operationId: 'getFile',
        responses: { '200': { description: 'a file', content: json('File') }, '404': { $ref: '#/components/responses/Error' } },
      },
      delete: {
        operationId: 'deleteFile',
        responses: { '204': { description: 'deleted' }, '4XX': { $ref: '#/components/responses/Error' } },
      },
    },
    '/v1/files/search': {
      get: { operationId: 'searchFiles', responses: { '200': { description: 'found', content: json('FileList') } } },
    },
    '/v1/files/{file_id}/content': {
      get: {
        operationId: 'downloadFile',
        responses: { '200': { description: 'the bytes', content: { '*/*': { schema: { type: 'string', format: 'binary' } } } } },
      },
    },
    '/v1/chat/completions': {
      post: {
        operationId: 'createChatCompletion',
        responses: {
          '200': {
            description: 'a completion, or its stream',
            content: { ...json('Completion'), 'text/event-stream': { schema: { $ref: '#/components/schemas/CompletionChunk' } } },
          },
          '4XX': { $ref: '#/components/responses/Error' },
        },
      },
    },
    '/v1beta/models/{model}': {
      get: { operationId: 'getGeminiModel', responses: { '200': { description: 'a model', content: json('Model') } } },
    },
    '/v1/models/{model}': {
      get: {
        operationId: 'getModel',
        parameters: [{ $ref: '#/components/parameters/Model' }],
        responses: { '200': { description: 'a model', content: json('Model') } },
      },
    },
    '/v1/models/{model}/price': {
      parameters: [{ $ref: '#/components/parameters/Model' }],
      get: { operationId: 'getPrice', responses: { '200': { description: 'a price', content: json('Model') } } },
    },
    '/v1/models/featured': {
      get: { operationId: 'featuredModel', responses: { '200': { description: 'a model', content: json('Model') } } },
    },
    '/v1beta/models/{model}:generateContent': {
      post: { operationId: 'generateContent', responses: { '200': { description: 'content', content: json('Model') } } },
    },
    '/v1beta/models/{model}:streamGenerateContent': {
      post: {
        operationId: 'streamGenerateContent',
        responses: { '200': { description: 'a stream', content: { 'text/event-stream': { schema: { type: 'string' } } } } },
      },
    },
  },
  components: {
    schemas: {
      File: {
        type: 'object',
        required: ['id', 'bytes', 'status_details'],
        properties: {
          id: { type: 'string', example: 'file-abc' },
          bytes: { type: 'integer', format: 'int64', minimum: 0, exclusiveMinimum: true },
          status_details: { type: 'string', nullable: true },
          purpose: { type: 'string', enum: ['batch', 'user_data'] },
          owner: { allOf: [{ $ref: '#/components/schemas/Owner' }], nullable: true },
          'x-note': { type: 'string' },
        },
        'x-internal': true,
      },
      Owner: { type: 'object', required: ['id'], properties: { id: { type: 'string' } } },
      FileList: {
        type: 'object',
        required: ['object', 'data'],
        properties: { object: { type: 'string', enum: ['list'] }, data: { type: 'array', items: { $ref: '#/components/schemas/File' } } },
      },
      Completion: {
        type: 'object',
        required: ['id', 'object'],
        properties: { id: { type: 'string' }, object: { type: 'string', enum: ['chat.completion'] } },
      },
      CompletionChunk: {
        type: 'object',
        required: ['object', 'choices'],
        properties: { object: { type: 'string', enum: ['chat.completion.chunk'] }, choices: { type: 'array' } },
      },
      Model: { type: 'object', required: ['name'], properties: { name: { type: 'string' } } },
      Error: {
        type: 'object',
        required: ['error'],
        properties: {
          error: {
            type: 'object',
            required: ['message', 'type', 'param', 'code'],
            properties: {
              message: { type: 'string' },
              type: { type: 'string' },
              param: { type: 'string', nullable: true },
              code: { type: 'string', nullable: true },
            },
          },
        },
      },
    },
    headers: { RequestId: { required: true, schema: { type: 'string' } } },
    parameters: { Model: { name: 'model', in: 'path', required: true, schema: { type: 'string' }, 'x-switchyard-multi-segment': true } },
    responses: { Error: { description: 'an error', content: json('Error') } },
  },
};

const file = { id: 'file-abc', bytes: 12, status_details: null, purpose: 'batch', owner: null };
const list = { object: 'list', data: [file] };
const notFound = { error: { message: 'No such file', type: 'invalid_request_error', param: null, code: 'not_found' } };
const jsonHeaders = { 'content-type': 'application/json; charset=utf-8', 'x-request-id': 'req_1' };

function answer(overrides: Partial<AnswerToCheck> & { json?: unknown }): AnswerToCheck {
  const { json: value, ...rest } = overrides;
  return { method: 'GET', path: '/v1/files', status: 200, headers: jsonHeaders, body: JSON.stringify(value ?? list), ...rest };
}

/** The ResponseDriftError a check throws (the test fails when it throws none). */
function driftOf(check: () => void): ResponseDriftError {
  try {
    check();
  } catch (error) {
    if (error instanceof ResponseDriftError) return error;
    throw error;
  }
  throw new Error('the check passed');
}

describe('OpenApiChecker', () => {
  const checker = new OpenApiChecker(document);

  describe('finding the operation', () => {
    it.each([
      ['GET', '/v1/files', 'GET /v1/files (listFiles)'],
      ['GET', '/v1/files?limit=2&after=file-1', 'GET /v1/files (listFiles)'],
      ['GET', '/v1/files/file-abc', 'GET /v1/files/{file_id} (getFile)'],
      ['DELETE', '/v1/files/file-abc', 'DELETE /v1/files/{file_id} (deleteFile)'],
      ['GET', '/v1/files/search', 'GET /v1/files/search (searchFiles)'],
      ['GET', '/v1/files/file-abc/content', 'GET /v1/files/{file_id}/content (downloadFile)'],
      ['GET', '/v1/files/..%2F..%2Ffiles%2Fuser%2Ffile-abc/content', 'GET /v1/files/{file_id}/content (downloadFile)'],
      ['HEAD', '/v1/files/file-abc', 'HEAD /v1/files/{file_id} (getFile)'],
      ['POST', '/v1beta/models/gemini-2.5-flash:generateContent', 'POST /v1beta/models/{model}:generateContent (generateContent)'],
      ['POST', '/v1beta/models/mock-gemini%3AgenerateContent', 'POST /v1beta/models/{model}:generateContent (generateContent)'],
      [
        'POST',
        '/v1beta/models/mock-gemini:streamGenerateContent?alt=sse',
        'POST /v1beta/models/{model}:streamGenerateContent (streamGenerateContent)',
      ],
      ['GET', '/v1beta/models/mock-gemini', 'GET /v1beta/models/{model} (getGeminiModel)'],
      ['GET', '/v1/models/mock-gpt', 'GET /v1/models/{model} (getModel)'],
      ['GET', '/v1/models/team/alias', 'GET /v1/models/{model} (getModel)'],
      ['GET', '/v1/models/a/b/c/price', 'GET /v1/models/{model}/price (getPrice)'],
      ['GET', '/v1/models/featured', 'GET /v1/models/featured (featuredModel)'],
    ])('%s %s is served by %s', (method, path, name) => {
      expect(checker.operationFor(method, path)?.name).toBe(name);
    });

    it.each([
      ['GET', '/v1/nowhere'],
      ['GET', '/v1/chat/completions'],
      ['POST', '/v1/files/file-abc'],
      ['GET', '/v1/files/file-abc/content/more'],
      ['POST', '/v1beta/models/mock-gemini:countTokens'],
      ['GET', '/v1beta/models/team/alias'],
      ['GET', '/v1/models/'],
    ])('%s %s is served by none', (method, path) => {
      expect(checker.operationFor(method, path)).toBeNull();
    });

    it('reads paths below the base path of the first server', () => {
      const below = new OpenApiChecker({ ...document, servers: [{ url: 'https://api.example.com/api' }] });
      expect(below.operationFor('GET', '/api/v1/files/search')?.name).toBe('GET /v1/files/search (searchFiles)');
    });
  });

  describe('passes answers the document describes', () => {
    it.each<[string, AnswerToCheck]>([
      ['a list with a nullable field null and a $ref in an array', answer({})],
      [
        'a nullable field set, and a nullable composition set',
        answer({ json: { ...list, data: [{ ...file, status_details: 'ok', owner: { id: 'u' } }] } }),
      ],
      ['an error under `default`', answer({ status: 500, json: notFound })],
      ['an error under a declared status', answer({ path: '/v1/files/nope', status: 404, json: notFound })],
      ['an error under a status range', answer({ method: 'DELETE', path: '/v1/files/nope', status: 404, json: notFound })],
      [
        'an empty answer where none is declared',
        answer({ method: 'DELETE', path: '/v1/files/file-abc', status: 204, headers: {}, body: '' }),
      ],
      [
        'bytes of any type (not read)',
        answer({ path: '/v1/files/file-abc/content', headers: { 'content-type': 'application/json' }, body: 'not json at all' }),
      ],
      ['a HEAD answer (no body)', answer({ method: 'HEAD', path: '/v1/files/file-abc', body: '' })],
      ['headers given as a Headers object', answer({ headers: new Headers(jsonHeaders) })],
      [
        'an event stream whose events fit the event schema, ended by [DONE]',
        answer({
          method: 'POST',
          path: '/v1/chat/completions',
          headers: { 'content-type': 'text/event-stream; charset=utf-8' },
          body: ': keep-alive\n\ndata: {"object":"chat.completion.chunk","choices":[]}\r\n\r\ndata: {"object":"chat.completion.chunk",\ndata: "choices":[{}]}\n\ndata: [DONE]\n\n',
        }),
      ],
      [
        'an event stream described as text (not parsed)',
        answer({
          method: 'POST',
          path: '/v1beta/models/m:streamGenerateContent',
          headers: { 'content-type': 'text/event-stream' },
          body: 'data: anything\n\n',
        }),
      ],
    ])('%s', (_, good) => {
      expect(() => checker.check(good)).not.toThrow();
    });

    it('checks the status and headers alone when the body is left out', () => {
      expect(() => checker.check({ method: 'GET', path: '/v1/files', status: 200, headers: jsonHeaders })).not.toThrow();
    });

    it('checks with checkResponse, one checker per document', () => {
      expect(() => checkResponse(document, answer({}))).not.toThrow();
      expect(() => checkResponse(document, answer({ status: 201 }))).toThrow(ResponseDriftError);
    });
  });

  describe('fails answers the document does not describe, naming the operation, the status and what differs', () => {
    it('an undeclared status', () => {
      const drift = driftOf(() => checker.check(answer({ path: '/v1/files/file-abc', status: 418, json: notFound })));
      expect(drift.message).toContain(
        'GET /v1/files/file-abc → 418 does not match the OpenAPI document (operation: GET /v1/files/{file_id} (getFile))',
      );
      expect(drift.problems).toEqual(['status 418 is not declared (declared: 200, 404)']);
    });

    it('a missing required field', () => {
      const { bytes: _, ...withoutBytes } = file;
      const drift = driftOf(() => checker.check(answer({ json: { object: 'list', data: [withoutBytes] } })));
      expect(drift.message).toContain('(operation: GET /v1/files (listFiles))');
      expect(drift.problems).toEqual(["body /data/0: must have required property 'bytes'"]);
      expect(drift.message).toContain('body: {"object":"list"');
    });

    it('a wrong type, a null where none is allowed, and a value outside the enum, each with its JSON path', () => {
      const bad = { object: 'list', data: [{ ...file, bytes: '12', id: null, purpose: 'fine-tune' }] };
      const drift = driftOf(() => checker.check(answer({ json: bad })));
      expect(drift.problems).toEqual([
        'body /data/0/id: must be string',
        'body /data/0/bytes: must be integer',
        'body /data/0/purpose: must be equal to one of the allowed values ("batch", "user_data")',
      ]);
    });

    it("a number the schema's boolean exclusiveMinimum leaves out", () => {
      const drift = driftOf(() => checker.check(answer({ json: { object: 'list', data: [{ ...file, bytes: 0 }] } })));
      expect(drift.problems).toEqual(['body /data/0/bytes: must be > 0']);
    });

    it('an unknown path, and a known path with a method it does not have', () => {
      const unknown = driftOf(() => checker.check(answer({ path: '/v1/nowhere' })));
      expect(unknown.message).toContain('GET /v1/nowhere → 200 does not match the OpenAPI document (operation: none)');
      expect(unknown.problems).toEqual(['no operation serves this method and path']);
      expect(() => checker.check(answer({ method: 'PUT', path: '/v1/files' }))).toThrow(ResponseDriftError);
    });

    it('on an unknown path, anything but the answer the document gives unknown routes', () => {
      const strict = new OpenApiChecker(document, { unknownRoute: { status: 404, response: { $ref: '#/components/responses/Error' } } });
      expect(() => strict.check(answer({ path: '/v1/nowhere', status: 404, json: notFound }))).not.toThrow();
      expect(() => strict.check(answer({ method: 'GET', path: '/v1/chat/completions', status: 404, json: notFound }))).not.toThrow();
      expect(driftOf(() => strict.check(answer({ path: '/v1/nowhere', status: 200 }))).problems).toEqual([
        'no operation serves this method and path, and the answer is not the 404 of an unknown route',
      ]);
      expect(driftOf(() => strict.check(answer({ path: '/v1/nowhere', status: 404, json: { detail: 'Not Found' } }))).problems).toEqual([
        "body (root): must have required property 'error'",
      ]);
    });

    it('a missing required header', () => {
      const drift = driftOf(() => checker.check(answer({ headers: { 'content-type': 'application/json' } })));
      expect(drift.problems).toEqual(['header x-request-id: required, missing']);
    });

    it('a Content-Type the answer does not declare, or none', () => {
      expect(driftOf(() => checker.check(answer({ headers: { ...jsonHeaders, 'content-type': 'text/html' } }))).problems).toEqual([
        'Content-Type text/html is not declared (declared: application/json)',
      ]);
      expect(driftOf(() => checker.check(answer({ headers: { 'x-request-id': 'r' } }))).problems).toEqual([
        'no Content-Type, where the document declares application/json',
      ]);
    });

    it('a body that is not JSON, or where none is declared', () => {
      expect(driftOf(() => checker.check(answer({ body: '<html>' }))).problems).toEqual(['the body is not JSON']);
      expect(
        driftOf(() => checker.check(answer({ method: 'DELETE', path: '/v1/files/f', status: 204, headers: {}, body: '{}' }))).problems,
      ).toEqual(['the document declares no body for this answer, and it has one']);
    });

    it('an event of a stream that does not fit the event schema, or is not JSON', () => {
      const stream = [
        'data: {"object":"chat.completion.chunk","choices":[]}',
        'event: oops\ndata: {"object":"chat.completion","choices":[]}',
        'data: not json',
        'data: [DONE]',
        // an event the stream ended in the middle of is not one
        'data: {"unfinished"',
      ].join('\n\n');
      const drift = driftOf(() =>
        checker.check(
          answer({ method: 'POST', path: '/v1/chat/completions', headers: { 'content-type': 'text/event-stream' }, body: stream }),
        ),
      );
      expect(drift.problems).toEqual([
        'event 2 (oops) /object: must be equal to one of the allowed values ("chat.completion.chunk")',
        'event 3: its data is not JSON',
      ]);
    });
  });
});

describe('OpenApiSchemas', () => {
  it('compiles each schema once', () => {
    const schemas = new OpenApiSchemas();
    const schema = { type: 'string', nullable: true };
    expect(schemas.validator(schema)).toBe(schemas.validator(schema));
    expect(schemas.validator(schema)(null)).toBe(true);
  });

  it('turns OpenAPI 3.0 keywords into JSON Schema: nullable, boolean exclusive bounds, refs; drops annotations and writeOnly requirements', () => {
    expect(
      toJsonSchema({
        type: 'object',
        required: ['a', 'secret'],
        properties: {
          a: { type: 'number', maximum: 5, exclusiveMaximum: true, example: 4 },
          secret: { type: 'string', writeOnly: true },
          e: { type: 'string', enum: ['x'], nullable: true },
          r: { $ref: '#/components/schemas/Thing', description: 'ignored beside $ref' },
        },
        discriminator: { propertyName: 'a' },
        'x-extra': 1,
      }),
    ).toEqual({
      type: 'object',
      required: ['a'],
      properties: {
        a: { type: 'number', exclusiveMaximum: 5 },
        secret: { type: 'string', writeOnly: true },
        e: { anyOf: [{ type: 'string', enum: ['x'] }, { type: 'null' }] },
        r: { $ref: 'openapi-components.json#/definitions/Thing' },
      },
    });
  });

  it('refuses a reference it cannot follow', () => {
    expect(() => toJsonSchema({ $ref: 'other.yaml#/Thing' })).toThrow(/unsupported schema reference other.yaml#\/Thing/);
  });
});
