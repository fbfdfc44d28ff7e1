import { QueryFailedError } from 'typeorm';
import { AppError, RequestTimeoutError, ServerBusyError } from '../errors';

/**
 * A write lost a race on a unique index (PostgreSQL's unique_violation). Two transactions inserted the
 * same key at once; the loser rolled back and can run again to see the winner's row. SQLite's write lane
 * runs one transaction at a time, so it never races there.
 */
export function isUniqueViolation(error: unknown): boolean {
  return error instanceof QueryFailedError && (error.driverError as { code?: unknown } | undefined)?.code === '23505';
}

/** Codes the SQLite reader pool gives its own failures, next to SQLite's and PostgreSQL's codes. */
export const READER_WAIT_TIMEOUT = 'READER_WAIT_TIMEOUT';
export const DATABASE_CLOSING = 'DATABASE_CLOSING';

/** A driver-level error carrying a `code`, as sqlite3 and pg report theirs. */
export function driverError(code: string, message: string): Error & { code: string } {
  return Object.assign(new Error(message), { code });
}

// PostgreSQL's query_canceled: statement_timeout fired (we never cancel statements otherwise).
const PG_QUERY_CANCELED = '57014';
// pg-pool's messages when no connection could be had within connectionTimeoutMillis.
const PG_POOL_TIMEOUTS = ['timeout exceeded when trying to connect', 'Connection terminated due to connection timeout'];

/**
 * What a database failure means to a client: a statement stopped by the statement timeout is
 * REQUEST_TIMEOUT; no connection within the acquire timeout, or a database shutting down, is
 * SERVER_BUSY. Anything else is returned unchanged (an internal error, logged by the error formatter).
 */
export function databaseError(error: unknown): unknown {
  if (error instanceof AppError) return error;
  const cause = error instanceof QueryFailedError ? (error.driverError as unknown) : error;
  const code = (cause as { code?: unknown } | null | undefined)?.code;
  if (code === 'SQLITE_INTERRUPT' || code === PG_QUERY_CANCELED) return new RequestTimeoutError();
  if (code === READER_WAIT_TIMEOUT) return new ServerBusyError('Every database reader is busy: retry shortly');
  if (code === DATABASE_CLOSING) return new ServerBusyError('The server is shutting down: retry shortly');
  if (cause instanceof Error && PG_POOL_TIMEOUTS.includes(cause.message)) {
    return new ServerBusyError('Every database connection is busy: retry shortly');
  }
  return error;
}
