import { IncomingHttpHeaders } from 'http';
import { Readable } from 'stream';
import { DomainError, ParkedPart, parkedPartKey, ParkedPartFields } from '@switchyard/contracts';
import { ObjectStorage, ObjectTooLargeError } from '@switchyard/object-storage';
import { mediaTypeOf } from '../files/media-type';
import { PARKED_MULTIPART_LIMITS } from '../http/edge-limits';
import { readMultipart } from '../http/multipart-reader';

/** Where the gateway parks a request's file parts; the router reads them back from the same keys. */
export interface ParkingPlace {
  storage: Pick<ObjectStorage, 'putStream' | 'remove'>;
  userId: string;
  requestId: string;
}

export interface ParkedParts {
  fields: Record<string, string>;
  /** in the order they came: a part's position is its key (`parkedPartKey`) */
  parts: ParkedPart[];
  tooLarge: boolean;
}

type PartField = (typeof ParkedPartFields)[number];

/** The multipart part names a request may park, and what each is; each name comes once unless it is a list. */
export type PartNames = Record<string, { field: PartField; many: boolean }>;

/**
 * Reads a multipart request whose file parts belong to this request only (an image edit's images
 * and mask): each is streamed into object storage under a key made from the caller's user id, the
 * request id and its position, never held in memory. A part name not in `names`, or one named
 * twice, is a 400 naming it. On any failure nothing stays parked; after success the caller removes
 * them when the request is over (`removeParked`).
 */
export async function parkParts(
  request: Readable & { headers: IncomingHttpHeaders },
  place: ParkingPlace,
  names: PartNames,
  maxBytesEach: number,
): Promise<ParkedParts> {
  const result: ParkedParts = { fields: {}, parts: [], tooLarge: false };
  const uploads: Promise<unknown>[] = [];
  const seen = new Set<string>();
  try {
    result.fields = await readMultipart(request, request.headers, PARKED_MULTIPART_LIMITS, async (part) => {
      const kind = Object.prototype.hasOwnProperty.call(names, part.name) ? names[part.name] : undefined;
      if (!kind) throw new DomainError('invalid_value', `Unexpected file part '${part.name}'`, part.name);
      if (!kind.many && seen.has(part.name))
        throw new DomainError('invalid_value', `Send one file in '${part.name}': it came twice`, part.name);
      seen.add(part.name);
      const parked: ParkedPart = {
        field: kind.field,
        filename: part.filename || 'upload',
        mediaType: mediaTypeOf(part.filename, part.mimeType, undefined),
        bytes: 0,
      };
      const index = result.parts.push(parked) - 1;
      const upload = place.storage.putStream(parkedPartKey(place.userId, place.requestId, index), part.content, {
        contentType: parked.mediaType,
        maxBytes: maxBytesEach,
      });
      uploads.push(upload.catch(() => undefined));
      try {
        parked.bytes = (await upload).bytes;
      } catch (error) {
        part.content.resume();
        if (!(error instanceof ObjectTooLargeError)) throw error;
        result.tooLarge = true;
      }
    });
    return result;
  } catch (error) {
    // parts may still be finishing their uploads when a later part breaks the body
    await Promise.all(uploads);
    await removeParked(place, result);
    throw error;
  }
}

export async function removeParked(place: ParkingPlace, parked: ParkedParts): Promise<void> {
  await Promise.all(
    parked.parts.map((_, index) => place.storage.remove(parkedPartKey(place.userId, place.requestId, index)).catch(() => undefined)),
  );
}
