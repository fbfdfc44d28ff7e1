import type { Pool } from 'pg';
import { DataSource, EntityManager, Logger as TypeOrmLogger, QueryRunner } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import type { ReplicationMode } from 'typeorm/driver/types/ReplicationMode';
import { dataSourceOptions } from '../../ormconfig';
import { DatabaseTarget } from '../config';
import { ServerBusyError } from '../errors';
import { databaseError, isSqliteBusy } from './errors';
import { DatabaseLimits, defaultLimits } from './limits';
import { Settled, WriteLane, WriteTask } from './write-lane';

/** How long a write waits for another process to release SQLite's write lock before it answers SERVER_BUSY. */
const WRITE_LOCK_DEADLINE_MS = 10_000;
/**
 * How long one BEGIN IMMEDIATE lets SQLite poll the lock (it sleeps 1–2 ms between tries). A long busy
 * timeout sleeps 100 ms between tries and loses nearly every gap to a process writing back to back.
 */
const WRITE_LOCK_POLL_MS = 5;

/** Sees every SQL statement either connection sends. */
export type StatementListener = (sql: string) => void;
/** Sees every group the SQLite write lane ran: how many writes it held, and how long it took from BEGIN to its end. */
export type WriteGroupListener = (writes: number, seconds: number) => void;

/** The transaction flags TypeORM keeps on a query runner, set by hand around BEGIN IMMEDIATE. */
type OpenTransaction = Omit<QueryRunner, 'isTransactionActive'> & { isTransactionActive: boolean; transactionDepth: number };

type RawQuery = (sql: string, parameters?: unknown[], structured?: boolean) => Promise<unknown>;
const guarded = new WeakSet<QueryRunner>();

/** A DataSource whose statements fail with what the failure means to a client (see databaseError). */
class GuardedDataSource extends DataSource {
  override createQueryRunner(mode?: ReplicationMode): QueryRunner {
    const runner = super.createQueryRunner(mode);
    // SQLite hands out one shared runner, PostgreSQL a new one each time: wrap each runner once.
    if (!guarded.has(runner)) {
      guarded.add(runner);
      const query = runner.query.bind(runner) as RawQuery;
      const translated: RawQuery = (sql, parameters, structured) =>
        query(sql, parameters, structured).catch((error: unknown) => {
          throw databaseError(error);
        });
      runner.query = translated as QueryRunner['query'];
    }
    return runner;
  }
}

class StatementLogger implements TypeOrmLogger {
  constructor(private readonly onStatement: StatementListener) {}
  logQuery(query: string): void {
    this.onStatement(query);
  }
  logQueryError(): void {}
  logQuerySlow(): void {}
  logSchemaBuild(): void {}
  logMigration(): void {}
  log(): void {}
}

/**
 * The one way into the database. Reads go to `reader`; every write goes through `write()`, which on
 * SQLite runs in a FIFO lane with `BEGIN IMMEDIATE` (tried again while another process holds the write
 * lock, up to a deadline), and on PostgreSQL in a pooled transaction.
 */
export class Database {
  private readonly lane: WriteLane<EntityManager>;
  private statements = 0;
  private readonly listeners: StatementListener[] = [];
  private readonly groupListeners: WriteGroupListener[] = [];
  private closing = false;

  private constructor(
    readonly target: DatabaseTarget,
    private readonly writer: DataSource,
    /** Only reads; on SQLite a pool of read-only connections that never see an open write transaction. */
    readonly reader: DataSource,
    limits: DatabaseLimits,
    private readonly writeLockDeadlineMs: number,
  ) {
    this.lane = new WriteLane<EntityManager>(
      { maxQueued: limits.writeQueueMax, queueTimeoutMs: limits.writeQueueTimeoutMs, maxGroup: limits.writeGroupMax },
      async (tasks) => {
        const started = process.hrtime.bigint();
        try {
          return await this.commitGroup(tasks);
        } finally {
          const seconds = Number(process.hrtime.bigint() - started) / 1e9;
          for (const listener of this.groupListeners) listener(tasks.length, seconds);
        }
      },
    );
  }

  /**
   * Opens the database and applies pending migrations. On SQLite a write waits up to `writeLockDeadlineMs`
   * for another process to release the write lock, then fails with SERVER_BUSY.
   */
  static async open(
    target: DatabaseTarget,
    options: { migrate?: boolean; limits?: DatabaseLimits; writeLockDeadlineMs?: number } = {},
  ): Promise<Database> {
    let db: Database | undefined;
    const limits = options.limits ?? defaultLimits();
    const logger = new StatementLogger((sql) => db?.onStatement(sql));
    const writer = new GuardedDataSource(dataSourceOptions(target, { logger, limits }));
    await writer.initialize();
    try {
      if (options.migrate !== false) await writer.runMigrations({ transaction: 'each' });
      if (target.kind === 'sqlite') await writer.query(`PRAGMA busy_timeout = ${WRITE_LOCK_POLL_MS}`);
      let reader: DataSource = writer;
      if (target.kind === 'sqlite' && target.file !== ':memory:') {
        reader = new GuardedDataSource(dataSourceOptions(target, { logger, limits, readers: true }));
        await reader.initialize();
      }
      db = new Database(target, writer, reader, limits, options.writeLockDeadlineMs ?? WRITE_LOCK_DEADLINE_MS);
      return db;
    } catch (error) {
      await writer.destroy();
      throw error;
    }
  }

  get kind(): DatabaseTarget['kind'] {
    return this.target.kind;
  }

  /** PostgreSQL's connection pool, for stores that share state between instances; null on SQLite. */
  get pool(): Pool | null {
    return this.target.kind === 'postgres' ? ((this.writer.driver as PostgresDriver).master as Pool) : null;
  }

  /** Statements sent since the database was opened, on both connections. */
  get statementCount(): number {
    return this.statements;
  }

  onStatements(listener: StatementListener): void {
    this.listeners.push(listener);
  }

  /**
   * True when reads run on connections of their own that only ever see committed data (an SQLite file):
   * what a write may read before its transaction and trust once a compare-and-set has proved it current.
   */
  get readsSeeOnlyCommitted(): boolean {
    return this.target.kind === 'sqlite' && this.reader !== this.writer;
  }

  /** Writes queued or running in SQLite's write lane (always 0 on PostgreSQL). */
  get writesInLane(): number {
    return this.lane.depth;
  }

  onWriteGroups(listener: WriteGroupListener): void {
    this.groupListeners.push(listener);
  }

  /** Counts a statement sent outside TypeORM (the response cache's change-version check). */
  noteStatement(sql: string): void {
    this.onStatement(sql);
  }

  private onStatement(sql: string): void {
    this.statements += 1;
    for (const listener of this.listeners) listener(sql);
  }

  /**
   * Runs `work` in one transaction: all of it is committed, or none of it. Fails with SERVER_BUSY, having
   * written nothing, when the write cannot start in time or the database is closing.
   */
  async write<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    try {
      return await this.transaction(work);
    } catch (error) {
      throw databaseError(error);
    }
  }

  private async transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    if (this.target.kind === 'postgres') {
      if (this.closing) throw new ServerBusyError('The server is shutting down: nothing was written, retry shortly');
      return this.writer.transaction(work);
    }
    return this.lane.run(work);
  }

  /**
   * SQLite's group commit: the writes waiting in the lane run in arrival order in one BEGIN IMMEDIATE … COMMIT,
   * each from its own savepoint, so one that fails is rolled back to its savepoint alone and answered with its
   * own error while the others go on. Nobody is answered before the COMMIT: if it fails, every write of the
   * group fails with it and nothing of the group is kept.
   */
  private async commitGroup(tasks: readonly WriteTask<EntityManager>[]): Promise<Settled[]> {
    const runner = this.writer.createQueryRunner() as OpenTransaction;
    try {
      await beginImmediate(runner, this.writeLockDeadlineMs);
    } catch (error) {
      await runner.release();
      return tasks.map(() => ({ ok: false, error }));
    }
    // Tell TypeORM a transaction is open, so save() and nested transactions use it (savepoints)
    // instead of sending a BEGIN of their own, which SQLite refuses inside ours.
    runner.isTransactionActive = true;
    runner.transactionDepth = 1;
    const outcomes: Settled[] = [];
    try {
      if (tasks.length === 1) {
        // Alone in its group: the transaction is its savepoint.
        const value = await tasks[0](runner.manager);
        await runner.query('COMMIT');
        return [{ ok: true, value }];
      }
      for (const task of tasks) {
        // Never released: each write's savepoint nests in the previous one's, and ROLLBACK TO undoes only the
        // newest of the name, so one statement per write marks where its changes begin.
        await runner.query('SAVEPOINT group_write');
        runner.transactionDepth = 1;
        try {
          outcomes.push({ ok: true, value: await task(runner.manager) });
        } catch (error) {
          outcomes.push({ ok: false, error });
          await runner.query('ROLLBACK TO group_write');
        }
      }
      await runner.query('COMMIT');
      return outcomes;
    } catch (error) {
      // The transaction itself failed (a savepoint could not be rolled back to, the COMMIT was refused):
      // nothing of the group is kept, so no write of it may be reported done. A write that had failed keeps its own error.
      await runner.query('ROLLBACK').catch(() => undefined);
      return tasks.map((_, i) => (outcomes[i] && !outcomes[i].ok ? outcomes[i] : { ok: false, error }));
    } finally {
      runner.isTransactionActive = false;
      runner.transactionDepth = 0;
      await runner.release();
    }
  }

  /** The SQL TypeORM would still run to make the schema match the entities: empty when migrations and entities agree. */
  async schemaDrift(): Promise<string[]> {
    const log = await this.writer.driver.createSchemaBuilder().log();
    return log.upQueries.map((query) => query.query);
  }

  /** Reverts the newest migration (for tests and operators rolling back a release). */
  async undoLastMigration(): Promise<void> {
    await this.writer.undoLastMigration({ transaction: 'each' });
  }

  /** True when the database answers a trivial query. */
  async ping(): Promise<boolean> {
    try {
      await this.reader.query('SELECT 1');
      return true;
    } catch {
      return false;
    }
  }

  /**
   * Refuses new writes, lets the queued ones finish, stops reads still running, then closes every
   * connection: a shutdown never cuts a write transaction in half.
   */
  async close(): Promise<void> {
    this.closing = true;
    await this.lane.close();
    if (this.reader !== this.writer && this.reader.isInitialized) await this.reader.destroy();
    if (this.writer.isInitialized) await this.writer.destroy();
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** BEGIN IMMEDIATE, tried again while another process holds the write lock, until the deadline; then SERVER_BUSY. */
async function beginImmediate(runner: QueryRunner, deadlineMs: number): Promise<void> {
  const deadline = Date.now() + deadlineMs;
  for (let attempt = 1; ; attempt++) {
    try {
      await runner.query('BEGIN IMMEDIATE');
      return;
    } catch (error) {
      if (!isSqliteBusy(error)) throw error;
      if (Date.now() >= deadline) throw new ServerBusyError();
      // Short pauses that grow a little and never line up: processes retrying in step keep missing each other's gaps.
      await sleep(Math.random() * Math.min(attempt, 10));
    }
  }
}
