import { SignInBody } from '@switchyard/contracts';
import { json, type Operation } from '../catalog';

export const SESSION_EXAMPLE = {
  object: 'session',
  user: { id: 'usr_3kF9aB2c', name: 'admin', email: null, role: 'admin' },
  scopes: ['inference', 'usage:read', 'admin'],
  method: 'api_key',
  expires_at: 1764810000,
};

/** The web console's sessions: the same server-side session whichever way the user signed in. */
export const AUTH_OPERATIONS: Operation[] = [
  {
    method: 'post',
    path: '/auth/sign-in',
    operationId: 'signIn',
    tag: 'Console sign-in',
    summary: 'Sign in',
    description:
      "Opens a console session and sets its HttpOnly cookie. With `api_key` the session has the key's scopes and ends when the key is revoked; with `email` and `password` (local accounts) it has the role's. A wrong key, email or password gets one answer, `invalid_credentials`. A browser's `Origin`, when sent, must be this site.",
    access: 'public',
    body: { json: { payload: SignInBody, example: { api_key: 'sk-sy-4f2a9c1e…' } } },
    responses: { 200: json('Signed in', 'Session', SESSION_EXAMPLE, ['set-cookie']) },
    errors: { 401: ['invalid_credentials'], 403: ['permission_denied'] },
  },
  {
    method: 'get',
    path: '/auth/session',
    operationId: 'getSession',
    tag: 'Console sign-in',
    summary: 'Get the current session',
    access: 'session',
    responses: { 200: json('The session', 'Session', SESSION_EXAMPLE) },
  },
  {
    method: 'post',
    path: '/auth/sign-out',
    operationId: 'signOut',
    tag: 'Console sign-in',
    summary: 'Sign out',
    description: 'Revokes the current session (on every gateway) and clears the cookie.',
    access: 'session',
    responses: { 204: { description: 'Signed out', headers: ['set-cookie'] } },
  },
];
