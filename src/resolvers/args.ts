import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { Stance, VerificationState } from '../entities';
import { SEARCH } from '../domain/limits';

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

  @Field(() => String, { nullable: true, description: `Case-insensitive text in the claim or its quote. A search of fewer than ${SEARCH.indexedFrom} characters scans at most ${SEARCH.shortScanRows} claims per page, so its page may hold fewer claims than asked (even none) with hasNextPage and an endCursor that resume the scan, and its totalCount counts only the claims scanned` })
  search?: string | null;
}
