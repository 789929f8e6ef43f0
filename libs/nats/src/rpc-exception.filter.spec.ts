import { ArgumentsHost } from '@nestjs/common';
import { firstValueFrom } from 'rxjs';
import { DomainError } from '@switchyard/contracts';
import { DomainRpcExceptionFilter } from './rpc-exception.filter';

const filter = new DomainRpcExceptionFilter({ error: () => undefined, warn: () => undefined });
const wireOf = (exception: unknown) => firstValueFrom(filter.catch(exception, {} as ArgumentsHost)).catch((wire: unknown) => wire);

describe('DomainRpcExceptionFilter', () => {
  it('sends a DomainError as it is', async () => {
    expect(await wireOf(new DomainError('not_found', 'No such file', 'file_id', 404))).toMatchObject({ code: 'not_found', status: 404 });
  });

  it('turns a database that cannot be reached (PostgreSQL down) into service_unavailable, not internal_error', async () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    expect(await wireOf(refused)).toMatchObject({ code: 'service_unavailable', status: 503 });
    expect(await wireOf(new Error('Connection terminated unexpectedly'))).toMatchObject({ code: 'service_unavailable' });
  });

  it('keeps anything else an internal_error', async () => {
    expect(await wireOf(new TypeError('x is not a function'))).toMatchObject({ code: 'internal_error', status: 500 });
  });
});
