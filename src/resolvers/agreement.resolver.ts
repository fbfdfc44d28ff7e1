import { Arg, Authorized, Ctx, Field, FieldResolver, Float, ID, InputType, Int, ObjectType, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../context';
import { LISTS } from '../domain/limits';
import { Role } from '../domain/types';
import { Reviewer } from '../entities';

/** Which reviews agreement is measured on; every condition given must hold. */
@InputType()
export class AgreementFilter {
  @Field(() => ID, { nullable: true, description: "Only this article's claims" })
  articleId?: string | null;

  @Field(() => Date, { nullable: true, description: 'Only reviews submitted at or after this instant' })
  since?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Only reviews submitted before this instant' })
  until?: Date | null;
}

@ObjectType({ description: "Cohen's kappa between two reviewers over the claims both gave a verdict on" })
export class PairwiseAgreement {
  reviewerAId!: number;
  reviewerBId!: number;

  @Field(() => Float, { nullable: true, description: 'Null when undefined (chance agreement is certain)' })
  kappa!: number | null;

  @Field(() => Int, { description: 'Claims both reviewers gave a verdict on' })
  claims!: number;

  @Field(() => Float, { nullable: true, description: 'Share of those claims with the same verdict' })
  observedAgreement!: number | null;
}

@ObjectType({ description: "How one reviewer's verdicts compare with the final states the claims reached" })
export class ReviewerAgreement {
  reviewerId!: number;

  @Field(() => Int, { description: 'Claims the reviewer gave a verdict on (their latest counts)' })
  claims!: number;

  @Field(() => Int, { description: 'Of those, claims now in a final state' })
  finalClaims!: number;

  @Field(() => Int, { description: "Of those, claims whose final state is the one the reviewer's verdict implies" })
  matchedFinal!: number;

  @Field(() => Float, { nullable: true, description: 'matchedFinal / finalClaims; null without final claims' })
  matchRate!: number | null;
}

@ObjectType({ description: "Agreement among reviewers' latest verdicts (nominal)" })
export class Agreement {
  @Field(() => Float, { nullable: true, description: "Krippendorff's alpha over every reviewer; null when undefined" })
  krippendorffAlpha!: number | null;

  @Field(() => Int, { description: 'Claims with verdicts from at least two reviewers: the units alpha rests on' })
  claims!: number;

  @Field(() => Int, { description: 'Verdicts on those claims: the values alpha rests on' })
  reviews!: number;

  @Field(() => [PairwiseAgreement], { description: `Each pair among the ${LISTS.agreementReviewers} most active reviewers that shares a claim` })
  pairwise!: PairwiseAgreement[];

  @Field(() => [ReviewerAgreement], { description: `The ${LISTS.agreementReviewers} most active reviewers` })
  reviewers!: ReviewerAgreement[];
}

@Resolver(() => Agreement)
export class AgreementResolver {
  @Authorized(Role.EDITOR)
  @Query(() => Agreement, { description: "EDITOR. How far reviewers agree: Krippendorff's alpha, pairwise Cohen's kappa, per-reviewer match with final states" })
  async agreement(@Arg('filter', () => AgreementFilter, { nullable: true }) filter: AgreementFilter | null, @Ctx() ctx: Context): Promise<Agreement> {
    const report = await ctx.services.agreement.measure(ctx, filter);
    return {
      ...report,
      pairwise: report.pairwise.map(({ reviewerA, reviewerB, ...rest }) => ({ reviewerAId: reviewerA, reviewerBId: reviewerB, ...rest })),
    };
  }
}

@Resolver(() => PairwiseAgreement)
export class PairwiseAgreementResolver {
  @FieldResolver(() => Reviewer)
  reviewerA(@Root() pair: PairwiseAgreement, @Ctx() ctx: Context) {
    return ctx.loaders.reviewer.load(pair.reviewerAId);
  }

  @FieldResolver(() => Reviewer)
  reviewerB(@Root() pair: PairwiseAgreement, @Ctx() ctx: Context) {
    return ctx.loaders.reviewer.load(pair.reviewerBId);
  }
}

@Resolver(() => ReviewerAgreement)
export class ReviewerAgreementResolver {
  @FieldResolver(() => Reviewer)
  reviewer(@Root() entry: ReviewerAgreement, @Ctx() ctx: Context) {
    return ctx.loaders.reviewer.load(entry.reviewerId);
  }
}
