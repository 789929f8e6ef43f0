import type { FastifyRequest } from 'fastify';
import { DomainError } from '@switchyard/contracts';
import { assertSameOrigin, ownOrigin } from './same-origin';
import { cameOverHttps, clearedSessionCookie, readCookie, sessionCookie } from './session-cookie';

const request = (method: string, headers: Record<string, string>, encrypted = false) =>
  ({ method, headers, raw: { socket: { encrypted } } }) as unknown as FastifyRequest;

function refusal(fn: () => void): string | null {
  try {
    fn();
    return null;
  } catch (e) {
    return (e as DomainError).code;
  }
}

describe('the session cookie', () => {
  it('is read from among other cookies, in any Cookie header', () => {
    expect(readCookie({ cookie: 'a=1; switchyard_session=tok-en_1; b=2' }, 'switchyard_session')).toBe('tok-en_1');
    expect(readCookie({ cookie: ['a=1', 'switchyard_session=x'] }, 'switchyard_session')).toBe('x');
    expect(readCookie({ cookie: 'xswitchyard_session=1; switchyard_session=' }, 'switchyard_session')).toBeNull();
    expect(readCookie({}, 'switchyard_session')).toBeNull();
  });

  it('is HttpOnly, SameSite=Strict, for the whole site, and Secure only over https', () => {
    expect(sessionCookie('t', 3600.7, false)).toBe('switchyard_session=t; Max-Age=3600; Path=/; HttpOnly; SameSite=Strict');
    expect(sessionCookie('t', 10, true)).toBe('switchyard_session=t; Max-Age=10; Path=/; HttpOnly; SameSite=Strict; Secure');
    expect(clearedSessionCookie(false)).toBe('switchyard_session=; Max-Age=0; Path=/; HttpOnly; SameSite=Strict');
    expect(cameOverHttps(request('GET', { 'x-forwarded-proto': 'https, http' }))).toBe(true);
    expect(cameOverHttps(request('GET', { 'x-forwarded-proto': 'http' }, true))).toBe(false);
    expect(cameOverHttps(request('GET', {}, true))).toBe(true);
    expect(cameOverHttps(request('GET', {}))).toBe(false);
  });
});

describe('the same-origin check of cookie requests', () => {
  it('knows its own origin from the configured public URL, else from the scheme and Host', () => {
    expect(ownOrigin(request('GET', { host: 'x' }), 'https://console.example.com/base/')).toBe('https://console.example.com');
    expect(ownOrigin(request('GET', { host: 'Gateway:8080' }), undefined)).toBe('http://gateway:8080');
    expect(ownOrigin(request('GET', { host: 'gw', 'x-forwarded-proto': 'https' }), undefined)).toBe('https://gw');
  });

  it('lets reads through and refuses a change from another origin or from none', () => {
    const host = { host: 'gw:8080' };
    expect(refusal(() => assertSameOrigin(request('GET', host), undefined))).toBeNull();
    expect(refusal(() => assertSameOrigin(request('POST', { ...host, origin: 'http://gw:8080' }), undefined))).toBeNull();
    expect(refusal(() => assertSameOrigin(request('DELETE', { ...host, origin: 'http://evil.example' }), undefined))).toBe(
      'permission_denied',
    );
    expect(refusal(() => assertSameOrigin(request('POST', host), undefined))).toBe('permission_denied');
    expect(refusal(() => assertSameOrigin(request('POST', { ...host, origin: 'null' }), undefined))).toBe('permission_denied');
    expect(refusal(() => assertSameOrigin(request('POST', { ...host, origin: 'https://gw:8080' }), undefined))).toBe('permission_denied');
  });
});
