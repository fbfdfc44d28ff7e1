import { Field, InputType } from 'type-graphql';
import { ClaimSeedInput } from './claim-seed.inputs';

/** An article to store; its claims are extracted automatically unless given. */
@InputType()
export class IngestArticleInput {
  @Field()
  title!: string;

  @Field({ description: 'The full text; every claim quote must occur in it' })
  body!: string;

  @Field(() => String, { nullable: true, description: 'Derived from the title when absent' })
  slug?: string | null;

  @Field(() => String, { nullable: true, description: 'An http(s) URL' })
  url?: string | null;

  @Field(() => String, { nullable: true, description: 'Source of the statements the article makes without attribution' })
  publisher?: string | null;

  @Field(() => Date, { nullable: true })
  publishedAt?: Date | null;

  @Field(() => String, { nullable: true, description: 'BCP 47 language tag, default "en"' })
  language?: string | null;

  @Field(() => [ClaimSeedInput], { nullable: true, description: 'Curated claims; when absent they are extracted from the body' })
  claims?: ClaimSeedInput[] | null;
}
