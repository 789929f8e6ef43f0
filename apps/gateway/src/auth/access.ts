import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { FastifyRequest } from 'fastify';
import { DomainError, Principal } from '@switchyard/contracts';

/** Who may call a route: any inference key, a key that may read usage, or an admin. Routes without it are public. */
export type AccessLevel = 'inference' | 'usage' | 'admin';
export const ACCESS_LEVEL = 'switchyard:access';
export const Access = (level: AccessLevel) => SetMetadata(ACCESS_LEVEL, level);

export function authorize(principal: Principal, level: AccessLevel): void {
  switch (level) {
    case 'inference':
      if (!principal.scopes.includes('inference')) throw new DomainError('AUTH_1015', 'This API key has no inference scope');
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
