import sqlite3 from 'sqlite3';
import type { Database } from '../../db/database';

/**
 * What "nothing is lost" means, as checks over the rows a database holds after a storm or a crash.
 * Each check is pure: it takes rows and answers, and returns one sentence per violation (none when sound).
 */

/** The mutations a storm sends, and the event each one appends when it succeeds. */
export const EVENT_OF = {
  startReview: 'REVIEW_STARTED',
  submitReview: 'REVIEW_SUBMITTED',
  setClaimState: 'STATE_CHANGED',
} as const;

export type MutationKind = keyof typeof EVENT_OF;

export interface ClaimRow {
  id: number;
  articleId: number;
  version: number;
  state: string;
}

export interface EventRow {
  claimId: number;
  version: number;
  kind: string;
  actorId: number | null;
  fromState: string | null;
  toState: string | null;
}

export interface ArticleRow {
  id: number;
  title: string;
}

/** A mutation the server answered with success: the client was told it is done. */
export interface Acknowledged {
  claimId: number;
  kind: MutationKind;
  actorId: number;
  expectedVersion: number;
  /** The version in the answer: expectedVersion + 1, or later for a replayed idempotency key. */
  version: number;
}

/** A mutation the server refused with CONFLICT, and the version it said the claim was at. */
export interface ConflictAnswer {
  claimId: number;
  expectedVersion: number;
  currentVersion: number | null;
}

/** Everything the checks read of a database. */
export interface Snapshot {
  articles: ArticleRow[];
  claims: ClaimRow[];
  events: EventRow[];
}

function byClaim(events: EventRow[]): Map<number, EventRow[]> {
  const grouped = new Map<number, EventRow[]>();
  for (const event of events) {
    const list = grouped.get(event.claimId);
    if (list) list.push(event);
    else grouped.set(event.claimId, [event]);
  }
  for (const list of grouped.values()) list.sort((a, b) => a.version - b.version);
  return grouped;
}

/**
 * Every claim's history accounts for its version: events 1..version with no gap and no duplicate, the
 * first a CREATED, each starting where the previous one ended, the last ending in the claim's state.
 */
export function checkHistories(claims: ClaimRow[], events: EventRow[]): string[] {
  const violations: string[] = [];
  const grouped = byClaim(events);
  const known = new Set(claims.map((claim) => claim.id));
  for (const claimId of grouped.keys()) {
    if (!known.has(claimId)) violations.push(`events of claim ${claimId}, which does not exist`);
  }
  for (const claim of claims) {
    const history = grouped.get(claim.id) ?? [];
    if (claim.version < 1) {
      violations.push(`claim ${claim.id} is at version ${claim.version}; a claim starts at 1`);
      continue;
    }
    const versions = history.map((event) => event.version);
    const expected = Array.from({ length: claim.version }, (_, i) => i + 1);
    if (versions.join() !== expected.join()) {
      violations.push(`claim ${claim.id} is at version ${claim.version} but its events have versions [${versions.join(', ')}]`);
      continue;
    }
    if (history[0].kind !== 'CREATED') violations.push(`claim ${claim.id}'s first event is ${history[0].kind}, not CREATED`);
    for (let i = 1; i < history.length; i++) {
      if (history[i].fromState !== history[i - 1].toState) {
        violations.push(`claim ${claim.id}'s event ${history[i].version} starts in ${history[i].fromState}, but the one before ended in ${history[i - 1].toState}`);
      }
    }
    const last = history[history.length - 1];
    if (last.toState !== claim.state) violations.push(`claim ${claim.id} is ${claim.state} but its last event ended in ${last.toState}`);
  }
  return violations;
}

/** Every acknowledged mutation is durable: its event is in the history, by its actor, and the claim got at least that far. */
export function checkAcknowledged(acknowledged: Acknowledged[], claims: ClaimRow[], events: EventRow[]): string[] {
  const violations: string[] = [];
  const claimById = new Map(claims.map((claim) => [claim.id, claim]));
  const grouped = byClaim(events);
  for (const ack of acknowledged) {
    const what = `${ack.kind} by reviewer ${ack.actorId} on claim ${ack.claimId} at version ${ack.expectedVersion}`;
    const claim = claimById.get(ack.claimId);
    if (!claim) {
      violations.push(`lost: ${what} was acknowledged, but the claim is gone`);
      continue;
    }
    if (claim.version < ack.version) violations.push(`lost: ${what} was acknowledged as version ${ack.version}, but the claim is at ${claim.version}`);
    const event = (grouped.get(ack.claimId) ?? []).find((e) => e.version === ack.expectedVersion + 1);
    if (!event) violations.push(`lost: ${what} was acknowledged, but the history has no event ${ack.expectedVersion + 1}`);
    else if (event.kind !== EVENT_OF[ack.kind] || event.actorId !== ack.actorId) {
      violations.push(`lost: ${what} was acknowledged, but event ${event.version} is ${event.kind} by reviewer ${event.actorId}`);
    }
  }
  return violations;
}

/**
 * With every answer known (no crash), each event after CREATED belongs to exactly one acknowledged
 * mutation: nothing was written that the client was told failed, or that nobody asked for.
 */
export function checkAccounted(acknowledged: Acknowledged[], events: EventRow[]): string[] {
  const owned = new Set(acknowledged.map((ack) => `${ack.claimId}:${ack.expectedVersion + 1}`));
  return events
    .filter((event) => event.kind !== 'CREATED' && !owned.has(`${event.claimId}:${event.version}`))
    .map((event) => `claim ${event.claimId}'s event ${event.version} (${event.kind} by reviewer ${event.actorId}) answers no acknowledged mutation`);
}

/** A CONFLICT is only ever the truth: the claim really had moved past the version the client sent. */
export function checkConflicts(conflicts: ConflictAnswer[], claims: ClaimRow[], events: EventRow[]): string[] {
  const violations: string[] = [];
  const claimById = new Map(claims.map((claim) => [claim.id, claim]));
  const present = new Set(events.map((event) => `${event.claimId}:${event.version}`));
  for (const answer of conflicts) {
    const what = `CONFLICT on claim ${answer.claimId} for expectedVersion ${answer.expectedVersion}`;
    const current = answer.currentVersion;
    const final = claimById.get(answer.claimId)?.version ?? 0;
    if (current === null || !Number.isInteger(current)) violations.push(`${what} carries no currentVersion`);
    else if (current === answer.expectedVersion) violations.push(`${what} says the claim is at ${current}: it had not moved`);
    else if (current > final) violations.push(`${what} says the claim is at ${current}, but it never got past ${final}`);
    else if (current > answer.expectedVersion && !present.has(`${answer.claimId}:${answer.expectedVersion + 1}`)) {
      violations.push(`${what}: the history has no event ${answer.expectedVersion + 1} that moved it`);
    }
  }
  return violations;
}

/**
 * Every article is stored once with all its claims, or not at all. `expectedClaims` gives, by title, how
 * many claims an article of the load has; articles with other titles are only checked for their events.
 */
export function checkArticles(snapshot: Snapshot, expectedClaims: ReadonlyMap<string, number>): string[] {
  const violations: string[] = [];
  const titles = new Map<string, number>();
  for (const article of snapshot.articles) titles.set(article.title, (titles.get(article.title) ?? 0) + 1);
  for (const [title, count] of titles) {
    if (count > 1 && expectedClaims.has(title)) violations.push(`article "${title}" is stored ${count} times`);
  }
  const claimsOf = new Map<number, number>();
  for (const claim of snapshot.claims) claimsOf.set(claim.articleId, (claimsOf.get(claim.articleId) ?? 0) + 1);
  for (const article of snapshot.articles) {
    const expected = expectedClaims.get(article.title);
    const stored = claimsOf.get(article.id) ?? 0;
    if (expected !== undefined && stored !== expected) {
      violations.push(`article "${article.title}" is stored with ${stored} of its ${expected} claims`);
    }
  }
  const created = new Set(snapshot.events.filter((event) => event.kind === 'CREATED' && event.version === 1).map((event) => event.claimId));
  for (const claim of snapshot.claims) {
    if (!created.has(claim.id)) violations.push(`claim ${claim.id} of article ${claim.articleId} has no CREATED event`);
  }
  return violations;
}

/** Reads the rows the checks need, straight from the tables (no cache, no GraphQL in between). */
export async function readSnapshot(db: Database): Promise<Snapshot> {
  const q = db.reader;
  const [articles, claims, events] = await Promise.all([
    q.query('SELECT id, title FROM article ORDER BY id') as Promise<{ id: number; title: string }[]>,
    q.query('SELECT id, article_id, version, state FROM claim ORDER BY id') as Promise<{ id: number; article_id: number; version: number; state: string }[]>,
    q.query('SELECT claim_id, version, kind, actor_id, from_state, to_state FROM claim_event ORDER BY claim_id, version') as Promise<{
      claim_id: number; version: number; kind: string; actor_id: number | null; from_state: string | null; to_state: string | null;
    }[]>,
  ]);
  return {
    articles: articles.map((row) => ({ id: Number(row.id), title: row.title })),
    claims: claims.map((row) => ({ id: Number(row.id), articleId: Number(row.article_id), version: Number(row.version), state: row.state })),
    events: events.map((row) => ({
      claimId: Number(row.claim_id), version: Number(row.version), kind: row.kind,
      actorId: row.actor_id === null ? null : Number(row.actor_id), fromState: row.from_state, toState: row.to_state,
    })),
  };
}

/** Runs one statement on a connection of its own, opened read-only for it and closed after. */
function onFreshConnection(file: string, sql: string): Promise<Record<string, unknown>[]> {
  return new Promise((resolve, reject) => {
    const connection = new sqlite3.Database(file, sqlite3.OPEN_READONLY, (openError) => {
      if (openError) return reject(openError);
      connection.all(sql, (error: Error | null, rows: Record<string, unknown>[]) => {
        connection.close(() => (error ? reject(error) : resolve(rows)));
      });
    });
  });
}

/**
 * SQLite's own verdict on the file (`PRAGMA integrity_check`, `PRAGMA foreign_key_check`), and whether the
 * text search index holds exactly the claims' text and quotes (nothing on PostgreSQL).
 *
 * integrity_check runs on a connection opened for it: SQLite's FTS5 check (its xIntegrity) reads the index
 * structure the connection cached when it last used the table, without asking whether another connection
 * has written since, so on a long-lived connection it reports "fts5: corruption found reading blob …" for
 * segments that a later write merged away, though the file is sound (a fresh connection finds it whole).
 */
export async function checkSqliteFile(db: Database): Promise<string[]> {
  if (db.target.kind !== 'sqlite') return [];
  const violations: string[] = [];
  const integrity = db.target.file === ':memory:'
    ? (await db.reader.query('PRAGMA integrity_check')) as Record<string, unknown>[]
    : await onFreshConnection(db.target.file, 'PRAGMA integrity_check');
  const verdict = integrity.map((row) => String(row.integrity_check));
  if (verdict.join() !== 'ok') violations.push(`PRAGMA integrity_check: ${verdict.join('; ')}`);
  const foreign = (await db.reader.query('PRAGMA foreign_key_check')) as { table: string; rowid: number; parent: string }[];
  for (const row of foreign) violations.push(`PRAGMA foreign_key_check: ${row.table} row ${row.rowid} points at a missing ${row.parent}`);
  violations.push(...await checkSearchIndex(db));
  return violations;
}

/** Claims whose text or quote the search index does not hold as they are, and index rows of no claim (SQLite). */
export async function checkSearchIndex(db: Database): Promise<string[]> {
  if (db.target.kind !== 'sqlite') return [];
  const differ = (await db.reader.query(`SELECT c.id FROM claim c LEFT JOIN claim_search s ON s.rowid = c.id
    WHERE s.rowid IS NULL OR s.text IS NOT c.text OR s.quote_exact IS NOT c.quote_exact ORDER BY c.id LIMIT 20`)) as { id: number }[];
  const orphans = (await db.reader.query(`SELECT s.rowid AS id FROM claim_search s
    WHERE NOT EXISTS (SELECT 1 FROM claim c WHERE c.id = s.rowid) ORDER BY s.rowid LIMIT 20`)) as { id: number }[];
  const violations: string[] = [];
  if (differ.length > 0) violations.push(`the search index does not hold the text and quote of claims ${differ.map((r) => r.id).join(', ')}`);
  if (orphans.length > 0) violations.push(`the search index holds claims that do not exist: ${orphans.map((r) => r.id).join(', ')}`);
  return violations;
}
