import { ArgumentsHost, Catch, ExceptionFilter, HttpException } from '@nestjs/common';
import { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError } from '@switchyard/contracts';
import { JsonLogger } from '@switchyard/logging';
import { isDependencyOutage } from '@switchyard/runtime';
import { noteErrorCode } from './access-log';
import { errorResponse } from './error-envelope';
import { clientRequestIdFrom } from './request-id';

const fastifyCodes: Record<string, DomainError['code']> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'request_too_large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'invalid_value',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'invalid_json',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'invalid_value',
};

/** Turns anything thrown on the HTTP side into a domain error; unknown errors become a 500 with the request id. */
export function toDomainError(exception: unknown, request: FastifyRequest, logger: JsonLogger): DomainError {
  if (exception instanceof DomainError) return exception;
  const fastifyCode = (exception as { code?: string })?.code;
  if (fastifyCode && fastifyCodes[fastifyCode]) {
    const status = (exception as { statusCode?: number }).statusCode;
    const message =
      fastifyCode === 'FST_ERR_CTP_INVALID_MEDIA_TYPE'
        ? `Unsupported Content-Type "${request.headers['content-type'] ?? ''}"; send application/json`
        : (exception as Error).message;
    return new DomainError(fastifyCodes[fastifyCode], message, null, status);
  }
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    if (status === 415) {
      return new DomainError(
        'invalid_value',
        `Unsupported Content-Type "${request.headers['content-type'] ?? ''}"; send application/json`,
        null,
        415,
      );
    }
    if (status === 413) return new DomainError('request_too_large', 'The request body is too large', null, 413);
    if (status === 404)
      return new DomainError('not_found', `Unknown request URL: ${request.method} ${request.url.split('?')[0]}`, null, 404);
    if (status === 405) return new DomainError('invalid_value', `Method ${request.method} not allowed`, null, 405);
    return new DomainError(status >= 500 ? 'internal_error' : 'invalid_value', exception.message, null, status);
  }
  const clientRequestId = clientRequestIdFrom(request.headers['x-request-id']);
  logger.error(`request ${request.id}${clientRequestId === null ? '' : ` (client request id ${clientRequestId})`} failed`, exception);
  if (isDependencyOutage(exception))
    return new DomainError('service_unavailable', `Object storage or NATS is unreachable; try again shortly (request id ${request.id}).`);
  return new DomainError('internal_error', `The server had an error while processing your request (request id ${request.id}).`);
}

/** Answers whatever was thrown while serving `request`, in its API's error envelope (nothing more once the answer started). */
export function answerError(exception: unknown, request: FastifyRequest, reply: FastifyReply, logger: JsonLogger): void {
  const domain = toDomainError(exception, request, logger);
  noteErrorCode(request, domain.code);
  const { status, headers, body } = errorResponse(domain, { id: String(request.id), url: request.url, headers: request.headers });
  if (reply.sent || reply.raw.headersSent) {
    reply.raw.end();
    return;
  }
  void reply.status(status).headers(headers).type('application/json').send(body);
}

@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  constructor(private readonly logger: JsonLogger) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    answerError(exception, http.getRequest<FastifyRequest>(), http.getResponse<FastifyReply>(), this.logger);
  }
}
