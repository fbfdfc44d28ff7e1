import 'reflect-metadata';
import { ChildProcess, fork } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../src/config';
import { createAppContext, createContext } from '../src/context';
import { Database } from '../src/db/database';
import { toCursor } from '../src/domain/global-id';
import { EvidenceStance, Role, Verdict } from '../src/domain/types';
import { createLogger } from '../src/logger';
import { generateArticle } from './generate';
import { compileService } from './lib/compile';
import { graphqlClient, peakRssMb, quantile, Round } from './lib/load';
import { machine } from './lib/machine';

/**
 * Read benchmark: four queries through POST /graphql on the service (production mode, its own process)
 * against a bare Apollo Server answering the identical response from memory (the ceiling), in alternating
 * rounds of the same run. Once with the response cache off (the engine), once on (repeated reads).
 */
const ARTICLES = Number(process.env.BENCH_ARTICLES ?? 400);
const ROUND_SECONDS = Number(process.env.BENCH_ROUND_SECONDS ?? 3);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const CONNECTIONS = 16;
// Profiling (`BENCH_PROF=DIR`): only the service, one query (the first, or `BENCH_PROF_QUERY=N`, 1–4), cache off,
// so the profile is its alone.
const PROFILING = Boolean(process.env.BENCH_PROF);
const PROFILED_QUERY = Number(process.env.BENCH_PROF_QUERY ?? 1) - 1;
const RESULTS = path.join(__dirname, 'results');

interface BenchQuery { name: string; query: string; variables: Record<string, unknown> }

export function queries(walkAfter: string, slug: string): BenchQuery[] {
  return [
    {
      name: 'claims page (50 claims, article, source, reviews with reviewer and evidence, history)',
      query: `query ($after: String) { claims(first: 50, after: $after) { totalCount pageInfo { hasNextPage endCursor }
        edges { cursor node { id text state stance version quote { exact start end } article { id title } source { id name kind }
          reviews { verdict confidence createdAt reviewer { id name } evidence { url stance } }
          history { kind fromState toState at actor { name } } } } } }`,
      variables: { after: toCursor('Claim', 1000) },
    },
    {
      name: "one article with all its claims' quotes and states",
      query: `query ($slug: String) { article(slug: $slug) { id title publisher publishedAt
        claims(first: 100) { totalCount edges { node { id state stance quote { exact start end } } } } } }`,
      variables: { slug },
    },
    {
      name: 'filtered search (states + stances + text)',
      query: `query ($filter: ClaimFilter) { claims(first: 20, filter: $filter) { totalCount pageInfo { hasNextPage endCursor }
        edges { node { id text state stance source { name } article { title } } } } }`,
      variables: { filter: { states: ['UNVERIFIED', 'IN_REVIEW'], stances: ['ASSERTS', 'HEDGES'], search: 'percent' } },
    },
    {
      name: 'page 200 of a filtered walk (10 a page)',
      query: `query ($after: String, $filter: ClaimFilter) { claims(first: 10, after: $after, filter: $filter) {
        pageInfo { hasNextPage endCursor } edges { node { id text state stance source { name } } } } }`,
      variables: { after: walkAfter, filter: { states: ['UNVERIFIED', 'IN_REVIEW'], stances: ['ASSERTS', 'HEDGES'] } },
    },
  ];
}

/** Loads generated articles through the service and gives every claim two reviews with evidence. */
export async function buildDatabase(file: string): Promise<{ claims: number; walkAfter: string; slug: string }> {
  const config = { ...loadConfig({ ...process.env, LOG_LEVEL: 'silent', NODE_ENV: 'production' }), database: { kind: 'sqlite' as const, file } };
  const db = await Database.open(config.database);
  const ctx = createContext(createAppContext(config, db, createLogger('silent')), null);
  for (let i = 0; i < ARTICLES; i += 1) await ctx.services.articles.ingest(ctx, { ...generateArticle(i), publisher: 'Bench Gazette' });
  const reviewers = await Promise.all([Role.REVIEWER, Role.EDITOR].map((role, i) => ctx.services.reviewers.create(ctx, { name: `Reviewer ${i}`, role })));
  await db.write(async (manager) => {
    for (const { reviewer } of reviewers) {
      await manager.query(`INSERT INTO review (claim_id, reviewer_id, verdict, confidence, rationale, created_at)
        SELECT id, ?, ?, 0.7, 'Matches the record.', datetime('now') FROM claim ORDER BY id`, [reviewer.id, Verdict.SUPPORTED]);
    }
    await manager.query(`INSERT INTO evidence (review_id, position, url, stance) SELECT id, 0, 'https://example.org/record', ? FROM review`, [EvidenceStance.SUPPORTS]);
    // A third of the claims in review, so state filters have something to choose between.
    await manager.query(`UPDATE claim SET state = 'IN_REVIEW' WHERE id % 3 = 0`);
  });
  const [{ n }] = await db.reader.query('SELECT COUNT(*) AS n FROM claim') as { n: number }[];
  const walk = await db.reader.query(`SELECT id FROM claim WHERE state IN ('UNVERIFIED', 'IN_REVIEW') AND stance IN ('ASSERTS', 'HEDGES')
    ORDER BY id LIMIT 1 OFFSET ${199 * 10 - 1}`) as { id: number }[];
  if (walk.length === 0) throw new Error('too few claims for page 200 of the walk: raise BENCH_ARTICLES');
  const [{ slug }] = await db.reader.query('SELECT slug FROM article ORDER BY id LIMIT 1 OFFSET 7') as { slug: string }[];
  await db.close();
  return { claims: Number(n), walkAfter: toCursor('Claim', walk[0].id), slug };
}

const COMPILED_SERVE = path.join(__dirname, '../dist/bench/serve.js');
let compiled = false;

/**
 * The service runs as it does in production: compiled JavaScript (`npm start` runs dist/), not through
 * the TypeScript loader, whose compiler alone would add some 80 MB to the process measured.
 */
function compileServe(): void {
  if (compiled) return;
  compileService(path.join(__dirname, 'tsconfig.serve.json'));
  compiled = true;
}

/** Starts bench/serve.ts (compiled) on the database; answers its URL. */
export async function startService(file: string, responseCache: 'on' | 'off', env: Record<string, string> = {}): Promise<{ child: ChildProcess; url: string }> {
  compileServe();
  const child = fork(COMPILED_SERVE, [], {
    execArgv: process.env.BENCH_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROF}`] : [],
    env: { ...process.env, BENCH_DB: file, RESPONSE_CACHE: responseCache, NODE_ENV: 'production', RATE_LIMIT_ANONYMOUS_COST: '1000000000', ...env },
  });
  return { child, url: await started(child) };
}

/** Starts the ceiling in a process of its own (bench/serve.ts with BENCH_CEILING), so each side's RSS is its own. */
function startCeilingProcess(): Promise<ChildProcess> {
  const child = fork(path.join(__dirname, 'serve.ts'), [], {
    execArgv: ['-r', '@swc-node/register'],
    env: { ...process.env, BENCH_CEILING: '1', NODE_ENV: 'production' },
  });
  return started(child).then(() => child);
}

function started(child: ChildProcess): Promise<string> {
  return new Promise<string>((resolve, reject) => {
    child.once('message', (message: { url: string }) => resolve(message.url));
    child.once('exit', (code) => reject(new Error(`bench server exited with ${code}`)));
  });
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.send({ stop: true });
  });
}

function ask<T>(child: ChildProcess, message: unknown): Promise<T> {
  return new Promise((resolve) => {
    child.once('message', (answer: T) => resolve(answer));
    child.send(message as object);
  });
}

async function statementsTotal(metricsUrl: string): Promise<number> {
  const text = await fetch(metricsUrl).then((response) => response.text());
  return Number(/^db_statements_total (\d+)/m.exec(text)?.[1] ?? NaN);
}

interface Row { query: string; cache: 'on' | 'off'; service: Summary; ceiling: Summary; ratio: number; statements: number; bytes: number }
interface Summary { perSecond: number; p50: number; p99: number }

export function summary(rounds: Round[]): Summary {
  const requests = rounds.reduce((sum, r) => sum + r.requests, 0);
  const seconds = rounds.reduce((sum, r) => sum + r.seconds, 0);
  const latencies = rounds.flatMap((r) => r.latenciesMs);
  const round1 = (n: number) => Math.round(n * 10) / 10;
  return { perSecond: Math.round(requests / seconds), p50: round1(quantile(latencies, 0.5)), p99: round1(quantile(latencies, 0.99)) };
}

async function measure(mode: 'on' | 'off', file: string, benchQueries: BenchQuery[]): Promise<{ rows: Row[]; rssMb: number; ceilingRssMb: number }> {
  const { child, url } = await startService(file, mode);
  const ceilingChild = PROFILING ? null : await startCeilingProcess();
  const service = graphqlClient(url, CONNECTIONS);
  const rows: Row[] = [];
  for (const q of PROFILING ? benchQueries.slice(PROFILED_QUERY, PROFILED_QUERY + 1) : benchQueries) {
    const body = JSON.stringify({ query: q.query, variables: q.variables });
    const answer = await service.post(body);
    const parsed = JSON.parse(answer.text) as { data?: Record<string, unknown>; errors?: unknown };
    if (answer.status !== 200 || parsed.errors || !parsed.data) throw new Error(`${q.name}: ${answer.text.slice(0, 300)}`);
    if (PROFILING) {
      await service.round(body, ROUND_SECONDS * ROUNDS);
      continue;
    }
    const { ceilingUrl } = await ask<{ ceilingUrl: string }>(ceilingChild!, { ceiling: parsed.data });
    const ceiling = graphqlClient(ceilingUrl, CONNECTIONS);
    const fromCeiling = JSON.parse((await ceiling.post(body)).text) as { data?: unknown };
    if (JSON.stringify(fromCeiling.data) !== JSON.stringify(parsed.data)) throw new Error(`${q.name}: the ceiling's data differs from the service's`);
    const bytes = Buffer.byteLength(answer.text);
    await service.round(body, 1);
    await ceiling.round(body, 1);
    const rounds = { service: [] as Round[], ceiling: [] as Round[] };
    for (let i = 0; i < ROUNDS; i += 1) {
      rounds.service.push(await service.round(body, ROUND_SECONDS));
      rounds.ceiling.push(await ceiling.round(body, ROUND_SECONDS));
    }
    const metricsUrl = url.replace(/\/graphql$/, '/metrics');
    const before = await statementsTotal(metricsUrl);
    await service.post(body);
    const statements = (await statementsTotal(metricsUrl)) - before;
    ceiling.close();
    const s = summary(rounds.service);
    const c = summary(rounds.ceiling);
    rows.push({ query: q.name, cache: mode, service: s, ceiling: c, ratio: Math.round((s.perSecond / c.perSecond) * 100) / 100, statements, bytes });
    process.stdout.write(`${mode} ${q.name}: ${s.perSecond}/s vs ceiling ${c.perSecond}/s = ${rows[rows.length - 1].ratio}×, ${statements} statements\n`);
  }
  service.close();
  const rssMb = peakRssMb(child.pid!);
  const ceilingRssMb = ceilingChild ? peakRssMb(ceilingChild.pid!) : 0;
  await stop(child);
  if (ceilingChild) await stop(ceilingChild);
  return { rows, rssMb, ceilingRssMb };
}

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimgraph-read-bench-'));
  const file = path.join(dir, 'read.db');
  const { claims, walkAfter, slug } = await buildDatabase(file);
  const benchQueries = queries(walkAfter, slug);
  const off = await measure('off', file, benchQueries);
  if (PROFILING) {
    fs.rmSync(dir, { recursive: true, force: true });
    process.stdout.write(`profile written to ${process.env.BENCH_PROF}; peak RSS of the service alone: ${off.rssMb} MB\n`);
    return;
  }
  const on = await measure('on', file, benchQueries);
  fs.rmSync(dir, { recursive: true, force: true });

  const result = {
    date: new Date().toISOString(), machine: machine(), claims, connections: CONNECTIONS, roundSeconds: ROUND_SECONDS, rounds: ROUNDS,
    peakRssMb: { cacheOff: off.rssMb, cacheOn: on.rssMb, ceiling: Math.max(off.ceilingRssMb, on.ceilingRssMb) },
    rows: [...off.rows, ...on.rows],
  };
  fs.mkdirSync(RESULTS, { recursive: true });
  fs.writeFileSync(path.join(RESULTS, 'read-page.json'), `${JSON.stringify(result, null, 2)}\n`);
  fs.writeFileSync(path.join(RESULTS, 'read-page.md'), [
    '# Reading: the service against its ceiling',
    '',
    `Measured ${result.date} on ${result.machine}. Command: \`npm run bench:read\`.`,
    `SQLite, ${claims} claims with two reviews each (with evidence). ${CONNECTIONS} connections; ${ROUNDS} alternating rounds of ${ROUND_SECONDS} s per side.`,
    'The ceiling is a bare Apollo Server 5 (same packages, schema from `schema/schema.graphql`) answering the byte-identical response from memory.',
    '',
    '| query | response cache | service req/s | ceiling req/s | service / ceiling | service p50 / p99 ms | ceiling p50 / p99 ms | SQL statements per request |',
    '|---|---|---:|---:|---:|---:|---:|---:|',
    ...result.rows.map((r) => `| ${r.query} | ${r.cache} | ${r.service.perSecond} | ${r.ceiling.perSecond} | **${r.ratio}×** | ${r.service.p50} / ${r.service.p99} | ${r.ceiling.p50} / ${r.ceiling.p99} | ${r.statements} |`),
    '',
    `Peak RSS of the service's process: ${off.rssMb} MB with the cache off, ${on.rssMb} MB with it on (the ceiling, in a process of its own: ${result.peakRssMb.ceiling} MB).`,
    '',
  ].join('\n'));
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
}

if (require.main === module) {
  main().catch((error: Error) => {
    process.stderr.write(`${error.stack}\n`);
    process.exit(1);
  });
}
