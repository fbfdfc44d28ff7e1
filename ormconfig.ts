import 'reflect-metadata';
import sqlite3 from 'sqlite3';
import { DataSource, DataSourceOptions, Logger as TypeOrmLogger } from 'typeorm';
import { DatabaseTarget, loadConfig } from './src/config';
import { DatabaseLimits, defaultLimits } from './src/db/limits';
import { readerPoolDriver } from './src/db/sqlite-readers';
import { ENTITIES } from './src/entities';
import { MIGRATIONS } from './src/migrations';

// TypeORM calls sqlite3.verbose(), whose long stack traces util.inspect every argument of every statement
// (whole article bodies included); the plain module does the same work without that cost.
const quietSqlite3 = Object.assign(Object.create(sqlite3) as typeof sqlite3, { verbose: () => sqlite3 });

export interface DataSourceSettings {
  /** Sees every SQL statement sent (metrics, statement-count tests). */
  logger?: TypeOrmLogger;
  /** Connection limits and timeouts; the defaults when not given. */
  limits?: DatabaseLimits;
  /** SQLite's pool of read-only connections: they never see another request's open transaction. */
  readers?: boolean;
}

/** TypeORM options for a database target: SQLite (WAL, busy timeout, foreign keys) or PostgreSQL. */
export function dataSourceOptions(target: DatabaseTarget, settings: DataSourceSettings = {}): DataSourceOptions {
  const common = {
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'migrations',
    synchronize: false,
    logger: settings.logger,
  } as const;
  const limits = settings.limits ?? defaultLimits();
  if (target.kind === 'postgres') {
    return {
      ...common,
      type: 'postgres',
      url: target.url,
      // pg's pool options: connectionTimeoutMillis bounds the wait for a pooled connection, and
      // statement_timeout makes the server cancel any statement running longer (SQLSTATE 57014).
      extra: { max: limits.dbPoolSize, connectionTimeoutMillis: limits.dbAcquireTimeoutMs, statement_timeout: limits.dbStatementTimeoutMs },
    };
  }
  const readers = settings.readers
    ? readerPoolDriver({ size: limits.sqliteReaders, statementTimeoutMs: limits.dbStatementTimeoutMs, acquireTimeoutMs: limits.dbAcquireTimeoutMs })
    : undefined;
  return {
    ...common,
    type: 'sqlite',
    driver: readers ?? quietSqlite3,
    database: target.file,
    // The writer puts the file in WAL mode once; a read-only connection cannot (and need not) set it.
    enableWAL: !readers,
    busyTimeout: 10_000,
    flags: readers ? sqlite3.OPEN_READONLY : undefined,
  };
}

/** The DataSource the TypeORM CLI uses (`npx typeorm -d dist/ormconfig.js migration:show`). */
const config = loadConfig();
export default new DataSource(dataSourceOptions(config.database, { limits: config }));
