import type { FastifyRequest } from 'fastify';
import { DomainError } from '@switchyard/contracts';
import { cameOverHttps } from './session-cookie';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The gateway's own origin: `SWITCHYARD_PUBLIC_URL`'s when set, else the scheme and Host the request came with. */
export function ownOrigin(request: FastifyRequest, publicUrl: string | undefined): string | null {
  if (publicUrl) return new URL(publicUrl).origin;
  const host = request.headers.host;
  if (!host) return null;
  return `${cameOverHttps(request) ? 'https' : 'http'}://${host}`.toLowerCase();
}

/**
 * A browser sends the cookie with requests another site makes it send; only our own pages' requests
 * carry our origin. So a state-changing request authorised by the cookie must name it in `Origin`.
 */
export function assertSameOrigin(request: FastifyRequest, publicUrl: string | undefined): void {
  if (SAFE_METHODS.has(request.method.toUpperCase())) return;
  const origin = request.headers.origin;
  const expected = ownOrigin(request, publicUrl);
  if (typeof origin !== 'string' || expected === null || origin.toLowerCase() !== expected) {
    throw new DomainError('permission_denied', 'A request signed in by the session cookie must come from this site (Origin header)');
  }
}
