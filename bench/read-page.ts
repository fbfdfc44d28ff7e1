import 'reflect-metadata';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sqlite3 from 'sqlite3';
import { loadConfig } from '../src/config';
import { createAppContext, createContext } from '../src/context';
import { Database } from '../src/db/database';
import { toCursor } from '../src/domain/global-id';
import { EvidenceStance, Role, Verdict } from '../src/domain/types';
import { Claim, Evidence, Review } from '../src/entities';
import { createLogger } from '../src/logger';
import { createServer } from '../src/server';
import { generateArticle } from './generate';

/**
 * Read benchmark: pages of 50 claims with article, source, reviews (with reviewer) and history, fetched
 * over HTTP through GraphQL, against a baseline that reads the same rows with three plain SQL queries
 * per page on a raw sqlite3 connection. Both run in this process on the same database file.
 */
const ARTICLES = Number(process.env.BENCH_ARTICLES ?? 200);
const PAGES = Number(process.env.BENCH_PAGES ?? 400);
const CONCURRENCY = 8;
const PAGE_SIZE = 50;
const RESULTS = path.join(__dirname, 'results');

const QUERY = `query ($after: String) {
  claims(first: ${PAGE_SIZE}, after: $after) {
    edges { node { id text state stance quote { exact start end } article { title } source { name }
      reviews { verdict confidence reviewer { name } } history { kind at } } }
  }
}`;

function all<T>(db: sqlite3.Database, sql: string, params: unknown[]): Promise<T[]> {
  return new Promise((resolve, reject) => db.all(sql, params, (error, rows) => (error ? reject(error) : resolve(rows as T[]))));
}

/** The same page as plain SQL: claims with article and source, then reviews with reviewer, then history. */
async function sqlPage(db: sqlite3.Database, afterId: number): Promise<number> {
  const claims = await all<{ id: number }>(db, `SELECT c.id, c.text, c.state, c.stance, c.quote_exact, c.quote_start, c.quote_end,
      a.title, s.name FROM claim c JOIN article a ON a.id = c.article_id JOIN source s ON s.id = c.source_id
      WHERE c.id > ? ORDER BY c.id LIMIT ?`, [afterId, PAGE_SIZE]);
  const ids = claims.map((c) => c.id);
  const marks = ids.map(() => '?').join(',');
  await all(db, `SELECT r.claim_id, r.verdict, r.confidence, v.name FROM review r JOIN reviewer v ON v.id = r.reviewer_id
      WHERE r.claim_id IN (${marks}) ORDER BY r.id`, ids);
  await all(db, `SELECT claim_id, kind, at FROM claim_event WHERE claim_id IN (${marks}) ORDER BY id`, ids);
  return claims.length;
}

/** Runs `count` tasks, `CONCURRENCY` at a time; returns the seconds it took. */
async function timed(count: number, task: (i: number) => Promise<unknown>): Promise<number> {
  let next = 0;
  const started = process.hrtime.bigint();
  await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
    while (next < count) await task(next++);
  }));
  return Number(process.hrtime.bigint() - started) / 1e9;
}

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimgraph-read-bench-'));
  const file = path.join(dir, 'read.db');
  const config = { ...loadConfig({ ...process.env, LOG_LEVEL: 'silent', NODE_ENV: 'production' }), database: { kind: 'sqlite' as const, file } };
  const db = await Database.open(config.database);
  const ctx = createContext(createAppContext(config, db, createLogger('silent')), null);
  for (let i = 0; i < ARTICLES; i += 1) await ctx.services.articles.ingest(ctx, { ...generateArticle(i), publisher: 'Bench Gazette' });
  const reviewers = await Promise.all([Role.REVIEWER, Role.EDITOR].map((role, i) => ctx.services.reviewers.create(ctx, { name: `Reviewer ${i}`, role })));
  await db.write(async (manager) => {
    const claims = await manager.getRepository(Claim).find({ select: { id: true } });
    for (const claim of claims) {
      for (const { reviewer } of reviewers) {
        const inserted = await manager.insert(Review, { claimId: claim.id, reviewerId: reviewer.id, verdict: Verdict.SUPPORTED, confidence: 0.7, rationale: 'Matches the record.' });
        await manager.insert(Evidence, { reviewId: inserted.identifiers[0].id, position: 0, url: 'https://example.org/record', title: null, excerpt: null, stance: EvidenceStance.SUPPORTS });
      }
    }
  });
  const claimCount = await db.reader.getRepository(Claim).count();
  const pageStarts = Array.from({ length: PAGES }, (_, i) => (i * PAGE_SIZE) % Math.max(1, claimCount - PAGE_SIZE));

  const server = await createServer({ config, db });
  const { url } = await server.listen(0, '127.0.0.1');
  const raw = new sqlite3.Database(file, sqlite3.OPEN_READONLY);

  // Warm both paths, then measure each twice, alternating, and keep the better run of each.
  const graphql = (i: number) => fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: QUERY, variables: { after: pageStarts[i] === 0 ? null : toCursor('Claim', pageStarts[i]) } }),
  }).then(async (response) => {
    const body = (await response.json()) as { data?: { claims: { edges: unknown[] } } };
    if (body.data?.claims.edges.length !== PAGE_SIZE) throw new Error(`unexpected answer: ${JSON.stringify(body).slice(0, 200)}`);
  });
  const plain = (i: number) => sqlPage(raw, pageStarts[i]);
  await timed(40, graphql);
  await timed(40, plain);
  const runs = { graphql: [] as number[], sql: [] as number[] };
  for (let round = 0; round < 2; round += 1) {
    runs.graphql.push(await timed(PAGES, graphql));
    runs.sql.push(await timed(PAGES, plain));
  }
  const graphqlSeconds = Math.min(...runs.graphql);
  const sqlSeconds = Math.min(...runs.sql);
  const statementsBefore = db.statementCount;
  await graphql(1);
  const statementsPerPage = db.statementCount - statementsBefore;

  await server.close();
  await new Promise((resolve) => raw.close(resolve));
  await db.close();
  fs.rmSync(dir, { recursive: true, force: true });

  const round2 = (n: number) => Math.round(n * 100) / 100;
  const result = {
    date: new Date().toISOString(),
    node: process.version,
    claims: claimCount,
    pages: PAGES,
    pageSize: PAGE_SIZE,
    concurrency: CONCURRENCY,
    graphqlOverHttp: { seconds: round2(graphqlSeconds), pagesPerSecond: round2(PAGES / graphqlSeconds), msPerPage: round2((graphqlSeconds * 1000 * CONCURRENCY) / PAGES), statementsPerPage },
    plainSqlBaseline: { seconds: round2(sqlSeconds), pagesPerSecond: round2(PAGES / sqlSeconds), statementsPerPage: 3 },
    ratio: round2(graphqlSeconds / sqlSeconds),
  };
  fs.mkdirSync(RESULTS, { recursive: true });
  fs.writeFileSync(path.join(RESULTS, 'read-page.json'), `${JSON.stringify(result, null, 2)}\n`);
  fs.writeFileSync(path.join(RESULTS, 'read-page.md'), [
    `# Reading pages of ${PAGE_SIZE} claims`,
    '',
    `Measured ${result.date} on Node ${result.node}, SQLite, ${claimCount} claims with two reviews each. Command: \`npm run bench:read\`.`,
    `Each page: claims with article, source, reviews with reviewer, and history; ${PAGES} pages, ${CONCURRENCY} at a time.`,
    '',
    '| | pages/s | statements per page |',
    '|---|---:|---:|',
    `| GraphQL over HTTP (\`POST /graphql\`, production mode) | ${result.graphqlOverHttp.pagesPerSecond} | ${statementsPerPage} |`,
    `| baseline: three plain SQL queries on a raw sqlite3 connection | ${result.plainSqlBaseline.pagesPerSecond} | 3 |`,
    '',
    `GraphQL takes **${result.ratio}×** the baseline's time: HTTP, parsing, validation, cost analysis,`,
    'DataLoader batching, TypeORM hydration and serialising about 50 KB of JSON per page.',
    '',
  ].join('\n'));
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
}

main().catch((error: Error) => {
  process.stderr.write(`${error.stack}\n`);
  process.exit(1);
});
