import { Field, Float, ID, InputType, Int } from 'type-graphql';
import { LISTS } from '../domain/limits';
import { EvidenceStance, Stance, Verdict, VerificationState } from '../entities';
import { ClaimSeedInput, QuoteInput, SourceInput } from './claim-seed.inputs';

/** A new claim in a stored article: a claim seed plus the article; its quote must anchor in the body. */
@InputType()
export class CreateClaimInput extends ClaimSeedInput {
  @Field(() => ID)
  articleId!: string;
}

/** Changes to a claim; absent fields stay as they are. A changed quote is anchored again in the article body. */
@InputType()
export class UpdateClaimInput {
  @Field(() => ID)
  claimId!: string;

  @Field(() => Int, { description: 'The version the change is based on; a stale one is a CONFLICT' })
  expectedVersion!: number;

  @Field(() => String, { nullable: true })
  text?: string | null;

  @Field(() => QuoteInput, { nullable: true })
  quote?: QuoteInput | null;

  @Field(() => SourceInput, { nullable: true })
  source?: SourceInput | null;

  @Field(() => Stance, { nullable: true })
  stance?: Stance | null;

  @Field(() => Float, { nullable: true, description: '0..1; an explicit null clears it' })
  checkworthiness?: number | null;
}

@InputType()
export class AssignClaimInput {
  @Field(() => ID)
  claimId!: string;

  @Field(() => ID, { description: 'An active reviewer with the REVIEWER or EDITOR role' })
  reviewerId!: string;

  @Field(() => Int)
  expectedVersion!: number;
}

@InputType()
export class StartReviewInput {
  @Field(() => ID)
  claimId!: string;

  @Field(() => Int)
  expectedVersion!: number;
}

/** One evidence link of a review. */
@InputType()
export class EvidenceInput {
  @Field({ description: 'An absolute http or https URL' })
  url!: string;

  @Field(() => String, { nullable: true })
  title?: string | null;

  @Field(() => String, { nullable: true })
  excerpt?: string | null;

  @Field(() => EvidenceStance)
  stance!: EvidenceStance;
}

/** A reviewer's verdict; SUPPORTED, REFUTED and MISLEADING need a rationale and at least one evidence link. */
@InputType()
export class SubmitReviewInput {
  @Field(() => ID)
  claimId!: string;

  @Field(() => Int)
  expectedVersion!: number;

  @Field(() => Verdict)
  verdict!: Verdict;

  @Field(() => Float, { description: '0..1' })
  confidence!: number;

  @Field()
  rationale!: string;

  @Field(() => [EvidenceInput])
  evidence!: EvidenceInput[];

  @Field(() => String, {
    nullable: true,
    description: 'Retrying with the same key and input replays instead of writing; the same key with other input is refused',
  })
  idempotencyKey?: string | null;
}

/** An editor's decision: resolve a dispute, reopen a final claim, or set any other state, with a reason. */
@InputType()
export class SetClaimStateInput {
  @Field(() => ID)
  claimId!: string;

  @Field(() => Int)
  expectedVersion!: number;

  @Field(() => VerificationState)
  state!: VerificationState;

  @Field({ description: 'Why; required, at most 10,000 characters' })
  note!: string;
}

/** One claim of a bulk action, with the version the decision is based on. */
@InputType()
export class ClaimVersionInput {
  @Field(() => ID)
  claimId!: string;

  @Field(() => Int)
  expectedVersion!: number;
}

/** Assign one reviewer to many claims at once, all or nothing. */
@InputType()
export class AssignClaimsInput {
  @Field(() => ID, { description: 'An active reviewer with the REVIEWER or EDITOR role' })
  reviewerId!: string;

  @Field(() => [ClaimVersionInput], { description: `1 to ${LISTS.bulkClaims} claims, each at most once` })
  claims!: ClaimVersionInput[];
}

/** Set one state on many claims at once, with one note, all or nothing. */
@InputType()
export class SetClaimStatesInput {
  @Field(() => VerificationState)
  state!: VerificationState;

  @Field({ description: 'Why; required, at most 10,000 characters' })
  note!: string;

  @Field(() => [ClaimVersionInput], { description: `1 to ${LISTS.bulkClaims} claims, each at most once` })
  claims!: ClaimVersionInput[];
}
