// The service in a process of its own, as it runs in production: a request that blocks its event loop
// cannot stall the test that sent it, and the test can stop it and start another.
// Reads its settings from the environment like `npm start`, then prints `listening PORT` on stdout.
import 'reflect-metadata';
import { loadConfig } from '../../src/config';
import { Database } from '../../src/db/database';
import { createServer } from '../../src/server';

async function main(): Promise<void> {
  const config = loadConfig();
  const db = await Database.open(config.database);
  const server = await createServer({ config, db });
  const { port } = await server.listen(0, '127.0.0.1');
  process.stdout.write(`listening ${port}\n`);
  // The test that started this server closes stdin when it ends, even when it ends abruptly.
  process.stdin.on('end', () => process.exit(0));
  process.stdin.resume();
  process.once('SIGTERM', () => {
    void server.close().then(() => db.close()).finally(() => process.exit(0));
  });
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
