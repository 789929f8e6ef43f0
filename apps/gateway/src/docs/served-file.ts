import { createHash } from 'crypto';

/** A file the docs routes answer with: its bytes and every header that goes with them (type, caching, ETag). */
export interface ServedFile {
  body: Buffer;
  headers: Record<string, string>;
}

/** `body` with `headers`, an ETag of its bytes, and no content sniffing by the browser. */
export function servedFile(body: string | Buffer, headers: Record<string, string>): ServedFile {
  const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  const etag = `"${createHash('sha256').update(bytes).digest('base64url').slice(0, 27)}"`;
  return { body: bytes, headers: { ...headers, etag, 'x-content-type-options': 'nosniff' } };
}

/** Whether a request's `If-None-Match` names the file's current version (strong or weak), so a 304 answers it. */
export function isUnchanged(ifNoneMatch: string | undefined, file: ServedFile): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch
    .split(',')
    .map((tag) => tag.trim().replace(/^W\//, ''))
    .some((tag) => tag === '*' || tag === file.headers.etag);
}
