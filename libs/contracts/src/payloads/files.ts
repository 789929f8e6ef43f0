import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Matches, Max, MaxLength, Min, ValidateIf } from 'class-validator';

/** Purposes the Files API accepts on upload; anything else is VALIDATION_4007. */
export const FilePurposes = ['batch', 'user_data', 'vision'] as const;
/** What a file record can hold: the uploadable purposes, and batch results written by `batches`. */
export const StoredFilePurposes = [...FilePurposes, 'batch_output', 'generation_output'] as const;
export type FilePurpose = (typeof StoredFilePurposes)[number];

/** The largest upload `/v1/files` takes unless `SWITCHYARD_MAX_UPLOAD_BYTES` says otherwise (105 MiB). */
export const DEFAULT_MAX_UPLOAD_BYTES = 105 * 1024 * 1024;

/** `expires_after[seconds]` bounds (1 hour to 30 days) and the default for batch files. */
export const FILE_EXPIRY_MIN_SECONDS = 3600;
export const FILE_EXPIRY_MAX_SECONDS = 2_592_000;
export const BATCH_FILE_DEFAULT_EXPIRY_SECONDS = 2_592_000;

/** OpenAI-mode ids look like `file-abc`, Anthropic-mode ids like `file_abc`, as each API's own do. */
export const FILE_ID_PATTERN = /^file[-_][A-Za-z0-9]{1,64}$/;

/** Which API a file was uploaded through; each API lists its own files. */
export const FileApis = ['openai', 'anthropic'] as const;
export type FileApi = (typeof FileApis)[number];

/** The Anthropic beta flag of its Files API: it turns `/v1/files` into Anthropic's Files API, and upstream it is sent with file requests. */
export const ANTHROPIC_FILES_BETA = 'files-api-2025-04-14';

/** The purpose recorded for Anthropic-mode uploads, which carry none. */
export const ANTHROPIC_FILE_PURPOSE = 'user_data';

/** gateway → files, after the bytes are stored: make them a file. */
export class RegisterFileRequest {
  @Matches(FILE_ID_PATTERN) fileId!: string;
  @IsString() @IsNotEmpty() ownerUserId!: string;
  @IsIn(FileApis) api!: FileApi;
  @IsIn(StoredFilePurposes) purpose!: FilePurpose;
  @IsString() @IsNotEmpty() @MaxLength(1024) filename!: string;
  @IsInt() @Min(0) bytes!: number;
  @IsString() @IsNotEmpty() mediaType!: string;
  @IsString() @IsNotEmpty() objectKey!: string;
  /** from `expires_after[seconds]`; null means the purpose's default */
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsInt()
  @Min(FILE_EXPIRY_MIN_SECONDS)
  @Max(FILE_EXPIRY_MAX_SECONDS)
  expiresAfterSeconds!: number | null;
}

export class FileRef {
  @IsString() @IsNotEmpty() ownerUserId!: string;
  @IsIn(FileApis) api!: FileApi;
  @IsString() @IsNotEmpty() fileId!: string;
}

/**
 * Where a file's bytes are. A batch reading its input (`includeDeleted`) still finds a file
 * deleted after the batch was created, as long as its bytes are retained.
 */
export class LocateFileRequest extends FileRef {
  @IsOptional() @IsBoolean() includeDeleted?: boolean;
}

export class ListFilesRequest {
  @IsString() @IsNotEmpty() ownerUserId!: string;
  @IsIn(FileApis) api!: FileApi;
  @IsOptional() @IsString() purpose?: string;
  @Type(() => Number) @IsInt() @Min(1) @Max(1000) limit!: number;
  /** the page after this file id, in the list's order */
  @IsOptional() @IsString() after?: string;
  /** the page before this file id, in the list's order (Anthropic's `before_id`) */
  @IsOptional() @IsString() before?: string;
  @IsIn(['asc', 'desc']) order!: 'asc' | 'desc';
}

/** A file record as the files service keeps it; the gateway renders it in the caller's API shape. */
export interface StoredFile {
  id: string;
  api: FileApi;
  purpose: FilePurpose;
  filename: string;
  bytes: number;
  mediaType: string;
  /** unix seconds */
  createdAt: number;
  expiresAt: number | null;
}

export interface StoredFilePage {
  data: StoredFile[];
  hasMore: boolean;
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

export interface OpenAiFileList {
  object: 'list';
  data: FileView[];
  first_id: string | null;
  last_id: string | null;
  has_more: boolean;
}

/** Anthropic's file metadata object (Files API beta). */
export interface AnthropicFileView {
  id: string;
  type: 'file';
  filename: string;
  mime_type: string;
  size_bytes: number;
  created_at: string;
  downloadable: boolean;
}

/** Where a caller's file's bytes are, for the gateway to stream them. */
export interface FileLocation {
  file: StoredFile;
  objectKey: string;
}

export interface FileRemoved {
  id: string;
  api: FileApi;
}
