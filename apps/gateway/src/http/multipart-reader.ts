import Busboy from 'busboy';
import { IncomingHttpHeaders } from 'http';
import { Readable } from 'stream';
import { DomainError } from '@switchyard/contracts';

export interface MultipartLimits {
  /** file parts */
  files: number;
  /** plain fields */
  fields: number;
  /** bytes of one plain field's value */
  fieldBytes: number;
  /** header lines of one part */
  partHeaders: number;
  /** characters of a file part's filename, and of its content type */
  filenameChars: number;
  typeChars: number;
}

export interface FilePart {
  /** the part's `name` */
  name: string;
  filename: string;
  mimeType: string;
  /** the part's bytes; read them to the end, or the rest of the body is never read */
  content: Readable;
}

/** Decides what becomes of one file part; a DomainError it throws (or rejects with) refuses the whole body. */
export type FilePartHandler = (part: FilePart, fields: Readonly<Record<string, string>>) => Promise<void>;

const CONTROL = /[\u0000-\u001f\u007f]/;

const malformed = (detail: string) => new DomainError('invalid_value', `The multipart/form-data body is malformed: ${detail}`, null);

/** Busboy names what went wrong in English; only these are the caller's fault (anything else is ours). */
function callerFault(error: Error): DomainError | null {
  if (/Unexpected end of (form|file)|Malformed|Boundary not found|Unsupported content type|Malformed content type/i.test(error.message))
    return malformed(error.message);
  return null;
}

/**
 * Reads a multipart/form-data body as it streams in, and is the only place that does: every way a
 * body can be wrong (no or another boundary, a part cut short, control characters in part headers,
 * too many parts, the connection dropped) settles the promise once, with a 400 DomainError, or with
 * what `onFile` refused. Nothing is left unhandled: a broken body cannot become an uncaught error.
 * Fields sent before a file part are visible to `onFile`.
 */
export function readMultipart(
  source: Readable,
  headers: IncomingHttpHeaders,
  limits: MultipartLimits,
  onFile: FilePartHandler,
): Promise<Record<string, string>> {
  return new Promise((resolve, reject) => {
    const fields: Record<string, string> = {};
    const handling: Promise<void>[] = [];
    let settled = false;
    let busboy: Busboy.Busboy;

    const fail = (error: unknown) => {
      if (settled) return;
      settled = true;
      // keep reading (and dropping) the rest of the body so the caller can read our answer
      source.unpipe(busboy);
      source.resume();
      // a part still streaming ends now, with an error its handler sees (and cleans up after)
      busboy?.destroy();
      reject(error);
    };
    const succeed = () => {
      Promise.all(handling).then(() => {
        if (settled) return;
        settled = true;
        resolve(fields);
      }, fail);
    };

    try {
      busboy = Busboy({
        headers,
        limits: {
          files: limits.files,
          fields: limits.fields,
          fieldSize: limits.fieldBytes,
          parts: limits.files + limits.fields,
          headerPairs: limits.partHeaders,
        },
      });
    } catch (error) {
      source.resume();
      reject(callerFault(error as Error) ?? malformed('the Content-Type needs a boundary'));
      return;
    }

    busboy.on('field', (name: string | undefined, value, info) => {
      if (typeof name !== 'string' || name === '') return fail(malformed('a part has no name'));
      if (CONTROL.test(name)) return fail(malformed('control characters in a part header'));
      if (info.valueTruncated)
        return fail(new DomainError('invalid_value', `The field '${name}' is longer than ${limits.fieldBytes} bytes`, name));
      fields[name] = value;
    });
    busboy.on('file', (name: string | undefined, content: Readable, info) => {
      // a part the body is refused for is still read, so the body can end
      content.on('error', () => undefined);
      if (settled) return void content.resume();
      if (typeof name !== 'string' || name === '') return fail(malformed('a part has no name'));
      const filename = info.filename ?? '';
      if ([name, filename, info.mimeType].some((text) => CONTROL.test(text))) {
        content.resume();
        return fail(malformed('control characters in a part header'));
      }
      if (filename.length > limits.filenameChars || info.mimeType.length > limits.typeChars) {
        content.resume();
        return fail(new DomainError('invalid_value', `The filename or content type of the part '${name}' is too long`, name));
      }
      const handled = Promise.resolve()
        .then(() => onFile({ name, filename, mimeType: info.mimeType, content }, fields))
        .catch((error: unknown) => {
          content.resume();
          throw error;
        });
      handled.catch(fail);
      handling.push(handled);
    });
    busboy.on('partsLimit', () => fail(malformed(`more than ${limits.files + limits.fields} parts`)));
    busboy.on('filesLimit', () => fail(malformed(`more than ${limits.files} file parts`)));
    busboy.on('fieldsLimit', () => fail(malformed(`more than ${limits.fields} fields`)));
    busboy.on('error', (error: Error) => fail(callerFault(error) ?? error));
    busboy.on('close', succeed);
    // a caller who leaves mid-body: the request is over, and so is this read
    source.on('aborted', () => fail(malformed('the request ended before its body')));
    source.on('error', () => fail(malformed('the request ended before its body')));
    source.pipe(busboy);
  });
}
