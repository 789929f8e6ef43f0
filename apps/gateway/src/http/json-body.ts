import { FastifyInstance } from 'fastify';
import { DomainError } from '@switchyard/contracts';
import { JSON_MAX_DEPTH } from './edge-limits';
import { nestsDeeperThan } from './json-depth';

/** A JSON body as a value: empty is "no body", too deep or malformed is a 400 naming the body. */
export function parseJsonBody(text: string): unknown {
  if (text.trim() === '') return undefined;
  if (nestsDeeperThan(text, JSON_MAX_DEPTH)) {
    throw new DomainError('invalid_json', `The JSON body nests deeper than ${JSON_MAX_DEPTH} levels.`, 'body');
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new DomainError('invalid_json', 'We could not parse the JSON body of your request. The body must be valid JSON.', 'body');
  }
}

/**
 * JSON bodies: an empty body with a JSON content type is accepted as "no body" (the OpenAI SDK
 * sends `Content-Type: application/json` on body-less requests). Multipart bodies are left unread
 * here: the routes that take them stream them from the raw request (multipart-reader.ts).
 */
export function registerJsonBody(fastify: FastifyInstance): void {
  fastify.removeContentTypeParser('application/json');
  fastify.addContentTypeParser('application/json', { parseAs: 'string' }, (_req, text, done) => {
    try {
      done(null, parseJsonBody(String(text)));
    } catch (error) {
      done(error as Error, undefined);
    }
  });
  fastify.addContentTypeParser('multipart/form-data', (_req, _payload, done) => done(null, undefined));
}
