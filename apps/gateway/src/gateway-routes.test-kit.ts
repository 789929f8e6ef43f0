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
import { declaredAccess, RouteAccess } from './auth/access';
import { GatewayConfig } from './gateway.config';
import { createGatewayApp } from './gateway.service-definition';

/** A route of a Nest controller, as the guard sees it: its handler and controller carry its declaration. */
export interface NestRoute {
  name: string;
  method: string;
  urls: string[];
  access: RouteAccess | undefined;
}

function joinPath(prefix: string, path: string): string {
  return `/${[prefix, path].join('/')}`.replace(/\/+/g, '/').replace(/(.)\/$/, '$1');
}

/** Every route of every controller the booted application holds, found as Nest's router finds them (methods with a path). */
export function nestRoutesOf(app: NestFastifyApplication): NestRoute[] {
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

export const described = (route: { method: unknown; url: string }) => `${String(route.method)} ${route.url}`;

/** Fastify answers HEAD on every GET route with the GET route's own handler (and so its guard and its answer). */
export function isHeadOfGet(route: RouteOptions, table: readonly RouteOptions[]): boolean {
  return route.method === 'HEAD' && table.some((r) => r.method === 'GET' && r.url === route.url && r.handler === route.handler);
}

/** The gateway booted as it starts, with its whole Fastify route table recorded as routes were added. */
export interface BootedGateway {
  app: NestFastifyApplication;
  fastify: FastifyInstance;
  table: RouteOptions[];
  nestRoutes: NestRoute[];
  close(): Promise<void>;
}

/**
 * Boots the gateway as it starts (createGatewayApp, on a private NATS; nothing else is needed to
 * register its routes) and records every route Fastify gets: Nest's controllers, the raw inference
 * routes and anything else registered on Fastify.
 */
export async function bootGatewayRoutes(name: string): Promise<BootedGateway> {
  const nats = await startTestNats();
  let nc: NatsConnection | undefined;
  let app: NestFastifyApplication | undefined;
  const close = async () => {
    await app?.close();
    await nc?.close();
    await nats.stop();
  };
  try {
    nc = await connectNats(nats.url, name);
    const config = loadConfig(GatewayConfig, {
      NATS_URL: nats.url,
      S3_ENDPOINT: 'http://127.0.0.1:9',
      S3_ACCESS_KEY: 'k',
      S3_SECRET_KEY: 's',
    });
    app = await createGatewayApp(config, { nc, rpcTransport: new NatsRpcTransport(nc) }, new JsonLogger('gateway', 'error'));
    const fastify = app.getHttpAdapter().getInstance();
    const table: RouteOptions[] = [];
    // before `init`: Nest registers its routes there, providers theirs in onModuleInit, plugins theirs when Fastify gets ready
    fastify.addHook('onRoute', (route) => void table.push(route));
    await app.init();
    await fastify.ready();
    return { app, fastify, table, nestRoutes: nestRoutesOf(app), close };
  } catch (error) {
    await close();
    throw error;
  }
}
