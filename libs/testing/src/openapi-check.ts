import { describeSchemaError, OpenApiSchema, OpenApiSchemas } from './openapi-schemas';
import { PathTemplates } from './openapi-paths';
import { parseServerSentEvents } from './server-sent-events';

/**
 * Checks an answer of the gateway against the OpenAPI document: the operation serving the request
 * declares the status (or a range, or `default`), the headers it marks required are there, the
 * Content-Type is one it declares, and the body fits the schema declared for that Content-Type.
 */

interface Reference {
  $ref: string;
}

export interface OpenApiMediaType {
  /** for `text/event-stream`, the schema of each event's `data` (a `type: string` schema describes the stream as text) */
  schema?: object;
}

export interface OpenApiResponse {
  description?: string;
  headers?: Record<string, { required?: boolean } | Reference>;
  content?: Record<string, OpenApiMediaType>;
}

export interface OpenApiOperation {
  operationId?: string;
  responses: Record<string, OpenApiResponse | Reference>;
}

/** The parts of an OpenAPI 3.0 document the check reads. */
export interface OpenApiDocumentLike {
  openapi: string;
  servers?: { url: string }[];
  paths: Record<string, object>;
  components?: { schemas?: Record<string, object>; [section: string]: unknown };
}

export interface AnswerToCheck {
  method: string;
  /** the request's path, with or without its query */
  path: string;
  status: number;
  headers: Headers | Record<string, string | string[] | undefined>;
  /** the body as text; left out, only the status, headers and Content-Type are checked */
  body?: string;
}

export interface OpenApiCheckOptions {
  /**
   * What the document says a request no operation serves gets (an unknown path, or a known path
   * with a method it does not have); without it, such a request fails the check.
   */
  unknownRoute?: { status: number; response: OpenApiResponse | Reference };
}

/** An answer the document does not describe: names the request, the operation, the status and every problem found. */
export class ResponseDriftError extends Error {
  constructor(
    readonly answer: string,
    readonly operation: string,
    readonly problems: string[],
    body?: string,
  ) {
    const shown = problems.slice(0, 20);
    super(
      [
        `${answer} does not match the OpenAPI document (operation: ${operation})`,
        ...shown.map((problem) => `  - ${problem}`),
        ...(problems.length > shown.length ? [`  … and ${problems.length - shown.length} more`] : []),
        ...(body === undefined ? [] : [`  body: ${body.length > 600 ? `${body.slice(0, 600)}…` : body}`]),
      ].join('\n'),
    );
    this.name = 'ResponseDriftError';
  }
}

/** What the body of an answer must be: none, JSON, server-sent events, or bytes the document does not describe further. */
export type BodyKind = 'empty' | 'json' | 'event-stream' | 'opaque';

/** The body an answer must have, once its status, headers and Content-Type passed. */
export class BodyExpectation {
  constructor(
    readonly kind: BodyKind,
    private readonly schema: OpenApiSchema | undefined,
    private readonly schemas: OpenApiSchemas,
    private readonly drift: (problems: string[], body?: string) => ResponseDriftError,
  ) {}

  /** Throws a ResponseDriftError naming every place the body differs from the document. */
  check(text: string): void {
    const problems = this.problems(text);
    if (problems.length) throw this.drift(problems, text);
  }

  private problems(text: string): string[] {
    switch (this.kind) {
      case 'opaque':
        return [];
      case 'empty':
        return text === '' ? [] : ['the document declares no body for this answer, and it has one'];
      case 'json': {
        const value = parseJson(text);
        if (value === NOT_JSON) return ['the body is not JSON'];
        return this.schemaProblems('body ', value);
      }
      case 'event-stream':
        return parseServerSentEvents(text).flatMap(({ event, data }, i) => {
          if (data === '[DONE]') return [];
          const where = `event ${i + 1}${event ? ` (${event})` : ''}`;
          const value = parseJson(data);
          return value === NOT_JSON ? [`${where}: its data is not JSON`] : this.schemaProblems(`${where} `, value);
        });
    }
  }

  private schemaProblems(where: string, value: unknown): string[] {
    if (!this.schema) return [];
    const validate = this.schemas.validator(this.schema);
    return validate(value) ? [] : (validate.errors ?? []).map((error) => `${where}${describeSchemaError(error)}`);
  }
}

const NOT_JSON = Symbol('not JSON');

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return NOT_JSON;
  }
}

function isReference(value: unknown): value is Reference {
  return typeof value === 'object' && value !== null && typeof (value as Reference).$ref === 'string';
}

function headerOf(headers: AnswerToCheck['headers'], name: string): string | undefined {
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  const wanted = name.toLowerCase();
  const found = Object.entries(headers).find(([key]) => key.toLowerCase() === wanted)?.[1];
  return Array.isArray(found) ? found.join(', ') : found;
}

function isJsonMediaType(mediaType: string): boolean {
  return mediaType === 'application/json' || mediaType.endsWith('+json');
}

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

/** The extension that marks a path parameter whose value keeps its slashes (`vendor/model`), so it spans segments. */
const MULTI_SEGMENT = 'x-switchyard-multi-segment';

export class OpenApiChecker {
  private readonly schemas: OpenApiSchemas;
  private readonly templates: PathTemplates;
  private readonly basePath: string;

  constructor(
    private readonly document: OpenApiDocumentLike,
    private readonly options: OpenApiCheckOptions = {},
  ) {
    this.schemas = new OpenApiSchemas(document.components?.schemas as Record<string, OpenApiSchema> | undefined);
    this.templates = new PathTemplates(Object.keys(document.paths), this.spanningParameters());
    const server = document.servers?.[0]?.url ?? '/';
    this.basePath = new URL(server, 'http://server.invalid').pathname.replace(/\/$/, '');
  }

  /** Per path template, the path parameters marked `x-switchyard-multi-segment` (their slashes are sent unencoded). */
  private spanningParameters(): Map<string, Set<string>> {
    const spanning = new Map<string, Set<string>>();
    for (const [template, item] of Object.entries(this.document.paths)) {
      const resolved = this.resolve(item) as Record<string, { parameters?: unknown[] }>;
      // the path item's own parameters, and each operation's
      const holders = [resolved, ...Object.values(resolved)] as { parameters?: unknown }[];
      for (const parameter of holders.flatMap((holder) => (Array.isArray(holder?.parameters) ? holder.parameters : []))) {
        const { in: where, name, [MULTI_SEGMENT]: spans } = this.resolve(parameter) as Record<string, unknown>;
        if (where === 'path' && spans === true) spanning.set(template, (spanning.get(template) ?? new Set()).add(String(name)));
      }
    }
    return spanning;
  }

  /** The operation serving `method path` (the most literal template that has the method), or null. */
  operationFor(method: string, path: string): { name: string; operation: OpenApiOperation } | null {
    const wanted = method.toLowerCase();
    let local = path.split('?')[0];
    if (this.basePath && local.startsWith(`${this.basePath}/`)) local = local.slice(this.basePath.length);
    for (const template of this.templates.matching(local)) {
      const item = this.resolve(this.document.paths[template]) as Record<string, OpenApiOperation | undefined>;
      // an answer to HEAD is the GET operation's, without its body
      const operation = item[wanted] ?? (wanted === 'head' ? item.get : undefined);
      if (operation && METHODS.includes(wanted)) {
        const name = `${method.toUpperCase()} ${template}${operation.operationId ? ` (${operation.operationId})` : ''}`;
        return { name, operation };
      }
    }
    return null;
  }

  /**
   * Checks the status, headers and Content-Type of an answer, and tells what its body must be
   * (so a caller that streams can check the body as it arrives). Throws a ResponseDriftError.
   */
  expect(answer: Omit<AnswerToCheck, 'body'>): BodyExpectation {
    const described = `${answer.method.toUpperCase()} ${answer.path} → ${answer.status}`;
    const found = this.operationFor(answer.method, answer.path);
    if (!found) {
      const unknown = this.options.unknownRoute;
      if (unknown?.status === answer.status) return this.expectResponse(answer, described, 'none (unknown route)', unknown.response);
      const problem = unknown
        ? `no operation serves this method and path, and the answer is not the ${unknown.status} of an unknown route`
        : 'no operation serves this method and path';
      throw new ResponseDriftError(described, 'none', [problem]);
    }
    const declared = found.operation.responses;
    const response = declared[String(answer.status)] ?? declared[`${String(answer.status)[0]}XX`] ?? declared.default;
    if (!response) {
      throw new ResponseDriftError(described, found.name, [
        `status ${answer.status} is not declared (declared: ${Object.keys(declared).join(', ')})`,
      ]);
    }
    return this.expectResponse(answer, described, found.name, response);
  }

  /** Compiles every answer schema of the document now: one the check cannot compile fails here, not in the middle of a test. */
  compileEveryAnswerSchema(): number {
    let compiled = 0;
    for (const item of Object.values(this.document.paths)) {
      for (const operation of Object.values(this.resolve(item) as Record<string, OpenApiOperation>)) {
        for (const response of Object.values(operation.responses ?? {})) {
          for (const media of Object.values(this.resolve(response).content ?? {})) {
            if (media.schema) this.schemas.validator(media.schema as OpenApiSchema);
            compiled++;
          }
        }
      }
    }
    return compiled;
  }

  /** Checks one whole answer; throws a ResponseDriftError. */
  check(answer: AnswerToCheck): void {
    const body = this.expect(answer);
    if (answer.body !== undefined) body.check(answer.body);
  }

  private expectResponse(
    answer: Omit<AnswerToCheck, 'body'>,
    described: string,
    operation: string,
    declared: OpenApiResponse | Reference,
  ): BodyExpectation {
    const response = this.resolve(declared);
    const problems: string[] = [];
    for (const [name, header] of Object.entries(response.headers ?? {})) {
      // the document's Content-Type is the key of its content, not a header entry (OpenAPI ignores one)
      if (name.toLowerCase() === 'content-type') continue;
      if (this.resolve(header).required && headerOf(answer.headers, name) === undefined) problems.push(`header ${name}: required, missing`);
    }
    const drift = (found: string[], body?: string) => new ResponseDriftError(described, operation, found, body);
    const content = Object.fromEntries(
      Object.entries(response.content ?? {}).map(([type, media]) => [type.split(';')[0].trim().toLowerCase(), media]),
    );
    const declaredTypes = Object.keys(content);
    let expectation = new BodyExpectation('empty', undefined, this.schemas, drift);
    if (answer.method.toUpperCase() === 'HEAD') expectation = new BodyExpectation('opaque', undefined, this.schemas, drift);
    else if (declaredTypes.length) {
      const contentType = headerOf(answer.headers, 'content-type')?.split(';')[0].trim().toLowerCase();
      const key = contentType && [contentType, `${contentType.split('/')[0]}/*`, '*/*'].find((type) => type in content);
      if (!contentType) problems.push(`no Content-Type, where the document declares ${declaredTypes.join(', ')}`);
      else if (!key) problems.push(`Content-Type ${contentType} is not declared (declared: ${declaredTypes.join(', ')})`);
      else {
        const schema = content[key].schema as OpenApiSchema | undefined;
        expectation = new BodyExpectation(this.bodyKind(key, schema), schema, this.schemas, drift);
      }
    }
    if (problems.length) throw drift(problems);
    return expectation;
  }

  private bodyKind(mediaType: string, schema: OpenApiSchema | undefined): BodyKind {
    if (isJsonMediaType(mediaType)) return 'json';
    if (mediaType !== 'text/event-stream') return 'opaque';
    // an event stream whose schema is a string describes the stream as text, not its events
    return schema && this.resolve(schema).type === 'string' ? 'opaque' : 'event-stream';
  }

  private resolve<T>(value: T | Reference): T {
    let current: unknown = value;
    for (let hops = 0; isReference(current); hops++) {
      const ref: string = current.$ref;
      if (!ref.startsWith('#/') || hops > 20) throw new Error(`cannot follow the reference ${ref} in the OpenAPI document`);
      current = ref
        .slice(2)
        .split('/')
        .map((key) => key.replace(/~1/g, '/').replace(/~0/g, '~'))
        .reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], this.document);
      if (current === undefined) throw new Error(`the reference ${ref} names nothing in the OpenAPI document`);
    }
    return current as T;
  }
}

const checkers = new WeakMap<OpenApiDocumentLike, OpenApiChecker>();

/** Checks one answer against `document` (its schemas compiled once per document); throws a ResponseDriftError. */
export function checkResponse(document: OpenApiDocumentLike, answer: AnswerToCheck): void {
  let checker = checkers.get(document);
  if (!checker) {
    checker = new OpenApiChecker(document);
    checkers.set(document, checker);
  }
  checker.check(answer);
}
