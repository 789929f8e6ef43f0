import { readFileSync } from 'fs';
import { join } from 'path';
import { ErrorCatalog } from '@switchyard/contracts';
import { API_VERSION, buildOpenApiDocument, OPERATIONS } from './document';
import type { MediaTypeObject, OperationObject, Reference, RequestBodyObject, ResponseObject } from './openapi-types';

const document = buildOpenApiDocument();
const operations: [string, OperationObject][] = Object.entries(document.paths).flatMap(([path, item]) =>
  Object.entries(item).map(([method, op]) => [`${method.toUpperCase()} ${path}`, op] as [string, OperationObject]),
);
/** A response, or the shared response it refers to. */
const resolved = (response: ResponseObject | Reference): ResponseObject =>
  '$ref' in response ? document.components.responses[response.$ref.replace('#/components/responses/', '')] : response;
const mediaOf = (op: OperationObject): MediaTypeObject[] => [
  ...Object.values((op.requestBody as RequestBodyObject | undefined)?.content ?? {}),
  ...Object.values(op.responses).flatMap((response) => Object.values(resolved(response).content ?? {})),
];

describe('buildOpenApiDocument', () => {
  it('is an OpenAPI 3.0.3 document of the product, served relative to wherever it is fetched from', () => {
    expect(document.openapi).toBe('3.0.3');
    const pkg = JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'package.json'), 'utf8')) as { version: string };
    expect(API_VERSION).toBe(pkg.version);
    expect(document.servers).toEqual([{ url: '/', description: 'This gateway' }]);
  });

  it('has one operation per catalog entry, each with a summary, a tag and an id of its own', () => {
    expect(operations).toHaveLength(OPERATIONS.length);
    expect(new Set(operations.map(([, op]) => op.operationId)).size).toBe(operations.length);
    const tags = new Set(document.tags.map((t) => t.name));
    for (const [name, op] of operations) {
      expect({ name, summary: Boolean(op.summary), tagged: op.tags.length === 1 && tags.has(op.tags[0]) }).toEqual({
        name,
        summary: true,
        tagged: true,
      });
    }
    expect([...tags].filter((tag) => !operations.some(([, op]) => op.tags.includes(tag)))).toEqual([]);
  });

  it('shows an example for every operation', () => {
    const without = operations.filter(
      ([, op]) => !mediaOf(op).some((media) => media.example !== undefined || media.examples !== undefined),
    );
    expect(without.map(([name]) => name)).toEqual([]);
  });

  it('shows every product error code in an example', () => {
    const shown = new Set(
      operations.flatMap(([, op]) =>
        mediaOf(op).flatMap((media) =>
          Object.values(media.examples ?? {}).map((e) => (e.value as { error?: { code?: string } }).error?.code),
        ),
      ),
    );
    expect(Object.keys(ErrorCatalog).filter((code) => !shown.has(code))).toEqual([]);
  });

  it('answers every error in its API’s envelope, with the request id', () => {
    const envelope = (path: string, method: string, status: string) => {
      const response = resolved(document.paths[path][method as 'post']!.responses[status]);
      return { schema: response.content!['application/json'].schema, requestId: Boolean(response.headers!['x-request-id']) };
    };
    expect(envelope('/v1/chat/completions', 'post', '401')).toEqual({
      schema: { $ref: '#/components/schemas/OpenAIError' },
      requestId: true,
    });
    expect(envelope('/v1/messages', 'post', '429')).toEqual({ schema: { $ref: '#/components/schemas/AnthropicError' }, requestId: true });
    expect(envelope('/v1beta/models/{model}:generateContent', 'post', '400').schema).toEqual({ $ref: '#/components/schemas/GeminiError' });
    expect(envelope('/v1/files', 'post', '413').schema).toEqual({
      anyOf: [{ $ref: '#/components/schemas/OpenAIError' }, { $ref: '#/components/schemas/AnthropicError' }],
    });
  });

  it('describes request bodies by components named after the classes the gateway validates them with', () => {
    const body = document.paths['/v1/chat/completions'].post!.requestBody as RequestBodyObject;
    expect(body.content['application/json'].schema).toEqual({ $ref: '#/components/schemas/ChatCompletionBody' });
    expect(document.components.schemas.ChatCompletionBody).toMatchObject({
      type: 'object',
      required: ['model', 'messages'],
      additionalProperties: true,
      properties: { model: { type: 'string', minLength: 1 }, messages: { type: 'array', minItems: 1, items: { type: 'object' } } },
    });
  });

  it('asks no key of the public routes, a key or the session cookie (also `?key=` on Gemini routes) of the others', () => {
    expect(document.paths['/health'].get!.security).toEqual([]);
    expect(document.paths['/auth/sign-in'].post!.security).toEqual([]);
    expect(document.paths['/v1/models'].get!.security).toEqual([
      { bearerAuth: [] },
      { apiKeyHeader: [] },
      { googApiKeyHeader: [] },
      { sessionCookie: [] },
    ]);
    expect(document.paths['/auth/sign-out'].post!.security).toEqual([{ sessionCookie: [] }]);
    expect(document.paths['/v1beta/models/{model}:generateContent'].post!.security).toContainEqual({ googApiKeyQuery: [] });
  });

  it("states this gateway's limits", () => {
    const upload = (doc: typeof document) => JSON.stringify(doc.paths['/v1/files'].post!.requestBody);
    expect(upload(document)).toContain('110100480');
    const small = buildOpenApiDocument({ maxUploadBytes: 1234, jsonBodyBytes: 5678 });
    expect(upload(small)).toContain('at most 1234');
    expect(small.info.description).toContain('up to 5678 bytes');
  });

  it('keeps only the components it uses, and every reference resolves', () => {
    const text = JSON.stringify(document);
    for (const [kind, entries] of Object.entries(document.components)) {
      for (const name of Object.keys(entries)) {
        if (kind === 'securitySchemes') continue;
        expect({ name, used: text.includes(`"#/components/${kind}/${name}"`) }).toEqual({ name, used: true });
      }
    }
  });
});
