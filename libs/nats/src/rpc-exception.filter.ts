import { ArgumentsHost, Catch, RpcExceptionFilter } from '@nestjs/common';
import { Observable, throwError } from 'rxjs';
import { DomainError, WireError } from '@switchyard/contracts';
import { OutageLogger, OutageNotice } from '@switchyard/runtime';

interface ErrorLogger extends OutageLogger {
  error(message: unknown, ...context: unknown[]): void;
}

/**
 * Domain errors travel as `{code,message,param}`; a database or object storage that cannot be reached
 * becomes service_unavailable (503, worth a retry; logged as a warning once a minute while it lasts, not
 * once per request); anything else a logged internal_error.
 */
@Catch()
export class DomainRpcExceptionFilter implements RpcExceptionFilter<unknown> {
  private readonly outage: OutageNotice;

  constructor(private readonly logger: ErrorLogger) {
    this.outage = new OutageNotice(logger, 'requests answered 503');
  }

  catch(exception: unknown, _host: ArgumentsHost): Observable<WireError> {
    if (exception instanceof DomainError) return throwError(() => exception.toWire());
    if (this.outage.failed(exception))
      return throwError(() =>
        new DomainError(
          'service_unavailable',
          'A database, object storage or NATS this service needs is unreachable; try again shortly',
        ).toWire(),
      );
    this.logger.error('Unhandled error in a NATS handler', exception);
    return throwError(() => new DomainError('internal_error', 'Internal error').toWire());
  }
}
