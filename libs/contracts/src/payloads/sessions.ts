import { createHash, randomBytes } from 'crypto';
import { ArrayUnique, IsArray, IsIn, IsNotEmpty, IsOptional, IsString, MaxLength, ValidateIf } from 'class-validator';
import { Scopes, type Principal, type Role, type Scope } from './principal';

/** The console's session cookie: it names a server-side session (billing.sessions), never holds a secret of its own. */
export const SESSION_COOKIE = 'switchyard_session';
/** Session ids (`ses_…`) are the principal's keyId when a request is authorised by the cookie. */
export const SESSION_ID_PREFIX = 'ses_';

export const SessionMethods = ['api_key', 'password', 'oidc'] as const;
export type SessionMethod = (typeof SessionMethods)[number];

/** 256 random bits, url-safe: the cookie's value. */
export function generateSessionToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Sessions are stored and looked up by this hash only. */
export function hashSessionToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export function isSessionPrincipal(principal: Pick<Principal, 'keyId'>): boolean {
  return principal.keyId.startsWith(SESSION_ID_PREFIX);
}

/** What a role may hold: the scopes of a password or SSO session, and the ceiling of the keys a user makes for themself. */
export function roleScopes(role: Role): Scope[] {
  return role === 'admin' ? ['inference', 'usage:read', 'admin'] : ['inference', 'usage:read'];
}

const nullable = ValidateIf((_, v: unknown) => v !== null && v !== undefined);

/** Any billing code (or the gateway, over `billing.session.create`) opens a session after it has checked the credentials. */
export class CreateSessionRequest {
  @IsString() @IsNotEmpty() userId!: string;
  @IsIn(SessionMethods) method!: SessionMethod;
  /** API-key sign-in: the key's scopes; password and SSO sessions take their role's at each verification */
  @IsArray() @ArrayUnique() @IsIn(Scopes, { each: true }) scopes!: Scope[];
  /** the key signed in with: revoking it ends the session */
  @IsOptional() @nullable @IsString() @IsNotEmpty() keyId?: string | null;
  @IsOptional() @nullable @IsString() @MaxLength(100) ip?: string | null;
  @IsOptional() @nullable @IsString() @MaxLength(500) userAgent?: string | null;
}

export interface SessionUserView {
  id: string;
  name: string;
  email: string | null;
  role: Role;
}

/** `POST /auth/sign-in`, `GET /auth/session`. */
export interface SessionView {
  object: 'session';
  user: SessionUserView;
  scopes: Scope[];
  method: SessionMethod;
  /** unix seconds: the earlier of the idle and the absolute expiry */
  expires_at: number;
}

/** The reply of `billing.session.create`: the token goes into the cookie and is not stored anywhere. */
export interface CreatedSession {
  token: string;
  sessionId: string;
  /** the key signed in with, for API-key sign-in */
  keyId: string | null;
  /** unix seconds: the session ends then however active it is */
  absoluteExpiresAt: number;
  session: SessionView;
}

export class VerifySessionRequest {
  @IsString() @IsNotEmpty() tokenHash!: string;
}

export interface VerifiedSession {
  sessionId: string;
  principal: Principal;
  session: SessionView;
}

export class SessionListRequest {
  @IsString() @IsNotEmpty() userId!: string;
  @IsOptional() @IsString() currentSessionId?: string;
}

export interface SessionListItemView {
  id: string;
  object: 'session.summary';
  method: SessionMethod;
  created_at: number;
  last_seen_at: number;
  expires_at: number;
  ip: string | null;
  user_agent: string | null;
  current: boolean;
}

export interface SessionListView {
  object: 'list';
  data: SessionListItemView[];
}

export class SessionRef {
  @IsString() @IsNotEmpty() userId!: string;
  @IsString() @IsNotEmpty() sessionId!: string;
}

export class RevokeAllSessionsRequest {
  @IsString() @IsNotEmpty() userId!: string;
  /** keep this one (a password change signs out the user's other sessions) */
  @IsOptional() @IsString() exceptSessionId?: string;
}

/** `POST /auth/sign-in`: an API key, or an email and password. */
export class SignInBody {
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(500) api_key?: string;
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(320) email?: string;
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(1000) password?: string;
}

/** What revoking answers: how many sessions ended, and their hashes, so the asking gateway drops them at once. */
export interface SessionsRevokedReply {
  revoked: number;
  tokenHashes: string[];
}

/** billing → every gateway: drop these sessions from the cache, they are revoked. */
export interface SessionsRevokedEvent {
  tokenHashes: string[];
}

/**
 * Who a sign-in attempt is counted against: the account (`key:<sha256 of the key>` or `email:<lower-case email>`)
 * and the address it came from. Failures slow both down.
 */
export class SignInAttempt {
  @IsString() @IsNotEmpty() @MaxLength(400) account!: string;
  @IsOptional() @nullable @IsString() @MaxLength(100) address?: string | null;
}

/** null: go ahead; else the seconds to wait before the next attempt. */
export interface SignInThrottleReply {
  retryAfter: number | null;
}

export class SignInFailedRequest extends SignInAttempt {
  @IsIn(SessionMethods) method!: SessionMethod;
  /** the user the attempt named, when the account exists */
  @IsOptional() @nullable @IsString() userId?: string | null;
  @IsOptional() @nullable @IsString() @MaxLength(200) requestId?: string | null;
}

export class SignInSucceededRequest extends SignInAttempt {
  @IsIn(SessionMethods) method!: SessionMethod;
  @IsString() @IsNotEmpty() userId!: string;
  @IsString() @IsNotEmpty() sessionId!: string;
  /** the key signed in with (API-key sign-in) */
  @IsOptional() @nullable @IsString() keyId?: string | null;
  @IsOptional() @nullable @IsString() @MaxLength(200) requestId?: string | null;
}
