import { GraphQLError } from 'graphql';
import { EntityManager } from 'typeorm';
import type { RequestContext } from '../request-context';
import { AnchorStatus, ClaimEventKind, VerificationState } from '../domain/types';
import { snapshotOf } from '../domain/snapshot';
import { checkTransition, ClaimAction } from '../domain/workflow';
import { Claim, ClaimEvent, ClaimTerm } from '../entities';
import { MAX_TERM_LENGTH } from '../entities/claim-term.entity';
import { indexTerms } from '../domain/similarity';
import { BadUserInputError, ConflictError, InvalidTransitionError, NotFoundError } from '../errors';
import { insertRows } from '../db/insert-rows';
import { rowId } from './ids';

/** The columns a change may write besides state, version and updated_at. */
export type ClaimColumns = Partial<Pick<Claim,
  'text' | 'quoteExact' | 'quotePrefix' | 'quoteSuffix' | 'quoteStart' | 'quoteEnd' | 'sourceId' | 'stance' |
  'checkworthiness' | 'assigneeId' | 'anchorStatus' | 'anchorRevision'>>;

/** One change to a claim: the event it appends and what it writes. */
export interface ClaimChange {
  kind: ClaimEventKind;
  toState: VerificationState;
  note: string | null;
  columns?: ClaimColumns;
}

/** The claim a mutation names, decoded and checked before any transaction opens. */
export interface ClaimTarget {
  id: number;
  globalId: string;
  expectedVersion: number;
}

/** A claim to insert at version 1, anchored in revision `anchorRevision`: every column but the ones the ledger sets. */
export type NewClaim = Omit<Claim, 'id' | 'globalId' | 'quote' | 'needsEditor' | 'state' | 'version' | 'anchorStatus' | 'createdAt' | 'updatedAt'>;

/** Decodes a claim id and checks expectedVersion's shape; both before any transaction. */
export function claimTarget(input: { claimId: string; expectedVersion: number }, field = 'claimId'): ClaimTarget {
  const id = rowId('Claim', input.claimId, field);
  if (!Number.isInteger(input.expectedVersion) || input.expectedVersion < 1) {
    const at = field.includes('.') ? field.replace(/[^.]+$/, 'expectedVersion') : 'expectedVersion';
    throw BadUserInputError.fromProblems([{ field: at, message: 'must be a version the claim had: 1 or more' }]);
  }
  return { id, globalId: input.claimId, expectedVersion: input.expectedVersion };
}

/**
 * The one write path of a claim. Only the ledger inserts claims, locks one for a change, checks the expected
 * version and the transition, compare-and-sets the row to version + 1 and appends the ClaimEvent recording
 * that version; every method runs inside the caller's `db.write` transaction, so a refused change writes nothing.
 */
export class ClaimLedger {
  /**
   * Reads the claim for a write. On PostgreSQL it also locks the row, so writers of one claim queue and an
   * idempotent retry sees its first attempt's committed key; SQLite's write lane already runs one at a time.
   */
  async lock(ctx: RequestContext, manager: EntityManager, target: { id: number; globalId: string }, prepared: Claim | null = null): Promise<Claim> {
    // The copy `prepare` read before the lane stands in when it is at the version the write expects: the
    // compare-and-set in `record` proves it still current (any change would have bumped the version).
    if (prepared !== null && 'expectedVersion' in target && prepared.version === target.expectedVersion) return prepared;
    const query = manager.getRepository(Claim).createQueryBuilder('claim').where('claim.id = :id', { id: target.id });
    if (ctx.db.kind === 'postgres') query.setLock('pessimistic_write');
    const claim = await query.getOne();
    if (!claim) throw new NotFoundError('Claim', target.globalId);
    return claim;
  }

  /**
   * On an SQLite file, the claim as last committed, read on a reader before the write joins the write lane, so
   * the lane only writes; rows the change depends on must be read after it (they can then only be newer, and
   * anything newer moved the version and fails the compare-and-set). Null on PostgreSQL, which locks the row
   * instead, and on an in-memory database, whose reads share the writer's connection and could see a write
   * that its savepoint later undoes.
   */
  async prepare(ctx: RequestContext, target: ClaimTarget): Promise<Claim | null> {
    if (!ctx.db.readsSeeOnlyCommitted) return null;
    return ctx.db.reader.getRepository(Claim).findOneBy({ id: target.id });
  }

  /** Locks several claims, in id order so two bulk actions on PostgreSQL cannot deadlock; returns them by id. */
  async lockAll(ctx: RequestContext, manager: EntityManager, targets: readonly ClaimTarget[]): Promise<Map<number, Claim>> {
    const ids = [...new Set(targets.map((t) => t.id))].sort((a, b) => a - b);
    const query = manager.getRepository(Claim).createQueryBuilder('claim').where('claim.id IN (:...ids)', { ids }).orderBy('claim.id', 'ASC');
    if (ctx.db.kind === 'postgres') query.setLock('pessimistic_write');
    const claims = new Map((await query.getMany()).map((claim) => [claim.id, claim]));
    await eachTarget(targets, async (target) => {
      if (!claims.has(target.id)) throw new NotFoundError('Claim', target.globalId);
    });
    return claims;
  }

  /** Refuses a stale expectedVersion (CONFLICT) or an action the claim's state does not allow (INVALID_TRANSITION). */
  check(claim: Claim, target: ClaimTarget, action: ClaimAction): void {
    if (claim.version !== target.expectedVersion) throw conflict(target, claim.version);
    const verdict = checkTransition(claim.state, action);
    if (!verdict.ok) throw new InvalidTransitionError(verdict.reason, claim.state);
  }

  /**
   * Lock, check, then `decide` the change (it may write rows of its own, such as a review) and record it.
   * The whole of it is one change: one version, one event.
   */
  async change(
    ctx: RequestContext,
    manager: EntityManager,
    target: ClaimTarget,
    action: ClaimAction,
    decide: (current: Claim) => ClaimChange | Promise<ClaimChange>,
  ): Promise<Claim> {
    const current = await this.lock(ctx, manager, target);
    this.check(current, target, action);
    return this.record(manager, current, target.expectedVersion, ctx.actor?.id ?? null, await decide(current));
  }

  /**
   * Compare-and-set: writes the change only if the claim is still at `expectedVersion`, bumping it by one,
   * and appends the event that records the new version. Zero rows updated is a CONFLICT and rolls back.
   */
  async record(
    manager: EntityManager,
    claim: Claim,
    expectedVersion: number,
    actorId: number | null,
    change: ClaimChange,
    at = new Date(),
  ): Promise<Claim> {
    const result = await manager.createQueryBuilder().update(Claim)
      .set({ ...change.columns, state: change.toState, updatedAt: at, version: () => 'version + 1' })
      .where('id = :id AND version = :expected', { id: claim.id, expected: expectedVersion })
      .execute();
    if (result.affected !== 1) {
      const fresh = await manager.getRepository(Claim).findOneBy({ id: claim.id });
      throw conflict({ id: claim.id, globalId: claim.globalId, expectedVersion }, fresh?.version ?? claim.version);
    }
    if (change.columns?.text !== undefined && change.columns.text !== claim.text) {
      await manager.createQueryBuilder().delete().from(ClaimTerm).where('claimId = :id', { id: claim.id }).execute();
      await indexClaims(manager, [{ id: claim.id, text: change.columns.text }]);
    }
    await manager.createQueryBuilder().insert().into(ClaimEvent).values({
      claimId: claim.id, version: expectedVersion + 1, kind: change.kind, fromState: claim.state,
      toState: change.toState, actorId, note: change.note, at, snapshot: snapshotOf({ ...claim, ...change.columns }),
    }).updateEntity(false).execute();
    // What the compare-and-set wrote, without reading it back.
    const written = Object.fromEntries(Object.entries(change.columns ?? {}).filter(([, value]) => value !== undefined));
    return Object.assign(new Claim(), claim, written, { state: change.toState, version: expectedVersion + 1, updatedAt: at });
  }

  /**
   * Inserts claims UNVERIFIED at version 1, each with its CREATED event and its terms; returns their ids in the
   * order given. Plain multi-row INSERTs: an article's claims cost a statement per table, not per claim.
   * `terms[i]`, when given, are claim i's index terms already worked out (by the extraction workers).
   */
  async create(manager: EntityManager, claims: NewClaim[], actorId: number | null, at = new Date(), terms: readonly (readonly string[] | undefined)[] = []): Promise<number[]> {
    if (claims.length === 0) return [];
    const ids = await insertRows(manager, Claim, claims.map((claim) => ({
      ...claim, state: VerificationState.UNVERIFIED, version: 1, anchorStatus: AnchorStatus.ANCHORED, createdAt: at, updatedAt: at,
    })));
    await insertRows(manager, ClaimEvent, ids.map((claimId, i) => ({
      claimId, version: 1, kind: ClaimEventKind.CREATED, fromState: null, toState: VerificationState.UNVERIFIED,
      actorId, note: null, at, snapshot: snapshotOf({ ...claims[i], anchorStatus: AnchorStatus.ANCHORED }),
    })));
    await indexClaims(manager, ids.map((id, i) => ({ id, text: claims[i].text, terms: terms[i] })));
    return ids;
  }
}

/** Adds claims' texts to the term index recurring claims are found by. */
async function indexClaims(manager: EntityManager, claims: { id: number; text: string; terms?: readonly string[] }[]): Promise<void> {
  await insertRows(manager, ClaimTerm, claims.flatMap((claim) => (claim.terms ?? indexTerms(claim.text, MAX_TERM_LENGTH)).map((term) => ({ claimId: claim.id, term }))));
}

function conflict(target: ClaimTarget, currentVersion: number): ConflictError {
  return new ConflictError(
    `Claim ${target.globalId} is at version ${currentVersion}, not ${target.expectedVersion}: someone changed it first. Reload it and try again.`,
    currentVersion,
  );
}

/** One claim of a bulk action, as a client names it. */
export interface ClaimVersion {
  claimId: string;
  expectedVersion: number;
}

/**
 * Decodes the claims of a bulk action: 1 to `max`, no claim twice. Problems name the item (`claims[2].claimId`).
 */
export function bulkTargets(items: readonly ClaimVersion[], max: number): ClaimTarget[] {
  if (items.length === 0 || items.length > max) {
    throw BadUserInputError.fromProblems([{ field: 'claims', message: `name 1 to ${max} claims, not ${items.length}` }]);
  }
  const targets = items.map((item, i) => claimTarget(item, `claims[${i}].claimId`));
  const seen = new Map<number, number>();
  targets.forEach((target, i) => {
    const first = seen.get(target.id);
    if (first !== undefined) {
      throw BadUserInputError.fromProblems([{ field: `claims[${i}].claimId`, message: `names the same claim as claims[${first}]` }]);
    }
    seen.set(target.id, i);
  });
  return targets;
}

/** Runs `step` for each target, in order; a refusal names the item it came from (message and `extensions.index`, `claimId`). */
export async function eachTarget<T>(targets: readonly ClaimTarget[], step: (target: ClaimTarget, index: number) => Promise<T>): Promise<T[]> {
  const results: T[] = [];
  for (const [index, target] of targets.entries()) {
    try {
      results.push(await step(target, index));
    } catch (error) {
      if (error instanceof GraphQLError && typeof error.extensions.code === 'string') {
        error.message = `claims[${index}]: ${error.message}`;
        Object.assign(error.extensions, { index, claimId: target.globalId });
      }
      throw error;
    }
  }
  return results;
}
