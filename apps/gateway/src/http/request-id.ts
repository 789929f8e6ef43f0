import { randomBytes } from 'crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';

const printable = /^[A-Za-z0-9._:-]{1,128}$/;

/** Ids one process makes under one random prefix: 2^32, then a fresh prefix. */
const IDS_PER_PREFIX = 2 ** 32;

/**
 * A maker of request ids `req_` + 24 hex: 64 random bits drawn once per process (and again after
 * `span` ids), then a 32-bit counter. Unique across replicas, restarts and processes by the random
 * prefix (two processes share one with odds of about n^2 / 2^65), unique within one by the counter,
 * and one `randomBytes` per 2^32 requests instead of one per request. The counter is scrambled
 * (an odd multiplier and a mask, drawn with the prefix: a bijection, so still unique) so an id does
 * not show how many requests came before it.
 */
export function requestIdMaker(random: (size: number) => Buffer = randomBytes, span = IDS_PER_PREFIX): () => string {
  let prefix = '';
  let multiplier = 1;
  let mask = 0;
  let count = span;
  return () => {
    if (count >= span) {
      const seed = random(16);
      prefix = seed.toString('hex', 0, 8);
      multiplier = seed.readUInt32LE(8) | 1;
      mask = seed.readUInt32LE(12);
      count = 0;
    }
    const scrambled = ((Math.imul(count++, multiplier) ^ mask) >>> 0).toString(16);
    return `req_${prefix}${'00000000'.slice(scrambled.length)}${scrambled}`;
  };
}

/**
 * Our id for a request. Always made here, never taken from the caller: it keys usage (billed once
 * per id), holds and cache entries, so a caller who could choose it could make a request free by
 * reusing an id that was already billed (their own, another user's, a batch line's or a task's).
 */
export const newRequestId: () => string = requestIdMaker();

/**
 * The caller's own `x-request-id`, when it is printable and short: a correlation label that is
 * echoed back (`x-client-request-id`) and logged, and nothing else.
 */
export function clientRequestIdFrom(header: string | string[] | undefined): string | null {
  const value = Array.isArray(header) ? header[0] : header;
  return value !== undefined && printable.test(value) ? value : null;
}

/** The ids every answer carries: ours (`x-request-id`) and the caller's own label, when it sent a usable one (`x-client-request-id`). */
export function setRequestIdHeaders(request: FastifyRequest, reply: FastifyReply): void {
  reply.header('x-request-id', request.id);
  const clientRequestId = clientRequestIdFrom(request.headers['x-request-id']);
  if (clientRequestId !== null) reply.header('x-client-request-id', clientRequestId);
}
