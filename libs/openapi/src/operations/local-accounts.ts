import { AcceptInviteBody, ChangePasswordBody, InviteBody, UpdateUserBody } from '@switchyard/contracts';
import { json, type Operation } from '../catalog';
import { parameter } from '../parameters';
import { SESSION_EXAMPLE } from './auth';
import { CREATED, USER_EXAMPLE } from './examples';

const userId = parameter('UserId');
const INVITE_EXAMPLE = { object: 'invite', url: '/#/invite/Wk9rT2tLdnRrVnN4cW5fM0lqQ2pNY2R6b2J5N2tEZnE', expires_at: CREATED + 72 * 3600 };
const inviteToken = {
  name: 'token',
  in: 'path' as const,
  required: true,
  description: 'The secret of the link (the end of its URL)',
  schema: { type: 'string' as const },
  example: 'Wk9rT2tLdnRrVnN4cW5fM0lqQ2pNY2R6b2J5N2tEZnE',
};
const redirect = (description: string) => ({ description, headers: ['Location'] as const });
const PERSON_SESSION = {
  ...SESSION_EXAMPLE,
  user: { id: 'usr_3kF9aB2c', name: 'Ada', email: 'ada@example.com', role: 'user' },
  scopes: ['inference', 'usage:read'],
  method: 'password',
};
const STRENGTH =
  "At least 12 characters, not all of one kind (lower case, upper case, digits, others), not containing the email's local part; else 400 `weak_password` saying which.";

/** Local accounts (accounts/*.ts in the gateway): admins invite, reset and change users; users open their links; single sign-on. */
export const LOCAL_ACCOUNT_OPERATIONS: Operation[] = [
  {
    method: 'post',
    path: '/admin/users/{user_id}/invite',
    operationId: 'inviteUser',
    tag: 'Admin: users',
    summary: 'Invite a user to set a password',
    description:
      "Sets the user's email and returns a one-time link to the console's \"set your password\" page (`SWITCHYARD_INVITE_TTL_HOURS`, default 72). The link is shown only here; a new link replaces the user's earlier ones.",
    access: 'admin',
    parameters: [userId],
    body: { json: { payload: InviteBody, example: { email: 'ada@example.com' } } },
    responses: { 201: json('The link to hand to the user', 'Invite', INVITE_EXAMPLE) },
    errors: { 404: ['not_found'], 409: ['conflict'] },
  },
  {
    method: 'post',
    path: '/admin/users/{user_id}/password-reset',
    operationId: 'resetUserPassword',
    tag: 'Admin: users',
    summary: "Make a link to reset a user's password",
    description: 'A one-time link, as for an invite, for a user who has an email. Their current password works until the link is used.',
    access: 'admin',
    parameters: [userId],
    responses: { 201: json('The link to hand to the user', 'Invite', INVITE_EXAMPLE) },
    errors: { 400: ['invalid_value'], 404: ['not_found'] },
  },
  {
    method: 'patch',
    path: '/admin/users/{user_id}',
    operationId: 'updateUser',
    tag: 'Admin: users',
    summary: 'Change a user',
    description:
      "Only the fields sent change. `disabled: true` makes the user's keys and sessions fail at once and refuses their sign-ins; `email: null` removes the email (and with it password sign-in).",
    access: 'admin',
    parameters: [userId],
    body: { json: { payload: UpdateUserBody, example: { role: 'vip', disabled: false } } },
    responses: { 200: json('The user', 'User', { ...USER_EXAMPLE, role: 'vip' }) },
    errors: { 404: ['not_found'], 409: ['conflict'] },
  },
  {
    method: 'get',
    path: '/auth/invites/{token}',
    operationId: 'getInvite',
    tag: 'Console sign-in',
    summary: 'Read a one-time link',
    description: 'Who the link is for. An unknown, used or expired link is a 404 alike.',
    access: 'public',
    parameters: [inviteToken],
    responses: {
      200: json('The link', 'InviteDetails', {
        object: 'invite',
        email: 'ada@example.com',
        name: 'Ada',
        kind: 'invite',
        expires_at: INVITE_EXAMPLE.expires_at,
      }),
    },
    errors: { 404: ['not_found'] },
  },
  {
    method: 'post',
    path: '/auth/invites/{token}/accept',
    operationId: 'acceptInvite',
    tag: 'Console sign-in',
    summary: 'Set a password with a one-time link, and sign in',
    description: `Sets the password, uses the link up and opens a session as \`POST /auth/sign-in\` does (same answer and cookie). ${STRENGTH} A reset link also signs out the user's other sessions. A browser's \`Origin\`, when sent, must be this site.`,
    access: 'public',
    parameters: [inviteToken],
    body: { json: { payload: AcceptInviteBody, example: { password: 'Lovelace engine 1843' } } },
    responses: { 200: json('Signed in', 'Session', PERSON_SESSION, ['set-cookie']) },
    errors: { 400: ['weak_password'], 403: ['permission_denied'], 404: ['not_found'] },
  },
  {
    method: 'put',
    path: '/auth/password',
    operationId: 'changePassword',
    tag: 'Console sign-in',
    summary: 'Change your password',
    description: `The signed-in person's own password, given the current one (400 \`invalid_value\` naming \`current_password\` otherwise). ${STRENGTH} The user's other sessions end.`,
    access: 'session',
    body: {
      json: { payload: ChangePasswordBody, example: { current_password: 'old correct horse', new_password: 'new Battery staple 9' } },
    },
    responses: { 204: { description: 'Changed' } },
    errors: { 400: ['invalid_value', 'weak_password'], 404: ['not_found'] },
  },
  {
    method: 'get',
    path: '/auth/oidc/start',
    operationId: 'startSingleSignOn',
    tag: 'Console sign-in',
    summary: 'Sign in with the OpenID Connect provider',
    description:
      'For a browser: a redirect to the provider (authorization code with PKCE, state and nonce, kept for ten minutes in an HttpOnly cookie), or to `/#/sign-in?error=oidc_unavailable` when the provider cannot be reached. 404 when single sign-on is not configured.',
    access: 'public',
    responses: { 302: redirect("To the provider's sign-in page (or the console's, when the provider cannot be reached)") },
    errors: { 404: ['not_found'] },
  },
  {
    method: 'get',
    path: '/auth/oidc/callback',
    operationId: 'finishSingleSignOn',
    tag: 'Console sign-in',
    summary: 'Come back from the OpenID Connect provider',
    description:
      "Where the provider sends the browser. The user is found by the provider's subject, or made on their first sign-in (role `SWITCHYARD_OIDC_DEFAULT_ROLE`, no credit); a session opens and the browser goes to `/`. A failure goes to `/#/sign-in?error=<code>`: `oidc_expired` (no sign-in started in this browser, or it took more than ten minutes), `oidc_failed`, `account_disabled`.",
    access: 'public',
    parameters: [
      { name: 'code', in: 'query', description: "The provider's authorization code", schema: { type: 'string' } },
      { name: 'state', in: 'query', description: 'The state the sign-in started with', schema: { type: 'string' } },
    ],
    responses: {
      302: {
        description: 'To the console, signed in (with the session cookie), or to its sign-in page with the reason',
        headers: ['Location', 'set-cookie'],
      },
    },
  },
];
