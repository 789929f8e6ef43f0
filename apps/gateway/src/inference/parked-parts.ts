import Busboy from 'busboy';
import { IncomingMessage } from 'http';
import { Readable } from 'stream';
import { ParkedFile, parkedObjectKey } from '@switchyard/contracts';
import { ObjectStorage, ObjectTooLargeError } from '@switchyard/object-storage';
import { mediaTypeOf } from '../files/media-type';

export interface ParkedParts {
  fields: Record<string, string>;
  /** by part name, in the order they came */
  files: { name: string; file: ParkedFile }[];
  tooLarge: boolean;
}

/**
 * Reads a multipart request whose file parts belong to one request only (an image edit's images
 * and mask): each is streamed into object storage under the caller's parked prefix, never held
 * in memory. The caller removes them when the request is over (`removeParked`).
 */
export function parkParts(request: IncomingMessage, storage: ObjectStorage, userId: string, requestId: string, maxBytesEach: number, maxFiles: number): Promise<ParkedParts> {
  return new Promise((resolve, reject) => {
    const result: ParkedParts = { fields: {}, files: [], tooLarge: false };
    const uploads: Promise<void>[] = [];
    let busboy: Busboy.Busboy;
    try {
      busboy = Busboy({ headers: request.headers, limits: { files: maxFiles, fields: 30, fieldSize: 64 * 1024 } });
    } catch (error) {
      reject(error);
      return;
    }
    busboy.on('field', (name, value) => (result.fields[name] = value));
    busboy.on('file', (name, stream: Readable, info) => {
      const objectKey = `${parkedObjectKey(userId, requestId)}-${uploads.length}`;
      const file: ParkedFile = { objectKey, filename: info.filename || 'image', mediaType: mediaTypeOf(info.filename || '', info.mimeType, undefined), bytes: 0 };
      result.files.push({ name, file });
      uploads.push(storage.putStream(objectKey, stream, { contentType: file.mediaType, maxBytes: maxBytesEach }).then(
        (stored) => void (file.bytes = stored.bytes),
        (error) => {
          stream.resume();
          if (error instanceof ObjectTooLargeError) result.tooLarge = true;
          else throw error;
        },
      ));
    });
    busboy.on('close', () => void Promise.all(uploads).then(() => resolve(result), reject));
    busboy.on('error', (error) => void Promise.allSettled(uploads).finally(() => reject(error)));
    request.pipe(busboy);
  });
}

export async function removeParked(storage: ObjectStorage, parts: ParkedParts): Promise<void> {
  await Promise.all(parts.files.map(({ file }) => storage.remove(file.objectKey).catch(() => undefined)));
}
