import { ArgumentsHost, Catch, RpcExceptionFilter } from '@nestjs/common';
import { Observable, throwError } from 'rxjs';
import { DomainError, WireError } from '@switchyard/contracts';

interface ErrorLogger {
  error(message: unknown, ...context: unknown[]): void;
}

/** Domain errors travel as `{code,message,param}`; anything else becomes a logged internal_error. */
@Catch()
export class DomainRpcExceptionFilter implements RpcExceptionFilter<unknown> {
  constructor(private readonly logger: ErrorLogger) {}

  catch(exception: unknown, _host: ArgumentsHost): Observable<WireError> {
    if (exception instanceof DomainError) return throwError(() => exception.toWire());
    this.logger.error('Unhandled error in a NATS handler', exception);
    return throwError(() => new DomainError('internal_error', 'Internal error').toWire());
  }
}
