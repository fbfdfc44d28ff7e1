import 'reflect-metadata';
import { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sqlite3 from 'sqlite3';
import { loadConfig } from '../src/config';
import { createAppContext, createContext } from '../src/context';
import { Database } from '../src/db/database';
import { consensusState, latestByReviewer } from '../src/domain/consensus';
import { toGlobalId } from '../src/domain/global-id';
import { snapshotOf } from '../src/domain/snapshot';
import { AnchorStatus, ClaimEventKind, EvidenceStance, Role, Stance, Verdict, VerificationState } from '../src/domain/types';
import { createLogger } from '../src/logger';
import {
  Acknowledged, checkAccounted, checkAcknowledged, checkConflicts, checkHistories, ConflictAnswer, readSnapshot,
} from '../src/scripts/harness/consistency';
import { generateArticle } from './generate';
import { graphqlClient, quantile } from './lib/load';
import { machine } from './lib/machine';
import { startService } from './read-page';

/**
 * Write benchmark: concurrent reviewers, each with their own token, submit reviews over real HTTP to the
 * service (production mode, its own process), against the same transactions in raw SQL through the sqlite3
 * driver with the service's synchronous and journal settings, in alternating rounds of one run. Afterwards
 * every accepted mutation must be in the history, every history whole, every CONFLICT true.
 */
const REVIEWERS = Number(process.env.BENCH_REVIEWERS ?? 50);
const CLAIMS = Number(process.env.BENCH_CLAIMS ?? 1000);
const ROUND_SECONDS = Number(process.env.BENCH_ROUND_SECONDS ?? 3);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
/** One mutation in this many carries a stale expectedVersion, so CONFLICT is answered (and checked) on both sides. */
const STALE_EVERY = 20;
const RESULTS = path.join(__dirname, 'results');
const QUORUM = loadConfig({ ...process.env, LOG_LEVEL: 'silent' }).reviewQuorum;

const SUBMIT = 'mutation ($input: SubmitReviewInput!) { submitReview(input: $input) { id version state } }';

interface Reviewer { id: number; token: string; claims: number[] }

/** One mutation as sent and answered, on either side. */
interface Outcome { claimId: number; actorId: number; expectedVersion: number; outcome: string; version?: number; currentVersion?: number | null; ms: number }

interface Side { accepted: number; seconds: number; latenciesMs: number[]; answered: number }

/** Loads generated articles through the service until there are CLAIMS claims, and makes the reviewers. */
async function buildDatabase(file: string): Promise<{ claims: number[]; reviewers: Reviewer[] }> {
  const config = { ...loadConfig({ ...process.env, LOG_LEVEL: 'silent', NODE_ENV: 'production' }), database: { kind: 'sqlite' as const, file } };
  const db = await Database.open(config.database);
  const app = createAppContext(config, db, createLogger('silent'));
  const ctx = createContext(app, null);
  try {
    for (let i = 0; ; i += 1) {
      const [{ n }] = await db.reader.query('SELECT COUNT(*) AS n FROM claim') as { n: number }[];
      if (Number(n) >= CLAIMS) break;
      await ctx.services.articles.ingest(ctx, { ...generateArticle(i), publisher: 'Bench Gazette' });
    }
    const rows = await db.reader.query(`SELECT id FROM claim ORDER BY id LIMIT ${CLAIMS}`) as { id: number }[];
    const claims = rows.map((row) => Number(row.id));
    const reviewers: Reviewer[] = [];
    for (let r = 0; r < REVIEWERS; r += 1) {
      const { reviewer, token } = await ctx.services.reviewers.create(ctx, { name: `Bench reviewer ${r}`, role: Role.REVIEWER });
      // Disjoint claims: reviewer r takes every REVIEWERS-th claim, so conflicts come only from stale versions sent on purpose.
      reviewers.push({ id: reviewer.id, token, claims: claims.filter((_, i) => i % REVIEWERS === r) });
    }
    return { claims, reviewers };
  } finally {
    await app.extraction.close();
    await db.close();
  }
}

/** What each reviewer sends next: its claims in turn, at the version it last saw, one in STALE_EVERY stale. */
class Plan {
  readonly versions = new Map<number, number>();
  private readonly sent = new Map<number, number>();

  constructor(claims: number[]) {
    for (const id of claims) this.versions.set(id, 1);
  }

  next(reviewer: Reviewer): { claimId: number; expectedVersion: number; review: { verdict: Verdict; confidence: number; rationale: string; url: string } } {
    const n = this.sent.get(reviewer.id) ?? 0;
    this.sent.set(reviewer.id, n + 1);
    const claimId = reviewer.claims[n % reviewer.claims.length];
    const version = this.versions.get(claimId)!;
    const stale = n % STALE_EVERY === STALE_EVERY - 1;
    const verdict = n % 3 === 0 ? Verdict.REFUTED : Verdict.SUPPORTED;
    return {
      claimId,
      expectedVersion: stale ? (version > 1 ? version - 1 : version + 1) : version,
      review: { verdict, confidence: 0.8, rationale: `Checked against the record, pass ${n}.`, url: `https://example.org/record/${reviewer.id}/${n}` },
    };
  }

  /** Takes in an answer: an accepted mutation moves the claim to the version it answered. */
  learn(outcome: Outcome): void {
    if (outcome.outcome === 'ok' && outcome.version !== undefined) this.versions.set(outcome.claimId, outcome.version);
  }
}

/** Every reviewer in a loop for `seconds`, one request in flight each, over its own keep-alive connection and address. */
async function serviceRound(url: string, reviewers: Reviewer[], plan: Plan, seconds: number, outcomes: Outcome[], each = Infinity): Promise<Side> {
  const client = graphqlClient(url, reviewers.length);
  const latenciesMs: number[] = [];
  let answered = 0;
  const started = process.hrtime.bigint();
  const deadline = started + BigInt(Math.round(seconds * 1e9));
  await Promise.all(reviewers.map(async (reviewer, connection) => {
    for (let sent = 0; sent < each && process.hrtime.bigint() < deadline; sent += 1) {
      const { claimId, expectedVersion, review } = plan.next(reviewer);
      const input = {
        claimId: toGlobalId('Claim', claimId), expectedVersion, verdict: review.verdict, confidence: review.confidence,
        rationale: review.rationale, evidence: [{ url: review.url, stance: review.verdict === Verdict.SUPPORTED ? EvidenceStance.SUPPORTS : EvidenceStance.REFUTES }],
      };
      const t0 = process.hrtime.bigint();
      const { status, text } = await client.post(JSON.stringify({ query: SUBMIT, variables: { input } }), connection, { authorization: `Bearer ${reviewer.token}` });
      const ms = Number(process.hrtime.bigint() - t0) / 1e6;
      const body = JSON.parse(text) as { data?: { submitReview?: { version: number } | null } | null; errors?: { message: string; extensions?: { code?: string; currentVersion?: number } }[] };
      const error = body.errors?.[0];
      const outcome: Outcome = {
        claimId, actorId: reviewer.id, expectedVersion, ms,
        outcome: error ? String(error.extensions?.code) : status === 200 && body.data?.submitReview ? 'ok' : `HTTP ${status}`,
        version: body.data?.submitReview?.version, currentVersion: error?.extensions?.currentVersion ?? null,
      };
      if (outcome.outcome !== 'ok' && outcome.outcome !== 'CONFLICT') throw new Error(`service answered ${outcome.outcome}: ${text.slice(0, 300)}`);
      outcomes.push(outcome);
      plan.learn(outcome);
      answered += 1;
      if (outcome.outcome === 'ok') latenciesMs.push(ms);
    }
  }));
  client.close();
  return { accepted: latenciesMs.length, seconds: Number(process.hrtime.bigint() - started) / 1e9, latenciesMs, answered };
}

/** A sqlite3 connection with promises: the raw side of the benchmark. */
class Raw {
  statements = 0;
  private tail: Promise<unknown> = Promise.resolve();

  private constructor(private readonly db: sqlite3.Database) {}

  static async open(file: string, settings: { synchronous: number; journalMode: string }): Promise<Raw> {
    const db = await new Promise<sqlite3.Database>((resolve, reject) => {
      const opened: sqlite3.Database = new sqlite3.Database(file, (error) => (error ? reject(error) : resolve(opened)));
    });
    const raw = new Raw(db);
    await raw.all(`PRAGMA journal_mode = ${settings.journalMode}`);
    await raw.all(`PRAGMA synchronous = ${settings.synchronous}`);
    await raw.all('PRAGMA foreign_keys = ON');
    await raw.all('PRAGMA busy_timeout = 10000');
    raw.statements = 0;
    return raw;
  }

  all<T>(sql: string, params: unknown[] = []): Promise<T[]> {
    this.statements += 1;
    return new Promise((resolve, reject) => this.db.all(sql, params, (error, rows) => (error ? reject(error) : resolve(rows as T[]))));
  }

  run(sql: string, params: unknown[] = []): Promise<{ lastID: number; changes: number }> {
    this.statements += 1;
    return new Promise((resolve, reject) => this.db.run(sql, params, function done(this: sqlite3.RunResult, error: Error | null) {
      if (error) reject(error);
      else resolve({ lastID: this.lastID, changes: this.changes });
    }));
  }

  /** One transaction at a time on the one connection, in arrival order (SQLite has one writer). */
  transaction<T>(work: () => Promise<T>): Promise<T> {
    const result = this.tail.then(async () => {
      await this.run('BEGIN IMMEDIATE');
      try {
        const value = await work();
        await this.run('COMMIT');
        return value;
      } catch (error) {
        await this.run('ROLLBACK');
        throw error;
      }
    });
    this.tail = result.catch(() => undefined);
    return result;
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.db.close(() => resolve()));
  }
}

/** SQLite's datetime text, as the service stores it. */
const sqliteTime = (at: Date) => at.toISOString().replace('T', ' ').replace('Z', '');

class Refused extends Error {
  constructor(readonly currentVersion: number) {
    super('CONFLICT');
  }
}

interface ClaimRow {
  id: number; state: VerificationState; version: number; text: string; quote_exact: string; quote_prefix: string; quote_suffix: string;
  quote_start: number; quote_end: number; source_id: number; stance: Stance; checkworthiness: number | null; assignee_id: number | null;
  anchor_status: AnchorStatus; anchor_revision: number;
}

/** submitReview's transaction in raw SQL: read the claim and its reviews, insert the review and evidence, compare-and-set, append the event. */
async function rawSubmit(raw: Raw, actorId: number, claimId: number, expectedVersion: number, review: ReturnType<Plan['next']>['review']): Promise<number> {
  return raw.transaction(async () => {
    const [claim] = await raw.all<ClaimRow>('SELECT * FROM claim WHERE id = ?', [claimId]);
    if (claim.version !== expectedVersion) throw new Refused(claim.version);
    const earlier = await raw.all<{ id: number; reviewer_id: number; verdict: Verdict; created_at: string }>(
      'SELECT id, reviewer_id, verdict, created_at FROM review WHERE claim_id = ? ORDER BY id', [claimId]);
    const now = new Date();
    const { lastID: reviewId } = await raw.run(
      'INSERT INTO review (claim_id, reviewer_id, verdict, confidence, rationale, created_at) VALUES (?, ?, ?, ?, ?, ?)',
      [claimId, actorId, review.verdict, review.confidence, review.rationale, sqliteTime(now)]);
    const stance = review.verdict === Verdict.SUPPORTED ? EvidenceStance.SUPPORTS : EvidenceStance.REFUTES;
    await raw.run('INSERT INTO evidence (review_id, position, url, title, excerpt, stance) VALUES (?, 0, ?, NULL, NULL, ?)', [reviewId, review.url, stance]);
    const latest = latestByReviewer([
      ...earlier.map((r) => ({ id: r.id, reviewerId: String(r.reviewer_id), createdAt: new Date(`${r.created_at}Z`), verdict: r.verdict })),
      { id: reviewId, reviewerId: String(actorId), createdAt: now, verdict: review.verdict },
    ]);
    const toState = consensusState(latest.map((r) => r.verdict), QUORUM);
    const { changes } = await raw.run('UPDATE claim SET state = ?, updated_at = ?, version = version + 1 WHERE id = ? AND version = ?',
      [toState, sqliteTime(now), claimId, expectedVersion]);
    if (changes !== 1) throw new Error(`raw compare-and-set on claim ${claimId} updated ${changes} rows`);
    const snapshot = snapshotOf({
      text: claim.text, quoteExact: claim.quote_exact, quotePrefix: claim.quote_prefix, quoteSuffix: claim.quote_suffix,
      quoteStart: claim.quote_start, quoteEnd: claim.quote_end, sourceId: claim.source_id, stance: claim.stance,
      checkworthiness: claim.checkworthiness, assigneeId: claim.assignee_id, anchorStatus: claim.anchor_status, anchorRevision: claim.anchor_revision,
    });
    await raw.run('INSERT INTO claim_event (claim_id, version, kind, from_state, to_state, actor_id, note, at, snapshot) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
      [claimId, expectedVersion + 1, ClaimEventKind.REVIEW_SUBMITTED, claim.state, toState, actorId, `${review.verdict} with confidence ${review.confidence}`, sqliteTime(now), snapshot]);
    return expectedVersion + 1;
  });
}

/** The same reviewers and plan as the service round, each transaction through the raw connection. */
async function rawRound(raw: Raw, reviewers: Reviewer[], plan: Plan, seconds: number, outcomes: Outcome[]): Promise<Side> {
  const latenciesMs: number[] = [];
  let answered = 0;
  const started = process.hrtime.bigint();
  const deadline = started + BigInt(Math.round(seconds * 1e9));
  await Promise.all(reviewers.map(async (reviewer) => {
    while (process.hrtime.bigint() < deadline) {
      const { claimId, expectedVersion, review } = plan.next(reviewer);
      const t0 = process.hrtime.bigint();
      const outcome: Outcome = { claimId, actorId: reviewer.id, expectedVersion, ms: 0, outcome: 'ok' };
      try {
        outcome.version = await rawSubmit(raw, reviewer.id, claimId, expectedVersion, review);
      } catch (error) {
        if (!(error instanceof Refused)) throw error;
        Object.assign(outcome, { outcome: 'CONFLICT', currentVersion: error.currentVersion });
      }
      outcome.ms = Number(process.hrtime.bigint() - t0) / 1e6;
      outcomes.push(outcome);
      plan.learn(outcome);
      answered += 1;
      if (outcome.outcome === 'ok') latenciesMs.push(outcome.ms);
    }
  }));
  return { accepted: latenciesMs.length, seconds: Number(process.hrtime.bigint() - started) / 1e9, latenciesMs, answered };
}

function ask<T>(child: ChildProcess, message: object): Promise<T> {
  return new Promise((resolve) => {
    child.once('message', (answer: T) => resolve(answer));
    child.send(message);
  });
}

/** The counters of the service's /metrics the benchmark reads. */
async function counters(metricsUrl: string): Promise<{ statements: number; groups: number; grouped: number; busySeconds: number }> {
  const text = await fetch(metricsUrl).then((response) => response.text());
  const value = (name: string) => Number(new RegExp(`^${name} ([0-9.e+-]+)`, 'm').exec(text)?.[1] ?? NaN);
  return {
    statements: value('db_statements_total'), groups: value('db_write_groups_total'),
    grouped: value('db_write_group_writes_total'), busySeconds: value('db_write_lane_busy_seconds_total'),
  };
}

interface Summary { perSecond: number; p50: number; p99: number; accepted: number; answered: number }

function summarise(sides: Side[]): Summary {
  const accepted = sides.reduce((sum, s) => sum + s.accepted, 0);
  const seconds = sides.reduce((sum, s) => sum + s.seconds, 0);
  const latencies = sides.flatMap((s) => s.latenciesMs);
  const round1 = (n: number) => Math.round(n * 10) / 10;
  return {
    perSecond: Math.round(accepted / seconds), p50: round1(quantile(latencies, 0.5)), p99: round1(quantile(latencies, 0.99)),
    accepted, answered: sides.reduce((sum, s) => sum + s.answered, 0),
  };
}

const acknowledged = (outcomes: Outcome[]): Acknowledged[] => outcomes.filter((o) => o.outcome === 'ok')
  .map((o) => ({ claimId: o.claimId, kind: 'submitReview' as const, actorId: o.actorId, expectedVersion: o.expectedVersion, version: o.version! }));
const conflicts = (outcomes: Outcome[]): ConflictAnswer[] => outcomes.filter((o) => o.outcome === 'CONFLICT')
  .map((o) => ({ claimId: o.claimId, expectedVersion: o.expectedVersion, currentVersion: o.currentVersion ?? null }));

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimgraph-write-bench-'));
  const file = path.join(dir, 'write.db');
  const { claims, reviewers } = await buildDatabase(file);
  const plan = new Plan(claims);
  const { child, url } = await startService(file, 'on', { RATE_LIMIT_TOKEN_COST: '1000000000' });
  const { writerSettings } = await ask<{ writerSettings: { synchronous: number; journalMode: string } }>(child, { writerSettings: true });
  const raw = await Raw.open(file, writerSettings);
  const metricsUrl = url.replace(/\/graphql$/, '/metrics');
  const outcomes = { service: [] as Outcome[], raw: [] as Outcome[] };

  // Warm-up on both sides (not counted in the rates, checked like the rest).
  await serviceRound(url, reviewers, plan, 1, outcomes.service);
  await rawRound(raw, reviewers, plan, 1, outcomes.raw);
  const rounds = { service: [] as Side[], raw: [] as Side[] };
  const lane = { statements: 0, groups: 0, grouped: 0, busySeconds: 0 };
  let rawStatements = 0;
  for (let i = 0; i < ROUNDS; i += 1) {
    const before = await counters(metricsUrl);
    rounds.service.push(await serviceRound(url, reviewers, plan, ROUND_SECONDS, outcomes.service));
    const after = await counters(metricsUrl);
    for (const key of Object.keys(lane) as (keyof typeof lane)[]) lane[key] += after[key] - before[key];
    const rawBefore = raw.statements;
    rounds.raw.push(await rawRound(raw, reviewers, plan, ROUND_SECONDS, outcomes.raw));
    rawStatements += raw.statements - rawBefore;
    process.stdout.write(`round ${i + 1}: service ${Math.round(rounds.service[i].accepted / rounds.service[i].seconds)}/s, raw ${Math.round(rounds.raw[i].accepted / rounds.raw[i].seconds)}/s\n`);
  }
  // One mutation on an idle server: its statements alone, token lookup included.
  const before = await counters(metricsUrl);
  await serviceRound(url, reviewers.slice(0, 1), plan, 60, outcomes.service, 1);
  const aloneStatements = (await counters(metricsUrl)).statements - before.statements;

  await raw.close();
  await new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.send({ stop: true });
  });

  // Nothing lost: read the tables straight after the server has closed.
  const db = await Database.open({ kind: 'sqlite', file }, { migrate: false });
  const snapshot = await readSnapshot(db);
  await db.close();
  const all = [...outcomes.service, ...outcomes.raw];
  const inBench = new Set(claims);
  const violations = [
    ...checkHistories(snapshot.claims, snapshot.events),
    ...checkAcknowledged(acknowledged(all), snapshot.claims, snapshot.events),
    ...checkAccounted(acknowledged(all), snapshot.events.filter((event) => inBench.has(event.claimId))),
    ...checkConflicts(conflicts(all), snapshot.claims, snapshot.events),
  ];
  const lost = violations.filter((v) => v.startsWith('lost:')).length;
  const eventsAfterCreated = snapshot.events.filter((e) => inBench.has(e.claimId) && e.kind !== 'CREATED').length;
  const versionsAfterCreated = snapshot.claims.filter((c) => inBench.has(c.id)).reduce((sum, c) => sum + c.version - 1, 0);
  fs.rmSync(dir, { recursive: true, force: true });

  const service = summarise(rounds.service);
  const rawSummary = summarise(rounds.raw);
  const result = {
    date: new Date().toISOString(), machine: machine(), reviewers: REVIEWERS, claims: CLAIMS, roundSeconds: ROUND_SECONDS, rounds: ROUNDS,
    staleEvery: STALE_EVERY, writerSettings,
    service: {
      ...service, statementsPerMutation: Math.round((lane.statements / service.answered) * 10) / 10, statementsAlone: aloneStatements,
      writesPerCommit: Math.round((lane.grouped / lane.groups) * 10) / 10,
      laneBusy: Math.round((lane.busySeconds / rounds.service.reduce((sum, r) => sum + r.seconds, 0)) * 100) / 100,
    },
    raw: { ...rawSummary, statementsPerMutation: Math.round((rawStatements / rawSummary.answered) * 10) / 10 },
    ratio: Math.round((service.perSecond / rawSummary.perSecond) * 100) / 100,
    check: {
      accepted: acknowledged(all).length, conflicts: conflicts(all).length, eventsAfterCreated, versionsAfterCreated,
      lost, violations: violations.length, firstViolations: violations.slice(0, 10),
    },
  };
  fs.mkdirSync(RESULTS, { recursive: true });
  fs.writeFileSync(path.join(RESULTS, 'write.json'), `${JSON.stringify(result, null, 2)}\n`);
  fs.writeFileSync(path.join(RESULTS, 'write.md'), [
    '# Writing: the service against raw SQL',
    '',
    `Measured ${result.date} on ${result.machine}. Command: \`npm run bench:write\`.`,
    `SQLite (journal_mode=${writerSettings.journalMode}, synchronous=${writerSettings.synchronous} on both sides), ${CLAIMS} claims, ${REVIEWERS} reviewers each with their own token and their own claims, `
      + `one request in flight each; one mutation in ${STALE_EVERY} carries a stale version (CONFLICT). ${ROUNDS} alternating rounds of ${ROUND_SECONDS} s per side.`,
    '',
    ...table(result),
    '',
    `After the run: ${result.check.accepted} accepted mutations all in the history, ${result.check.conflicts} CONFLICT answers all true, `
      + `versions − 1 = ${versionsAfterCreated} = ${eventsAfterCreated} events after CREATED; lost ${lost}, violations ${violations.length}.`,
    '',
  ].join('\n'));
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  if (violations.length > 0) process.exitCode = 1;
}

/** The results table, as README.md and bench/README.md show it. */
function table(result: { service: Summary & { statementsPerMutation: number; statementsAlone: number; writesPerCommit: number; laneBusy: number }; raw: Summary & { statementsPerMutation: number }; ratio: number }): string[] {
  const { service, raw } = result;
  return [
    '| side | accepted mutations/s | service / raw | p50 / p99 ms | SQL statements per mutation | writes per commit | write lane busy |',
    '|---|---:|---:|---:|---:|---:|---:|',
    `| service (POST /graphql, submitReview) | ${service.perSecond} | **${result.ratio}×** | ${service.p50} / ${service.p99} | ${service.statementsPerMutation} under load, ${service.statementsAlone} alone | ${service.writesPerCommit} | ${Math.round(service.laneBusy * 100)}% |`,
    `| raw SQL (sqlite3, one transaction each) | ${raw.perSecond} | 1× | ${raw.p50} / ${raw.p99} | ${raw.statementsPerMutation} | 1 | — |`,
  ];
}

main().catch((error: Error) => {
  process.stderr.write(`${error.stack}\n`);
  process.exit(1);
});
