import sqlite3 from 'sqlite3';
import type { Pool } from 'pg';
import type { DatabaseTarget } from '../config';

/**
 * A value that changes whenever any connection, in this process or another, commits a write: what a
 * cached answer is checked against. Read it BEFORE reading the data an answer is built from, so an answer
 * is never filed under a version newer than the data it saw.
 */
export interface ChangeVersion {
  read(): Promise<string>;
  close(): Promise<void>;
}

/**
 * SQLite: `PRAGMA data_version` on a connection of its own, which changes when any other connection or
 * process commits (a connection's own commits would not change it, so this one never writes).
 */
function sqliteVersion(file: string, onStatement: () => void): ChangeVersion {
  const connection = new sqlite3.Database(file, sqlite3.OPEN_READONLY);
  return {
    read: () => new Promise((resolve, reject) => {
      onStatement();
      connection.get('PRAGMA data_version', (error, row: { data_version: number } | undefined) =>
        (error ? reject(error) : resolve(String(row?.data_version))));
    }),
    close: () => new Promise((resolve) => connection.close(() => resolve())),
  };
}

/**
 * PostgreSQL: the change counter that statement triggers bump in every writing transaction (the snapshot
 * would move on every request too, since the cost budgets live in the database).
 */
function postgresVersion(pool: Pool, onStatement: () => void): ChangeVersion {
  return {
    read: async () => {
      onStatement();
      const { rows } = await pool.query<{ version: string }>('SELECT version FROM change_counter WHERE id = 1');
      return String(rows[0]?.version);
    },
    close: async () => {},
  };
}

/** The change version of a database, or null where none can be read (an in-memory SQLite database). */
export function changeVersion(target: DatabaseTarget, pool: Pool | null, onStatement: () => void): ChangeVersion | null {
  if (target.kind === 'postgres') return pool ? postgresVersion(pool, onStatement) : null;
  return target.file === ':memory:' ? null : sqliteVersion(target.file, onStatement);
}
