import { Type } from 'class-transformer';
import { IsDefined, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Max, Min, ValidateNested, registerDecorator } from 'class-validator';
import { Principal } from './principal';

/** Endpoints a batch can target today (the router serves these). */
export const BatchEndpoints = ['/v1/chat/completions', '/v1/embeddings', '/v1/completions', '/v1/responses'] as const;
export type BatchEndpoint = (typeof BatchEndpoints)[number];
export const BATCH_COMPLETION_WINDOWS = ['24h'] as const;

function IsBatchMetadata() {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'isBatchMetadata',
      target: target.constructor,
      propertyName,
      options: { message: 'metadata must be an object of at most 16 string values, keys up to 64 and values up to 512 characters' },
      validator: {
        validate(value: unknown) {
          if (value === null || value === undefined) return true;
          if (typeof value !== 'object' || Array.isArray(value)) return false;
          const entries = Object.entries(value as Record<string, unknown>);
          return entries.length <= 16 && entries.every(([k, v]) => k.length <= 64 && typeof v === 'string' && v.length <= 512);
        },
      },
    });
}

export class CreateBatchBody {
  @IsDefined({ message: 'input_file_id is required' }) @IsString() @IsNotEmpty() input_file_id!: string;
  @IsDefined({ message: 'endpoint is required' })
  @IsIn(BatchEndpoints, { message: `endpoint must be one of: ${BatchEndpoints.join(', ')}` })
  endpoint!: BatchEndpoint;
  @IsDefined({ message: 'completion_window is required' })
  @IsIn(BATCH_COMPLETION_WINDOWS, { message: "completion_window must be '24h'" })
  completion_window!: '24h';
  @IsOptional() @IsBatchMetadata() metadata?: Record<string, string> | null;
}

export class CreateBatchRequest {
  @ValidateNested() @Type(() => Principal) principal!: Principal;
  @ValidateNested() @Type(() => CreateBatchBody) body!: CreateBatchBody;
}

export class BatchRef {
  @IsString() @IsNotEmpty() ownerUserId!: string;
  @IsString() @IsNotEmpty() batchId!: string;
}

export class ListBatchesRequest {
  @IsString() @IsNotEmpty() ownerUserId!: string;
  @Type(() => Number) @IsInt() @Min(1) @Max(100) limit!: number;
  @IsOptional() @IsString() after?: string;
}

export type BatchStatus = 'validating' | 'failed' | 'in_progress' | 'finalizing' | 'completed' | 'expired' | 'cancelling' | 'cancelled';

export interface BatchErrorEntry {
  code: string;
  message: string;
  param: string | null;
  line: number | null;
}

/** The OpenAI Batch object. */
export interface BatchView {
  id: string;
  object: 'batch';
  endpoint: string;
  model: string | null;
  errors: { object: 'list'; data: BatchErrorEntry[] } | null;
  input_file_id: string;
  completion_window: string;
  status: BatchStatus;
  output_file_id: string | null;
  error_file_id: string | null;
  created_at: number;
  in_progress_at: number | null;
  expires_at: number | null;
  finalizing_at: number | null;
  completed_at: number | null;
  failed_at: number | null;
  expired_at: number | null;
  cancelling_at: number | null;
  cancelled_at: number | null;
  request_counts: { total: number; completed: number; failed: number };
  metadata: Record<string, string> | null;
}

export interface BatchListReply {
  object: 'list';
  data: BatchView[];
  first_id: string | null;
  last_id: string | null;
  has_more: boolean;
}
