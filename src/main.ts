import 'reflect-metadata';
import { ConfigError, loadConfig } from './config';
import { Database } from './db/database';
import { createLogger } from './logger';
import { createServer } from './server';
import { seedIfEmpty } from './seeding';

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  const db = await Database.open(config.database, { limits: config });
  const server = await createServer({ config, db, logger });
  if (config.seedOnEmpty) await seedIfEmpty(server.context());
  const { url } = await server.listen();
  logger.info({ url, database: config.database.kind }, `claimgraph is serving ${url}`);

  const shutdown = async (signal: string) => {
    logger.info({ signal }, 'shutting down');
    await server.close();
    await db.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((error: unknown) => {
  // Before the logger exists (a bad setting), stderr is the only place to say why.
  process.stderr.write(`claimgraph failed to start: ${error instanceof ConfigError ? error.message : (error as Error).stack}\n`);
  process.exit(1);
});
