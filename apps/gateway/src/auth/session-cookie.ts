import type { TLSSocket } from 'tls';
import type { FastifyRequest } from 'fastify';
import { SESSION_COOKIE } from '@switchyard/contracts';

type Headers = Record<string, string | string[] | undefined>;

/** The value of one cookie in the request's `Cookie` header(s); null when absent or empty. */
export function readCookie(headers: Headers, name: string): string | null {
  const raw = headers.cookie;
  for (const header of Array.isArray(raw) ? raw : raw ? [raw] : []) {
    for (const pair of header.split(';')) {
      const at = pair.indexOf('=');
      if (at < 0 || pair.slice(0, at).trim() !== name) continue;
      const value = pair.slice(at + 1).trim();
      return value ? value : null;
    }
  }
  return null;
}

export function sessionToken(headers: Headers): string | null {
  return readCookie(headers, SESSION_COOKIE);
}

/** Came over TLS, to us or to the proxy in front of us (`x-forwarded-proto`). */
export function cameOverHttps(request: FastifyRequest): boolean {
  const forwarded = request.headers['x-forwarded-proto'];
  const first = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(',')[0]?.trim().toLowerCase();
  if (first) return first === 'https';
  return Boolean((request.raw.socket as TLSSocket | undefined)?.encrypted);
}

function attributes(secure: boolean): string {
  return `Path=/; HttpOnly; SameSite=Strict${secure ? '; Secure' : ''}`;
}

/** The cookie naming a new session; it lasts until the session's absolute end. */
export function sessionCookie(token: string, maxAgeSeconds: number, secure: boolean): string {
  return `${SESSION_COOKIE}=${token}; Max-Age=${Math.max(0, Math.floor(maxAgeSeconds))}; ${attributes(secure)}`;
}

export function clearedSessionCookie(secure: boolean): string {
  return `${SESSION_COOKIE}=; Max-Age=0; ${attributes(secure)}`;
}
