import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { Article } from '../entities';
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

/** A new text for a stored article; every claim is re-anchored in it. */
@InputType()
export class ReviseArticleInput {
  @Field(() => ID)
  articleId!: string;

  @Field(() => Int, { description: 'The revision the new text is based on (Article.revision); a stale one is a CONFLICT' })
  expectedRevision!: number;

  @Field({ description: 'The full new text' })
  body!: string;

  @Field(() => String, { nullable: true, description: 'A new title; absent, the title stays' })
  title?: string | null;

  @Field({ description: 'Why the article changed (a correction, an update); required, at most 10,000 characters' })
  note!: string;
}

/** What a revision did to the article's claims. */
@ObjectType()
export class ReviseArticlePayload {
  @Field(() => Article)
  article!: Article;

  @Field(() => Int, { description: 'Claims whose quote shifted but stands unchanged after the same text' })
  anchored!: number;

  @Field(() => Int, { description: 'Claims whose words stand unchanged, with new text before them or in a new place' })
  moved!: number;

  @Field(() => Int, { description: 'Claims whose quote was reworded (matched within the error threshold)' })
  fuzzy!: number;

  @Field(() => Int, { description: 'Claims whose quote is gone (their last anchor is kept)' })
  orphaned!: number;

  @Field(() => Int, { description: 'New claims found in the changed text' })
  claimsAdded!: number;
}
