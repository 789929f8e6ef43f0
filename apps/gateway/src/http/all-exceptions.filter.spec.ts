import { NotFoundException, PayloadTooLargeException } from '@nestjs/common';
import { FastifyRequest } from 'fastify';
import { DomainError } from '@switchyard/contracts';
import { JsonLogger } from '@switchyard/logging';
import { toDomainError } from './all-exceptions.filter';

const request = {
  id: 'req_abc',
  method: 'POST',
  url: '/v1/nowhere?x=1',
  headers: { 'content-type': 'text/plain' },
} as unknown as FastifyRequest;
const logger = { error: jest.fn() } as unknown as JsonLogger;

describe('toDomainError', () => {
  it('keeps domain errors as they are', () => {
    const error = new DomainError('model_not_found', 'x', 'model');
    expect(toDomainError(error, request, logger)).toBe(error);
  });

  it('turns an unknown route into a 404 naming it', () => {
    const error = toDomainError(new NotFoundException(), request, logger);
    expect(error).toMatchObject({ code: 'not_found', status: 404, message: 'Unknown request URL: POST /v1/nowhere' });
  });

  it('maps body-too-large and bad media types', () => {
    expect(toDomainError(new PayloadTooLargeException(), request, logger)).toMatchObject({ code: 'request_too_large', status: 413 });
    const fastify415 = Object.assign(new Error('Unsupported Media Type'), { code: 'FST_ERR_CTP_INVALID_MEDIA_TYPE', statusCode: 415 });
    expect(toDomainError(fastify415, request, logger)).toMatchObject({ status: 415, message: expect.stringContaining('application/json') });
  });

  it('hides an unexpected error behind a 500 that carries the request id, and logs it', () => {
    const error = toDomainError(new TypeError('secret internals at foo.ts:12'), request, logger);
    expect(error).toMatchObject({ code: 'internal_error', status: 500 });
    expect(error.message).toContain('req_abc');
    expect(error.message).not.toContain('internals');
    expect(logger.error).toHaveBeenCalled();
  });

  it('answers 503 when object storage or NATS cannot be reached (an upload while S3 is down, a rate-limit KV call while NATS restarts)', () => {
    for (const code of ['ECONNRESET', 'ECONNREFUSED', 'TIMEOUT', 'CONNECTION_CLOSED']) {
      const error = toDomainError(Object.assign(new Error(code), { code }), request, logger);
      expect(error).toMatchObject({ code: 'service_unavailable', status: 503 });
      expect(error.message).toContain('req_abc');
    }
  });
});
