/** The top-level areas objects live in: stored files, and uploads parked for one request. */
export const OBJECT_KEY_AREAS = ['files', 'tmp'] as const;

const SEGMENT = /^[A-Za-z0-9._:-]{1,200}$/;

export class UnsafeObjectKeyError extends Error {
  constructor(
    readonly key: string,
    reason: string,
  ) {
    super(`Refused object key ${JSON.stringify(key.slice(0, 300))}: ${reason}`);
    this.name = 'UnsafeObjectKeyError';
  }
}

/**
 * Every key is `<area>/<owner>/<name>`, built by the server from ids. Anything else (`..`, an
 * absolute key, an empty segment, another area) is refused here too, so a key that slipped
 * through an upper layer still cannot reach another owner's objects: S3 servers resolve `..`.
 * With `owner`, the key must also be in that owner's area.
 */
export function checkObjectKey(key: string, owner?: string): string {
  if (typeof key !== 'string') throw new UnsafeObjectKeyError(String(key), 'not a string');
  const segments = key.split('/');
  if (segments.length !== 3) throw new UnsafeObjectKeyError(key, 'expected <area>/<owner>/<name>');
  const [area] = segments;
  if (!(OBJECT_KEY_AREAS as readonly string[]).includes(area))
    throw new UnsafeObjectKeyError(key, `outside ${OBJECT_KEY_AREAS.join(', ')}`);
  for (const segment of segments) {
    if (segment === '.' || segment === '..') throw new UnsafeObjectKeyError(key, 'relative segment');
    if (!SEGMENT.test(segment)) throw new UnsafeObjectKeyError(key, 'empty segment or a character outside [A-Za-z0-9._:-]');
  }
  if (owner !== undefined && segments[1] !== owner) throw new UnsafeObjectKeyError(key, "outside the owner's area");
  return key;
}
