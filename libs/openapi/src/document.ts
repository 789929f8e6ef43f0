import { DEFAULT_MAX_UPLOAD_BYTES, ErrorCatalog, ErrorCode } from '@switchyard/contracts';
import type { ApiLimits, Operation, PayloadClass, SuccessSpec } from './catalog';
import { classSchemas } from './class-schema';
import { Dialect, errorResponse, errorResponseName } from './error-responses';
import { HEADERS, HeaderName, headersOf, RATE_LIMIT_HEADERS } from './headers';
import type {
  MediaTypeObject,
  OpenApiDocument,
  OperationObject,
  RequestBodyObject,
  ResponseObject,
  Schema,
  SecurityRequirement,
  SecuritySchemeObject,
} from './openapi-types';
import { operationsFor } from './operations';
import { PARAMETERS } from './parameters';
import { PAYLOAD_DESCRIPTIONS } from './payload-classes';
import { ERROR_SCHEMAS } from './schemas/errors';
import { INFERENCE_SCHEMAS } from './schemas/inference';
import { ROUTING_SCHEMAS } from './schemas/routing';
import { ref } from './schemas/schema-kit';
import { VIEW_SCHEMAS } from './schemas/views';
import { TAGS } from './tags';

/** The product's version (package.json; document.spec.ts holds the two equal). */
export const API_VERSION = '0.1.0';

/** The limits the document states when the gateway does not say otherwise (its defaults). */
export const DEFAULT_LIMITS: ApiLimits = { maxUploadBytes: DEFAULT_MAX_UPLOAD_BYTES, jsonBodyBytes: null };

/** The catalog: every public route of the gateway, with the default limits. */
export const OPERATIONS: readonly Operation[] = operationsFor(DEFAULT_LIMITS);

const SECURITY_SCHEMES: Record<string, SecuritySchemeObject> = {
  bearerAuth: { type: 'http', scheme: 'bearer', description: '`Authorization: Bearer <key>`: every route that needs a key' },
  apiKeyHeader: { type: 'apiKey', in: 'header', name: 'x-api-key', description: "The key as Anthropic's clients send it (any route)" },
  googApiKeyHeader: {
    type: 'apiKey',
    in: 'header',
    name: 'x-goog-api-key',
    description: "The key as Google's clients send it (any route)",
  },
  googApiKeyQuery: { type: 'apiKey', in: 'query', name: 'key', description: '`?key=<key>`: the Gemini routes only' },
  sessionCookie: {
    type: 'apiKey',
    in: 'cookie',
    name: 'switchyard_session',
    description:
      "The console's session (`POST /auth/sign-in`), when no key is sent. A request that changes something must carry this site's `Origin`.",
  },
};

const SESSION: SecurityRequirement[] = [{ sessionCookie: [] }];
/** Every route that takes a key also takes the console's session cookie when no key is sent. */
const KEYED: SecurityRequirement[] = [{ bearerAuth: [] }, { apiKeyHeader: [] }, { googApiKeyHeader: [] }, ...SESSION];

const ACCESS_TEXT: Record<Operation['access'], string> = {
  public: 'No key needed, no rate limit.',
  inference: 'Needs a key with the `inference` scope.',
  usage: 'Needs a key with the `usage:read` or `inference` scope.',
  admin: 'Needs an admin key.',
  session: 'Needs a console session: the cookie `POST /auth/sign-in` sets.',
};

function securityOf(op: Operation): SecurityRequirement[] {
  if (op.access === 'public') return [];
  if (op.access === 'session') return SESSION;
  return op.dialect === 'gemini' ? [...KEYED, { googApiKeyQuery: [] }] : KEYED;
}

function requestBodyOf(op: Operation): RequestBodyObject | undefined {
  if (!op.body) return undefined;
  const content: Record<string, MediaTypeObject> = {};
  const { json, multipart } = op.body;
  if (json) content['application/json'] = { schema: ref(json.payload.name), example: json.example };
  if (multipart)
    content['multipart/form-data'] = {
      schema: multipart.schema,
      ...(multipart.example && { example: multipart.example }),
      ...(multipart.encoding && { encoding: multipart.encoding }),
    };
  return { ...(op.body.description && { description: op.body.description }), required: !op.body.optional, content };
}

function successOf(spec: SuccessSpec, authenticated: boolean): ResponseObject {
  const headers: HeaderName[] = [
    'x-request-id',
    'x-client-request-id',
    'traceresponse',
    ...(authenticated ? RATE_LIMIT_HEADERS : []),
    ...(spec.headers ?? []),
  ];
  return {
    description: spec.description,
    headers: headersOf(headers),
    ...(spec.content && {
      content: Object.fromEntries(Object.entries(spec.content).map(([type, media]) => [type, { ...media }])),
    }),
  };
}

/** The errors an operation can answer with: every route's, its access level's, its body's, its own. */
function errorsOf(op: Operation): Map<number, ErrorCode[]> {
  const errors = new Map<number, ErrorCode[]>();
  // in the catalog's order, so one set of codes is always written (and named) the same way
  const order = Object.keys(ErrorCatalog) as ErrorCode[];
  const add = (status: number, codes: readonly ErrorCode[]) => {
    const all = new Set([...(errors.get(status) ?? []), ...codes]);
    errors.set(
      status,
      order.filter((code) => all.has(code)),
    );
  };
  // the edge: a URL or headers beyond its limits, a path parameter that is not valid percent-encoding, and anything unforeseen
  if (op.path.includes('{')) add(400, ['invalid_value']);
  add(414, ['request_too_large']);
  add(431, ['request_too_large']);
  add(500, ['internal_error']);
  if (!op.local) add(503, ['service_unavailable']);
  if (op.access !== 'public') {
    add(401, ['invalid_api_key']);
    add(403, [op.access === 'inference' ? 'AUTH_1015' : 'permission_denied']);
    add(429, ['rate_limit_exceeded']);
    // a state-changing request signed in by the session cookie from another origin
    if (!['get', 'head', 'options'].includes(op.method)) add(403, ['permission_denied']);
  }
  if (op.body?.json) {
    add(400, ['invalid_json', 'invalid_value', 'missing_required_parameter']);
    add(413, ['request_too_large']);
    add(415, ['invalid_value']);
  }
  if (op.body?.multipart) {
    add(400, ['invalid_value']);
    add(413, ['request_too_large']);
    add(415, ['invalid_value']);
  }
  if (op.upstream) {
    add(502, ['upstream_error']);
    add(504, ['upstream_timeout']);
  }
  for (const [status, codes] of Object.entries(op.errors ?? {})) if (codes) add(Number(status), codes);
  return errors;
}

/** Error answers are shared: one component per dialect, status and codes, which operations refer to. */
type SharedResponses = Record<string, ResponseObject>;

function shared(responses: SharedResponses, name: string, make: () => ResponseObject): { $ref: string } {
  responses[name] ??= make();
  return { $ref: `#/components/responses/${name}` };
}

function operationObject(op: Operation, sharedResponses: SharedResponses): OperationObject {
  const authenticated = op.access !== 'public';
  const dialect: Dialect = op.dialect ?? 'openai';
  const responses: OperationObject['responses'] = {};
  for (const [status, spec] of Object.entries(op.responses)) responses[status] = successOf(spec, authenticated);
  const errors = [...errorsOf(op)].filter(([status]) => !(String(status) in responses)).sort(([a], [b]) => a - b);
  for (const [status, codes] of errors)
    responses[String(status)] = shared(sharedResponses, errorResponseName(dialect, status, codes), () =>
      errorResponse(dialect, status, codes),
    );
  if (op.upstream) {
    responses.default = shared(sharedResponses, errorResponseName(dialect, 'default', ['upstream_error']), () => ({
      ...errorResponse(dialect, 400, ['upstream_error']),
      description: "An upstream's refusal of the request, passed on with the upstream's status: `upstream_error`",
    }));
  }
  const requestBody = requestBodyOf(op);
  return {
    operationId: op.operationId,
    tags: [op.tag],
    summary: op.summary,
    description: [op.description, ACCESS_TEXT[op.access]].filter(Boolean).join('\n\n'),
    'x-switchyard-access': op.access,
    security: securityOf(op),
    ...(op.parameters && op.parameters.length > 0 && { parameters: op.parameters }),
    ...(requestBody && { requestBody }),
    responses,
  };
}

/** The component schemas of the payload classes the operations validate bodies with (and the classes they nest). */
function payloadSchemas(operations: readonly Operation[]): Record<string, Schema> {
  const classes = [...new Set(operations.flatMap((op) => (op.body?.json ? [op.body.json.payload] : [])))];
  const byName = new Map<string, PayloadClass>([...PAYLOAD_DESCRIPTIONS.keys()].map((cls) => [cls.name, cls]));
  return Object.fromEntries(
    Object.entries(classSchemas(classes)).map(([name, schema]) => {
      const described = byName.get(name) && PAYLOAD_DESCRIPTIONS.get(byName.get(name)!);
      if (!described) throw new Error(`OpenAPI document: describe the payload class ${name} in libs/openapi/src/payload-classes.ts`);
      return [name, { ...schema, description: described.description, ...(described.passthrough && { additionalProperties: true }) }];
    }),
  );
}

/** One record from several, refusing a name two of them use. */
function joined<T>(what: string, ...records: Record<string, T>[]): Record<string, T> {
  const all: Record<string, T> = {};
  for (const record of records) {
    for (const [name, value] of Object.entries(record)) {
      if (name in all) throw new Error(`OpenAPI document: two ${what} are named ${name}`);
      all[name] = value;
    }
  }
  return all;
}

/** Every `$ref` under `value`. */
function refsIn(value: unknown, found = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const item of value) refsIn(item, found);
  else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (key === '$ref' && typeof item === 'string') found.add(item);
      else refsIn(item, found);
    }
  }
  return found;
}

/** The components the paths reach (directly or through other components); a reference to nothing throws. */
function reachable(document: OpenApiDocument): OpenApiDocument['components'] {
  const components = document.components as unknown as Record<string, Record<string, unknown>>;
  const kept: Record<string, Record<string, unknown>> = Object.fromEntries(Object.keys(components).map((kind) => [kind, {}]));
  kept.securitySchemes = components.securitySchemes;
  const pending = [...refsIn(document.paths)];
  while (pending.length > 0) {
    const target = pending.pop()!;
    const [, kind, name] = /^#\/components\/([^/]+)\/([^/]+)$/.exec(target) ?? [];
    if (!kind || !(name in (components[kind] ?? {}))) throw new Error(`OpenAPI document: ${target} refers to nothing`);
    if (name in kept[kind]) continue;
    kept[kind][name] = components[kind][name];
    pending.push(...refsIn(components[kind][name]));
  }
  // by name, so the document reads (and diffs) the same whatever order the paths reached them in
  const sorted = Object.fromEntries(
    Object.entries(kept).map(([kind, entries]) => [
      kind,
      Object.fromEntries(Object.entries(entries).sort(([a], [b]) => a.localeCompare(b))),
    ]),
  );
  return sorted as unknown as OpenApiDocument['components'];
}

const INFO_DESCRIPTION = (limits: ApiLimits) =>
  [
    'The whole HTTP API of a Switchyard gateway: OpenAI-, Anthropic- and Gemini-format inference routed to upstream channels, files, batches, asynchronous generations, models, usage, your own channels (BYOK) and routing policy, the admin API and the health check.',
    'Generated from the code: request bodies from the classes the gateway validates them with, answers from the types it returns; a test fails when a route has no entry here, or an entry no route.',
    '**Keys.** `Authorization: Bearer <key>`, or `x-api-key` (Anthropic clients), or `x-goog-api-key` / `?key=` (Gemini clients). Every authenticated answer carries `X-RateLimit-Limit`, `X-RateLimit-Remaining` and `X-RateLimit-Reset` (not for unlimited callers such as admins); beyond the limit: 429 `rate_limit_exceeded` with `Retry-After`.',
    '**Errors.** OpenAI\'s envelope `{"error": {"message", "type", "param", "code"}}` everywhere except Anthropic\'s routes (`{"type": "error", "error": {"type", "message"}}`, and `/v1/files` in Anthropic mode) and Gemini\'s (`{"error": {"code", "message", "status"}}`). `code` is one of the product\'s codes, e.g. `AUTH_1015` (key without the inference scope), `VALIDATION_4016` (upload too large), `VALIDATION_4007` (file purpose), `INFERENCE_3302` (no such file), `INFERENCE_3303` (batch file not valid JSONL), `invalid_api_key`, `insufficient_quota`, `rate_limit_exceeded`.',
    "**Routing.** Every inference answer says which channel served it: `_routing` in the body (on the last chunk of an OpenAI stream, the first event of the others) and the `x-switchyard-*` headers. `x-switchyard-channel-type` and `x-switchyard-cache` steer one request. `x-request-id` is ours on every answer; a caller's own `x-request-id` comes back as `x-client-request-id`.",
    "**Traces.** When the operator exports OpenTelemetry traces, a caller's W3C `traceparent` (and `tracestate`) is continued across the gateway, its services and the upstream call, and every answer names the request's trace in `traceresponse`.",
    `**Limits.** JSON bodies${limits.jsonBodyBytes === null ? " up to the NATS server's `max_payload` less 16 KiB" : ` up to ${limits.jsonBodyBytes} bytes`} (nested too deeply: 400 \`invalid_json\`); uploads up to ${limits.maxUploadBytes} bytes; over-long URLs (414), headers (431) and malformed percent-encoding in a path (400) are refused before any route runs.`,
  ].join('\n\n');

/**
 * The OpenAPI 3.0.3 document of the gateway's whole public API, as a plain JSON object. `limits`
 * are this gateway's (the upload limit it is configured with, the JSON body limit its NATS gives);
 * without them, the defaults.
 */
export function buildOpenApiDocument(limits: Partial<ApiLimits> = {}): OpenApiDocument {
  const settled: ApiLimits = { ...DEFAULT_LIMITS, ...limits };
  const operations = operationsFor(settled);
  const paths: OpenApiDocument['paths'] = {};
  const responses: SharedResponses = {};
  const operationIds = new Set<string>();
  for (const op of operations) {
    if (operationIds.has(op.operationId)) throw new Error(`OpenAPI document: two operations are named ${op.operationId}`);
    operationIds.add(op.operationId);
    const item = (paths[op.path] ??= {});
    if (item[op.method]) throw new Error(`OpenAPI document: ${op.method.toUpperCase()} ${op.path} is in the catalog twice`);
    item[op.method] = operationObject(op, responses);
  }
  const document: OpenApiDocument = {
    openapi: '3.0.3',
    info: { title: 'Switchyard API', version: API_VERSION, description: INFO_DESCRIPTION(settled) },
    servers: [{ url: '/', description: 'This gateway' }],
    tags: TAGS.map((tag) => ({ ...tag })),
    security: KEYED,
    paths,
    components: {
      schemas: joined('schemas', ERROR_SCHEMAS, ROUTING_SCHEMAS, INFERENCE_SCHEMAS, VIEW_SCHEMAS, payloadSchemas(operations)),
      responses,
      parameters: PARAMETERS,
      headers: Object.fromEntries(Object.values(HEADERS).map(({ component, header }) => [component, header])),
      securitySchemes: SECURITY_SCHEMES,
    },
  };
  document.components = reachable(document);
  // a plain JSON value: no object shared between two places, nothing that JSON cannot hold
  return JSON.parse(JSON.stringify(document)) as OpenApiDocument;
}
