import Busboy from 'busboy';
import { IncomingMessage } from 'http';
import { Readable } from 'stream';
import { BatchJsonlValidator, JsonlProblem } from '@switchyard/contracts';
import { ObjectStorage, ObjectTooLargeError } from '@switchyard/object-storage';

export interface ReceivedUpload {
  fields: Record<string, string>;
  file: { filename: string; declaredType: string | undefined; bytes: number } | null;
  /** why the file was not stored, if it was not */
  failure: 'too_large' | 'invalid_jsonl' | null;
  jsonlProblem: JsonlProblem | null;
}

/**
 * Reads a multipart upload from the raw request and streams its `file` part straight into object
 * storage under `objectKey`, never holding more than one storage part in memory. A batch file is
 * validated as it streams. On a refusal the rest of the request is drained (so the caller gets a
 * readable answer), and nothing stays in storage.
 */
export function receiveUpload(request: IncomingMessage, storage: ObjectStorage, objectKey: string, maxBytes: number, mayBeBatch: boolean): Promise<ReceivedUpload> {
  return new Promise((resolve, reject) => {
    const fields: Record<string, string> = {};
    const result: ReceivedUpload = { fields, file: null, failure: null, jsonlProblem: null };
    let upload: Promise<void> = Promise.resolve();
    let busboy: Busboy.Busboy;
    try {
      busboy = Busboy({ headers: request.headers, limits: { files: 1, fields: 20, fieldSize: 64 * 1024, parts: 30 } });
    } catch (error) {
      reject(error);
      return;
    }

    busboy.on('field', (name, value) => {
      fields[name] = value;
    });

    busboy.on('file', (name, stream: Readable, info) => {
      if (name !== 'file' || result.file) {
        stream.resume();
        return;
      }
      const file = { filename: info.filename || 'upload', declaredType: info.mimeType, bytes: 0 };
      result.file = file;
      // fields sent before the file tell us whether to validate; sent after, we validate anyway
      const validator = mayBeBatch && (fields.purpose === undefined || fields.purpose === 'batch') ? new BatchJsonlValidator() : null;
      const abortOnBadJsonl = fields.purpose === 'batch';
      async function* guarded() {
        for await (const chunk of stream.iterator({ destroyOnReturn: false }) as AsyncIterable<Buffer>) {
          if (validator) {
            validator.push(chunk);
            if (abortOnBadJsonl && validator.firstProblem) throw new InvalidJsonl(validator.firstProblem);
          }
          file.bytes += chunk.length;
          yield chunk;
        }
        if (validator) result.jsonlProblem = validator.end();
        if (abortOnBadJsonl && result.jsonlProblem) throw new InvalidJsonl(result.jsonlProblem);
      }
      upload = storage
        .putStream(objectKey, guarded(), { contentType: info.mimeType, maxBytes })
        .then(() => undefined)
        .catch((error) => {
          stream.resume(); // keep reading the request so the caller can read our answer
          if (error instanceof ObjectTooLargeError) result.failure = 'too_large';
          else if (error instanceof InvalidJsonl) {
            result.failure = 'invalid_jsonl';
            result.jsonlProblem = error.problem;
          } else throw error;
        });
    });

    busboy.on('close', () => {
      upload.then(() => resolve(result), reject);
    });
    busboy.on('error', (error) => {
      upload.finally(() => reject(error));
    });
    request.pipe(busboy);
  });
}

class InvalidJsonl extends Error {
  constructor(readonly problem: JsonlProblem) {
    super('invalid JSONL');
  }
}
