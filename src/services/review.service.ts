import { consensusState, latestByReviewer } from '../domain/consensus';
import { EvidenceDraft, validateNote, validateReview } from '../domain/review-rules';
import { ClaimEventKind, Verdict, VerificationState } from '../domain/types';
import { EntityManager } from 'typeorm';
import { Claim, Evidence, Review } from '../entities';
import { BadUserInputError } from '../errors';
import { RequestContext, requireActor } from '../request-context';
import { bulkTargets, ClaimLedger, claimTarget, ClaimVersion, eachTarget } from './claim-ledger';
import { LISTS } from '../domain/limits';
import { idempotencyKeyProblems, IdempotencyKeys, requestHash } from './idempotency';

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

/**
 * The review workflow: reviewers start and submit reviews, the claim takes the consensus of each reviewer's
 * latest verdict, editors set states. Every write goes through the ClaimLedger.
 *
 * A submitReview on an UNVERIFIED claim starts the review implicitly: it is still ONE mutation, so it
 * records one REVIEW_SUBMITTED event (from UNVERIFIED to the consensus state) and one version bump; there
 * is no separate REVIEW_STARTED event.
 */
export class ReviewService {
  constructor(private readonly ledger: ClaimLedger, private readonly keys: IdempotencyKeys) {}

  /** Moves an UNVERIFIED claim to IN_REVIEW: one REVIEW_STARTED event. */
  async startReview(ctx: RequestContext, input: StartReviewRequest): Promise<Claim> {
    requireActor(ctx);
    const target = claimTarget(input);
    return ctx.db.write((manager) => this.ledger.change(ctx, manager, target, { type: 'START_REVIEW' }, () => ({
      kind: ClaimEventKind.REVIEW_STARTED, toState: VerificationState.IN_REVIEW, note: null,
    })));
  }

  /**
   * Stores a review with its evidence and moves the claim to the consensus of each reviewer's latest review:
   * one REVIEW_SUBMITTED event from the old state to the new. With an idempotency key already used by this
   * reviewer for the same input, nothing is written and the claim is returned as it is now.
   */
  async submitReview(ctx: RequestContext, input: SubmitReviewRequest): Promise<Claim> {
    const actor = requireActor(ctx);
    const target = claimTarget(input);
    const key = input.idempotencyKey ?? null;
    const problems = [...validateReview(input), ...idempotencyKeyProblems(key)];
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
    const hash = requestHash([target.id, target.expectedVersion, review]);

    return this.keys.run(key, async () => {
      // Without a key, the claim and then its reviews are read before the write lane (on SQLite), so the lane only
      // writes; a keyed write reads inside it, where its first attempt's key is seen with the claim it produced.
      const prepared = key === null ? await this.ledger.prepare(ctx, target) : null;
      const reviewsRead = prepared ? await this.reviewsOf(ctx.db.reader.manager, prepared.id) : null;
      return ctx.db.write(async (manager) => {
        const current = await this.ledger.lock(ctx, manager, target, prepared);
        // A retry carries the expectedVersion its first attempt consumed, so the key is checked before the version.
        if (key !== null && await this.keys.seen(manager, actor.id, key, hash)) return current;
        this.ledger.check(current, target, { type: 'SUBMIT_REVIEW' });
        const now = new Date();
        const earlier = current === prepared && reviewsRead ? reviewsRead : await this.reviewsOf(manager, current.id);
        const reviewId = await insertReview(manager, {
          claimId: current.id, reviewerId: actor.id, verdict: review.verdict, confidence: review.confidence,
          rationale: review.rationale, createdAt: now,
        });
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
        const updated = await this.ledger.record(manager, current, target.expectedVersion, actor.id,
          { kind: ClaimEventKind.REVIEW_SUBMITTED, toState, note }, now);
        if (key !== null) {
          await this.keys.remember(manager, { reviewerId: actor.id, key, hash, claimId: current.id, resultVersion: updated.version, at: now });
        }
        return updated;
      });
    });
  }

  private reviewsOf(manager: EntityManager, claimId: number): Promise<Review[]> {
    return manager.getRepository(Review).find({ where: { claimId }, order: { id: 'ASC' } });
  }

  /** An editor sets any other state, with a note: resolves a dispute or reopens a final claim. One STATE_CHANGED event. */
  async setClaimState(ctx: RequestContext, input: SetClaimStateRequest): Promise<Claim> {
    requireActor(ctx);
    const target = claimTarget(input);
    const problems = validateNote(input.note);
    if (problems.length > 0) throw BadUserInputError.fromProblems(problems);
    return ctx.db.write((manager) => this.ledger.change(ctx, manager, target, { type: 'SET_STATE', to: input.state }, () => ({
      kind: ClaimEventKind.STATE_CHANGED, toState: input.state, note: input.note.trim(),
    })));
  }

  /**
   * Sets one state on many claims with one note, all or nothing: each claim its own STATE_CHANGED event and
   * version. Any refusal (a stale version, a claim already in that state) writes nothing and names the item.
   */
  async setClaimStates(ctx: RequestContext, input: { state: VerificationState; note: string; claims: readonly ClaimVersion[] }): Promise<Claim[]> {
    requireActor(ctx);
    const targets = bulkTargets(input.claims, LISTS.bulkClaims);
    const problems = validateNote(input.note);
    if (problems.length > 0) throw BadUserInputError.fromProblems(problems);
    return ctx.db.write(async (manager) => {
      const claims = await this.ledger.lockAll(ctx, manager, targets);
      return eachTarget(targets, async (target) => {
        const current = claims.get(target.id)!;
        this.ledger.check(current, target, { type: 'SET_STATE', to: input.state });
        return this.ledger.record(manager, current, target.expectedVersion, ctx.actor?.id ?? null, {
          kind: ClaimEventKind.STATE_CHANGED, toState: input.state, note: input.note.trim(),
        });
      });
    });
  }
}

/** Inserts a review and answers its id, without reading the row back (every column was given). */
async function insertReview(manager: EntityManager, row: Pick<Review, 'claimId' | 'reviewerId' | 'verdict' | 'confidence' | 'rationale' | 'createdAt'>): Promise<number> {
  const insert = manager.createQueryBuilder().insert().into(Review).values(row).updateEntity(false);
  if (manager.connection.options.type === 'postgres') {
    const inserted = await insert.returning('id').execute();
    return Number((inserted.raw as { id: number }[])[0].id);
  }
  // SQLite's driver answers an INSERT with the new row's id.
  return Number((await insert.execute()).raw);
}
