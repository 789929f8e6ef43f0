import { IncomingHttpHeaders } from 'http';
import { PassThrough, Readable } from 'stream';
import { ObjectTooLargeError } from '@switchyard/object-storage';

/** Object storage in memory, for the multipart specs: what is stored, and what is left. */
export class MemoryStorage {
  readonly objects = new Map<string, Buffer>();

  async putStream(
    key: string,
    source: AsyncIterable<Buffer | Uint8Array | string>,
    options: { maxBytes?: number } = {},
  ): Promise<{ bytes: number }> {
    const chunks: Buffer[] = [];
    let total = 0;
    for await (const chunk of source) {
      const buffer = Buffer.from(chunk as Buffer);
      total += buffer.length;
      if (total > (options.maxBytes ?? Infinity)) throw new ObjectTooLargeError(options.maxBytes!);
      chunks.push(buffer);
    }
    this.objects.set(key, Buffer.concat(chunks));
    return { bytes: total };
  }

  async remove(key: string): Promise<void> {
    this.objects.delete(key);
  }
}

/** A request body as the gateway's raw request would stream it, with its headers. */
export function requestOf(
  body: Buffer | string,
  contentType: string | undefined,
  chunkSize = 7,
): Readable & { headers: IncomingHttpHeaders } {
  const bytes = Buffer.from(body);
  const chunks: Buffer[] = [];
  for (let at = 0; at < bytes.length; at += chunkSize) chunks.push(bytes.subarray(at, at + chunkSize));
  const stream = Readable.from(chunks, { objectMode: false }) as Readable & { headers: IncomingHttpHeaders };
  stream.headers = contentType === undefined ? {} : { 'content-type': contentType };
  return stream;
}

/** A request whose caller sends `body` and then leaves: the stream errors as Node's does for an aborted request. */
export function abortedRequestOf(body: string, contentType: string): Readable & { headers: IncomingHttpHeaders } {
  const stream = new PassThrough() as PassThrough & { headers: IncomingHttpHeaders };
  stream.headers = { 'content-type': contentType };
  stream.write(body);
  setTimeout(() => {
    stream.emit('aborted');
    stream.destroy(Object.assign(new Error('aborted'), { code: 'ECONNRESET' }));
  }, 5);
  return stream;
}

export const field = (boundary: string, name: string, value: string) =>
  `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
export const filePart = (boundary: string, name: string, filename: string, content: string, type = 'application/octet-stream') =>
  `--${boundary}\r\nContent-Disposition: form-data; name="${name}"; filename="${filename}"\r\nContent-Type: ${type}\r\n\r\n${content}\r\n`;
export const end = (boundary: string) => `--${boundary}--\r\n`;
