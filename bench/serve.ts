import 'reflect-metadata';
import { loadConfig } from '../src/config';
import { Database } from '../src/db/database';
import { createServer } from '../src/server';
import { startCeiling } from './lib/ceiling';

/**
 * The server side of the read benchmark, in its own process so the load generator does not share its core
 * and the process's RSS is the service's own: the service on `BENCH_DB` (production mode), or with
 * `BENCH_CEILING=1` only a ceiling, answering captured responses sent to it.
 */
async function serveService(): Promise<void> {
  const file = process.env.BENCH_DB!;
  const config = { ...loadConfig({ ...process.env, LOG_LEVEL: 'silent', NODE_ENV: 'production' }), database: { kind: 'sqlite' as const, file } };
  const db = await Database.open(config.database, { limits: config });
  const server = await createServer({ config, db });
  const { url } = await server.listen(0, '127.0.0.1');
  process.on('message', async (message: { writerSettings?: boolean; stop?: boolean }) => {
    if (message.writerSettings) {
      // What the write benchmark's raw SQL side must match: the settings of the connection writes go through.
      const settings = await db.write(async (manager) => {
        const [{ synchronous }] = await manager.query('PRAGMA synchronous') as { synchronous: number }[];
        const [{ journal_mode: journalMode }] = await manager.query('PRAGMA journal_mode') as { journal_mode: string }[];
        return { synchronous: Number(synchronous), journalMode };
      });
      process.send!({ writerSettings: settings });
    }
    if (!message.stop) return;
    await server.close();
    await db.close();
    process.exit(0);
  });
  process.send!({ url });
}

async function serveCeiling(): Promise<void> {
  let ceiling: Awaited<ReturnType<typeof startCeiling>> | null = null;
  process.on('message', async (message: { ceiling?: Record<string, unknown>; stop?: boolean }) => {
    if (message.ceiling) {
      await ceiling?.close();
      ceiling = await startCeiling(message.ceiling);
      process.send!({ ceilingUrl: ceiling.url });
    }
    if (message.stop) {
      await ceiling?.close();
      process.exit(0);
    }
  });
  process.send!({ url: null });
}

(process.env.BENCH_CEILING ? serveCeiling() : serveService()).catch((error: Error) => {
  process.stderr.write(`${error.stack}\n`);
  process.exit(1);
});
