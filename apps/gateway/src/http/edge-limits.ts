import { MAX_PARKED_PARTS } from '@switchyard/contracts';
import { MultipartLimits } from './multipart-reader';

/** How deep a JSON body may nest: far beyond any real request (JSON schemas included), far below a stack. */
export const JSON_MAX_DEPTH = 64;

/** The longest request URL (path and query) taken; longer is a 414. */
export const URL_MAX_BYTES = 8 * 1024;

/**
 * Node's limit on the request line and headers together (its default, set explicitly so it is
 * written down); beyond it Node's parser refuses the request and we answer 431.
 */
export const HEADERS_MAX_BYTES = 16 * 1024;

/** A multipart upload of one file (`/v1/files`, `/v1/audio/transcriptions`). */
export const MULTIPART_LIMITS: MultipartLimits = {
  files: 1,
  fields: 20,
  fieldBytes: 64 * 1024,
  partHeaders: 8,
  filenameChars: 1024,
  typeChars: 255,
};

/** A multipart image edit: up to 16 images and a mask. */
export const PARKED_MULTIPART_LIMITS: MultipartLimits = { ...MULTIPART_LIMITS, files: MAX_PARKED_PARTS, fields: 30 };
