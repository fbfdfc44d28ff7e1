import 'reflect-metadata';
import { ChildProcess, execFileSync, execSync, fork } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { cpuMs, graphqlClient, Round } from './lib/load';
import { machine } from './lib/machine';
import { buildDatabase, queries, startService, summary } from './read-page';

/**
 * One lever, measured in one run, on the same database, in alternating rounds, response cache off, for the
 * four queries of bench:read: the service as it is against
 * - the same service with a setting off (`BENCH_AB_VAR=COMPILED_EXECUTION npm run bench:ab`), or
 * - the service as committed at another revision (`BENCH_AB_REF=<commit> npm run bench:ab`), compiled the same way.
 * Besides requests per second it reports each side's CPU time per request (all its threads, and its main thread).
 */
const VARIABLE = process.env.BENCH_AB_VAR ?? 'COMPILED_EXECUTION';
const REF = process.env.BENCH_AB_REF;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const ROUND_SECONDS = Number(process.env.BENCH_ROUND_SECONDS ?? 3);
const ROOT = path.join(__dirname, '..');

/** Compiles bench/serve.ts as committed at `ref` into a folder of the checkout (so node_modules resolve); answers its path. */
function compileRevision(ref: string): string {
  const dir = path.join(ROOT, 'dist', `ab-${ref.replace(/[^\w.-]/g, '_')}`);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  execSync(`git archive ${ref} src bench seeds schema ormconfig.ts tsconfig.json tsconfig.build.json | tar -x -C ${JSON.stringify(dir)}`, { cwd: ROOT, stdio: 'inherit' });
  fs.writeFileSync(path.join(dir, 'tsconfig.ab.json'), JSON.stringify({ extends: './tsconfig.build.json', compilerOptions: { outDir: './out' }, include: ['bench/serve.ts'] }));
  execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', path.join(dir, 'tsconfig.ab.json')], { stdio: 'inherit' });
  return path.join(dir, 'out/bench/serve.js');
}

async function startRevision(serve: string, file: string): Promise<{ child: ChildProcess; url: string }> {
  const child = fork(serve, [], {
    env: { ...process.env, BENCH_DB: file, RESPONSE_CACHE: 'off', NODE_ENV: 'production', RATE_LIMIT_ANONYMOUS_COST: '1000000000' },
  });
  const url = await new Promise<string>((resolve, reject) => {
    child.once('message', (message: { url: string }) => resolve(message.url));
    child.once('exit', (code) => reject(new Error(`bench server exited with ${code}`)));
  });
  return { child, url };
}

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimgraph-ab-bench-'));
  const file = path.join(dir, 'ab.db');
  const { walkAfter, slug } = await buildDatabase(file);
  const on = await startService(file, 'off');
  const off = REF ? await startRevision(compileRevision(REF), file) : await startService(file, 'off', { [VARIABLE]: 'off' });
  const label = REF ? `this tree (on) vs ${REF} (off)` : `${VARIABLE} on vs off`;
  const lines = [`${label}, ${machine()}, ${new Date().toISOString()}`];
  for (const q of queries(walkAfter, slug)) {
    const body = JSON.stringify({ query: q.query, variables: q.variables });
    const clients = { on: graphqlClient(on.url, 16), off: graphqlClient(off.url, 16) };
    await clients.on.round(body, 1);
    await clients.off.round(body, 1);
    const rounds = { on: [] as Round[], off: [] as Round[] };
    const cpu = { on: { all: 0, main: 0 }, off: { all: 0, main: 0 } };
    const timed = async (side: 'on' | 'off') => {
      const pid = (side === 'on' ? on : off).child.pid!;
      const before = cpuMs(pid);
      rounds[side].push(await clients[side].round(body, ROUND_SECONDS));
      const after = cpuMs(pid);
      cpu[side].all += after.all - before.all;
      cpu[side].main += after.main - before.main;
    };
    for (let i = 0; i < ROUNDS; i += 1) {
      await timed('on');
      await timed('off');
    }
    const a = summary(rounds.on);
    const b = summary(rounds.off);
    const perRequest = (side: 'on' | 'off') => {
      const requests = rounds[side].reduce((sum, r) => sum + r.requests, 0);
      return `${(cpu[side].all / requests).toFixed(2)} ms (main thread ${(cpu[side].main / requests).toFixed(2)})`;
    };
    lines.push(`${q.name}: on ${a.perSecond}/s, off ${b.perSecond}/s = ×${Math.round((a.perSecond / b.perSecond) * 100) / 100}; `
      + `CPU per request on ${perRequest('on')}, off ${perRequest('off')}`);
    process.stdout.write(`${lines[lines.length - 1]}\n`);
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
