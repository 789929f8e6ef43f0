import { ArgumentsHost, Catch, RpcExceptionFilter } from '@nestjs/common';
import { Observable, throwError } from 'rxjs';
import { DomainError, WireError } from '@switchyard/contracts';
import { isDependencyOutage } from '@switchyard/runtime';

interface ErrorLogger {
  error(message: unknown, ...context: unknown[]): void;
}

/**
 * Domain errors travel as `{code,message,param}`; a database or object storage that cannot be reached
 * becomes service_unavailable (503, worth a retry); anything else a logged internal_error.
 */
@Catch()
export class DomainRpcExceptionFilter implements RpcExceptionFilter<unknown> {
  constructor(private readonly logger: ErrorLogger) {}

  catch(exception: unknown, _host: ArgumentsHost): Observable<WireError> {
    if (exception instanceof DomainError) return throwError(() => exception.toWire());
    this.logger.error('Unhandled error in a NATS handler', exception);
    if (isDependencyOutage(exception))
      return throwError(() =>
        new DomainError(
          'service_unavailable',
          'A database, object storage or NATS this service needs is unreachable; try again shortly',
        ).toWire(),
      );
    return throwError(() => new DomainError('internal_error', 'Internal error').toWire());
  }
}
