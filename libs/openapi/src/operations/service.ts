import { json, type Operation } from '../catalog';
import type { ParameterObject, SchemaObject } from '../openapi-types';
import { ref, str } from '../schemas/schema-kit';

const ifNoneMatch: ParameterObject = {
  name: 'If-None-Match',
  in: 'header',
  description: 'The `ETag` of the copy the browser holds: 304 without a body when it is still current',
  schema: { type: 'string' },
};

const unchanged = { description: 'The copy the browser holds is current (no body)', headers: ['ETag'] as const };

const HEALTHY = {
  status: 'ok',
  down: [],
  services: {
    gateway: { status: 'ok', event_loop_delay_ms: { p50_ms: 10.1, p99_ms: 11.2, max_ms: 12.4 } },
    router: { status: 'ok', instance: 'rtr_3kF9aB2cD4eF6gH8iJ0kL2mN', checks: { postgres: 'ok', nats: 'ok' }, event_loop_delay_ms: null },
  },
};

const READINESS: SchemaObject = {
  type: 'object',
  required: ['status'],
  properties: { status: { type: 'string', enum: ['ready', 'draining'], description: '`draining` once a shutdown started' } },
};

/** What answers without a key: the health check, this document, the reference page and the web console. */
export const SERVICE_OPERATIONS: Operation[] = [
  {
    method: 'get',
    path: '/health',
    operationId: 'getHealth',
    tag: 'Health',
    summary: 'Check that every service answers',
    description:
      'For the launcher, load balancers and orchestrators: no key, no rate limit. Each service reports its event-loop delay since the previous check.',
    access: 'public',
    responses: {
      200: json('Every service answered', 'Health', HEALTHY),
      503: json('A service did not answer: `down` names it', ref('Health'), {
        status: 'unavailable',
        down: ['billing'],
        services: { ...HEALTHY.services, billing: { status: 'down', error: 'The billing service is unavailable (no responders)' } },
      }),
    },
  },
  {
    method: 'get',
    path: '/ready',
    operationId: 'getReady',
    tag: 'Health',
    summary: 'Check that this gateway takes new requests',
    description:
      'For load balancers: no key, no rate limit, no other service asked. 503 from the moment this gateway starts shutting down (it still finishes the requests and streams it holds); send new requests elsewhere. `GET /health` is the deep check and stays as it is while the gateway drains.',
    access: 'public',
    local: true,
    responses: {
      200: json('This gateway takes new requests', READINESS, { status: 'ready' }),
      503: json('This gateway is shutting down: send new requests to another', READINESS, { status: 'draining' }),
    },
  },
  {
    method: 'get',
    path: '/metrics',
    operationId: 'getMetrics',
    tag: 'Health',
    summary: "Scrape this process's Prometheus metrics",
    description:
      "For Prometheus: the text exposition format. No API key; when `SWITCHYARD_METRICS_TOKEN` is set, `Authorization: Bearer <token>`. In one-process mode it holds every service's metrics; in split mode the other services serve theirs on `SWITCHYARD_METRICS_PORT`. The families are listed in docs/operations.md.",
    access: 'public',
    local: true,
    responses: {
      200: {
        description: 'The metrics',
        content: {
          'text/plain': {
            schema: str('Prometheus text exposition format 0.0.4'),
            example:
              '# HELP switchyard_http_requests_total HTTP requests answered by the gateway\n# TYPE switchyard_http_requests_total counter\n',
          },
        },
      },
    },
    errors: { 401: ['invalid_api_key'] },
  },
  {
    method: 'get',
    path: '/openapi.json',
    operationId: 'getOpenApiJson',
    tag: 'Reference',
    summary: 'Download this document as JSON',
    description: 'OpenAPI 3.0.3, generated from the schemas the gateway validates requests with.',
    access: 'public',
    local: true,
    responses: {
      200: json(
        'The document',
        { type: 'object', additionalProperties: true, description: 'An OpenAPI 3.0.3 document' },
        { openapi: '3.0.3', info: { title: 'Switchyard API' } },
      ),
    },
  },
  {
    method: 'get',
    path: '/openapi.yaml',
    operationId: 'getOpenApiYaml',
    tag: 'Reference',
    summary: 'Download this document as YAML',
    access: 'public',
    local: true,
    responses: {
      200: {
        description: 'The document',
        content: {
          'application/yaml': {
            schema: str('An OpenAPI 3.0.3 document in YAML'),
            example: 'openapi: 3.0.3\ninfo:\n  title: Switchyard API\n',
          },
        },
      },
    },
  },
  {
    method: 'get',
    path: '/docs',
    operationId: 'getApiReference',
    tag: 'Reference',
    summary: 'Open the interactive API reference',
    description:
      'Swagger UI, served from this gateway (no other site is asked for anything), on this document: paste a key into Authorize, then "Try it out" sends real requests. The key lives as long as the page.',
    access: 'public',
    local: true,
    parameters: [ifNoneMatch],
    responses: {
      200: {
        description: 'The page',
        headers: ['ETag', 'Cache-Control', 'Content-Security-Policy'],
        content: { 'text/html': { schema: str('An HTML page'), example: '<!DOCTYPE html>\n<html lang="en">…</html>\n' } },
      },
      304: unchanged,
    },
  },
  {
    method: 'get',
    path: '/docs/{file}',
    operationId: 'getApiReferenceFile',
    tag: 'Reference',
    summary: 'Get a file of the reference page',
    description: "The page's own start-up script (`init.js`) and the renderer's script, styles and icons; any other name is a 404.",
    access: 'public',
    local: true,
    parameters: [
      { name: 'file', in: 'path', required: true, description: 'The file', schema: { type: 'string' }, example: 'swagger-ui-bundle.js' },
      { name: 'v', in: 'query', description: "The renderer's version, stamped on its files' URLs by the page", schema: { type: 'string' } },
      ifNoneMatch,
    ],
    responses: {
      200: {
        description: 'The file',
        headers: ['ETag', 'Cache-Control'],
        content: {
          'text/javascript': { schema: str('A script'), example: "'use strict';\n" },
          'text/css': { schema: str('A style sheet') },
          'image/png': { schema: str('An icon', { format: 'binary' }) },
        },
      },
      304: unchanged,
    },
    errors: { 404: ['not_found'] },
  },
  {
    method: 'get',
    path: '/',
    operationId: 'getConsole',
    tag: 'Console',
    summary: 'Open the web console',
    description:
      "The console's one page (its own paths are after `#`, e.g. `/#/keys`): sign in with an API key, email and password, or single sign-on; it then calls this API with the session cookie. 404 when the console was not built (`npm run build` builds it).",
    access: 'public',
    local: true,
    parameters: [ifNoneMatch],
    responses: {
      200: {
        description: 'The page',
        headers: ['ETag', 'Cache-Control', 'Content-Security-Policy'],
        content: { 'text/html': { schema: str('An HTML page'), example: '<!DOCTYPE html>\n<html lang="en">…</html>\n' } },
      },
      304: unchanged,
    },
    errors: { 404: ['not_found'] },
  },
  {
    method: 'get',
    path: '/assets/{file}',
    operationId: 'getConsoleAsset',
    tag: 'Console',
    summary: 'Get a file of the web console',
    description:
      "A script, style sheet or image of the console's current build, named by its content's hash (cached for good); any other name is a 404.",
    access: 'public',
    local: true,
    parameters: [
      { name: 'file', in: 'path', required: true, description: 'The file', schema: { type: 'string' }, example: 'index-BsQKWobc.js' },
      ifNoneMatch,
    ],
    responses: {
      200: {
        description: 'The file',
        headers: ['ETag', 'Cache-Control'],
        content: {
          'text/javascript': { schema: str('A script'), example: 'const e=1;\n' },
          'text/css': { schema: str('A style sheet') },
          'image/svg+xml': { schema: str('An image') },
          'image/png': { schema: str('An image', { format: 'binary' }) },
          'font/woff2': { schema: str('A font', { format: 'binary' }) },
        },
      },
      304: unchanged,
    },
    errors: { 404: ['not_found'] },
  },
];
