import { FastifyInstance, RouteOptions } from 'fastify';
import { bootGatewayRoutes, BootedGateway, described, isHeadOfGet, NestRoute } from '../gateway-routes.test-kit';
import { INFERENCE_ROUTES } from '../inference/inference-routes';
import { AccessLevel, RouteAccess } from './access';

const LEVELS: readonly AccessLevel[] = ['inference', 'usage', 'admin', 'session'];
const DECLARATIONS: readonly RouteAccess[] = [...LEVELS, 'public'];

/*
 * The gateway booted as it starts (createGatewayApp, on a private NATS), its whole Fastify route table
 * recorded as routes are added: Nest's controllers, the raw inference routes and anything else
 * registered on Fastify. Every route must say who may call it.
 */
describe('every gateway route declares who may call it', () => {
  let gateway: BootedGateway;
  let fastify: FastifyInstance;
  let table: RouteOptions[];
  let nestRoutes: NestRoute[];

  beforeAll(async () => {
    gateway = await bootGatewayRoutes('route-access-test');
    ({ fastify, table, nestRoutes } = gateway);
  });

  afterAll(async () => {
    await gateway?.close();
  });

  it('finds the routes it checks (Nest controllers and the raw inference routes)', () => {
    expect(nestRoutes.length).toBeGreaterThan(40);
    expect(nestRoutes.map((r) => `${r.method} ${r.urls.join()}`)).toEqual(
      expect.arrayContaining(['GET /health', 'GET /v1/models', 'POST /admin/users']),
    );
    expect(table.filter((r) => r.config?.access !== undefined).map((r) => r.url)).toEqual(INFERENCE_ROUTES.map((r) => r.url));
  });

  it('recorded the whole route table, also routes added before the test could listen for them', () => {
    // one method in parentheses per route, e.g. `/v1/files (POST, GET, HEAD)`
    const printed = [...fastify.printRoutes({ commonPrefix: false }).matchAll(/\(([A-Z, ]+)\)/g)].flatMap((m) => m[1].split(', '));
    expect(printed).toHaveLength(table.length);
  });

  it('gives every Nest route an access level or @Public()', () => {
    const undeclared = nestRoutes.filter((r) => r.access === undefined || !DECLARATIONS.includes(r.access)).map((r) => r.name);
    expect(undeclared).toEqual([]);
  });

  it('has only /health, /ready, the API document, the API reference, the console files, its sign-in, one-time links and single sign-on public', () => {
    const open = nestRoutes.filter((r) => r.access === 'public').map((r) => `${r.method} ${r.urls.join()}`);
    expect(open.sort()).toEqual([
      'GET /',
      'GET /assets/:file',
      'GET /auth/invites/:token',
      'GET /auth/methods',
      'GET /auth/oidc/callback',
      'GET /auth/oidc/start',
      'GET /docs',
      'GET /docs/:file',
      'GET /health',
      'GET /metrics',
      'GET /openapi.json',
      'GET /openapi.yaml',
      'GET /ready',
      'POST /auth/invites/:token/accept',
      'POST /auth/sign-in',
    ]);
  });

  it('gives every raw inference route an access level', () => {
    expect(INFERENCE_ROUTES.filter((r) => !LEVELS.includes(r.access)).map((r) => r.url)).toEqual([]);
  });

  it('serves no route on Fastify that is neither a declared Nest route nor declares its level in its options', () => {
    const nest = new Set(nestRoutes.flatMap((r) => r.urls.map((url) => `${r.method} ${url}`)));
    // Fastify answers HEAD on every GET route with the GET route's own handler (and so its guard)
    const unaccounted = table.filter(
      (route) => !nest.has(described(route)) && !isHeadOfGet(route, table) && !LEVELS.includes(route.config?.access as AccessLevel),
    );
    expect(unaccounted.map(described)).toEqual([]);
  });

  it('registers every Nest route it checked on Fastify, so the check above saw each one', () => {
    const registered = new Set(table.map(described));
    const missing = nestRoutes.flatMap((r) => r.urls.map((url) => `${r.method} ${url}`)).filter((route) => !registered.has(route));
    expect(missing).toEqual([]);
  });

  it('answers a path no route serves with 404, with or without a key', async () => {
    for (const headers of [{}, { authorization: 'Bearer sk-whatever' }]) {
      const answer = await fastify.inject({ method: 'GET', url: '/v1/nothing-here', headers });
      expect(answer.statusCode).toBe(404);
      expect(answer.json().error.code).toBe('not_found');
    }
  });
});
