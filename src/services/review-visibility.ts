import { reviewsVisible } from '../domain/blind-review';
import { ClaimEventKind, VerificationState } from '../domain/types';
import { Claim, ClaimEvent, Review } from '../entities';
import { ForbiddenError } from '../errors';
import type { ReadContext } from '../request-context';

/**
 * Blind review, enforced wherever reviews are read: a claim's review list, a review fetched by id, and the
 * verdicts that REVIEW_SUBMITTED events repeat in their notes. Every read path asks here, so none can leak.
 */
export class ReviewVisibility {
  /** Whether the caller may see other reviewers' reviews of a claim in `state` (the claim's own, or as of an instant). */
  async visible(ctx: ReadContext, claimId: number, state: VerificationState): Promise<boolean> {
    if (reviewsVisible(ctx.config.blindReview, state, { role: ctx.actor?.role ?? null, hasReviewed: false })) return true;
    if (!ctx.actor) return false;
    const hasReviewed = await ctx.loaders.reviewedBy.load(`${ctx.actor.id}:${claimId}`);
    return reviewsVisible(ctx.config.blindReview, state, { role: ctx.actor.role, hasReviewed });
  }

  /** The reviews the caller may see: all of them, or, while blind, only their own (none until they submit). */
  async filter(ctx: ReadContext, claim: Pick<Claim, 'id' | 'state'>, reviews: Review[]): Promise<Review[]> {
    if (await this.visible(ctx, claim.id, claim.state)) return reviews;
    return reviews.filter((review) => review.reviewerId === ctx.actor?.id);
  }

  /** The history with others' verdicts blanked from REVIEW_SUBMITTED notes while the caller may not see them. */
  async history(ctx: ReadContext, claim: Pick<Claim, 'id' | 'state'>, events: ClaimEvent[]): Promise<ClaimEvent[]> {
    if (await this.visible(ctx, claim.id, claim.state)) return events;
    return events.map((event) => event.kind === ClaimEventKind.REVIEW_SUBMITTED && event.actorId !== ctx.actor?.id
      ? Object.assign(Object.create(Object.getPrototypeOf(event) as object) as ClaimEvent, event, { note: null })
      : event);
  }

  /** A single review, refused while the caller may not see it. */
  async check(ctx: ReadContext, review: Review): Promise<Review> {
    if (ctx.actor?.id === review.reviewerId) return review;
    const claim = await ctx.loaders.claim.load(review.claimId);
    if (await this.visible(ctx, claim.id, claim.state)) return review;
    throw new ForbiddenError('Blind review: this claim is still open; its reviews show once you submit your own (editors see them at once)');
  }
}
