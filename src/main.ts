import 'reflect-metadata';
import { ConfigError, loadConfig } from './config';
import { Database } from './db/database';
import { createLogger } from './logger';
import { createServer } from './server';
import { seedIfEmpty } from './seeding';

async function main(): Promise<void> {
  const config = loadConfig();
  // Every SQLite statement holds a libuv worker thread while it runs: leave threads for the writer and
  // file I/O when every reader is busy. Read once, at the first threadpool use, which is still ahead.
  process.env.UV_THREADPOOL_SIZE ??= String(Math.max(4, config.sqliteReaders + 3));
  const logger = createLogger(config.logLevel);
  const db = await Database.open(config.database, { limits: config });
  const server = await createServer({ config, db, logger });
  if (config.seedOnEmpty) await seedIfEmpty(server.context());
  const { url } = await server.listen();
  logger.info({ url, database: config.database.kind }, `claimgraph is serving ${url}`);

  let stopping = false;
  const shutdown = (signal: NodeJS.Signals) => {
    if (stopping) {
      logger.warn({ signal }, 'second signal: exiting without waiting');
      process.exit(1);
    }
    stopping = true;
    logger.info({ signal, timeoutMs: config.shutdownTimeoutMs }, 'shutting down: finishing requests in flight');
    // Requests get SHUTDOWN_TIMEOUT_MS and a queued write starts within WRITE_QUEUE_TIMEOUT_MS or is refused;
    // past both and a margin something is stuck, so stop regardless.
    setTimeout(() => {
      logger.error('shutdown took too long: exiting without closing the database');
      process.exit(1);
    }, config.shutdownTimeoutMs + config.writeQueueTimeoutMs + 5_000).unref();
    void (async () => {
      await server.close();
      logger.info('requests finished; draining writes and closing the database');
      await db.close();
      logger.info('stopped');
      process.exit(0);
    })().catch((error: unknown) => {
      logger.error({ err: error }, 'shutdown failed');
      process.exit(1);
    });
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

main().catch((error: unknown) => {
  // Before the logger exists (a bad setting), stderr is the only place to say why.
  process.stderr.write(`claimgraph failed to start: ${error instanceof ConfigError ? error.message : (error as Error).stack}\n`);
  process.exit(1);
});
