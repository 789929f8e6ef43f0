import { RequestMethod, Type } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { DiscoveryService, MetadataScanner, ModulesContainer, Reflector } from '@nestjs/core';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { FastifyInstance, RouteOptions } from 'fastify';
import { NatsConnection } from 'nats';
import { loadConfig } from '@switchyard/config';
import { JsonLogger } from '@switchyard/logging';
import { connectNats, NatsRpcTransport } from '@switchyard/nats';
import { startTestNats } from '@switchyard/testing';
import { GatewayConfig } from '../gateway.config';
import { createGatewayApp } from '../gateway.service-definition';
import { INFERENCE_ROUTES } from '../inference/inference-routes';
import { AccessLevel, declaredAccess, RouteAccess } from './access';

const LEVELS: readonly AccessLevel[] = ['inference', 'usage', 'admin'];
const DECLARATIONS: readonly RouteAccess[] = [...LEVELS, 'public'];

/** A route of a Nest controller, as the guard sees it: its handler and controller carry its declaration. */
interface NestRoute {
  name: string;
  method: string;
  urls: string[];
  access: RouteAccess | undefined;
}

function joinPath(prefix: string, path: string): string {
  return `/${[prefix, path].join('/')}`.replace(/\/+/g, '/').replace(/(.)\/$/, '$1');
}

/** Every route of every controller the booted application holds, found as Nest's router finds them (methods with a path). */
function nestRoutesOf(app: NestFastifyApplication): NestRoute[] {
  const reflector = new Reflector();
  const scanner = new MetadataScanner();
  const routes: NestRoute[] = [];
  for (const wrapper of new DiscoveryService(app.get(ModulesContainer)).getControllers()) {
    const controller = wrapper.metatype as Type;
    const prefixes = [Reflect.getMetadata(PATH_METADATA, controller) as string | string[]].flat();
    for (const name of scanner.getAllMethodNames(controller.prototype)) {
      const handler = controller.prototype[name];
      const paths = Reflect.getMetadata(PATH_METADATA, handler) as string | string[] | undefined;
      if (paths === undefined) continue;
      routes.push({
        name: `${controller.name}.${name}`,
        method: RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod],
        urls: prefixes.flatMap((prefix) => [paths].flat().map((path) => joinPath(prefix, path))),
        access: declaredAccess(reflector, { getHandler: () => handler, getClass: () => controller }),
      });
    }
  }
  return routes;
}

const described = (route: { method: unknown; url: string }) => `${String(route.method)} ${route.url}`;

/*
 * The gateway booted as it starts (createGatewayApp, on a private NATS), its whole Fastify route table
 * recorded as routes are added: Nest's controllers, the raw inference routes and anything else
 * registered on Fastify. Every route must say who may call it.
 */
describe('every gateway route declares who may call it', () => {
  let stopNats: () => Promise<void>;
  let nc: NatsConnection;
  let app: NestFastifyApplication;
  let fastify: FastifyInstance;
  const table: RouteOptions[] = [];
  let nestRoutes: NestRoute[];

  beforeAll(async () => {
    const nats = await startTestNats();
    stopNats = nats.stop;
    nc = await connectNats(nats.url, 'route-access-test');
    const config = loadConfig(GatewayConfig, {
      NATS_URL: nats.url,
      S3_ENDPOINT: 'http://127.0.0.1:9',
      S3_ACCESS_KEY: 'k',
      S3_SECRET_KEY: 's',
    });
    app = await createGatewayApp(config, { nc, rpcTransport: new NatsRpcTransport(nc) }, new JsonLogger('gateway', 'error'));
    fastify = app.getHttpAdapter().getInstance();
    // before `init`: Nest registers its routes there, providers theirs in onModuleInit, plugins theirs when Fastify gets ready
    fastify.addHook('onRoute', (route) => void table.push(route));
    await app.init();
    await fastify.ready();
    nestRoutes = nestRoutesOf(app);
  });

  afterAll(async () => {
    await app?.close();
    await nc?.close();
    await stopNats?.();
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

  it('has only /health and the API reference public', () => {
    const open = nestRoutes.filter((r) => r.access === 'public').map((r) => `${r.method} ${r.urls.join()}`);
    expect(open.sort()).toEqual(['GET /docs', 'GET /docs/:file', 'GET /health']);
  });

  it('gives every raw inference route an access level', () => {
    expect(INFERENCE_ROUTES.filter((r) => !LEVELS.includes(r.access)).map((r) => r.url)).toEqual([]);
  });

  it('serves no route on Fastify that is neither a declared Nest route nor declares its level in its options', () => {
    const nest = new Set(nestRoutes.flatMap((r) => r.urls.map((url) => `${r.method} ${url}`)));
    // Fastify answers HEAD on every GET route with the GET route's own handler (and so its guard)
    const headOfGet = (route: RouteOptions) =>
      route.method === 'HEAD' && table.some((r) => r.method === 'GET' && r.url === route.url && r.handler === route.handler);
    const unaccounted = table.filter(
      (route) => !nest.has(described(route)) && !headOfGet(route) && !LEVELS.includes(route.config?.access as AccessLevel),
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
