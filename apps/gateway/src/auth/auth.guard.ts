import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError } from '@switchyard/contracts';
import { speaksGemini } from '../http/api-dialect';
import { ACCESS_LEVEL, AccessLevel, authorize } from './access';
import { AuthService } from './auth.service';
import { RateLimiter, rateLimitHeaders } from './rate-limiter';

/** Only Gemini's native routes take the key from the query string, as Google's clients send it. */
function geminiQueryKey(request: FastifyRequest): string | null {
  if (!speaksGemini(request)) return null;
  const key = (request.query as Record<string, unknown> | undefined)?.key;
  return typeof key === 'string' && key.trim() ? key.trim() : null;
}

@Injectable()
export class AuthGuard implements CanActivate {
  constructor(private readonly reflector: Reflector, private readonly auth: AuthService, private readonly limiter: RateLimiter) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const level = this.reflector.getAllAndOverride<AccessLevel | undefined>(ACCESS_LEVEL, [context.getHandler(), context.getClass()]);
    if (!level) return true;
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const principal = await this.auth.authenticate(request.headers, geminiQueryKey(request));
    // every authenticated request counts against the user's limit and carries the X-RateLimit-* headers
    const limit = await this.limiter.acquire(principal);
    if (limit) {
      context.switchToHttp().getResponse<FastifyReply>().headers(rateLimitHeaders(limit));
      if (limit.retryAfter !== null) {
        throw new DomainError('rate_limit_exceeded', `Rate limit reached: ${limit.limit} requests per minute. Retry in ${limit.retryAfter} s.`);
      }
    }
    authorize(principal, level);
    request.principal = principal;
    return true;
  }
}
