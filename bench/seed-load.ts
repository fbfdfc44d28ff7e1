import 'reflect-metadata';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sqlite3 from 'sqlite3';
import { Database } from '../src/db/database';
import { Article, Claim, ClaimEvent, Source } from '../src/entities';
import { generateArticle } from './generate';

/**
 * Loading benchmark: 1,000 generated plain-text articles through `npm run seed` (cleaning, extraction,
 * validation, one transaction per article) against a baseline that inserts the very same rows with
 * plain SQL in one transaction. Both run in this process's machine at the same time, so the ratio holds
 * on a noisy machine where absolute times do not.
 */
const ARTICLES = Number(process.env.BENCH_ARTICLES ?? 1000);
const SENTENCES = 30;
const ROOT = path.resolve(__dirname, '..');
const RESULTS = path.join(__dirname, 'results');

function run(db: sqlite3.Database, sql: string): Promise<void> {
  return new Promise((resolve, reject) => db.run(sql, (error) => (error ? reject(error) : resolve())));
}

/** Inserts rows through one prepared statement, the fastest plain way node-sqlite3 offers. */
function insertAll(db: sqlite3.Database, sql: string, rows: unknown[][]): Promise<void> {
  const statement = db.prepare(sql);
  for (const row of rows) statement.run(row);
  return new Promise((resolve, reject) => statement.finalize((error) => (error ? reject(error) : resolve())));
}

async function baseline(file: string, rows: { articles: Article[]; sources: Source[]; claims: Claim[]; events: ClaimEvent[] }): Promise<number> {
  const migrated = await Database.open({ kind: 'sqlite', file });
  await migrated.close();
  const db = new sqlite3.Database(file);
  const started = process.hrtime.bigint();
  await run(db, 'BEGIN IMMEDIATE');
  await insertAll(db, 'INSERT INTO source (id, name, normalized_name, kind, affiliation) VALUES (?, ?, ?, ?, ?)',
    rows.sources.map((s) => [s.id, s.name, s.normalizedName, s.kind, s.affiliation]));
  await insertAll(db, 'INSERT INTO article (id, slug, title, url, publisher, language, body, content_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    rows.articles.map((a) => [a.id, a.slug, a.title, a.url, a.publisher, a.language, a.body, a.contentHash]));
  await insertAll(db, `INSERT INTO claim (id, article_id, source_id, text, quote_exact, quote_prefix, quote_suffix, quote_start,
    quote_end, stance, state, version, checkworthiness) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  rows.claims.map((c) => [c.id, c.articleId, c.sourceId, c.text, c.quoteExact, c.quotePrefix, c.quoteSuffix, c.quoteStart,
    c.quoteEnd, c.stance, c.state, c.version, c.checkworthiness]));
  await insertAll(db, 'INSERT INTO claim_event (id, claim_id, version, kind, to_state, at) VALUES (?, ?, ?, ?, ?, ?)',
    rows.events.map((e) => [e.id, e.claimId, e.version, e.kind, e.toState, e.at.toISOString()]));
  await run(db, 'COMMIT');
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  await new Promise((resolve) => db.close(resolve));
  return seconds;
}

async function main(): Promise<void> {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'claimgraph-bench-'));
  const articlesDir = path.join(work, 'articles');
  fs.mkdirSync(articlesDir);
  for (let i = 0; i < ARTICLES; i += 1) {
    const { title, body } = generateArticle(i, SENTENCES);
    fs.writeFileSync(path.join(articlesDir, `article-${String(i).padStart(4, '0')}.txt`), `${title}\n\n${body}\n`);
  }

  const seedDb = path.join(work, 'seed.db');
  const started = process.hrtime.bigint();
  const output = execFileSync(process.execPath, ['-r', '@swc-node/register', 'src/scripts/seed.ts', articlesDir], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: seedDb, LOG_LEVEL: 'warn' },
    encoding: 'utf8',
  });
  const seedSeconds = Number(process.hrtime.bigint() - started) / 1e9;

  const stored = await Database.open({ kind: 'sqlite', file: seedDb }, { migrate: false });
  const rows = {
    articles: await stored.reader.getRepository(Article).find(),
    sources: await stored.reader.getRepository(Source).find(),
    claims: await stored.reader.getRepository(Claim).find(),
    events: await stored.reader.getRepository(ClaimEvent).find(),
  };
  await stored.close();
  if (rows.articles.length !== ARTICLES) throw new Error(`expected ${ARTICLES} articles, the seed script stored ${rows.articles.length}:\n${output}`);

  const baselineSeconds = await baseline(path.join(work, 'baseline.db'), rows);
  const claims = rows.claims.length;
  const result = {
    date: new Date().toISOString(),
    node: process.version,
    articles: ARTICLES,
    sentencesPerArticle: SENTENCES,
    claims,
    sources: rows.sources.length,
    seedScript: { seconds: round(seedSeconds), articlesPerSecond: round(ARTICLES / seedSeconds), claimsPerSecond: round(claims / seedSeconds) },
    plainSqlBaseline: { seconds: round(baselineSeconds), articlesPerSecond: round(ARTICLES / baselineSeconds), claimsPerSecond: round(claims / baselineSeconds) },
    ratio: round(seedSeconds / baselineSeconds),
    seedSummary: output.trim(),
  };
  fs.mkdirSync(RESULTS, { recursive: true });
  fs.writeFileSync(path.join(RESULTS, 'seed-load.json'), `${JSON.stringify(result, null, 2)}\n`);
  fs.writeFileSync(path.join(RESULTS, 'seed-load.md'), [
    `# Loading ${ARTICLES} articles (${SENTENCES} sentences each)`,
    '',
    `Measured ${result.date} on Node ${result.node}, SQLite. Command: \`npm run bench:load\`.`,
    '',
    '| | seconds | articles/s | claims/s |',
    '|---|---:|---:|---:|',
    `| \`npm run seed\` (clean, extract, validate, one transaction per article) | ${result.seedScript.seconds} | ${result.seedScript.articlesPerSecond} | ${result.seedScript.claimsPerSecond} |`,
    `| baseline: the same rows, plain SQL (prepared statements), one transaction | ${result.plainSqlBaseline.seconds} | ${result.plainSqlBaseline.articlesPerSecond} | ${result.plainSqlBaseline.claimsPerSecond} |`,
    '',
    `The seed script takes **${result.ratio}×** the baseline's time for ${claims} claims from ${rows.sources.length} sources.`,
    'The ratio is what extraction, validation, the ORM, per-article transactions and process start-up cost.',
    '',
  ].join('\n'));
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  fs.rmSync(work, { recursive: true, force: true });
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

main().catch((error: Error) => {
  process.stderr.write(`${error.stack}\n`);
  process.exit(1);
});
