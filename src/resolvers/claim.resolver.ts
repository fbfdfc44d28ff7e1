import { GraphQLJSON } from 'graphql-scalars';
import { LISTS } from '../domain/limits';
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, ID, Info, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../context';
import { Article, Claim, ClaimEvent, Review, Source } from '../entities';
import { isFinal } from '../domain/workflow';
import { claimReviewOf } from '../exports';
import { andThen } from '../loaders';
import { ClaimFilter, PageArgsType } from './args';
import { ConnectionType } from './connection.types';

export const ClaimConnection = ConnectionType(Claim, 'Claim');

@Resolver(() => Claim)
export class ClaimResolver {
  @Query(() => ClaimConnection, { description: 'Claims across all articles, oldest first' })
  claims(
    @Args() page: PageArgsType,
    @Arg('filter', () => ClaimFilter, { nullable: true }) filter: ClaimFilter | null,
    @Arg('asOf', () => Date, { nullable: true, description: 'As they stood at this instant: the claims that existed then, in their state then (filter by articleId and states only)' }) asOf: Date | null,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    return asOf ? ctx.services.timeTravel.claims(ctx, filter, page, asOf) : ctx.services.claims.list(ctx, filter, page, info);
  }

  @Query(() => Claim, { nullable: true })
  claim(
    @Arg('id', () => ID) id: string,
    @Arg('asOf', () => Date, { nullable: true, description: 'As it stood at this instant (state, version, quote, reviews, history); null if it did not exist yet' }) asOf: Date | null,
    @Ctx() ctx: Context,
  ) {
    return asOf ? ctx.services.timeTravel.claim(ctx, id, asOf) : ctx.services.claims.get(ctx, id);
  }

  @FieldResolver(() => Article)
  article(@Root() claim: Claim, @Ctx() ctx: Context) {
    return ctx.loaders.article.get(claim.articleId);
  }

  @FieldResolver(() => Source)
  source(@Root() claim: Claim, @Ctx() ctx: Context) {
    return ctx.loaders.source.get(claim.sourceId);
  }

  @FieldResolver(() => [Review], { description: `The newest ${LISTS.reviewsShown} reviews, oldest first, superseded ones included` })
  reviews(@Root() claim: Claim, @Ctx() ctx: Context) {
    const reviews = claim.asOf ? ctx.services.timeTravel.reviews(ctx, { id: claim.id, asOf: claim.asOf }) : ctx.loaders.reviewsByClaim.get(claim.id);
    return andThen(reviews, (loaded) => ctx.services.reviewVisibility.filter(ctx, claim, loaded));
  }

  @FieldResolver(() => [ClaimEvent], { description: `The append-only history, oldest first: the newest ${LISTS.historyShown} events (version − 1 tells how many came after CREATED)` })
  history(@Root() claim: Claim, @Ctx() ctx: Context) {
    const events = claim.asOf ? ctx.services.timeTravel.history(ctx, { id: claim.id, asOf: claim.asOf }) : ctx.loaders.eventsByClaim.get(claim.id);
    return andThen(events, (loaded) => ctx.services.reviewVisibility.history(ctx, claim, loaded));
  }

  @FieldResolver(() => GraphQLJSON, {
    nullable: true,
    description: 'schema.org ClaimReview (JSON-LD) once the claim has a final verdict',
  })
  async claimReview(@Root() claim: Claim, @Ctx() ctx: Context) {
    if (!isFinal(claim.state)) return null;
    const [article, source, events] = await Promise.all([
      ctx.loaders.article.load(claim.articleId),
      ctx.loaders.source.load(claim.sourceId),
      ctx.loaders.eventsByClaim.load(claim.id),
    ]);
    return claimReviewOf(ctx.config, claim, article, source, events);
  }
}
