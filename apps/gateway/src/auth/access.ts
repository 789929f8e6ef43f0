import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError, ErrorCodes, Principal } from '@switchyard/contracts';
import { speaksGemini } from '../http/api-dialect';
import type { AuthService } from './auth.service';
import { RateLimiter, rateLimitHeaders } from './rate-limiter';

/** Who may call a route: any inference key, a key that may read usage, or an admin. Routes without it are public. */
export type AccessLevel = 'inference' | 'usage' | 'admin';
export const ACCESS_LEVEL = 'switchyard:access';
export const Access = (level: AccessLevel) => SetMetadata(ACCESS_LEVEL, level);

export function authorize(principal: Principal, level: AccessLevel): void {
  switch (level) {
    case 'inference':
      if (!principal.scopes.includes('inference')) throw new DomainError(ErrorCodes.missingInferenceScope, 'This API key has no inference scope');
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
  }
}

/** Only Gemini's native routes take the key from the query string, as Google's clients send it. */
function geminiQueryKey(request: FastifyRequest): string | null {
  if (!speaksGemini(request)) return null;
  const key = (request.query as Record<string, unknown> | undefined)?.key;
  return typeof key === 'string' && key.trim() ? key.trim() : null;
}

/**
 * Lets a caller in at `level`, or throws the refusal: the key is looked up, the request counts
 * against the user's rate limit (and carries the X-RateLimit-* headers, refused or not), then the
 * key's scopes and role are checked. Used by the Nest guard and by the routes served on Fastify directly.
 */
export async function admitCaller(auth: AuthService, limiter: RateLimiter, level: AccessLevel, request: FastifyRequest, reply: FastifyReply): Promise<Principal> {
  const principal = await auth.authenticate(request.headers, geminiQueryKey(request));
  const limit = await limiter.acquire(principal);
  if (limit) {
    reply.headers(rateLimitHeaders(limit));
    if (limit.retryAfter !== null) {
      throw new DomainError('rate_limit_exceeded', `Rate limit reached: ${limit.limit} requests per minute. Retry in ${limit.retryAfter} s.`);
    }
  }
  authorize(principal, level);
  request.principal = principal;
  return principal;
}

declare module 'fastify' {
  interface FastifyRequest {
    principal?: Principal;
  }
}

/** The authenticated caller of the current request. */
export const Caller = createParamDecorator((_: unknown, ctx: ExecutionContext): Principal => {
  const principal = ctx.switchToHttp().getRequest<FastifyRequest>().principal;
  if (!principal) throw new Error('Caller used on a route without @Access');
  return principal;
});
