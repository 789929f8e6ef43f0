import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError, ErrorCodes, isSessionPrincipal, Principal, VerifiedSession } from '@switchyard/contracts';
import { metrics } from '@switchyard/runtime';
import { speaksGemini } from '../http/api-dialect';
import type { AuthService } from './auth.service';
import { RateLimiter, rateLimitHeaders } from './rate-limiter';
import { assertSameOrigin } from './same-origin';

/**
 * Who may call a route: any inference key, a key that may read usage, an admin, or (`session`) a
 * signed-in console session, whatever its scopes (its own sign-out, its list of sessions). Every route
 * declares it: `@Access(level)` on a Nest route, `access` in the definition of a route served on
 * Fastify directly (inference-routes.ts), or `@Public()`. Routes are closed by default: the guard
 * refuses a Nest route that declares nothing, so a route someone forgot to mark is never open, and
 * `route-access.int-spec.ts` walks the booted gateway's route table so that no such route ships.
 */
export type AccessLevel = 'inference' | 'usage' | 'admin' | 'session';
/** What a route declares: the level its caller needs, or that anyone may call it. */
export type RouteAccess = AccessLevel | 'public';
export const ROUTE_ACCESS = 'switchyard:access';
export const Access = (level: AccessLevel) => SetMetadata(ROUTE_ACCESS, level);
/**
 * Anyone may call the route, without a key and outside any rate limit. Only for what must answer
 * before anyone holds a key: `/health` and `/ready`, which the launcher, load balancers and orchestrators poll,
 * the API document (`/openapi.json`, `/openapi.yaml`), which tells a caller how to get one, the API reference
 * (`/docs` and the files it loads), read before a key is pasted, and the console's sign-in (`/auth/sign-in`), which
 * checks the credentials it is sent itself.
 */
export const Public = () => SetMetadata(ROUTE_ACCESS, 'public' satisfies RouteAccess);

/** A Nest route's declaration: its handler's own, else its controller's; undefined when neither declares one. */
export function declaredAccess(reflector: Reflector, route: Pick<ExecutionContext, 'getHandler' | 'getClass'>): RouteAccess | undefined {
  return reflector.getAllAndOverride<RouteAccess | undefined>(ROUTE_ACCESS, [route.getHandler(), route.getClass()]);
}

/** The answer to a route that declares no access, for every caller, with a key or without. */
export function undeclaredAccessRefusal(): DomainError {
  return new DomainError('permission_denied', 'This endpoint is closed: it does not declare who may call it');
}

export function authorize(principal: Principal, level: AccessLevel): void {
  switch (level) {
    case 'inference':
      if (!principal.scopes.includes('inference'))
        throw new DomainError(ErrorCodes.missingInferenceScope, 'This API key has no inference scope');
      return;
    case 'usage':
      if (!principal.scopes.includes('usage:read') && !principal.scopes.includes('inference')) {
        throw new DomainError('permission_denied', 'This API key may not read usage');
      }
      return;
    case 'admin':
      if (principal.role !== 'admin' || !principal.scopes.includes('admin')) {
        throw new DomainError('permission_denied', 'This endpoint needs an admin key');
      }
      return;
    case 'session':
      if (!isSessionPrincipal(principal)) {
        throw new DomainError('invalid_api_key', 'This endpoint needs a console session (the cookie of /auth/sign-in), not an API key');
      }
      return;
    default:
      // a level this function does not know (a route's metadata is untyped at run time) admits no one
      throw undeclaredAccessRefusal();
  }
}

/** Only Gemini's native routes take the key from the query string, as Google's clients send it. */
function geminiQueryKey(request: FastifyRequest): string | null {
  if (!speaksGemini(request)) return null;
  const key = (request.query as Record<string, unknown> | undefined)?.key;
  return typeof key === 'string' && key.trim() ? key.trim() : null;
}

/**
 * Lets a caller in at `level`, or throws the refusal: the key (else the session cookie) is looked
 * up, a state-changing request signed in by the cookie must come from our own origin, the request
 * counts against the user's rate limit (and carries the X-RateLimit-* headers, refused or not), then
 * the scopes and role are checked. Used by the Nest guard and by the routes served on Fastify directly.
 */
export async function admitCaller(
  auth: AuthService,
  limiter: RateLimiter,
  level: AccessLevel,
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<Principal> {
  const { principal, session } = await auth.authenticateRequest(request.headers, geminiQueryKey(request));
  if (session) assertSameOrigin(request, auth.publicUrl);
  const limit = await limiter.acquire(principal);
  if (limit) {
    reply.headers(rateLimitHeaders(limit));
    if (limit.retryAfter !== null) {
      metrics().rateLimitRefusals.inc({ role: principal.role });
      throw new DomainError(
        'rate_limit_exceeded',
        `Rate limit reached: ${limit.limit} requests per minute. Retry in ${limit.retryAfter} s.`,
      );
    }
  }
  authorize(principal, level);
  request.principal = principal;
  request.consoleSession = session ?? undefined;
  return principal;
}

declare module 'fastify' {
  interface FastifyRequest {
    principal?: Principal;
    /** the console session that signed the caller in, when they came with the cookie instead of a key */
    consoleSession?: VerifiedSession;
  }
  /** A route served on Fastify directly declares its access in its route options, where the route table shows it. */
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
}

/** The authenticated caller of the current request. */
export const Caller = createParamDecorator((_: unknown, ctx: ExecutionContext): Principal => {
  const principal = ctx.switchToHttp().getRequest<FastifyRequest>().principal;
  if (!principal) throw new Error('Caller used on a route without @Access');
  return principal;
});
