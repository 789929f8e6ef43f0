import { Type } from 'class-transformer';
import { IsInt, IsNotEmpty, IsObject, IsOptional, IsString, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';

/** Who did it: the signed-in user and the key they used (server-made by the gateway, never from a request body). */
export class AuditActor {
  @IsString() @IsNotEmpty() userId!: string;
  @IsString() @IsNotEmpty() keyId!: string;
}

/**
 * Who asked for an admin write, from where, under which request id: made by the gateway from the
 * authenticated request (never from a body) and sent with the write, so billing records the audit
 * entry in the write's own transaction (both commit or neither).
 */
export class AuditContext {
  @IsOptional() @ValidateNested() @Type(() => AuditActor) actor!: AuditActor | null;
  @IsOptional() @IsString() @MaxLength(100) callerAddress!: string | null;
  @IsOptional() @IsString() @MaxLength(200) requestId!: string | null;
}

/** One admin action or sign-in, as sent to `billing.audit.record`. */
export class AuditRecordRequest {
  @IsOptional() @ValidateNested() @Type(() => AuditActor) actor!: AuditActor | null;
  /** `<target type>.<verb>`, e.g. `user.create`, `credits.add`, `channel.delete` */
  @IsString() @Matches(/^[a-z_]+\.[a-z_]+$/) @MaxLength(100) action!: string;
  @IsString() @IsNotEmpty() @MaxLength(100) targetType!: string;
  @IsOptional() @IsString() @MaxLength(200) targetId!: string | null;
  @IsOptional() @IsObject() before!: Record<string, unknown> | null;
  @IsOptional() @IsObject() after!: Record<string, unknown> | null;
  @IsOptional() @IsString() @MaxLength(100) callerAddress!: string | null;
  @IsOptional() @IsString() @MaxLength(200) requestId!: string | null;
}

/** `GET /admin/audit-log`: filters and a cursor (`after` is an entry id), newest first. */
export class AuditListRequest {
  @IsOptional() @IsString() actorUserId?: string;
  @IsOptional() @IsString() action?: string;
  @IsOptional() @IsString() targetId?: string;
  /** unix seconds, inclusive */
  @IsOptional() @Type(() => Number) @IsInt() @Min(0) from?: number;
  /** unix seconds, exclusive */
  @IsOptional() @Type(() => Number) @IsInt() @Min(0) to?: number;
  @Type(() => Number) @IsInt() @Min(1) @Max(100) limit!: number;
  @IsOptional() @IsString() @Matches(/^\d+$/) after?: string;
}

export interface AuditEntryView {
  id: string;
  object: 'audit.entry';
  created_at: number;
  actor: { user_id: string; key_id: string } | null;
  action: string;
  target: { type: string; id: string | null };
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  caller_address: string | null;
  request_id: string | null;
}

export interface AuditListReply {
  object: 'list';
  data: AuditEntryView[];
  has_more: boolean;
}

/** Field names whose values are secrets: an API key, an upstream key, a password, a key hash. */
const SECRET_FIELD = /(^|_)(key|api_?key|password|secret|token|key_?hash)$|^(apiKey|keyHash|upstreamKey)$/i;

/** A copy of a before/after state with every secret value replaced, at any depth. */
export function redactSecrets<T>(value: T): T {
  if (Array.isArray(value)) return value.map((item) => redactSecrets(item)) as T;
  if (value === null || typeof value !== 'object') return value;
  const copy: Record<string, unknown> = {};
  for (const [name, field] of Object.entries(value as Record<string, unknown>)) {
    copy[name] = SECRET_FIELD.test(name) && field !== null ? '[redacted]' : redactSecrets(field);
  }
  return copy as T;
}
