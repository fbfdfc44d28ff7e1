import { Field, Float, InputType, Int } from 'type-graphql';
import { SourceKind, Stance } from '../entities';

/** Where a claim stands in its article's body: the exact text, with context or a position to pick one occurrence. */
@InputType({ description: 'A W3C TextQuoteSelector: the exact text, with prefix, suffix or start when it occurs more than once' })
export class QuoteInput {
  @Field({ description: 'The exact text as it stands in Article.body' })
  exact!: string;

  @Field(() => String, { nullable: true, description: 'Text just before the quote' })
  prefix?: string | null;

  @Field(() => String, { nullable: true, description: 'Text just after the quote' })
  suffix?: string | null;

  @Field(() => Int, { nullable: true, description: 'Preferred UTF-16 start offset; the nearest occurrence wins' })
  start?: number | null;
}

/** Who makes a statement; matched against stored sources by normalised name. */
@InputType()
export class SourceInput {
  @Field()
  name!: string;

  @Field(() => SourceKind, { nullable: true, description: 'UNKNOWN when absent' })
  kind?: SourceKind | null;

  @Field(() => String, { nullable: true })
  affiliation?: string | null;
}

/** One curated claim of an article: the statement on its own, where it stands, who makes it and how. */
@InputType()
export class ClaimSeedInput {
  @Field({ description: 'The statement on its own' })
  text!: string;

  @Field(() => QuoteInput)
  quote!: QuoteInput;

  @Field(() => SourceInput)
  source!: SourceInput;

  @Field(() => Stance)
  stance!: Stance;

  @Field(() => Float, { nullable: true, description: 'How worth checking the statement is, 0..1' })
  checkworthiness?: number | null;
}
