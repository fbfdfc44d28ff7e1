import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { Stance, VerificationState } from '../entities';

/** Forward pagination: `first` items (1..100, default 20) after the `after` cursor. */
@ArgsType()
export class PageArgsType {
  @Field(() => Int, { nullable: true, description: 'Page size, 1..100 (default 20)' })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'endCursor of the previous page' })
  after?: string | null;
}

/** Narrows a list of claims; every condition given must hold. */
@InputType()
export class ClaimFilter {
  @Field(() => ID, { nullable: true })
  articleId?: string | null;

  @Field(() => [VerificationState], { nullable: true })
  states?: VerificationState[] | null;

  @Field(() => [Stance], { nullable: true })
  stances?: Stance[] | null;

  @Field(() => ID, { nullable: true })
  sourceId?: string | null;

  @Field(() => String, { nullable: true, description: 'Case-insensitive text in the claim or its quote' })
  search?: string | null;
}
