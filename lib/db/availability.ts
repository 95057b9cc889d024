/**
 * Telling "the database cannot be reached right now" apart from every other failure, so that the
 * site can answer 503 with Retry-After (the reader should come back) instead of 500 (a bug).
 *
 * Both engines' drivers report it differently: node's socket errors and pg's pool and SQLSTATE
 * codes for PostgreSQL (connection exceptions, a server shutting down or starting, too many
 * connections), and better-sqlite3's codes for a file that is locked past its timeout or cannot be
 * opened or read. Errors are followed through `cause` and AggregateError's `errors` (node wraps a
 * refused connection to localhost once per address it tried).
 */
import { markDatabaseDown } from './health';

const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'EPIPE']);
const SQLITE_CODES = /^SQLITE_(BUSY|LOCKED|CANTOPEN|IOERR|PROTOCOL|FULL)/;
/** Of those, the ones that stop reads too: a locked or full SQLite file is still readable. */
const SQLITE_UNREACHABLE_CODES = /^SQLITE_(CANTOPEN|IOERR)/;
/** SQLSTATE: 08xxx connection exception, 57P01–57P03 shutdown or not yet accepting, 53300 too many connections. */
const POSTGRES_CODES = /^(08[0-9A-Z]{3}|57P0[1-3]|53300)$/;
const POOL_MESSAGES = /^(Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error)/;

/** Whether `error`, its `cause` chain or an AggregateError's `errors` carry a code `sqlite` allows. */
function saysUnavailable(error: unknown, sqlite: RegExp, depth = 0): boolean {
  if (depth > 5 || typeof error !== 'object' || error === null) return false;
  const { code, message, cause, errors } = error as { code?: unknown; message?: unknown; cause?: unknown; errors?: unknown };
  if (typeof code === 'string' && (SOCKET_CODES.has(code) || sqlite.test(code) || POSTGRES_CODES.test(code))) return true;
  if (typeof message === 'string' && POOL_MESSAGES.test(message)) return true;
  if (Array.isArray(errors) && errors.some((inner) => saysUnavailable(inner, sqlite, depth + 1))) return true;
  return saysUnavailable(cause, sqlite, depth + 1);
}

export function isDatabaseUnavailable(error: unknown): boolean {
  return saysUnavailable(error, SQLITE_CODES);
}

/**
 * Whether `error` means nothing can be read from the database at all: the server cannot be reached,
 * or the SQLite file cannot be opened or read. Narrower than {@link isDatabaseUnavailable}: a write
 * that waited too long for SQLite's lock says nothing about readers.
 */
export function isDatabaseUnreachable(error: unknown): boolean {
  return saysUnavailable(error, SQLITE_UNREACHABLE_CODES);
}

/**
 * For every place that catches a database error: marks the database down for the proxy
 * (lib/db/health.ts) when `error` says it is unreachable. Returns whether the error is one of
 * unavailability (a 503, not a 500).
 */
export function noteDatabaseFailure(error: unknown): boolean {
  if (isDatabaseUnreachable(error)) markDatabaseDown();
  return isDatabaseUnavailable(error);
}
