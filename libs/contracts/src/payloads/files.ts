import { Type } from 'class-transformer';
import { IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Matches, Max, MaxLength, Min, ValidateIf } from 'class-validator';

/** Purposes the Files API accepts; anything else is VALIDATION_4007. */
export const FilePurposes = ['batch', 'user_data', 'vision'] as const;
export type FilePurpose = (typeof FilePurposes)[number];

/** `expires_after[seconds]` bounds (1 hour to 30 days) and the default for batch files. */
export const FILE_EXPIRY_MIN_SECONDS = 3600;
export const FILE_EXPIRY_MAX_SECONDS = 2_592_000;
export const BATCH_FILE_DEFAULT_EXPIRY_SECONDS = 2_592_000;

export const FILE_ID_PATTERN = /^file-[A-Za-z0-9]{1,64}$/;

/** gateway → files, after the bytes are stored: make them a file. */
export class RegisterFileRequest {
  @Matches(FILE_ID_PATTERN) fileId!: string;
  @IsString() @IsNotEmpty() ownerUserId!: string;
  @IsIn(FilePurposes) purpose!: FilePurpose;
  @IsString() @IsNotEmpty() @MaxLength(1024) filename!: string;
  @IsInt() @Min(0) bytes!: number;
  @IsString() @IsNotEmpty() mediaType!: string;
  @IsString() @IsNotEmpty() objectKey!: string;
  /** from `expires_after[seconds]`; null means the purpose's default */
  @IsOptional() @ValidateIf((_, v) => v !== null) @IsInt() @Min(FILE_EXPIRY_MIN_SECONDS) @Max(FILE_EXPIRY_MAX_SECONDS) expiresAfterSeconds!: number | null;
}

export class FileRef {
  @IsString() @IsNotEmpty() ownerUserId!: string;
  @IsString() @IsNotEmpty() fileId!: string;
}

export class ListFilesRequest {
  @IsString() @IsNotEmpty() ownerUserId!: string;
  @IsOptional() @IsString() purpose?: string;
  @Type(() => Number) @IsInt() @Min(1) @Max(100) limit!: number;
  @IsOptional() @IsString() after?: string;
  @IsIn(['asc', 'desc']) order!: 'asc' | 'desc';
}

/** The OpenAI file object. */
export interface FileView {
  id: string;
  object: 'file';
  bytes: number;
  created_at: number;
  expires_at: number | null;
  filename: string;
  purpose: FilePurpose;
  status: 'processed';
  status_details: null;
}

export interface FileListReply {
  object: 'list';
  data: FileView[];
  first_id: string | null;
  last_id: string | null;
  has_more: boolean;
}

/** Where a caller's file's bytes are, for the gateway to stream them. */
export interface FileLocation {
  file: FileView;
  objectKey: string;
  mediaType: string;
}

export interface FileDeletedView {
  id: string;
  object: 'file';
  deleted: true;
}
