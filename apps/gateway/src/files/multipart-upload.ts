import { createHash } from 'crypto';
import { IncomingHttpHeaders } from 'http';
import { Readable } from 'stream';
import { BatchJsonlValidator, DomainError, JsonlProblem } from '@switchyard/contracts';
import { ObjectStorage, ObjectTooLargeError } from '@switchyard/object-storage';
import { MULTIPART_LIMITS } from '../http/edge-limits';
import { readMultipart } from '../http/multipart-reader';

export interface ReceivedUpload {
  fields: Record<string, string>;
  file: { filename: string; declaredType: string | undefined; bytes: number; sha256: string } | null;
  /** why the file was not stored, if it was not */
  failure: 'too_large' | 'invalid_jsonl' | null;
  jsonlProblem: JsonlProblem | null;
}

/** What an upload needs of object storage. */
export type UploadStorage = Pick<ObjectStorage, 'putStream' | 'remove'>;

/**
 * Reads a multipart upload with one `file` part from the raw request and streams that part straight
 * into object storage under `objectKey`, never holding more than one storage part in memory. A batch
 * file is validated as it streams. A refusal the caller can fix (too large, bad JSONL) is reported in
 * the result; a malformed body rejects with a 400 DomainError. Either way nothing stays in storage
 * unless the result says the file was stored.
 */
export async function receiveUpload(
  request: Readable & { headers: IncomingHttpHeaders },
  storage: UploadStorage,
  objectKey: string,
  maxBytes: number,
  mayBeBatch: boolean,
): Promise<ReceivedUpload> {
  const result: ReceivedUpload = { fields: {}, file: null, failure: null, jsonlProblem: null };
  let stored = false;
  let storing: Promise<unknown> = Promise.resolve();
  // one more file part than allowed, so a second `file` is refused by name rather than by count
  const limits = { ...MULTIPART_LIMITS, files: 2 };
  try {
    result.fields = await readMultipart(request, request.headers, limits, async (part, fields) => {
      if (part.name !== 'file')
        throw new DomainError('invalid_value', `Unexpected file part '${part.name}'; send the file in the part 'file'`, part.name);
      if (result.file) throw new DomainError('invalid_value', "Send one file per upload: the part 'file' came twice", 'file');
      const file = { filename: part.filename || 'upload', declaredType: part.mimeType, bytes: 0, sha256: '' };
      result.file = file;
      // fields sent before the file tell us whether to validate; sent after, we validate anyway
      const validator = mayBeBatch && (fields.purpose === undefined || fields.purpose === 'batch') ? new BatchJsonlValidator() : null;
      const abortOnBadJsonl = fields.purpose === 'batch';
      const hash = createHash('sha256');
      async function* guarded() {
        for await (const chunk of part.content.iterator({ destroyOnReturn: false }) as AsyncIterable<Buffer>) {
          if (validator) {
            validator.push(chunk);
            if (abortOnBadJsonl && validator.firstProblem) throw new InvalidJsonl(validator.firstProblem);
          }
          file.bytes += chunk.length;
          hash.update(chunk);
          yield chunk;
        }
        if (validator) result.jsonlProblem = validator.end();
        if (abortOnBadJsonl && result.jsonlProblem) throw new InvalidJsonl(result.jsonlProblem);
      }
      const put = storage.putStream(objectKey, guarded(), { contentType: part.mimeType, maxBytes });
      storing = put.then(
        () => void (stored = true),
        () => undefined,
      );
      try {
        await put;
        file.sha256 = hash.digest('hex');
      } catch (error) {
        part.content.resume(); // keep reading the request so the caller can read our answer
        if (error instanceof ObjectTooLargeError) result.failure = 'too_large';
        else if (error instanceof InvalidJsonl) {
          result.failure = 'invalid_jsonl';
          result.jsonlProblem = error.problem;
        } else throw error;
      }
    });
    return result;
  } catch (error) {
    // a file part may still be finishing its upload when a later part breaks the body
    await storing;
    if (stored) await storage.remove(objectKey).catch(() => undefined);
    throw error;
  }
}

class InvalidJsonl extends Error {
  constructor(readonly problem: JsonlProblem) {
    super('invalid JSONL');
  }
}
