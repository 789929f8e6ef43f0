import { Server } from 'http';
import { FastifyHttpOptions, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { createValidated, DomainError } from '@switchyard/contracts';
import { noteErrorCode } from './access-log';
import { answerClientError, ConnectionRefusal } from './client-error';
import { HEADERS_MAX_BYTES, URL_MAX_BYTES } from './edge-limits';
import { errorResponse } from './error-envelope';
import { registerJsonBody } from './json-body';

/*
 * The one edge that decides what may come in. Everything a caller sends is hostile until it has
 * passed here, and nothing reaches a service before it has:
 *
 *   request line + headers  Node's parser, at most HEADERS_MAX_BYTES (431), URL at most URL_MAX_BYTES (414),
 *                           malformed HTTP (400): answered in the API's envelope (client-error.ts, urlWithinLimit)
 *   JSON bodies             at most `bodyLimit` bytes (413), nested at most JSON_MAX_DEPTH (400), valid JSON (400) (json-body.ts)
 *   multipart bodies        boundary, part headers, counts and sizes of parts, one part per file name (400/413),
 *                           streamed, never whole in memory (multipart-reader.ts)
 *   body fields             validated per route by its contract class; fields only the server writes are refused (admitBody)
 *   server-made values      request ids, principals, object keys and parked parts are made here from ids and
 *                           travel beside the caller's body, never inside it
 */

/** Fields only the server writes into a request: a caller's body that carries one is refused, by name. */
const SERVER_ONLY_FIELDS = new Set(['parked']);

/** The first server-only field in a body, at the top or one level into a field (`images.0.parked`, `mask.parked`). */
export function serverOnlyFieldIn(body: unknown): string | null {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return null;
  for (const [name, value] of Object.entries(body)) {
    if (SERVER_ONLY_FIELDS.has(name)) return name;
    const nested = Array.isArray(value) ? value.map((item, i) => [`${name}.${i}`, item] as const) : [[name, value] as const];
    for (const [path, item] of nested) {
      if (item === null || typeof item !== 'object' || Array.isArray(item)) continue;
      const field = Object.keys(item).find((key) => SERVER_ONLY_FIELDS.has(key));
      if (field) return `${path}.${field}`;
    }
  }
  return null;
}

/** A caller's JSON body, let in: no server-only field, and valid by the route's contract class (unknown fields pass through). */
export function admitBody<T extends object>(contract: new () => T, body: unknown): T {
  const serverOnly = serverOnlyFieldIn(body);
  if (serverOnly) throw new DomainError('invalid_value', `'${serverOnly}' is set by the server and cannot be sent`, serverOnly);
  return createValidated(contract, body);
}

/** A URL longer than the limit (but within Node's header limit) is a 414, before any route runs. */
function urlWithinLimit(request: FastifyRequest): void {
  if (Buffer.byteLength(request.raw.url ?? '') > URL_MAX_BYTES) {
    throw new DomainError('request_too_large', `The request URL is longer than ${URL_MAX_BYTES} bytes`, null, 414);
  }
}

type EdgeServerOptions = Pick<
  FastifyHttpOptions<Server>,
  'bodyLimit' | 'http' | 'clientErrorHandler' | 'frameworkErrors' | 'return503OnClosing'
>;

/**
 * Who hears of a request refused before any route, and so before any hook, saw it: without them such
 * a request would have no access line and count in no metric.
 */
export interface RefusalWatchers {
  /** Fastify made a request of it (a malformed URL): watched, and its answer labelled, as the onRequest hooks do for every other */
  request(request: FastifyRequest, reply: FastifyReply): void;
  /** Node's parser refused it (malformed HTTP, headers too large): only its answer is known */
  connection(refusal: ConnectionRefusal): void;
}

const NO_WATCHERS: RefusalWatchers = { request: () => undefined, connection: () => undefined };

/** Fastify's own routing refusals (a malformed URL, an overlong path segment), in the API's envelope. */
const answerFrameworkError =
  (watchers: RefusalWatchers): NonNullable<EdgeServerOptions['frameworkErrors']> =>
  (error, request, reply) => {
    watchers.request(request, reply);
    const domain =
      error.code === 'FST_ERR_MAX_PARAM_LENGTH'
        ? new DomainError('request_too_large', 'A segment of the request path is too long', null, 414)
        : new DomainError('invalid_value', 'The request URL is malformed', null, 400);
    noteErrorCode(request, domain.code);
    const { status, headers, body } = errorResponse(domain, { id: String(request.id), url: request.url, headers: request.headers });
    void (reply as FastifyReply).status(status).headers(headers).type('application/json').send(body);
  };

/** The HTTP server's side of the edge, for the Fastify adapter's options. */
export function edgeServerOptions(bodyLimit: number, watchers: RefusalWatchers = NO_WATCHERS): EdgeServerOptions {
  return {
    bodyLimit,
    http: { maxHeaderSize: HEADERS_MAX_BYTES },
    clientErrorHandler: (error, socket) => answerClientError(error, socket, watchers.connection),
    frameworkErrors: answerFrameworkError(watchers),
    // a request that still arrives while the gateway closes (on a connection opened before) is served,
    // with `Connection: close`, not refused with Fastify's own 503 body: the shutdown waits for it anyway
    return503OnClosing: false,
  };
}

/** The request side of the edge: URL length, then the body parsers. */
export function registerEdge(fastify: FastifyInstance): void {
  // a callback hook, not an async one: no promise and microtask per request for a check that never waits
  fastify.addHook('onRequest', (request, _reply, done) => {
    try {
      urlWithinLimit(request);
    } catch (error) {
      done(error as Error);
      return;
    }
    done();
  });
  registerJsonBody(fastify);
}
