import { reviewsVisible } from '../domain/blind-review';
import { ClaimEventKind, VerificationState } from '../domain/types';
import { Claim, ClaimEvent, Review } from '../entities';
import { ForbiddenError } from '../errors';
import { andThen } from '../loaders';
import type { ReadContext } from '../request-context';

/**
 * Blind review, enforced wherever reviews are read: a claim's review list, a review fetched by id, and the
 * verdicts that REVIEW_SUBMITTED events repeat in their notes. Every read path asks here, so none can leak.
 */
export class ReviewVisibility {
  /**
   * Whether the caller may see other reviewers' reviews of a claim in `state` (the claim's own, or as of an
   * instant): at once when the role and the state decide it, after a lookup when it depends on whether the
   * caller has reviewed the claim.
   */
  visible(ctx: ReadContext, claimId: number, state: VerificationState): boolean | Promise<boolean> {
    if (reviewsVisible(ctx.config.blindReview, state, { role: ctx.actor?.role ?? null, hasReviewed: false })) return true;
    const actor = ctx.actor;
    if (!actor) return false;
    return ctx.loaders.reviewedBy.load(`${actor.id}:${claimId}`)
      .then((hasReviewed) => reviewsVisible(ctx.config.blindReview, state, { role: actor.role, hasReviewed }));
  }

  /** The reviews the caller may see: all of them, or, while blind, only their own (none until they submit). */
  filter(ctx: ReadContext, claim: Pick<Claim, 'id' | 'state'>, reviews: Review[]): Review[] | Promise<Review[]> {
    return andThen(this.visible(ctx, claim.id, claim.state), (visible) =>
      visible ? reviews : reviews.filter((review) => review.reviewerId === ctx.actor?.id));
  }

  /** The history with others' verdicts blanked from REVIEW_SUBMITTED notes while the caller may not see them. */
  history(ctx: ReadContext, claim: Pick<Claim, 'id' | 'state'>, events: ClaimEvent[]): ClaimEvent[] | Promise<ClaimEvent[]> {
    return andThen(this.visible(ctx, claim.id, claim.state), (visible) => visible ? events : events.map((event) =>
      event.kind === ClaimEventKind.REVIEW_SUBMITTED && event.actorId !== ctx.actor?.id
        ? Object.assign(Object.create(Object.getPrototypeOf(event) as object) as ClaimEvent, event, { note: null })
        : event));
  }

  /** A single review, refused while the caller may not see it. */
  async check(ctx: ReadContext, review: Review): Promise<Review> {
    if (ctx.actor?.id === review.reviewerId) return review;
    const claim = await ctx.loaders.claim.load(review.claimId);
    if (await this.visible(ctx, claim.id, claim.state)) return review;
    throw new ForbiddenError('Blind review: this claim is still open; its reviews show once you submit your own (editors see them at once)');
  }
}
