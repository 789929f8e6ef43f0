import { isDependencyOutage } from './outages';

const withCode = (code: string, message = 'x') => Object.assign(new Error(message), { code });

describe('isDependencyOutage', () => {
  it.each([
    ['a refused connection (database or object storage down)', withCode('ECONNREFUSED')],
    ['a connection reset (object storage cut mid-request)', withCode('ECONNRESET')],
    ['PostgreSQL shutting down (57P01)', withCode('57P01')],
    ['PostgreSQL starting up (57P03)', withCode('57P03')],
    ['a PostgreSQL connection exception (08006)', withCode('08006')],
    ['a NATS KV call timing out while the server restarts (nats.js TIMEOUT)', withCode('TIMEOUT')],
    ['a closed NATS connection', withCode('CONNECTION_CLOSED')],
    ['node-postgres losing its connection', new Error('Connection terminated unexpectedly')],
    ['a refusal inside an AggregateError (dual-stack connect)', new AggregateError([withCode('ECONNREFUSED')], 'connect failed')],
    ['a refusal as the cause', new Error('request failed', { cause: withCode('ECONNREFUSED') })],
  ])('%s is an outage', (_what, error) => {
    expect(isDependencyOutage(error)).toBe(true);
  });

  it.each([
    ['a bug', new TypeError('x is not a function')],
    ['a unique violation (23505)', withCode('23505')],
    ['a syntax error in SQL (42601)', withCode('42601')],
    ['a missing object (S3 NoSuchKey)', withCode('NoSuchKey')],
    ['not an error at all', 'ECONNREFUSED'],
    ['nothing', undefined],
  ])('%s is not', (_what, error) => {
    expect(isDependencyOutage(error)).toBe(false);
  });
});
