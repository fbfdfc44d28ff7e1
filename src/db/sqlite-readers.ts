import sqlite3 from 'sqlite3';
import { DATABASE_CLOSING, driverError, READER_WAIT_TIMEOUT } from './errors';

/** How many read-only connections, and how long a read may wait for one and then run. */
export interface ReaderPoolLimits {
  size: number;
  statementTimeoutMs: number;
  acquireTimeoutMs: number;
}

type DoneCallback = (err: Error | null) => void;
type RowsCallback = (this: unknown, err: Error | null, rows?: unknown[]) => void;

interface Read {
  sql: string;
  params: unknown;
  callback: RowsCallback;
  waitTimer?: NodeJS.Timeout;
}

interface Reader {
  connection: sqlite3.Database;
  /** Why we interrupted the statement running on it, if we did. */
  interruptedFor?: 'timeout' | 'closing';
  /** Its prepared statements by SQL text, least recently used first. */
  statements: Map<string, sqlite3.Statement>;
}

/**
 * Prepared statements kept per connection. A page's SQL is built once per shape and its values are bound,
 * so a few texts repeat; one-off texts (ids inlined by TypeORM) pass through and the oldest are finalized.
 */
export const PREPARED_PER_CONNECTION = 64;

/**
 * Several read-only SQLite connections behind the part of sqlite3's `Database` that TypeORM uses
 * (`all`, `run`, `close`). Each statement gets a connection of its own: node-sqlite3 holds a connection's
 * mutex for a whole statement, so one slow read on a shared connection would hold up every other read.
 * A statement running past the timeout is interrupted (SQLITE_INTERRUPT); one that waits past the acquire
 * timeout for a free connection fails with READER_WAIT_TIMEOUT.
 */
export class SqliteReaderPool {
  private readonly readers: Reader[] = [];
  private readonly idle: Reader[] = [];
  private readonly waiting: Read[] = [];
  private closing: (() => void) | null = null;

  constructor(file: string, flags: number, opened: DoneCallback, private readonly limits: ReaderPoolLimits) {
    let pending = limits.size;
    let failed = false;
    for (let i = 0; i < limits.size; i += 1) {
      const connection = new sqlite3.Database(file, flags, (err) => {
        if (failed) return;
        if (err) {
          failed = true;
          for (const reader of this.readers) reader.connection.close(() => undefined);
          opened(err);
          return;
        }
        pending -= 1;
        if (pending === 0) opened(null);
      });
      const reader: Reader = { connection, statements: new Map() };
      this.readers.push(reader);
      this.idle.push(reader);
    }
  }

  /** Statements running now, one per busy connection. */
  get busy(): number {
    return this.readers.length - this.idle.length;
  }

  /** Runs a read on the first free connection, or queues it until one frees up. */
  all(sql: string, params: unknown, callback: RowsCallback): this {
    const read: Read = { sql, params, callback };
    if (this.closing) {
      process.nextTick(() => callback.call(null, driverError(DATABASE_CLOSING, 'the database is closing')));
      return this;
    }
    const reader = this.idle.pop();
    if (reader) {
      this.start(reader, read);
    } else {
      read.waitTimer = setTimeout(() => this.giveUp(read), this.limits.acquireTimeoutMs);
      this.waiting.push(read);
    }
    return this;
  }

  /** Connection settings: TypeORM sends its PRAGMAs through `run`, and every connection needs them. */
  run(sql: string, ...rest: unknown[]): this {
    const callback = rest.find((arg): arg is DoneCallback => typeof arg === 'function');
    if (!/^\s*PRAGMA\b/i.test(sql)) {
      process.nextTick(() => callback?.(new Error('the reader pool only reads')));
      return this;
    }
    let pending = this.readers.length;
    let failure: Error | null = null;
    for (const reader of this.readers) {
      reader.connection.run(sql, (err) => {
        failure ??= err;
        pending -= 1;
        if (pending === 0) callback?.(failure);
      });
    }
    return this;
  }

  /** Refuses new reads, fails queued ones, interrupts running ones, then closes every connection. */
  close(callback?: DoneCallback): void {
    for (const read of this.waiting.splice(0)) {
      clearTimeout(read.waitTimer);
      read.callback.call(null, driverError(DATABASE_CLOSING, 'the database is closing'));
    }
    const idle = new Promise<void>((resolve) => {
      this.closing = resolve;
    });
    for (const reader of this.readers) {
      if (this.idle.includes(reader)) continue;
      reader.interruptedFor = 'closing';
      reader.connection.interrupt();
    }
    if (this.busy === 0) this.closing?.();
    void idle.then(async () => {
      // A connection with statements not finalized refuses to close.
      await Promise.all(this.readers.flatMap((reader) => [...reader.statements.values()].map((statement) =>
        new Promise<void>((resolve) => statement.finalize(() => resolve())))));
      for (const reader of this.readers) reader.statements.clear();
      const results = await Promise.all(this.readers.map((reader) =>
        new Promise<Error | null>((resolve) => reader.connection.close((err) => resolve(err)))));
      callback?.(results.find((err) => err !== null) ?? null);
    });
  }

  private start(reader: Reader, read: Read): void {
    const timer = setTimeout(() => {
      reader.interruptedFor = 'timeout';
      reader.connection.interrupt();
    }, this.limits.statementTimeoutMs);
    const pool = this;
    const done = function (this: unknown, err: Error | null, rows?: unknown[]) {
      clearTimeout(timer);
      const error = err && reader.interruptedFor === 'closing' ? driverError(DATABASE_CLOSING, 'the database is closing') : err;
      reader.interruptedFor = undefined;
      pool.release(reader);
      read.callback.call(this, error, rows);
    };
    // Texts without values to bind are mostly one-offs (ids inlined by TypeORM, PRAGMAs): run as before.
    if (!Array.isArray(read.params) || read.params.length === 0) {
      reader.connection.all(read.sql, read.params, done);
      return;
    }
    // One statement runs on a connection at a time, so its prepared statements are never shared by two reads;
    // each run resets the statement and binds its values anew, and a statement that ran to its end holds no
    // read snapshot (one that failed is reset at once, for the same reason).
    let statement = reader.statements.get(read.sql);
    if (statement) {
      reader.statements.delete(read.sql);
      reader.statements.set(read.sql, statement);
    } else {
      // As sqlite3's own Database#all: a text that does not prepare is answered by the prepare callback
      // (the run queued behind it is dropped), and nothing is kept.
      const prepared: sqlite3.Statement = reader.connection.prepare(read.sql, (err: Error | null) => {
        if (!err) return;
        if (reader.statements.get(read.sql) === prepared) reader.statements.delete(read.sql);
        done.call(prepared, err);
      });
      statement = prepared;
      reader.statements.set(read.sql, statement);
      if (reader.statements.size > PREPARED_PER_CONNECTION) {
        const [oldest, old] = reader.statements.entries().next().value!;
        reader.statements.delete(oldest);
        old.finalize();
      }
    }
    const running = statement;
    running.all(read.params, function (this: unknown, err: Error | null, rows?: unknown[]) {
      if (err && reader.statements.get(read.sql) === running) running.reset();
      done.call(this, err, rows);
    });
  }

  private release(reader: Reader): void {
    const next = this.closing ? undefined : this.waiting.shift();
    if (next) {
      clearTimeout(next.waitTimer);
      this.start(reader, next);
      return;
    }
    this.idle.push(reader);
    if (this.closing && this.busy === 0) this.closing();
  }

  private giveUp(read: Read): void {
    const index = this.waiting.indexOf(read);
    if (index === -1) return;
    this.waiting.splice(index, 1);
    read.callback.call(null, driverError(READER_WAIT_TIMEOUT, `no database reader became free within ${this.limits.acquireTimeoutMs} ms`));
  }
}

/**
 * A stand-in for the sqlite3 module, for TypeORM's `driver` option: TypeORM opens `new Database(file,
 * flags, callback)` and gets the pool.
 */
export function readerPoolDriver(limits: ReaderPoolLimits): typeof sqlite3 {
  class LimitedReaderPool extends SqliteReaderPool {
    constructor(file: string, flags: number, opened: DoneCallback) {
      super(file, flags, opened, limits);
    }
  }
  const driver: typeof sqlite3 = Object.assign(Object.create(sqlite3) as typeof sqlite3, {
    Database: LimitedReaderPool as unknown as typeof sqlite3.Database,
    verbose: () => driver,
  });
  return driver;
}
