import 'reflect-metadata';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { graphqlClient, Round } from './lib/load';
import { machine } from './lib/machine';
import { buildDatabase, queries, startService, summary } from './read-page';

/**
 * One lever, measured in one run: the service with `BENCH_AB_VAR=off` against the service as shipped, on the
 * same database, in alternating rounds, response cache off, for the four queries of bench:read.
 * `BENCH_AB_VAR=COMPILED_EXECUTION npm run bench:ab`.
 */
const VARIABLE = process.env.BENCH_AB_VAR ?? 'COMPILED_EXECUTION';
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const ROUND_SECONDS = Number(process.env.BENCH_ROUND_SECONDS ?? 3);

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimgraph-ab-bench-'));
  const file = path.join(dir, 'ab.db');
  const { walkAfter, slug } = await buildDatabase(file);
  const on = await startService(file, 'off');
  const off = await startService(file, 'off', { [VARIABLE]: 'off' });
  const lines = [`${VARIABLE} on vs off, ${machine()}, ${new Date().toISOString()}`];
  for (const q of queries(walkAfter, slug)) {
    const body = JSON.stringify({ query: q.query, variables: q.variables });
    const clients = { on: graphqlClient(on.url, 16), off: graphqlClient(off.url, 16) };
    await clients.on.round(body, 1);
    await clients.off.round(body, 1);
    const rounds = { on: [] as Round[], off: [] as Round[] };
    for (let i = 0; i < ROUNDS; i += 1) {
      rounds.on.push(await clients.on.round(body, ROUND_SECONDS));
      rounds.off.push(await clients.off.round(body, ROUND_SECONDS));
    }
    const a = summary(rounds.on);
    const b = summary(rounds.off);
    lines.push(`${q.name}: on ${a.perSecond}/s, off ${b.perSecond}/s = ×${Math.round((a.perSecond / b.perSecond) * 100) / 100}`);
    clients.on.close();
    clients.off.close();
  }
  for (const { child } of [on, off]) {
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.send({ stop: true });
    });
  }
  fs.rmSync(dir, { recursive: true, force: true });
  process.stdout.write(`${lines.join('\n')}\n`);
}

main().catch((error: Error) => {
  process.stderr.write(`${error.stack}\n`);
  process.exit(1);
});
