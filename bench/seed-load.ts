import 'reflect-metadata';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sqlite3 from 'sqlite3';
import { Database } from '../src/db/database';
import { generateArticle } from './generate';
import { compileService } from './lib/compile';
import { machine } from './lib/machine';

/**
 * Loading benchmark: N generated plain-text articles through `npm run seed` (a process of its own: start-up,
 * cleaning, extraction, validation, one transaction per article) against a baseline that inserts every row
 * the seed script stored (articles, their revisions, sources, claims, events, terms) with plain SQL in one
 * transaction. Rounds alternate which goes first, so the ratio holds on a noisy machine where absolute
 * times do not. Also reports the seed process's peak RSS; with more than 1,000 articles, that of a run
 * over the first 1,000 too, to show memory does not grow with the number of files.
 *
 *   npm run bench:load [-- --articles N] [-- --rounds R]
 */
const args = process.argv.slice(2);
function option(name: string, fallback: number): number {
  const at = args.indexOf(`--${name}`);
  const value = at >= 0 ? Number(args[at + 1]) : fallback;
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} takes a positive integer`);
  return value;
}
const ARTICLES = option('articles', Number(process.env.BENCH_ARTICLES ?? 1000));
const ROUNDS = option('rounds', ARTICLES > 1000 ? 1 : 3);
const MEMORY_AT = 1000;
const SENTENCES = 30;
const ROOT = path.resolve(__dirname, '..');
const RESULTS = path.join(__dirname, 'results');
const PROCESS_USAGE = path.join(__dirname, 'lib', 'process-usage.ts');
/** The tables the seed script writes, parents first. */
const TABLES = ['source', 'article', 'article_revision', 'claim', 'claim_event', 'claim_term'];
/** Rows per INSERT in the baseline: multi-row statements, the fastest plain way to bind rows in node-sqlite3. */
const ROWS_PER_STATEMENT = 100;
const READ_CHUNK = 5000;

type Row = Record<string, unknown>;

function all(db: sqlite3.Database, sql: string, params: unknown[] = []): Promise<Row[]> {
  return new Promise((resolve, reject) => db.all(sql, params, (error, rows: Row[]) => (error ? reject(error) : resolve(rows))));
}

function run(db: sqlite3.Database, sql: string, params: unknown[] = []): Promise<void> {
  return new Promise((resolve, reject) => db.run(sql, params, (error) => (error ? reject(error) : resolve())));
}

function close(db: sqlite3.Database): Promise<void> {
  return new Promise((resolve, reject) => db.close((error) => (error ? reject(error) : resolve())));
}

function removeDatabase(file: string): void {
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(`${file}${suffix}`, { force: true });
}

async function migratedDatabase(file: string): Promise<void> {
  removeDatabase(file);
  await (await Database.open({ kind: 'sqlite', file })).close();
}

async function rowCounts(file: string): Promise<Record<string, number>> {
  const db = new sqlite3.Database(file, sqlite3.OPEN_READONLY);
  const counts: Record<string, number> = {};
  for (const table of TABLES) counts[table] = Number((await all(db, `SELECT COUNT(*) AS n FROM ${table}`))[0].n);
  await close(db);
  return counts;
}

/** How a baseline writes: which tables and columns (all of them when null), and how many rows per INSERT. */
interface BaselineKind {
  tables: Record<string, string[] | null>;
  rowsPerStatement: number;
}

/** The baseline: every row the seed script stored, prepared multi-row INSERTs. */
const SAME_ROWS: BaselineKind = { tables: Object.fromEntries(TABLES.map((table) => [table, null])), rowsPerStatement: ROWS_PER_STATEMENT };

/**
 * The baseline this benchmark had before, kept for comparison with earlier results: a prepared statement per row,
 * and only articles, sources, claims and events (no revisions, no terms, no snapshots), so fewer rows.
 */
const EARLIER: BaselineKind = {
  tables: {
    source: ['id', 'name', 'normalized_name', 'kind', 'affiliation'],
    article: ['id', 'slug', 'title', 'url', 'publisher', 'language', 'body', 'content_hash'],
    claim: ['id', 'article_id', 'source_id', 'text', 'quote_exact', 'quote_prefix', 'quote_suffix', 'quote_start', 'quote_end', 'stance', 'state', 'version', 'checkworthiness'],
    claim_event: ['id', 'claim_id', 'version', 'kind', 'to_state', 'at'],
  },
  rowsPerStatement: 1,
};

/**
 * Inserts the rows of the seed script's tables (read from `source` outside the timed part) into a freshly
 * migrated database with plain SQL in one transaction; returns the seconds spent writing.
 */
export async function baseline(source: string, target: string, kind: BaselineKind = SAME_ROWS): Promise<{ seconds: number; cpuSeconds: number }> {
  await migratedDatabase(target);
  const from = new sqlite3.Database(source, sqlite3.OPEN_READONLY);
  const db = new sqlite3.Database(target);
  let seconds = 0;
  let cpuSeconds = 0;
  const timed = async <T>(work: () => Promise<T>): Promise<T> => {
    const started = process.hrtime.bigint();
    const cpu = process.cpuUsage();
    const result = await work();
    seconds += Number(process.hrtime.bigint() - started) / 1e9;
    const used = process.cpuUsage(cpu);
    cpuSeconds += (used.user + used.system) / 1e6;
    return result;
  };
  const per = kind.rowsPerStatement;
  await timed(() => run(db, 'BEGIN IMMEDIATE'));
  for (const [table, only] of Object.entries(kind.tables)) {
    const columns = only ?? (await all(from, `PRAGMA table_info(${table})`)).map((column) => String(column.name));
    const tuple = `(${columns.map(() => '?').join(', ')})`;
    const head = `INSERT INTO ${table} (${columns.join(', ')}) VALUES `;
    const full = db.prepare(`${head}${Array(per).fill(tuple).join(', ')}`);
    for (let after = -1; ;) {
      const rows = await all(from, `SELECT rowid AS _rowid, * FROM ${table} WHERE rowid > ? ORDER BY rowid LIMIT ${READ_CHUNK}`, [after]);
      if (rows.length === 0) break;
      after = Number(rows[rows.length - 1]._rowid);
      await timed(async () => {
        const writes: Promise<void>[] = [];
        let i = 0;
        for (; i + per <= rows.length; i += per) {
          const values = rows.slice(i, i + per).flatMap((row) => columns.map((column) => row[column]));
          writes.push(new Promise((resolve, reject) => full.run(values, (error) => (error ? reject(error) : resolve()))));
        }
        if (i < rows.length) {
          const rest = rows.slice(i);
          writes.push(run(db, `${head}${rest.map(() => tuple).join(', ')}`, rest.flatMap((row) => columns.map((column) => row[column]))));
        }
        await Promise.all(writes);
      });
    }
    await new Promise<void>((resolve, reject) => full.finalize((error) => (error ? reject(error) : resolve())));
  }
  await timed(() => run(db, 'COMMIT'));
  await close(db);
  await close(from);
  return { seconds, cpuSeconds };
}

interface SeedRun {
  /** From starting the process to its exit. */
  seconds: number;
  /** CPU seconds of every thread of the process: what the run costs a machine whatever else runs on it. */
  cpuSeconds: number;
  peakRssMb: number;
  summary: string;
}

/** `npm run seed FOLDER` into a fresh database, as its own process. */
function seed(folder: string, file: string): SeedRun {
  removeDatabase(file);
  const usageFile = `${file}.usage`;
  const started = process.hrtime.bigint();
  const output = execFileSync(process.execPath, ['-r', '@swc-node/register', '-r', PROCESS_USAGE, 'src/scripts/seed.ts', folder], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: file, LOG_LEVEL: 'warn', PROCESS_USAGE_FILE: usageFile },
    encoding: 'utf8',
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const usage = JSON.parse(fs.readFileSync(usageFile, 'utf8')) as { peakRssBytes: number; cpuSeconds: number };
  fs.rmSync(usageFile);
  return { seconds, cpuSeconds: usage.cpuSeconds, peakRssMb: usage.peakRssBytes / 2 ** 20, summary: output.trim() };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

function round(value: number, digits = 2): number {
  return Math.round(value * 10 ** digits) / 10 ** digits;
}

async function main(): Promise<void> {
  // The extraction workers load compiled JavaScript when dist/ holds a current build, as `npm start` runs:
  // build it, so the benchmark measures what an installed service does, not a development checkout.
  compileService();
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'claimgraph-bench-'));
  const articlesDir = path.join(work, 'articles');
  const firstThousand = path.join(work, `first-${MEMORY_AT}`);
  fs.mkdirSync(articlesDir);
  if (ARTICLES > MEMORY_AT) fs.mkdirSync(firstThousand);
  for (let i = 0; i < ARTICLES; i += 1) {
    const { title, body } = generateArticle(i, SENTENCES);
    const file = path.join(articlesDir, `article-${String(i).padStart(6, '0')}.txt`);
    fs.writeFileSync(file, `${title}\n\n${body}\n`);
    if (ARTICLES > MEMORY_AT && i < MEMORY_AT) fs.linkSync(file, path.join(firstThousand, path.basename(file)));
  }
  const loadAverage = os.loadavg()[0];

  const stored = path.join(work, 'seed.db');
  const rounds: { seed: SeedRun; baselineSeconds: number; baselineCpuSeconds: number; earlierSeconds: number; ratio: number; earlierRatio: number }[] = [];
  let counts: Record<string, number> | null = null;
  const baselines = async () => {
    const same = await baseline(stored, path.join(work, 'baseline.db'));
    const baselineCounts = await rowCounts(path.join(work, 'baseline.db'));
    if (JSON.stringify(baselineCounts) !== JSON.stringify(counts)) throw new Error(`the baseline wrote other rows: ${JSON.stringify(baselineCounts)}`);
    return { seconds: same.seconds, cpuSeconds: same.cpuSeconds, earlierSeconds: (await baseline(stored, path.join(work, 'earlier.db'), EARLIER)).seconds };
  };
  for (let r = 0; r < ROUNDS; r += 1) {
    // The first round's seed database is the baselines' source of rows; later rounds alternate who goes first.
    const seedFirst = r % 2 === 0;
    const seedFile = r === 0 ? stored : path.join(work, `seed-${r}.db`);
    let plain = seedFirst ? null : await baselines();
    const seeded = seed(articlesDir, seedFile);
    const seededCounts = await rowCounts(seedFile);
    if (seededCounts.article !== ARTICLES) throw new Error(`expected ${ARTICLES} articles, the seed script stored ${seededCounts.article}:\n${seeded.summary}`);
    counts ??= seededCounts;
    if (JSON.stringify(seededCounts) !== JSON.stringify(counts)) throw new Error(`round ${r + 1} stored other rows: ${JSON.stringify(seededCounts)}`);
    if (seedFile !== stored) removeDatabase(seedFile);
    plain ??= await baselines();
    rounds.push({
      seed: seeded, baselineSeconds: plain.seconds, baselineCpuSeconds: plain.cpuSeconds, earlierSeconds: plain.earlierSeconds,
      ratio: plain.seconds / seeded.seconds, earlierRatio: plain.earlierSeconds / seeded.seconds,
    });
    process.stderr.write(`round ${r + 1}: seed ${seeded.seconds.toFixed(2)} s, plain SQL ${plain.seconds.toFixed(2)} s (${(plain.seconds / seeded.seconds).toFixed(2)}×), ` +
      `earlier baseline ${plain.earlierSeconds.toFixed(2)} s (${(plain.earlierSeconds / seeded.seconds).toFixed(2)}×), CPU ${seeded.cpuSeconds.toFixed(1)} s vs ${plain.cpuSeconds.toFixed(1)} s, peak RSS ${seeded.peakRssMb.toFixed(0)} MB\n`);
  }
  const memory = ARTICLES > MEMORY_AT ? seed(firstThousand, path.join(work, 'first.db')) : null;
  if (memory) process.stderr.write(`seed of the first ${MEMORY_AT}: peak RSS ${memory.peakRssMb.toFixed(0)} MB\n`);

  const rows = counts!;
  const seedSeconds = median(rounds.map((r) => r.seed.seconds));
  const baselineSeconds = median(rounds.map((r) => r.baselineSeconds));
  const earlierSeconds = median(rounds.map((r) => r.earlierSeconds));
  const result = {
    date: new Date().toISOString(),
    machine: machine(),
    loadAverageAtStart: round(loadAverage),
    command: `npm run bench:load${ARTICLES !== 1000 ? ` -- --articles ${ARTICLES}` : ''}`,
    articles: ARTICLES,
    sentencesPerArticle: SENTENCES,
    rows,
    rounds: rounds.map((r) => ({
      seedSeconds: round(r.seed.seconds), baselineSeconds: round(r.baselineSeconds), earlierBaselineSeconds: round(r.earlierSeconds),
      ratio: round(r.ratio), earlierRatio: round(r.earlierRatio), seedCpuSeconds: round(r.seed.cpuSeconds), baselineCpuSeconds: round(r.baselineCpuSeconds),
      seedPeakRssMb: round(r.seed.peakRssMb, 0),
    })),
    seedScript: { medianSeconds: round(seedSeconds), articlesPerSecond: round(ARTICLES / seedSeconds), claimsPerSecond: round(rows.claim / seedSeconds) },
    plainSqlBaseline: { medianSeconds: round(baselineSeconds), articlesPerSecond: round(ARTICLES / baselineSeconds), claimsPerSecond: round(rows.claim / baselineSeconds) },
    earlierBaseline: { medianSeconds: round(earlierSeconds), articlesPerSecond: round(ARTICLES / earlierSeconds), claimsPerSecond: round(rows.claim / earlierSeconds) },
    /** The seed script's speed as a share of plain SQL's: the median of the rounds' baseline time / seed time. */
    ratio: round(median(rounds.map((r) => r.ratio))),
    earlierRatio: round(median(rounds.map((r) => r.earlierRatio))),
    /** CPU seconds, every thread: the seed process against the baseline's writing. */
    cpuSeconds: { seedScript: round(median(rounds.map((r) => r.seed.cpuSeconds))), plainSqlBaseline: round(median(rounds.map((r) => r.baselineCpuSeconds))) },
    peakRssMb: { [ARTICLES]: round(median(rounds.map((r) => r.seed.peakRssMb)), 0), ...(memory ? { [MEMORY_AT]: round(memory.peakRssMb, 0) } : {}) },
    seedSummary: rounds[0].seed.summary,
  };
  const name = ARTICLES === 1000 ? 'seed-load' : `seed-load-${ARTICLES}`;
  fs.mkdirSync(RESULTS, { recursive: true });
  fs.writeFileSync(path.join(RESULTS, `${name}.json`), `${JSON.stringify(result, null, 2)}\n`);
  fs.writeFileSync(path.join(RESULTS, `${name}.md`), [
    `# Loading ${ARTICLES.toLocaleString('en')} articles (${SENTENCES} sentences each)`,
    '',
    `Measured ${result.date} on ${result.machine}, shared (load average ${result.loadAverageAtStart} at the start), SQLite.`,
    `Command: \`${result.command}\`. ${ROUNDS} round${ROUNDS > 1 ? 's' : ''}, alternating which goes first; medians.`,
    '',
    '| | seconds | articles/s | claims/s |',
    '|---|---:|---:|---:|',
    `| \`npm run seed\`: process start, cleaning, extraction, validation, one transaction per article | ${result.seedScript.medianSeconds} | ${result.seedScript.articlesPerSecond} | ${result.seedScript.claimsPerSecond} |`,
    `| baseline: the same rows, plain SQL (prepared multi-row INSERTs), one transaction | ${result.plainSqlBaseline.medianSeconds} | ${result.plainSqlBaseline.articlesPerSecond} | ${result.plainSqlBaseline.claimsPerSecond} |`,
    `| earlier baseline: articles, sources, claims, events only, a prepared statement per row | ${result.earlierBaseline.medianSeconds} | ${result.earlierBaseline.articlesPerSecond} | ${result.earlierBaseline.claimsPerSecond} |`,
    '',
    `The seed script loads at **${result.ratio}×** the speed of plain SQL (rounds: ${result.rounds.map((r) => `${r.ratio}×`).join(', ')}),`,
    `and at ${result.earlierRatio}× that of the earlier, smaller baseline (rounds: ${result.rounds.map((r) => `${r.earlierRatio}×`).join(', ')}).`,
    `CPU seconds (every thread; what a run costs whatever else the machine does): seed script ${result.cpuSeconds.seedScript}, baseline ${result.cpuSeconds.plainSqlBaseline}.`,
    `Rows: ${Object.entries(rows).map(([table, n]) => `${n.toLocaleString('en')} ${table}`).join(', ')}.`,
    '',
    `Peak RSS of the seed process (worker threads included): ${Object.entries(result.peakRssMb).map(([n, mb]) => `${mb} MB at ${Number(n).toLocaleString('en')} articles`).join(', ')}.`,
    '',
  ].join('\n'));
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  fs.rmSync(work, { recursive: true, force: true });
}

if (require.main === module) {
  main().catch((error: Error) => {
    process.stderr.write(`${error.stack}\n`);
    process.exit(1);
  });
}
