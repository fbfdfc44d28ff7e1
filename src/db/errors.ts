import { QueryFailedError } from 'typeorm';

/**
 * A write lost a race on a unique index (PostgreSQL's unique_violation). Two transactions inserted the
 * same key at once; the loser rolled back and can run again to see the winner's row. SQLite's write lane
 * runs one transaction at a time, so it never races there.
 */
export function isUniqueViolation(error: unknown): boolean {
  return error instanceof QueryFailedError && (error.driverError as { code?: unknown } | undefined)?.code === '23505';
}
