import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { FastifyReply, FastifyRequest } from 'fastify';
import { ACCESS_LEVEL, AccessLevel, admitCaller } from './access';
import { AuthService } from './auth.service';
import { RateLimiter } from './rate-limiter';

/** The Nest-served routes' side of `admitCaller`: the level comes from the route's `@Access`. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(private readonly reflector: Reflector, private readonly auth: AuthService, private readonly limiter: RateLimiter) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const level = this.reflector.getAllAndOverride<AccessLevel | undefined>(ACCESS_LEVEL, [context.getHandler(), context.getClass()]);
    if (!level) return true;
    const http = context.switchToHttp();
    await admitCaller(this.auth, this.limiter, level, http.getRequest<FastifyRequest>(), http.getResponse<FastifyReply>());
    return true;
  }
}
