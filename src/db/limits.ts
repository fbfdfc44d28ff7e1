import { Config, loadConfig } from '../config';

/** The connection limits and timeouts the database layer enforces; every one is a setting in Config. */
export type DatabaseLimits = Pick<
  Config,
  'sqliteReaders' | 'dbStatementTimeoutMs' | 'dbPoolSize' | 'dbAcquireTimeoutMs' | 'writeQueueMax' | 'writeQueueTimeoutMs' | 'writeGroupMax'
>;

/** The defaults, for callers that open a database without a Config of their own. */
export function defaultLimits(): DatabaseLimits {
  return loadConfig({});
}
