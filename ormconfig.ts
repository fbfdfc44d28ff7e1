import 'reflect-metadata';
import sqlite3 from 'sqlite3';
import { DataSource, DataSourceOptions, Logger as TypeOrmLogger } from 'typeorm';
import { DatabaseTarget, loadConfig } from './src/config';
import { ENTITIES } from './src/entities';
import { MIGRATIONS } from './src/migrations';

// TypeORM calls sqlite3.verbose(), whose long stack traces util.inspect every argument of every statement
// (whole article bodies included); the plain module does the same work without that cost.
const quietSqlite3 = Object.assign(Object.create(sqlite3) as typeof sqlite3, { verbose: () => sqlite3 });

export interface DataSourceSettings {
  /** Sees every SQL statement sent (metrics, statement-count tests). */
  logger?: TypeOrmLogger;
  /** A second SQLite connection that only reads: it never sees another request's open transaction. */
  readOnly?: boolean;
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
  if (target.kind === 'postgres') {
    return { ...common, type: 'postgres', url: target.url, extra: { max: 10 } };
  }
  return {
    ...common,
    type: 'sqlite',
    driver: quietSqlite3,
    database: target.file,
    // The writer puts the file in WAL mode once; a read-only connection cannot (and need not) set it.
    enableWAL: !settings.readOnly,
    busyTimeout: 10_000,
    flags: settings.readOnly ? 1 /* SQLITE_OPEN_READONLY */ : undefined,
  };
}

/** The DataSource the TypeORM CLI uses (`npx typeorm -d dist/ormconfig.js migration:show`). */
export default new DataSource(dataSourceOptions(loadConfig().database));
