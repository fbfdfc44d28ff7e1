import 'reflect-metadata';
import { loadConfig } from '../config';
import { Database } from '../db/database';

/** Applies pending migrations and exits. */
async function migrate(): Promise<void> {
  const config = loadConfig();
  const db = await Database.open(config.database, { limits: config });
  await db.close();
  process.stdout.write('migrations applied\n');
}

migrate().catch((error: Error) => {
  process.stderr.write(`migration failed: ${error.message}\n`);
  process.exit(1);
});
