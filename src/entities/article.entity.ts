import { Field, ID, ObjectType } from 'type-graphql';
import { TEXT } from '../domain/limits';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { toGlobalId } from '../domain/global-id';
import { CreatedAtColumn, TimestampColumn } from './columns';
import { Node } from './node';

/** A news text; every claim's quote points into its body. */
@ObjectType({ implements: Node })
@Entity('article')
export class Article {
  @PrimaryGeneratedColumn()
  id!: number;

  @Field(() => ID, { name: 'id' })
  get globalId(): string {
    return toGlobalId('Article', this.id);
  }

  @Field()
  @Index('uq_article_slug', { unique: true })
  @Column({ type: 'varchar', length: TEXT.articleSlug })
  slug!: string;

  @Field()
  @Column({ type: 'text' })
  title!: string;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  url!: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: TEXT.articlePublisher, nullable: true })
  publisher!: string | null;

  @Field(() => Date, { nullable: true })
  @TimestampColumn({ name: 'published_at', nullable: true })
  publishedAt!: Date | null;

  @Field()
  @Column({ type: 'varchar', length: TEXT.articleLanguage, default: 'en' })
  language!: string;

  @Field()
  @Column({ type: 'text' })
  body!: string;

  /** sha256 of title and body: loading the same article twice is recognised by it. */
  @Index('uq_article_content_hash', { unique: true })
  @Column({ name: 'content_hash', type: 'varchar', length: 64 })
  contentHash!: string;

  @Field()
  @CreatedAtColumn()
  createdAt!: Date;
}
