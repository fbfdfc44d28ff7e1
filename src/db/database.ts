import type { Pool } from 'pg';
import { DataSource, EntityManager, Logger as TypeOrmLogger, QueryRunner } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import { dataSourceOptions } from '../../ormconfig';
import { DatabaseTarget } from '../config';
import { WriteLane } from './write-lane';

/** Sees every SQL statement either connection sends. */
export type StatementListener = (sql: string) => void;

/** The transaction flags TypeORM keeps on a query runner, set by hand around BEGIN IMMEDIATE. */
type OpenTransaction = Omit<QueryRunner, 'isTransactionActive'> & { isTransactionActive: boolean; transactionDepth: number };

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
 * SQLite runs in a FIFO lane with `BEGIN IMMEDIATE` (so other processes wait on the busy timeout instead
 * of failing), and on PostgreSQL in a pooled transaction.
 */
export class Database {
  private readonly lane = new WriteLane();
  private statements = 0;
  private readonly listeners: StatementListener[] = [];

  private constructor(
    readonly target: DatabaseTarget,
    private readonly writer: DataSource,
    /** Only reads; on SQLite a second, read-only connection that never sees an open write transaction. */
    readonly reader: DataSource,
  ) {}

  /** Opens the database and applies pending migrations. */
  static async open(target: DatabaseTarget, options: { migrate?: boolean } = {}): Promise<Database> {
    let db: Database | undefined;
    const logger = new StatementLogger((sql) => db?.onStatement(sql));
    const writer = new DataSource(dataSourceOptions(target, { logger }));
    await writer.initialize();
    try {
      if (options.migrate !== false) await writer.runMigrations({ transaction: 'each' });
      let reader = writer;
      if (target.kind === 'sqlite' && target.file !== ':memory:') {
        reader = new DataSource(dataSourceOptions(target, { logger, readOnly: true }));
        await reader.initialize();
      }
      db = new Database(target, writer, reader);
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

  /** Counts a statement sent outside TypeORM (the response cache's change-version check). */
  noteStatement(sql: string): void {
    this.onStatement(sql);
  }

  private onStatement(sql: string): void {
    this.statements += 1;
    for (const listener of this.listeners) listener(sql);
  }

  /** Runs `work` in one transaction: all of it is committed, or none of it. */
  async write<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    if (this.target.kind === 'postgres') return this.writer.transaction(work);
    return this.lane.run(async () => {
      const runner = this.writer.createQueryRunner() as OpenTransaction;
      await runner.query('BEGIN IMMEDIATE');
      // Tell TypeORM a transaction is open, so save() and nested transactions use it (savepoints)
      // instead of sending a BEGIN of their own, which SQLite refuses inside ours.
      runner.isTransactionActive = true;
      runner.transactionDepth = 1;
      try {
        const result = await work(runner.manager);
        await runner.query('COMMIT');
        return result;
      } catch (error) {
        await runner.query('ROLLBACK');
        throw error;
      } finally {
        runner.isTransactionActive = false;
        runner.transactionDepth = 0;
        await runner.release();
      }
    });
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

  async close(): Promise<void> {
    if (this.reader !== this.writer && this.reader.isInitialized) await this.reader.destroy();
    if (this.writer.isInitialized) await this.writer.destroy();
  }
}
