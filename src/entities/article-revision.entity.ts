import { Field, Int, ObjectType } from 'type-graphql';
import { Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';
import { Article } from './article.entity';
import { Reviewer } from './reviewer.entity';
import { TimestampColumn } from './columns';

/** One stored text of an article: revision 1 as first loaded, then one per revision; rows are only ever inserted. */
@ObjectType({ description: 'One revision of an article; its text is Article.body(revision:)' })
@Entity('article_revision')
@Index('uq_article_revision', ['articleId', 'revision'], { unique: true })
export class ArticleRevision {
  @PrimaryGeneratedColumn()
  id!: number;

  @ForeignKey(() => Article, { name: 'fk_article_revision_article', onDelete: 'CASCADE' })
  @Column({ name: 'article_id', type: 'integer' })
  articleId!: number;

  @Field(() => Int, { description: '1 for the text first loaded, then one more per revision' })
  @Column({ type: 'integer' })
  revision!: number;

  @Field()
  @Column({ type: 'text' })
  title!: string;

  /** Not selected unless asked for: a list of revisions must not carry every body. */
  @Column({ type: 'text', select: false })
  body!: string;

  @Field(() => String, { nullable: true, description: "The editor's reason; null for revision 1" })
  @Column({ type: 'text', nullable: true })
  note!: string | null;

  @ForeignKey(() => Reviewer, { name: 'fk_article_revision_actor', onDelete: 'RESTRICT' })
  @Column({ name: 'actor_id', type: 'integer', nullable: true })
  actorId!: number | null;

  @Field({ description: 'When this revision was stored' })
  @TimestampColumn({ name: 'created_at' })
  createdAt!: Date;
}
