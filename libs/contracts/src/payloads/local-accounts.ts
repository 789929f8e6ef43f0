import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsDefined,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { MAX_PASSWORD_LENGTH } from '../password-strength';
import { Roles, type Role } from './principal';
import type { UserView } from './accounts';
import { AuditContext } from './audit';

/** One `@`, something on each side, a dot in the domain, no spaces: deliverability is the inviter's business. */
export const EMAIL_PATTERN = /^[^\s@]{1,64}@[^\s@.]+(\.[^\s@.]+)+$/;
const isEmail = Matches(EMAIL_PATTERN, { message: 'email must be an email address' });
const isPassword = (name: string) => [IsString(), IsNotEmpty({ message: `${name} is required` }), MaxLength(MAX_PASSWORD_LENGTH)];
function apply(...decorators: PropertyDecorator[]): PropertyDecorator {
  return (target, key) => decorators.forEach((d) => d(target, key));
}

export const InviteKinds = ['invite', 'reset'] as const;
export type InviteKind = (typeof InviteKinds)[number];

/** `PATCH /admin/users/{id}`: only the fields sent change; `email: null` removes the email (and so password sign-in). */
export class UpdateUserBody {
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(200) name?: string;
  @IsOptional() @ValidateIf((_, v: unknown) => v !== null) @IsString() @MaxLength(254) @isEmail email?: string | null;
  @IsOptional() @IsIn(Roles) role?: Role;
  @IsOptional() @IsBoolean() disabled?: boolean;
}

export class UpdateUserRequest {
  @IsString() @IsNotEmpty() userId!: string;
  @ValidateNested() @Type(() => UpdateUserBody) body!: UpdateUserBody;
  /** an admin's (or, for keys, the owner's) write: recorded in the audit log in the same transaction */
  @IsOptional() @ValidateNested() @Type(() => AuditContext) audit?: AuditContext;
}

/** `GET /admin/users?search=&limit=&after=`: users whose id, name or email contains the text, oldest first. */
export class UserSearchRequest {
  @IsOptional() @IsString() @MaxLength(200) search?: string;
  @Type(() => Number) @IsInt() @Min(1) @Max(1000) limit!: number;
  /** the id of the last user of the previous page */
  @IsOptional() @IsString() @IsNotEmpty() after?: string;
}

export interface UserListReply {
  object: 'list';
  data: UserView[];
  has_more: boolean;
}

/** `POST /admin/users/{id}/invite`. */
export class InviteBody {
  @IsDefined({ message: 'email is required' }) @IsString() @MaxLength(254) @isEmail email!: string;
}

/** gateway → billing: make a one-time link for a user (an invite sets their email first). */
export class CreateInviteRequest {
  @IsString() @IsNotEmpty() userId!: string;
  @IsIn(InviteKinds) kind!: InviteKind;
  /** required for an invite; a reset goes to the email the user has */
  @IsOptional() @IsString() @MaxLength(254) @isEmail email?: string;
  /** the admin who asked */
  @IsOptional() @IsString() createdBy?: string;
  /** an admin's (or, for keys, the owner's) write: recorded in the audit log in the same transaction */
  @IsOptional() @ValidateNested() @Type(() => AuditContext) audit?: AuditContext;
}

/** billing → gateway: the link's secret, shown once (billing keeps only its sha256). */
export interface CreatedInvite {
  token: string;
  kind: InviteKind;
  email: string;
  expiresAt: number;
}

/** What the admin gets: the link to hand over. */
export interface InviteView {
  object: 'invite';
  url: string;
  expires_at: number;
}

/** A link's token, as the gateway hashed it (sha256 hex): the token itself stays at the edge. */
export class InviteRef {
  @Matches(/^[0-9a-f]{64}$/) tokenHash!: string;
}

/** `GET /auth/invites/{token}`: what the page setting a password shows. */
export interface InvitePeekView {
  object: 'invite';
  email: string;
  name: string;
  kind: InviteKind;
  expires_at: number;
}

/** `POST /auth/invites/{token}/accept`. */
export class AcceptInviteBody {
  @IsDefined({ message: 'password is required' }) @apply(...isPassword('password')) password!: string;
}

export class AcceptInviteRequest {
  @Matches(/^[0-9a-f]{64}$/) tokenHash!: string;
  @ValidateNested() @Type(() => AcceptInviteBody) body!: AcceptInviteBody;
}

/** A user as sign-in sees them: who to open a session for. */
export interface AccountIdentity {
  userId: string;
  name: string;
  email: string | null;
  role: Role;
}

/** gateway → billing: is this the password of the enabled user with this email? null when not (whatever the reason). */
export class VerifyPasswordRequest {
  @IsString() @MaxLength(254) email!: string;
  @apply(...isPassword('password')) password!: string;
}

/** `PUT /auth/password`. */
export class ChangePasswordBody {
  @IsDefined({ message: 'current_password is required' }) @apply(...isPassword('current_password')) current_password!: string;
  @IsDefined({ message: 'new_password is required' }) @apply(...isPassword('new_password')) new_password!: string;
}

export class ChangePasswordRequest {
  @IsString() @IsNotEmpty() userId!: string;
  @ValidateNested() @Type(() => ChangePasswordBody) body!: ChangePasswordBody;
}

/** gateway → billing: the user an OpenID provider vouched for, found by (issuer, subject) or made now. */
export class OidcSignInRequest {
  @IsString() @IsNotEmpty() @MaxLength(2000) issuer!: string;
  @IsString() @IsNotEmpty() @MaxLength(255) subject!: string;
  /** only a verified email from the claims: an unverified one could claim someone else's account */
  @IsOptional() @IsString() @MaxLength(254) @isEmail email?: string;
  @IsOptional() @IsString() @MaxLength(200) name?: string;
  @IsIn(Roles) defaultRole!: Role;
}

/** billing → every gateway: this user's principals (role, enabled) changed. */
export interface UserChangedEvent {
  userId: string;
}
