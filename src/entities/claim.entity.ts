import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';
import { Article } from './article.entity';
import { Reviewer } from './reviewer.entity';
import { Source } from './source.entity';
import { toGlobalId } from '../domain/global-id';
import { isFinal } from '../domain/workflow';
import { AnchorStatus, Stance, VerificationState } from './enums';
import { CreatedAtColumn, UpdatedAtColumn } from './columns';
import { Node } from './node';

/** Where a claim stands in its article's body: a W3C TextQuoteSelector with its position. */
@ObjectType()
export class TextQuote {
  @Field()
  exact!: string;

  @Field()
  prefix!: string;

  @Field()
  suffix!: string;

  @Field(() => Int, { description: 'UTF-16 offset of the first character in Article.body' })
  start!: number;

  @Field(() => Int, { description: 'UTF-16 offset just past the last character' })
  end!: number;
}

/** One checkable statement in an article, and where its verification stands. */
@ObjectType({ implements: Node })
@Entity('claim')
@Index('ix_claim_article', ['articleId', 'id'])
@Index('ix_claim_source', ['sourceId', 'id'])
@Index('ix_claim_state', ['state', 'id'])
// Text search indexes the migrations build by hand: trigram GIN on PostgreSQL, the FTS5 trigram table
// `claim_search` (kept by triggers) on SQLite.
@Index('ix_claim_text_trgm', { synchronize: false })
@Index('ix_claim_quote_trgm', { synchronize: false })
export class Claim {
  @PrimaryGeneratedColumn()
  id!: number;

  /** Set when this object shows the claim as it stood at that instant (`asOf`); its lists then stop there too. */
  asOf?: Date;

  @Field(() => ID, { name: 'id' })
  get globalId(): string {
    return toGlobalId('Claim', this.id);
  }

  @ForeignKey(() => Article, { name: 'fk_claim_article', onDelete: 'CASCADE' })
  @Column({ name: 'article_id', type: 'integer' })
  articleId!: number;

  @ForeignKey(() => Source, { name: 'fk_claim_source', onDelete: 'RESTRICT' })
  @Column({ name: 'source_id', type: 'integer' })
  sourceId!: number;

  @ForeignKey(() => Reviewer, { name: 'fk_claim_assignee', onDelete: 'SET NULL' })
  @Column({ name: 'assignee_id', type: 'integer', nullable: true })
  assigneeId!: number | null;

  @Field()
  @Column({ type: 'text' })
  text!: string;

  @Column({ name: 'quote_exact', type: 'text' })
  quoteExact!: string;

  @Column({ name: 'quote_prefix', type: 'text' })
  quotePrefix!: string;

  @Column({ name: 'quote_suffix', type: 'text' })
  quoteSuffix!: string;

  @Column({ name: 'quote_start', type: 'integer' })
  quoteStart!: number;

  @Column({ name: 'quote_end', type: 'integer' })
  quoteEnd!: number;

  @Field(() => TextQuote)
  get quote(): TextQuote {
    return {
      exact: this.quoteExact,
      prefix: this.quotePrefix,
      suffix: this.quoteSuffix,
      start: this.quoteStart,
      end: this.quoteEnd,
    };
  }

  @Field(() => AnchorStatus, { description: "How the quote stands in the article's current revision" })
  @Column({ name: 'anchor_status', type: 'varchar', length: 20, default: AnchorStatus.ANCHORED })
  anchorStatus!: AnchorStatus;

  @Field(() => Int, { description: 'The article revision the quote points into: the current one unless ORPHANED' })
  @Column({ name: 'anchor_revision', type: 'integer', default: 1 })
  anchorRevision!: number;

  @Field({ description: 'ORPHANED in a final state: the verdict stands on text the article no longer has; an editor should confirm or reopen it' })
  get needsEditor(): boolean {
    return this.anchorStatus === AnchorStatus.ORPHANED && isFinal(this.state);
  }

  @Field(() => Stance)
  @Column({ type: 'varchar', length: 20 })
  stance!: Stance;

  @Field(() => VerificationState)
  @Column({ type: 'varchar', length: 20, default: VerificationState.UNVERIFIED })
  state!: VerificationState;

  @Field(() => Int, { description: 'Starts at 1; every change adds exactly one. Send it back as expectedVersion.' })
  @Column({ type: 'integer', default: 1 })
  version!: number;

  @Field(() => Float, { nullable: true, description: 'How worth checking the statement is, 0..1' })
  @Column({ type: 'double precision', nullable: true })
  checkworthiness!: number | null;

  @Field()
  @CreatedAtColumn()
  createdAt!: Date;

  @Field()
  @UpdatedAtColumn()
  updatedAt!: Date;
}
