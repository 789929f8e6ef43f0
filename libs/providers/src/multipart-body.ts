import { randomBytes } from 'crypto';
import { PassThrough, Readable } from 'stream';
import type { UpstreamFile } from './provider-adapter';

function fieldsOf(body: Record<string, unknown>, skip: ReadonlySet<string>): [string, string][] {
  const fields: [string, string][] = [];
  for (const [name, value] of Object.entries(body)) {
    if (skip.has(name) || value === undefined || value === null) continue;
    if (Array.isArray(value)) for (const item of value) fields.push([`${name}[]`, String(item)]);
    else fields.push([name, typeof value === 'object' ? JSON.stringify(value) : String(value)]);
  }
  return fields;
}

const quoted = (text: string) => text.replace(/["\r\n]/g, '_');

/**
 * A multipart/form-data body of plain fields and streamed files, with its exact length (so the
 * upstream needs no chunked encoding) and without ever holding a file in memory.
 */
export function multipartBody(
  body: Record<string, unknown>,
  files: Record<string, UpstreamFile>,
): { stream: Readable; contentType: string; length: number } {
  const boundary = `switchyard${randomBytes(12).toString('hex')}`;
  const head = fieldsOf(body, new Set(Object.keys(files)))
    .map(([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${quoted(name)}"\r\n\r\n${value}\r\n`)
    .join('');
  const parts = Object.entries(files).map(([name, file]) => ({
    header: `--${boundary}\r\nContent-Disposition: form-data; name="${quoted(name)}"; filename="${quoted(file.filename)}"\r\nContent-Type: ${file.mediaType}\r\n\r\n`,
    file,
  }));
  const tail = `--${boundary}--\r\n`;
  const length =
    Buffer.byteLength(head) + parts.reduce((sum, p) => sum + Buffer.byteLength(p.header) + p.file.bytes + 2, 0) + Buffer.byteLength(tail);
  const stream = new PassThrough();
  void (async () => {
    stream.write(head);
    for (const { header, file } of parts) {
      stream.write(header);
      for await (const chunk of file.content as AsyncIterable<Buffer>)
        if (!stream.write(chunk)) await new Promise((r) => stream.once('drain', r));
      stream.write('\r\n');
    }
    stream.end(tail);
  })().catch((error) => stream.destroy(error));
  return { stream, contentType: `multipart/form-data; boundary=${boundary}`, length };
}
