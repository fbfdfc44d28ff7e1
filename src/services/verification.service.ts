import { EntityManager } from 'typeorm';
import { TEXT } from '../domain/limits';
import type { Context } from '../context';
import { ClaimSeed, claimSeedFrom, PreparedClaim, Problem, prepareClaim } from '../domain/article-rules';
import { consensusState, latestByReviewer } from '../domain/consensus';
import { EvidenceDraft, validateNote, validateReview } from '../domain/review-rules';
import { ClaimEventKind, Role, SourceKind, Stance, Verdict, VerificationState } from '../domain/types';
import { contentHash } from '../domain/text';
import { checkTransition, ClaimAction } from '../domain/workflow';
import { Article, Claim, ClaimEvent, Evidence, IdempotencyKey, Review, Reviewer, Source } from '../entities';
import {
  BadUserInputError, ConflictError, FieldProblem, InvalidTransitionError, NotFoundError, UnauthenticatedError,
} from '../errors';
import { isUniqueViolation } from '../db/errors';
import { rowId } from './ids';
import { SourceService } from './source.service';

/** Longest idempotency key; the column holds 200 characters. */
export const MAX_IDEMPOTENCY_KEY_LENGTH = TEXT.idempotencyKey;

/** Where a quote stands, as a client gives it. */
export interface QuoteRequest {
  exact: string;
  prefix?: string | null;
  suffix?: string | null;
  start?: number | null;
}

/** Who makes a statement, as a client gives it. */
export interface SourceRequest {
  name: string;
  kind?: SourceKind | null;
  affiliation?: string | null;
}

export interface CreateClaimRequest {
  articleId: string;
  text: string;
  quote: QuoteRequest;
  source: SourceRequest;
  stance: Stance;
  checkworthiness?: number | null;
}

/** Absent (or null) fields stay as they are, except `checkworthiness`, which an explicit null clears. */
export interface UpdateClaimRequest {
  claimId: string;
  expectedVersion: number;
  text?: string | null;
  quote?: QuoteRequest | null;
  source?: SourceRequest | null;
  stance?: Stance | null;
  checkworthiness?: number | null;
}

export interface AssignClaimRequest {
  claimId: string;
  reviewerId: string;
  expectedVersion: number;
}

export interface StartReviewRequest {
  claimId: string;
  expectedVersion: number;
}

export interface SubmitReviewRequest {
  claimId: string;
  expectedVersion: number;
  verdict: Verdict;
  confidence: number;
  rationale: string;
  evidence: readonly EvidenceDraft[];
  idempotencyKey?: string | null;
}

export interface SetClaimStateRequest {
  claimId: string;
  expectedVersion: number;
  state: VerificationState;
  note: string;
}

/** The columns a change may write besides state, version and updated_at. */
type ClaimColumns = Partial<Pick<Claim,
  'text' | 'quoteExact' | 'quotePrefix' | 'quoteSuffix' | 'quoteStart' | 'quoteEnd' | 'sourceId' | 'stance' |
  'checkworthiness' | 'assigneeId'>>;

/** One change to a claim: the event it appends and what it writes. */
interface ClaimChange {
  kind: ClaimEventKind;
  toState: VerificationState;
  note: string | null;
  columns?: ClaimColumns;
}

/** The claim a mutation names, decoded and checked before any transaction opens. */
interface Target {
  id: number;
  globalId: string;
  expectedVersion: number;
}

/**
 * Every write to a claim: curation (create, update, assign) and the review workflow (start, submit, set
 * state). Each mutation is one `ctx.db.write` transaction that checks `expectedVersion`, asks the domain
 * rules whether the action is legal, compare-and-sets the claim to `version + 1` and appends exactly one
 * ClaimEvent recording that version. A refused mutation writes nothing.
 *
 * A submitReview on an UNVERIFIED claim starts the review implicitly: it is still ONE mutation, so it
 * records one REVIEW_SUBMITTED event (from UNVERIFIED to the consensus state) and one version bump; there
 * is no separate REVIEW_STARTED event.
 */
export class VerificationService {
  constructor(private readonly sources: SourceService) {}

  /** A new claim in a stored article, at version 1 with one CREATED event by the editor. */
  async createClaim(ctx: Context, input: CreateClaimRequest): Promise<Claim> {
    const actor = requireActor(ctx);
    const articleId = rowId('Article', input.articleId, 'articleId');
    // Articles never change once stored, so the quote can be anchored before the transaction opens.
    const article = await ctx.db.reader.getRepository(Article).findOneBy({ id: articleId });
    if (!article) throw new NotFoundError('Article', input.articleId);
    const prepared = prepareOrThrow(article.body, claimSeedFrom(input));
    const claim = await ctx.db.write(async (manager) => {
      const source = await this.resolveSource(manager, prepared);
      const now = new Date();
      const inserted = await manager.getRepository(Claim).insert({
        articleId,
        sourceId: source.id,
        assigneeId: null,
        text: prepared.text,
        ...quoteColumns(prepared),
        stance: prepared.stance,
        state: VerificationState.UNVERIFIED,
        version: 1,
        checkworthiness: prepared.checkworthiness,
        createdAt: now,
        updatedAt: now,
      });
      const id = Number(inserted.identifiers[0].id);
      await insertEvent(manager, {
        claimId: id, version: 1, kind: ClaimEventKind.CREATED, fromState: null,
        toState: VerificationState.UNVERIFIED, actorId: actor.id, note: null, at: now,
      });
      return manager.getRepository(Claim).findOneByOrFail({ id });
    });
    return refreshed(ctx, claim);
  }

  /** Changes a claim's text, quote (anchored again in the body), source, stance or checkworthiness: one EDITED event. */
  async updateClaim(ctx: Context, input: UpdateClaimRequest): Promise<Claim> {
    const actor = requireActor(ctx);
    const target = decodeTarget(input);
    const given = {
      text: input.text != null,
      quote: input.quote != null,
      source: input.source != null,
      stance: input.stance != null,
      checkworthiness: input.checkworthiness !== undefined,
    };
    if (!Object.values(given).some(Boolean)) {
      throw BadUserInputError.fromProblems([
        { field: 'input', message: 'give at least one of text, quote, source, stance, checkworthiness' },
      ]);
    }
    // Validate against the stored claim before writing; the transaction below refuses a stale version anyway.
    const snapshot = await ctx.db.reader.getRepository(Claim).findOneBy({ id: target.id });
    if (!snapshot) throw new NotFoundError('Claim', target.globalId);
    const [article, currentSource] = await Promise.all([
      ctx.db.reader.getRepository(Article).findOneByOrFail({ id: snapshot.articleId }),
      ctx.db.reader.getRepository(Source).findOneByOrFail({ id: snapshot.sourceId }),
    ]);
    const prepared = prepareOrThrow(article.body, claimSeedFrom({
      text: input.text ?? snapshot.text,
      quote: input.quote ?? { exact: snapshot.quoteExact, prefix: snapshot.quotePrefix, suffix: snapshot.quoteSuffix, start: snapshot.quoteStart },
      source: input.source ?? currentSource,
      stance: input.stance ?? snapshot.stance,
      checkworthiness: given.checkworthiness ? input.checkworthiness ?? null : snapshot.checkworthiness,
    }));

    const claim = await ctx.db.write(async (manager) => {
      const current = await lockClaim(ctx, manager, target);
      checkVersion(current, target);
      checkAction(current, { type: 'EDIT' });
      const columns: ClaimColumns = {};
      const changed: string[] = [];
      if (given.text && prepared.text !== current.text) {
        columns.text = prepared.text;
        changed.push('text');
      }
      if (given.quote && (prepared.quote.start !== current.quoteStart || prepared.quote.end !== current.quoteEnd)) {
        Object.assign(columns, quoteColumns(prepared));
        changed.push('quote');
      }
      if (given.source) {
        const source = await this.resolveSource(manager, prepared);
        if (source.id !== current.sourceId) {
          columns.sourceId = source.id;
          changed.push('source');
        }
      }
      if (given.stance && prepared.stance !== current.stance) {
        columns.stance = prepared.stance;
        changed.push('stance');
      }
      if (given.checkworthiness && prepared.checkworthiness !== current.checkworthiness) {
        columns.checkworthiness = prepared.checkworthiness;
        changed.push('checkworthiness');
      }
      if (changed.length === 0) {
        throw BadUserInputError.fromProblems([{ field: 'input', message: 'changes nothing: every field given has its current value' }]);
      }
      return recordChange(manager, current, target, actor, {
        kind: ClaimEventKind.EDITED, toState: current.state, note: `Changed ${changed.join(', ')}`, columns,
      });
    });
    return refreshed(ctx, claim);
  }

  /** Assigns an active REVIEWER or EDITOR to a claim: one ASSIGNED event, the state stays. */
  async assignClaim(ctx: Context, input: AssignClaimRequest): Promise<Claim> {
    const actor = requireActor(ctx);
    const target = decodeTarget(input);
    const reviewerId = rowId('Reviewer', input.reviewerId, 'reviewerId');
    const claim = await ctx.db.write(async (manager) => {
      const current = await lockClaim(ctx, manager, target);
      const assignee = await manager.getRepository(Reviewer).findOneBy({ id: reviewerId });
      if (!assignee) throw new NotFoundError('Reviewer', input.reviewerId);
      const problems: FieldProblem[] = [];
      if (assignee.revokedAt) problems.push({ field: 'reviewerId', message: `${assignee.name}'s token is revoked` });
      else if (assignee.role === Role.VIEWER) problems.push({ field: 'reviewerId', message: `${assignee.name} is a VIEWER; assign a REVIEWER or EDITOR` });
      if (problems.length > 0) throw BadUserInputError.fromProblems(problems);
      checkVersion(current, target);
      checkAction(current, { type: 'ASSIGN' });
      if (current.assigneeId === assignee.id) {
        throw BadUserInputError.fromProblems([{ field: 'reviewerId', message: `the claim is already assigned to ${assignee.name}` }]);
      }
      return recordChange(manager, current, target, actor, {
        kind: ClaimEventKind.ASSIGNED, toState: current.state, note: `Assigned to ${assignee.name}`, columns: { assigneeId: assignee.id },
      });
    });
    return refreshed(ctx, claim);
  }

  /** Moves an UNVERIFIED claim to IN_REVIEW: one REVIEW_STARTED event. */
  async startReview(ctx: Context, input: StartReviewRequest): Promise<Claim> {
    const actor = requireActor(ctx);
    const target = decodeTarget(input);
    const claim = await ctx.db.write(async (manager) => {
      const current = await lockClaim(ctx, manager, target);
      checkVersion(current, target);
      checkAction(current, { type: 'START_REVIEW' });
      return recordChange(manager, current, target, actor, {
        kind: ClaimEventKind.REVIEW_STARTED, toState: VerificationState.IN_REVIEW, note: null,
      });
    });
    return refreshed(ctx, claim);
  }

  /**
   * Stores a review with its evidence and moves the claim to the consensus of each reviewer's latest review:
   * one REVIEW_SUBMITTED event from the old state to the new. With an idempotency key already used by this
   * reviewer for the same input, nothing is written and the claim is returned as it is now.
   */
  async submitReview(ctx: Context, input: SubmitReviewRequest): Promise<Claim> {
    const actor = requireActor(ctx);
    const target = decodeTarget(input);
    const key = input.idempotencyKey ?? null;
    const problems: FieldProblem[] = validateReview(input);
    if (key !== null && (key.trim() === '' || key.length > MAX_IDEMPOTENCY_KEY_LENGTH)) {
      problems.push({ field: 'idempotencyKey', message: `must be 1 to ${MAX_IDEMPOTENCY_KEY_LENGTH} characters, not only spaces` });
    }
    if (problems.length > 0) throw BadUserInputError.fromProblems(problems);
    const review = {
      verdict: input.verdict,
      confidence: input.confidence,
      rationale: input.rationale.trim(),
      evidence: input.evidence.map((item) => ({
        url: item.url,
        title: item.title?.trim() || null,
        excerpt: item.excerpt?.trim() || null,
        stance: item.stance,
      })),
    };
    const requestHash = contentHash(JSON.stringify([target.id, target.expectedVersion, review]));

    const attempt = () => ctx.db.write(async (manager) => {
      const current = await lockClaim(ctx, manager, target);
      // A retry carries the expectedVersion its first attempt consumed, so the key is checked before the version.
      if (key !== null) {
        const used = await manager.getRepository(IdempotencyKey).findOneBy({ reviewerId: actor.id, key });
        if (used) {
          if (used.requestHash !== requestHash) {
            throw BadUserInputError.fromProblems([
              { field: 'idempotencyKey', message: 'was already used by you for a different request; use a new key' },
            ]);
          }
          return current;
        }
      }
      checkVersion(current, target);
      checkAction(current, { type: 'SUBMIT_REVIEW' });
      const now = new Date();
      const earlier = await manager.getRepository(Review).find({ where: { claimId: current.id }, order: { id: 'ASC' } });
      const inserted = await manager.getRepository(Review).insert({
        claimId: current.id, reviewerId: actor.id, verdict: review.verdict, confidence: review.confidence,
        rationale: review.rationale, createdAt: now,
      });
      const reviewId = Number(inserted.identifiers[0].id);
      if (review.evidence.length > 0) {
        await manager.createQueryBuilder().insert().into(Evidence)
          .values(review.evidence.map((item, position) => ({ reviewId, position, ...item })))
          .updateEntity(false).execute();
      }
      const all = [...earlier, { id: reviewId, reviewerId: actor.id, verdict: review.verdict, createdAt: now }];
      const latest = latestByReviewer(all.map((r) => ({ id: r.id, reviewerId: String(r.reviewerId), createdAt: r.createdAt, verdict: r.verdict })));
      const toState = consensusState(latest.map((r) => r.verdict), ctx.config.reviewQuorum);
      const own = latestByReviewer(earlier.filter((r) => r.reviewerId === actor.id).map((r) => ({ ...r, reviewerId: String(r.reviewerId) })));
      const note = [
        `${review.verdict} with confidence ${review.confidence}`,
        own.length > 0 ? `supersedes their earlier ${own[0].verdict}` : null,
        current.state === VerificationState.UNVERIFIED ? 'started the review' : null,
      ].filter((part) => part !== null).join('; ');
      const updated = await recordChange(manager, current, target, actor, { kind: ClaimEventKind.REVIEW_SUBMITTED, toState, note }, now);
      if (key !== null) {
        await manager.createQueryBuilder().insert().into(IdempotencyKey).values({
          reviewerId: actor.id, key, requestHash, claimId: current.id, resultVersion: updated.version, createdAt: now,
        }).updateEntity(false).execute();
      }
      return updated;
    });

    try {
      return refreshed(ctx, await attempt());
    } catch (error) {
      // Two first uses of one key raced (on PostgreSQL, for different claims): the loser's insert hit the
      // unique key and rolled back. Run once more: it now sees the winner's key and replays or refuses.
      if (key !== null && isUniqueViolation(error)) return refreshed(ctx, await attempt());
      throw error;
    }
  }

  /** An editor sets any other state, with a note: resolves a dispute or reopens a final claim. One STATE_CHANGED event. */
  async setClaimState(ctx: Context, input: SetClaimStateRequest): Promise<Claim> {
    const actor = requireActor(ctx);
    const target = decodeTarget(input);
    const problems = validateNote(input.note);
    if (problems.length > 0) throw BadUserInputError.fromProblems(problems);
    const claim = await ctx.db.write(async (manager) => {
      const current = await lockClaim(ctx, manager, target);
      checkVersion(current, target);
      checkAction(current, { type: 'SET_STATE', to: input.state });
      return recordChange(manager, current, target, actor, {
        kind: ClaimEventKind.STATE_CHANGED, toState: input.state, note: input.note.trim(),
      });
    });
    return refreshed(ctx, claim);
  }

  private async resolveSource(manager: EntityManager, prepared: PreparedClaim): Promise<Source> {
    const sources = await this.sources.resolve(manager, [prepared.source]);
    const source = sources.get(prepared.normalizedSource);
    if (!source) throw new Error(`source "${prepared.normalizedSource}" was neither found nor created`);
    return source;
  }
}

function requireActor(ctx: Context): Reviewer {
  if (!ctx.reviewer) throw new UnauthenticatedError();
  return ctx.reviewer;
}

/** Decodes the claim id and checks expectedVersion's shape; both before any transaction. */
function decodeTarget(input: { claimId: string; expectedVersion: number }): Target {
  const id = rowId('Claim', input.claimId, 'claimId');
  if (!Number.isInteger(input.expectedVersion) || input.expectedVersion < 1) {
    throw BadUserInputError.fromProblems([{ field: 'expectedVersion', message: 'must be a version the claim had: 1 or more' }]);
  }
  return { id, globalId: input.claimId, expectedVersion: input.expectedVersion };
}

/**
 * Reads the claim for a write. On PostgreSQL it also locks the row, so writers of one claim queue and an
 * idempotent retry sees its first attempt's committed key; SQLite's write lane already runs one at a time.
 */
async function lockClaim(ctx: Context, manager: EntityManager, target: Target): Promise<Claim> {
  const query = manager.getRepository(Claim).createQueryBuilder('claim').where('claim.id = :id', { id: target.id });
  if (ctx.db.kind === 'postgres') query.setLock('pessimistic_write');
  const claim = await query.getOne();
  if (!claim) throw new NotFoundError('Claim', target.globalId);
  return claim;
}

function conflict(target: Target, currentVersion: number): ConflictError {
  return new ConflictError(
    `Claim ${target.globalId} is at version ${currentVersion}, not ${target.expectedVersion}: someone changed it first. Reload it and try again.`,
    currentVersion,
  );
}

function checkVersion(claim: Claim, target: Target): void {
  if (claim.version !== target.expectedVersion) throw conflict(target, claim.version);
}

function checkAction(claim: Claim, action: ClaimAction): void {
  const check = checkTransition(claim.state, action);
  if (!check.ok) throw new InvalidTransitionError(check.reason, claim.state);
}

/**
 * Compare-and-set: writes the change only if the claim is still at the expected version, bumping it by one,
 * and appends the event that records the new version. Zero rows updated is a CONFLICT and rolls back.
 */
async function recordChange(
  manager: EntityManager,
  claim: Claim,
  target: Target,
  actor: Reviewer,
  change: ClaimChange,
  now = new Date(),
): Promise<Claim> {
  const result = await manager.createQueryBuilder().update(Claim)
    .set({ ...change.columns, state: change.toState, updatedAt: now, version: () => 'version + 1' })
    .where('id = :id AND version = :expected', { id: claim.id, expected: target.expectedVersion })
    .execute();
  if (result.affected !== 1) {
    const fresh = await manager.getRepository(Claim).findOneBy({ id: claim.id });
    throw conflict(target, fresh?.version ?? claim.version);
  }
  await insertEvent(manager, {
    claimId: claim.id,
    version: target.expectedVersion + 1,
    kind: change.kind,
    fromState: claim.state,
    toState: change.toState,
    actorId: actor.id,
    note: change.note,
    at: now,
  });
  return manager.getRepository(Claim).findOneByOrFail({ id: claim.id });
}

/** Events are only ever inserted: nothing updates or deletes one. */
async function insertEvent(manager: EntityManager, event: Omit<ClaimEvent, 'id' | 'globalId'>): Promise<void> {
  await manager.createQueryBuilder().insert().into(ClaimEvent).values(event).updateEntity(false).execute();
}

/** The response shows the committed claim; the request's loaders must not serve what they held before. */
function refreshed(ctx: Context, claim: Claim): Claim {
  ctx.loaders.claim.clear(claim.id).prime(claim.id, claim);
  ctx.loaders.eventsByClaim.clear(claim.id);
  ctx.loaders.reviewsByClaim.clear(claim.id);
  return claim;
}

function prepareOrThrow(body: string, seed: ClaimSeed): PreparedClaim {
  const problems: Problem[] = [];
  const prepared = prepareClaim(body, seed, 'input', problems);
  if (!prepared || problems.length > 0) {
    throw BadUserInputError.fromProblems(problems.map((p) => ({ ...p, field: p.field.replace(/^input\./, '') })));
  }
  return prepared;
}

function quoteColumns(prepared: PreparedClaim): ClaimColumns {
  return {
    quoteExact: prepared.quote.exact,
    quotePrefix: prepared.quote.prefix,
    quoteSuffix: prepared.quote.suffix,
    quoteStart: prepared.quote.start,
    quoteEnd: prepared.quote.end,
  };
}
