import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { FastifyReply, FastifyRequest } from 'fastify';
import { admitCaller, declaredAccess, undeclaredAccessRefusal } from './access';
import { AuthService } from './auth.service';
import { RateLimiter } from './rate-limiter';

/**
 * The Nest-served routes' side of `admitCaller`: the level comes from the route's `@Access`.
 * `@Public()` routes let anyone in; a route that declares neither is refused to everyone.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
    private readonly limiter: RateLimiter,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const access = declaredAccess(this.reflector, context);
    if (access === undefined) throw undeclaredAccessRefusal();
    if (access === 'public') return true;
    const http = context.switchToHttp();
    await admitCaller(this.auth, this.limiter, access, http.getRequest<FastifyRequest>(), http.getResponse<FastifyReply>());
    return true;
  }
}
