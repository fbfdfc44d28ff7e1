import 'reflect-metadata';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { parseDatabaseUrl } from '../config';
import { Database } from '../db/database';
import { fromGlobalId, toGlobalId } from '../domain/global-id';
import {
  checkAcknowledged, checkArticles, checkConflicts, checkHistories, checkSqliteFile, EventRow, readSnapshot,
} from './harness/consistency';
import { prepareStorm, writeGeneratedArticles } from './harness/fixture';
import { startSeed, startServer } from './harness/processes';
import { acknowledgedOf, conflictsOf, prng, RETRYABLE, Storm } from './harness/storm';
import { scratchDatabase } from './harness/targets';

const USAGE = `Usage: npm run crash-test -- [--rounds N] [--seed S] [--articles N] [--reviewers N] [--claims N]

Each round starts a real server process on a fresh database (a temp SQLite file, or a new database on the
PostgreSQL server DATABASE_URL names), runs a review storm against it and an \`npm run seed\` of generated
articles next to it, kills both with SIGKILL at random moments, restarts the server and checks that
nothing acknowledged was lost and nothing was half-written. Exits 1 on any violation.

  --rounds N      rounds to run (default 3)
  --seed S        seed of the random choices (kill moments, storm); the same seed replays the same plan
  --articles N    generated articles the seed loads (default 300)
  --reviewers N   reviewers in the storm, besides 2 editors (default 16)
  --claims N      claims the storm fights over (default 24)
`;

interface Options {
  rounds: number;
  seed: number;
  articles: number;
  reviewers: number;
  claims: number;
}

function positive(raw: string | undefined, name: string, fallback: number): number {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} must be a positive integer, not "${raw}"`);
  return value;
}

function parseOptions(argv: string[]): Options | null {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      rounds: { type: 'string' }, seed: { type: 'string' }, articles: { type: 'string' },
      reviewers: { type: 'string' }, claims: { type: 'string' }, help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) return null;
  return {
    rounds: positive(values.rounds, 'rounds', 3),
    seed: values.seed === undefined ? Math.floor(Math.random() * 2 ** 31) : positive(values.seed, 'seed', 1),
    articles: positive(values.articles, 'articles', 300),
    reviewers: positive(values.reviewers, 'reviewers', 16),
    claims: positive(values.claims, 'claims', 24),
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const out = (line: string) => process.stdout.write(`${line}\n`);

/** Waits until `ready()` holds, checking every few milliseconds; false when `limitMs` passed first. */
async function until(ready: () => boolean | Promise<boolean>, limitMs: number, everyMs = 10): Promise<boolean> {
  const deadline = Date.now() + limitMs;
  while (Date.now() < deadline) {
    if (await ready()) return true;
    await sleep(everyMs);
  }
  return false;
}

async function articleCount(url: string): Promise<number> {
  const response = await fetch(url, {
    method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ articles(first: 1) { totalCount } }' }),
  });
  const body = (await response.json()) as { data?: { articles?: { totalCount?: number } } };
  return body.data?.articles?.totalCount ?? 0;
}

interface ClaimAnswer {
  data?: { claim?: { version: number; state: string; history: { kind: string; fromState: string | null; toState: string | null; actor: { id: string } | null }[] } | null };
}

/** The claims' histories as a client reads them through GraphQL, in the shape the checks take. */
async function historiesOverGraphql(url: string, claims: number[]): Promise<{ claims: { id: number; articleId: number; version: number; state: string }[]; events: EventRow[] }> {
  const query = 'query($id: ID!) { claim(id: $id) { version state history { kind fromState toState actor { id } } } }';
  const result = { claims: [] as { id: number; articleId: number; version: number; state: string }[], events: [] as EventRow[] };
  for (const id of claims) {
    const response = await fetch(url, {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query, variables: { id: toGlobalId('Claim', id) } }),
    });
    const claim = ((await response.json()) as ClaimAnswer).data?.claim;
    if (!claim) throw new Error(`claim ${id} cannot be read after the restart`);
    result.claims.push({ id, articleId: 0, version: claim.version, state: claim.state });
    claim.history.forEach((event, index) => result.events.push({
      claimId: id, version: index + 1, kind: event.kind, fromState: event.fromState, toState: event.toState,
      actorId: event.actor ? fromGlobalId(event.actor.id)?.id ?? null : null,
    }));
  }
  return result;
}

interface RoundResult {
  acknowledged: number;
  violations: string[];
}

async function round(index: number, options: Options, articlesDir: string, expectedClaims: Map<string, number>): Promise<RoundResult> {
  const random = prng(options.seed + index * 7919);
  const scratch = await scratchDatabase(process.env.DATABASE_URL, `crash${index}`);
  const violations: string[] = [];
  let server: Awaited<ReturnType<typeof startServer>> | undefined;
  let seed: ReturnType<typeof startSeed> | undefined;
  try {
    const fixture = await prepareStorm(scratch.url, { reviewers: options.reviewers, editors: 2, claims: options.claims });
    const env = { REVIEW_QUORUM: '5' };
    server = await startServer(scratch.url, env, 'server');
    const bundled = await articleCount(server.url);

    let acknowledged = 0;
    const storm = new Storm({
      urls: [server.url], ...fixture, mutationsPerActor: null, seed: options.seed + index,
      onAnswer: (answer) => {
        if (answer.outcome === 'ok') acknowledged += 1;
      },
    });
    const stormDone = storm.run();
    seed = startSeed(scratch.url, [articlesDir]);

    // Kill the seed mid-load: once it has stored a random number of articles, a random moment later.
    const seedTarget = bundled + 1 + Math.floor(random() * options.articles * 0.6);
    const liveServer = server;
    const liveSeed = seed;
    await until(async () => !liveSeed.running || (await articleCount(liveServer.url)) >= seedTarget, 120_000, 20);
    await sleep(random() * 30);
    const seedFinished = !seed.running;
    await seed.kill9();
    const seedStored = (await articleCount(server.url)) - bundled;

    // Kill the server mid-storm: a random number of acknowledgements later, at a random moment.
    const ackTarget = acknowledged + 20 + Math.floor(random() * 200);
    await until(() => acknowledged >= ackTarget, 60_000, 2);
    await sleep(random() * 20);
    await server.kill9();
    storm.stop();
    await stormDone;
    const answers = storm.answers;
    const acks = acknowledgedOf(answers);
    const inFlight = answers.filter((a) => a.outcome === 'NETWORK').length;
    const unexpected = answers.filter((a) => !['ok', 'CONFLICT', 'INVALID_TRANSITION', 'NETWORK'].includes(a.outcome) && !RETRYABLE.has(a.outcome));
    for (const a of unexpected) violations.push(`${a.kind} on claim ${a.claimId} was answered ${a.outcome}: ${a.message ?? ''}`);

    const restarted = Date.now();
    server = await startServer(scratch.url, env, 'restarted server');
    const restartMs = Date.now() - restarted;

    // What a client sees after the restart: every acknowledged mutation is in its claim's history.
    const seen = await historiesOverGraphql(server.url, fixture.claims);
    violations.push(...checkAcknowledged(acks, seen.claims, seen.events).map((v) => `over GraphQL: ${v}`));
    violations.push(...checkConflicts(conflictsOf(answers), seen.claims, seen.events));

    // What the tables hold: every history whole, every article whole or absent, the file sound.
    const db = await Database.open(parseDatabaseUrl(scratch.url), { migrate: false });
    let articlesAfterResume = 0;
    try {
      const snapshot = await readSnapshot(db);
      violations.push(...checkHistories(snapshot.claims, snapshot.events));
      violations.push(...checkAcknowledged(acks, snapshot.claims, snapshot.events));
      violations.push(...checkArticles(snapshot, expectedClaims));
      violations.push(...await checkSqliteFile(db));

      // Loading again while the server runs finishes what the killed load began, and duplicates nothing.
      const resume = startSeed(scratch.url, [articlesDir]);
      const { code } = await resume.exited;
      if (code !== 0) violations.push(`the seed run after the crash exited ${code}: ${resume.tail.trim()}`);
      const after = await readSnapshot(db);
      violations.push(...checkArticles(after, expectedClaims).map((v) => `after resuming the seed: ${v}`));
      const loaded = new Set(after.articles.map((a) => a.title));
      articlesAfterResume = [...expectedClaims.keys()].filter((title) => loaded.has(title)).length;
      if (articlesAfterResume !== expectedClaims.size) {
        violations.push(`after resuming the seed ${articlesAfterResume} of ${expectedClaims.size} generated articles are stored`);
      }
      violations.push(...await checkSqliteFile(db));
    } finally {
      await db.close();
    }

    const lost = violations.filter((v) => v.includes('lost:')).length;
    out(
      `round ${index}/${options.rounds}: seed killed -9 after ${seedStored} of ${options.articles} articles` +
      `${seedFinished ? ' (it had already finished)' : ''}; server killed -9 after ${acks.length} acknowledged writes ` +
      `(${inFlight} requests in flight); restarted in ${(restartMs / 1000).toFixed(1)} s; checked ${acks.length} acknowledged writes ` +
      `on ${fixture.claims.length} claims, ${answers.filter((a) => a.outcome === 'CONFLICT').length} conflicts, ` +
      `${articlesAfterResume} articles after resuming the seed; lost ${lost}, violations ${violations.length}`,
    );
    return { acknowledged: acks.length, violations };
  } finally {
    await seed?.kill9();
    await server?.stop();
    await scratch.drop();
  }
}

async function main(argv: string[]): Promise<number> {
  let options: Options | null;
  try {
    options = parseOptions(argv);
  } catch (error) {
    process.stderr.write(`error: ${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (options === null) {
    out(USAGE);
    return 0;
  }
  const kind = parseDatabaseUrl(process.env.DATABASE_URL?.trim() || 'sqlite:data/claimgraph.db').kind;
  out(`crash test on ${kind}: ${options.rounds} rounds, seed ${options.seed} (replay with --seed ${options.seed})`);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'claimgraph-crash-'));
  try {
    const articlesDir = path.join(work, 'articles');
    const expectedClaims = await writeGeneratedArticles(articlesDir, options.articles, 12);
    let acknowledged = 0;
    let lost = 0;
    const violations: string[] = [];
    for (let i = 1; i <= options.rounds; i++) {
      const result = await round(i, options, articlesDir, expectedClaims);
      acknowledged += result.acknowledged;
      lost += result.violations.filter((v) => v.includes('lost:')).length;
      violations.push(...result.violations.map((v) => `round ${i}: ${v}`));
      for (const violation of result.violations.slice(0, 20)) out(`  VIOLATION ${violation}`);
    }
    out(`crash test: ${options.rounds} rounds, ${acknowledged} acknowledged writes checked, lost ${lost}, violations ${violations.length}`);
    return violations.length === 0 ? 0 : 1;
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`crash test failed: ${(error as Error).stack ?? String(error)}\n`);
    process.exit(1);
  },
);
