import { GraphQLJSON } from 'graphql-scalars';
import { LISTS } from '../domain/limits';
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, ID, Info, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../context';
import { Article, Claim, ClaimEvent, Review, Source } from '../entities';
import { isFinal } from '../domain/workflow';
import { claimReviewOf } from '../exports';
import { ClaimFilter, PageArgsType } from './args';
import { ConnectionType } from './connection.types';

export const ClaimConnection = ConnectionType(Claim, 'Claim');

@Resolver(() => Claim)
export class ClaimResolver {
  @Query(() => ClaimConnection, { description: 'Claims across all articles, oldest first' })
  claims(
    @Args() page: PageArgsType,
    @Arg('filter', () => ClaimFilter, { nullable: true }) filter: ClaimFilter | null,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    return ctx.services.claims.list(ctx, filter, page, info);
  }

  @Query(() => Claim, { nullable: true })
  claim(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return ctx.services.claims.get(ctx, id);
  }

  @FieldResolver(() => Article)
  article(@Root() claim: Claim, @Ctx() ctx: Context) {
    return ctx.loaders.article.load(claim.articleId);
  }

  @FieldResolver(() => Source)
  source(@Root() claim: Claim, @Ctx() ctx: Context) {
    return ctx.loaders.source.load(claim.sourceId);
  }

  @FieldResolver(() => [Review], { description: `The newest ${LISTS.reviewsShown} reviews, oldest first, superseded ones included` })
  reviews(@Root() claim: Claim, @Ctx() ctx: Context) {
    return ctx.loaders.reviewsByClaim.load(claim.id);
  }

  @FieldResolver(() => [ClaimEvent], { description: `The append-only history, oldest first: the newest ${LISTS.historyShown} events (version − 1 tells how many came after CREATED)` })
  history(@Root() claim: Claim, @Ctx() ctx: Context) {
    return ctx.loaders.eventsByClaim.load(claim.id);
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
