import 'reflect-metadata';
import { loadSeeds, SEEDS_DIR, SeedOutcome, seedFiles } from '../seeding';
import { loadConfig } from '../config';
import { createAppContext, createContext } from '../context';
import { Database } from '../db/database';
import { createLogger } from '../logger';

/** A one-line progress bar on a terminal; nothing when output is piped. */
function progress(total: number) {
  const tty = process.stderr.isTTY === true;
  let done = 0;
  return {
    tick(outcome: SeedOutcome) {
      done += 1;
      if (outcome.status === 'failed') {
        if (tty) process.stderr.write('\r\x1b[K');
        process.stderr.write(`failed: ${outcome.error}\n`);
      }
      if (!tty) return;
      const width = 30;
      const filled = Math.round((done / total) * width);
      process.stderr.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}`);
      if (done === total) process.stderr.write('\n');
    },
  };
}

/**
 * `npm run seed [-- [--revise] FILE_OR_FOLDER…]`: loads articles, one transaction each; exits 1 if any failed.
 * With --revise, a file whose slug is stored with another text is stored as that article's next revision.
 */
async function seed(args: string[]): Promise<number> {
  const revise = args.includes('--revise');
  const paths = args.filter((arg) => arg !== '--revise');
  const config = loadConfig({ ...process.env, LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn' });
  const files = await seedFiles(paths.length > 0 ? paths : [SEEDS_DIR]);
  const db = await Database.open(config.database, { limits: config });
  const app = createAppContext(config, db, createLogger(config.logLevel));
  try {
    const ctx = createContext(app, null);
    const bar = progress(files.length);
    const started = Date.now();
    const done = await loadSeeds(ctx, files, (outcome) => bar.tick(outcome), { revise });
    const seconds = (Date.now() - started) / 1000;
    process.stdout.write(
      `articles: ${done.added} added, ${revise ? `${done.revised} revised, ` : ''}${done.skipped} skipped (already stored), ${done.failed} failed; ` +
      `claims added: ${done.claims}; ${seconds.toFixed(1)} s\n`,
    );
    return done.failed > 0 ? 1 : 0;
  } finally {
    await app.extraction.close();
    await db.close();
  }
}

seed(process.argv.slice(2))
  .then((code) => process.exit(code))
  .catch((error: Error) => {
    process.stderr.write(`seed failed: ${error.message}\n`);
    process.exit(1);
  });
