/** Error codes that mean the other side could not be reached or went away (Node sockets, undici, nats.js). */
const UNREACHABLE = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
  // nats.js (a KV or JetStream call while the NATS server is away)
  'TIMEOUT',
  'CONNECTION_CLOSED',
  'CONNECTION_DRAINING',
  'CONNECTION_REFUSED',
  'CONNECTION_TIMEOUT',
  'DISCONNECT',
]);

/** PostgreSQL SQLSTATEs of a server that is not there: class 08 (connection exception), 57P01–57P03 (shut down, starting). */
const POSTGRES_GONE = /^(08\w{3}|57P0[123])$/;

/** What node-postgres throws when the server closes the connection under a query. */
const POSTGRES_TERMINATED = /^Connection terminated/;

/**
 * Whether `error` says a dependency (the database, object storage, NATS) is unreachable, rather than that
 * the request or the code is wrong: such a failure is a 503 the caller may retry, not a 500.
 */
export function isDependencyOutage(error: unknown, depth = 0): boolean {
  if (typeof error !== 'object' || error === null || depth > 3) return false;
  const { code, message, cause, errors } = error as { code?: unknown; message?: unknown; cause?: unknown; errors?: unknown };
  if (typeof code === 'string' && (UNREACHABLE.has(code) || POSTGRES_GONE.test(code))) return true;
  if (typeof message === 'string' && POSTGRES_TERMINATED.test(message)) return true;
  if (Array.isArray(errors) && errors.some((e) => isDependencyOutage(e, depth + 1))) return true;
  return isDependencyOutage(cause, depth + 1);
}
