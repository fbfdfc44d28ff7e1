import { Arg, Ctx, Field, ID, ObjectType, Resolver, Root, Subscription } from 'type-graphql';
import type { SubscribeResolverData } from 'type-graphql';
import type { Context } from '../context';
import { Article, Claim, ClaimEvent } from '../entities';
import { ArticleChange, ClaimEventChange, loadArticle, loadClaimChange, SubscriptionContext } from '../subscriptions';

/** One ClaimEvent, and the claim as it is after it. */
@ObjectType({ description: 'One ClaimEvent, and the claim as it is after it (or after a change that followed quickly)' })
export class ClaimChange {
  @Field(() => Claim)
  claim!: Claim;

  @Field(() => ClaimEvent)
  event!: ClaimEvent;
}

interface ClaimChangedArgs {
  articleId?: string | null;
  claimId?: string | null;
}

@Resolver()
export class SubscriptionResolver {
  @Subscription(() => ClaimChange, {
    description: 'One message per ClaimEvent, written by any process; optionally only one article\'s or one claim\'s',
    subscribe: ({ args, context }: SubscribeResolverData<unknown, ClaimChangedArgs, SubscriptionContext>) =>
      context.live.claimChanges(context, args),
  })
  claimChanged(
    @Root() change: ClaimEventChange,
    @Arg('articleId', () => ID, { nullable: true }) _articleId: string | null,
    @Arg('claimId', () => ID, { nullable: true }) _claimId: string | null,
    @Ctx() ctx: Context,
  ) {
    return loadClaimChange(ctx, change);
  }

  @Subscription(() => Article, {
    description: 'Every article stored from now on: ingested, or loaded by npm run seed in any process',
    subscribe: ({ context }: SubscribeResolverData<unknown, object, SubscriptionContext>) => context.live.articleAdditions(),
  })
  articleAdded(@Root() change: ArticleChange, @Ctx() ctx: Context) {
    return loadArticle(ctx, change);
  }
}
