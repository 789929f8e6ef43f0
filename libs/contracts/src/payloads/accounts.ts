import { Type } from 'class-transformer';
import {
  ArrayUnique,
  IsArray,
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
  NotEquals,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { AuditContext } from './audit';
import { Roles, Scopes, type Role, type Scope } from './principal';

import { IsDecimalNumber, IsUsdAmount } from '../money';

export class CreateUserBody {
  @IsDefined({ message: 'name is required' }) @IsString() @IsNotEmpty() @MaxLength(200) name!: string;
  @IsOptional() @IsIn(Roles) role?: Role;
  @IsOptional() @IsUsdAmount() @Min(0) @Max(1e9) credits?: number;
}

/** gateway → billing: a new user; the gateway adds `audit` after validating the caller's body. */
export class CreateUserRequest extends CreateUserBody {
  /** an admin's (or, for keys, the owner's) write: recorded in the audit log in the same transaction */
  @IsOptional() @ValidateNested() @Type(() => AuditContext) audit?: AuditContext;
}

export interface UserView {
  id: string;
  object: 'user';
  name: string;
  /** the email password sign-in goes by; null: none */
  email: string | null;
  role: Role;
  /** when an admin disabled the user (their keys, sessions and sign-ins fail); null: enabled */
  disabled_at: number | null;
  balance: number;
  /** USD owed: a request cost more than was set aside for it; credits repay it first, paid requests are refused until then */
  debt: number;
  /** the limit in force (null = unlimited) and whether it is the user's own or their role's */
  requests_per_minute: number | null;
  rate_limit_source: 'role' | 'user';
  created_at: number;
}

export class CreateKeyBody {
  @IsOptional() @IsString() @MaxLength(200) name?: string;
  @IsOptional() @IsArray() @ArrayUnique() @IsIn(Scopes, { each: true }) scopes?: Scope[];
}

export class CreateKeyRequest {
  @IsString() @IsNotEmpty() userId!: string;
  @ValidateNested() @Type(() => CreateKeyBody) body!: CreateKeyBody;
  /** an admin's (or, for keys, the owner's) write: recorded in the audit log in the same transaction */
  @IsOptional() @ValidateNested() @Type(() => AuditContext) audit?: AuditContext;
}

export interface KeyView {
  id: string;
  object: 'api_key';
  name: string;
  scopes: Scope[];
  /** the first characters, to recognise a key without revealing it */
  prefix: string;
  created_at: number;
  revoked_at: number | null;
  /** when a request last came with it (to the minute); null: never */
  last_used_at: number | null;
}

/** Returned once, at creation: the only time the secret is shown. */
export interface CreatedKeyView extends KeyView {
  key: string;
}

export class AddCreditBody {
  @IsDefined({ message: 'amount is required' }) @IsUsdAmount() @NotEquals(0) @Min(-1e9) @Max(1e9) amount!: number;
}

export class AddCreditRequest {
  @IsString() @IsNotEmpty() userId!: string;
  @ValidateNested() @Type(() => AddCreditBody) body!: AddCreditBody;
  /** an admin's write: recorded in the audit log in the same transaction */
  @IsOptional() @ValidateNested() @Type(() => AuditContext) audit?: AuditContext;
}

export class UserRef {
  @IsString() @IsNotEmpty() userId!: string;
}

export class KeyRef {
  @IsString() @IsNotEmpty() userId!: string;
  @IsString() @IsNotEmpty() keyId!: string;
}

export class RevokeKeyRequest extends KeyRef {
  /** an admin's (or, for keys, the owner's) write: recorded in the audit log in the same transaction */
  @IsOptional() @ValidateNested() @Type(() => AuditContext) audit?: AuditContext;
}

export class ClearUserRateLimitRequest extends UserRef {
  /** an admin's (or, for keys, the owner's) write: recorded in the audit log in the same transaction */
  @IsOptional() @ValidateNested() @Type(() => AuditContext) audit?: AuditContext;
}

export class VerifyKeyRequest {
  /** sha256 hex of the presented key: the secret itself never leaves the gateway */
  @IsString() @IsNotEmpty() keyHash!: string;
}

/** billing → every router: this user owes debt, so no request of theirs may draw on a lease granted before. */
export class UserIndebtedEvent {
  @IsString() @IsNotEmpty() userId!: string;
}

/** billing → every gateway: drop the cached principal of this key. */
export interface KeyRevokedEvent {
  keyHash: string;
}

/** billing → every router and billing replica: this model's price changed (or was set). */
export interface PriceChangedEvent {
  model: string;
}

const nullable = ValidateIf((_, v: unknown) => v !== null);

export class SetPriceBody {
  @IsDefined({ message: 'input_per_million is required' }) @IsUsdAmount() @Min(0) @Max(1e6) input_per_million!: number;
  @IsDefined({ message: 'output_per_million is required' }) @IsUsdAmount() @Min(0) @Max(1e6) output_per_million!: number;
  /** input read from the provider's prompt cache; absent or null = the input price */
  @IsOptional() @nullable @IsUsdAmount() @Min(0) @Max(1e6) cached_input_per_million?: number | null;
  @IsOptional() @nullable @IsUsdAmount() @Min(0) @Max(1e6) cache_write_input_per_million?: number | null;
  @IsOptional() @IsDecimalNumber(6) @Min(0) @Max(1) batch_discount?: number;
  /** per-unit prices for media endpoints: per image, per second of audio, per call */
  @IsOptional() @nullable @IsUsdAmount() @Min(0) @Max(1e6) per_image?: number | null;
  @IsOptional() @nullable @IsUsdAmount() @Min(0) @Max(1e6) per_audio_second?: number | null;
  @IsOptional() @nullable @IsUsdAmount() @Min(0) @Max(1e6) per_call?: number | null;
}

export class SetPriceRequest {
  @IsString() @IsNotEmpty() @MaxLength(200) model!: string;
  @ValidateNested() @Type(() => SetPriceBody) body!: SetPriceBody;
  /** an admin's write: recorded in the audit log in the same transaction */
  @IsOptional() @ValidateNested() @Type(() => AuditContext) audit?: AuditContext;
}

export interface PriceView {
  model: string;
  object: 'price';
  input_per_million: number;
  output_per_million: number;
  cached_input_per_million: number | null;
  cache_write_input_per_million: number | null;
  batch_discount: number;
  per_image: number | null;
  per_audio_second: number | null;
  per_call: number | null;
  updated_at: number;
}

/** admin → billing: a page of the price book, ordered by model id; `after` is the last model of the previous page. */
export class PriceBookRequest {
  @Type(() => Number) @IsInt() @Min(1) @Max(500) limit!: number;
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(200) after?: string;
}

export interface PriceBookView {
  object: 'list';
  data: PriceView[];
  has_more: boolean;
}

/** `{requests_per_minute: n}` or `{requests_per_minute: null}` for unlimited; the field must be present. */
export class SetRateLimitBody {
  @ValidateIf((o: SetRateLimitBody) => o.requests_per_minute !== null)
  @IsInt({ message: 'requests_per_minute must be a positive integer or null (unlimited)' })
  @Min(1)
  @Max(10_000_000)
  requests_per_minute!: number | null;
}

export class SetRoleRateLimitRequest {
  @IsIn(Roles) role!: Role;
  @ValidateNested() @Type(() => SetRateLimitBody) body!: SetRateLimitBody;
  /** an admin's write: recorded in the audit log in the same transaction */
  @IsOptional() @ValidateNested() @Type(() => AuditContext) audit?: AuditContext;
}

export class SetUserRateLimitRequest {
  @IsString() @IsNotEmpty() userId!: string;
  @ValidateNested() @Type(() => SetRateLimitBody) body!: SetRateLimitBody;
  /** an admin's (or, for keys, the owner's) write: recorded in the audit log in the same transaction */
  @IsOptional() @ValidateNested() @Type(() => AuditContext) audit?: AuditContext;
}

export interface RoleRateLimitView {
  object: 'rate_limit';
  role: Role;
  requests_per_minute: number | null;
}

/** router → billing: set money aside for one request before it reaches a paid upstream. */
export class CreateHoldRequest {
  @IsString() @IsNotEmpty() requestId!: string;
  @IsString() @IsNotEmpty() userId!: string;
  /** nano-dollars, as a decimal string (bigint) */
  @Matches(/^\d{1,19}$/) amountNano!: string;
  /** how long the hold may live if its usage never arrives */
  @IsInt() @Min(1000) ttlMs!: number;
  /**
   * Makes the hold a credit lease: grant as much of amountNano as leaves half of the available
   * balance free, but never less than this (refused if even this does not fit).
   */
  @IsOptional() @Matches(/^\d{1,19}$/) minimumNano?: string;
}

export class ReservedTokens {
  @IsString() @IsNotEmpty() model!: string;
  @IsInt() @Min(0) promptTokens!: number;
  @IsInt() @Min(0) completionTokens!: number;
}

/**
 * batches → billing: set aside, for a whole batch, the worst case of its lines at the batch price
 * (billing prices it). Lines then draw on it instead of holding money one by one.
 */
export class ReserveRequest {
  /** the batch id: a retried reservation finds the first */
  @IsString() @IsNotEmpty() requestId!: string;
  @IsString() @IsNotEmpty() userId!: string;
  @IsArray() @ValidateNested({ each: true }) @Type(() => ReservedTokens) items!: ReservedTokens[];
  @IsInt() @Min(1000) ttlMs!: number;
}

export class ReleaseHoldRequest {
  @IsString() @IsNotEmpty() requestId!: string;
  /** give back only this much (nano-dollars), keeping the rest held; without it the whole hold goes */
  @IsOptional() @Matches(/^\d{1,19}$/) amountNano?: string;
}

export interface HoldView {
  request_id: string;
  amount_nano: string;
}

/** A price in exact units, for services that compute costs (the router shows them to callers). */
export interface PriceWire {
  model: string;
  inputNanoPerMillion: string;
  outputNanoPerMillion: string;
  cachedInputNanoPerMillion: string | null;
  cacheWriteInputNanoPerMillion?: string | null;
  batchDiscountPpm: string;
  imageNano?: string | null;
  audioSecondNano?: string | null;
  callNano?: string | null;
}
