import { parse } from 'yaml';
import { DEFAULT_MAX_UPLOAD_BYTES } from '@switchyard/contracts';
import { buildOpenApiDocument, OPERATIONS, Operation, OpenApiDocument } from '@switchyard/openapi';
import type { RouteAccess } from '../auth/access';
import { bootGatewayRoutes, BootedGateway, described, isHeadOfGet } from '../gateway-routes.test-kit';

/** `/v1/files/{file_id}` and `/v1/files/:id` alike: a route's parameters count by position, not by name. */
const shapeOf = (url: string) => url.replace(/\{[^}/]+\}|:[^/]+/g, '{}');
const servedBy = (op: Operation) => `${op.method.toUpperCase()} ${shapeOf(op.route ?? op.path)}`;

/*
 * The gateway booted as it starts, its whole Fastify route table recorded (gateway-routes.test-kit.ts),
 * held to the API document's catalog: every route has an entry, every entry a route, and each says
 * who may call it as the route itself declares it.
 */
describe('the API document and the routes the gateway serves', () => {
  let gateway: BootedGateway;
  /** every route the gateway serves (HEAD of a GET aside), by method and shape, with what it declares */
  const routes = new Map<string, RouteAccess | undefined>();

  beforeAll(async () => {
    gateway = await bootGatewayRoutes('openapi-coverage-test');
    const nestAccess = new Map<string, RouteAccess | undefined>(gateway.nestRoutes.flatMap((r) => r.urls.map((url) => [`${r.method} ${url}`, r.access] as const)));
    for (const route of gateway.table) {
      if (isHeadOfGet(route, gateway.table)) continue;
      const declared = route.config?.access ?? nestAccess.get(described(route));
      routes.set(`${String(route.method)} ${shapeOf(route.url)}`, declared);
    }
  });

  afterAll(async () => {
    await gateway?.close();
  });

  it('finds the routes it checks', () => {
    expect(routes.size).toBeGreaterThan(60);
    expect([...routes.keys()]).toEqual(expect.arrayContaining(['GET /health', 'POST /v1/chat/completions', 'GET /openapi.json']));
  });

  it('documents every route the gateway serves', () => {
    const documented = new Set(OPERATIONS.map(servedBy));
    expect([...routes.keys()].filter((route) => !documented.has(route))).toEqual([]);
  });

  it('documents no route the gateway does not serve', () => {
    expect(OPERATIONS.filter((op) => !routes.has(servedBy(op))).map((op) => `${op.method.toUpperCase()} ${op.path}`)).toEqual([]);
  });

  it('says who may call each route as the route declares it', () => {
    const differing = OPERATIONS.filter((op) => routes.get(servedBy(op)) !== op.access).map(
      (op) => `${op.method.toUpperCase()} ${op.path}: documented ${op.access}, declared ${String(routes.get(servedBy(op)))}`,
    );
    expect(differing).toEqual([]);
  });

  it('asks no key of the public operations and a key of every other', () => {
    const document = buildOpenApiDocument();
    const wrong: string[] = [];
    for (const op of OPERATIONS) {
      const operation = document.paths[op.path][op.method]!;
      const declared = routes.get(servedBy(op));
      const keyless = (operation.security ?? document.security).length === 0;
      if (keyless !== (declared === 'public')) wrong.push(`${op.method.toUpperCase()} ${op.path}: ${declared}, security ${JSON.stringify(operation.security)}`);
      if (operation['x-switchyard-access'] !== declared) wrong.push(`${op.method.toUpperCase()} ${op.path}: x-switchyard-access ${String(operation['x-switchyard-access'])}`);
    }
    expect(wrong).toEqual([]);
  });

  it('serves the document without a key, as JSON and as the same YAML, with this gateway\'s limits', async () => {
    const json = await gateway.fastify.inject({ method: 'GET', url: '/openapi.json' });
    expect(json.statusCode).toBe(200);
    expect(json.headers['content-type']).toMatch(/^application\/json/);
    const document = json.json<OpenApiDocument>();
    expect(document).toEqual(
      buildOpenApiDocument({ maxUploadBytes: DEFAULT_MAX_UPLOAD_BYTES, jsonBodyBytes: gateway.fastify.initialConfig.bodyLimit ?? null }),
    );
    const yaml = await gateway.fastify.inject({ method: 'GET', url: '/openapi.yaml' });
    expect(yaml.statusCode).toBe(200);
    expect(yaml.headers['content-type']).toMatch(/^application\/yaml/);
    expect(parse(yaml.body)).toEqual(document);
  });
});
