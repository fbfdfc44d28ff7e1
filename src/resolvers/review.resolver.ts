import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { LISTS } from '../domain/limits';
import type { Context } from '../context';
import { Claim, ClaimEvent, Evidence, Review, Reviewer } from '../entities';

@Resolver(() => Review)
export class ReviewResolver {
  @FieldResolver(() => Claim)
  claim(@Root() review: Review, @Ctx() ctx: Context) {
    return ctx.loaders.claim.load(review.claimId);
  }

  @FieldResolver(() => Reviewer)
  reviewer(@Root() review: Review, @Ctx() ctx: Context) {
    return ctx.loaders.reviewer.get(review.reviewerId);
  }

  @FieldResolver(() => [Evidence], { description: `At most ${LISTS.evidencePerReview} links` })
  evidence(@Root() review: Review, @Ctx() ctx: Context) {
    return ctx.loaders.evidenceByReview.get(review.id);
  }
}

@Resolver(() => ClaimEvent)
export class ClaimEventResolver {
  @FieldResolver(() => Reviewer, { nullable: true, description: 'Who did it; null for the system (seeds)' })
  actor(@Root() event: ClaimEvent, @Ctx() ctx: Context) {
    return event.actorId === null ? null : ctx.loaders.reviewer.get(event.actorId);
  }
}
