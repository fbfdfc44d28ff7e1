import { Args, Ctx, Field, FieldResolver, Float, Int, ObjectType, Resolver, Root } from 'type-graphql';
import type { Context } from '../context';
import { SIMILARITY_THRESHOLD } from '../domain/similarity';
import { Claim, Verdict, VerificationState } from '../entities';
import { PageArgsType } from './args';
import { PageInfo } from './connection.types';

@ObjectType({ description: 'A claim in another article that states the same fact' })
export class SimilarClaimEdge {
  @Field()
  cursor!: string;

  @Field(() => Float, { description: `How nearly it states the same fact, ${SIMILARITY_THRESHOLD}..1 (lexical: figures weigh most, then names)` })
  score!: number;

  @Field(() => Claim)
  node!: Claim;
}

@ObjectType()
export class SimilarClaimConnection {
  @Field(() => [SimilarClaimEdge])
  edges!: SimilarClaimEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => Int, { description: 'All similar claims found, across every page' })
  totalCount!: number;
}

@ObjectType({ description: 'The final verdict of the closest similar claim that has one: a suggestion, never applied' })
export class SuggestedVerdict {
  @Field(() => Verdict)
  verdict!: Verdict;

  @Field(() => VerificationState, { description: "The similar claim's final state" })
  state!: VerificationState;

  @Field(() => Float)
  score!: number;

  @Field(() => Claim, { description: 'The similar claim the verdict comes from' })
  claim!: Claim;
}

/** Recurring claims: the same fact stated in other articles, and the verdict already reached on it. */
@Resolver(() => Claim)
export class SimilarityResolver {
  @FieldResolver(() => SimilarClaimConnection, { description: 'Claims in other articles that state the same thing, most similar first' })
  async similarClaims(@Root() claim: Claim, @Args() page: PageArgsType, @Ctx() ctx: Context): Promise<SimilarClaimConnection> {
    const connection = await ctx.services.similarity.similar(ctx, claim, page);
    return {
      edges: connection.edges.map((edge) => ({ cursor: edge.cursor, score: edge.node.score, node: edge.node.claim })),
      pageInfo: connection.pageInfo,
      totalCount: await connection.totalCount,
    };
  }

  @FieldResolver(() => SuggestedVerdict, { nullable: true, description: 'The final verdict of the closest similar claim that has one; offered, never applied' })
  suggestedVerdict(@Root() claim: Claim, @Ctx() ctx: Context) {
    return ctx.services.similarity.suggestedVerdict(ctx, claim);
  }
}
