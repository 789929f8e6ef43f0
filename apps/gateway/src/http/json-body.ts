import { FastifyInstance } from 'fastify';
import { DomainError } from '@switchyard/contracts';

/**
 * JSON bodies: an empty body with a JSON content type is accepted as "no body" (the OpenAI SDK
 * sends `Content-Type: application/json` on body-less requests); malformed JSON is a 400.
 */
export function registerJsonBody(fastify: FastifyInstance): void {
  fastify.removeContentTypeParser('application/json');
  fastify.addContentTypeParser('application/json', { parseAs: 'string' }, (_req, text, done) => {
    const body = String(text);
    if (body.trim() === '') return done(null, undefined);
    try {
      done(null, JSON.parse(body));
    } catch {
      done(new DomainError('invalid_json', 'We could not parse the JSON body of your request. The body must be valid JSON.'), undefined);
    }
  });
  // multipart bodies are left unread here: the files upload streams them from the raw request
  fastify.addContentTypeParser('multipart/form-data', (_req, _payload, done) => done(null, undefined));
}
