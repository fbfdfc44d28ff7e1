import { Field, Float, ID, ObjectType } from 'type-graphql';
import { Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';
import { Claim } from './claim.entity';
import { Reviewer } from './reviewer.entity';
import { toGlobalId } from '../domain/global-id';
import { EvidenceStance, Verdict } from './enums';
import { CreatedAtColumn } from './columns';
import { Node } from './node';

/** One reviewer's verdict on a claim; a newer one from the same reviewer supersedes it. */
@ObjectType({ implements: Node })
@Entity('review')
@Index('ix_review_claim', ['claimId', 'id'])
export class Review {
  @PrimaryGeneratedColumn()
  id!: number;

  @Field(() => ID, { name: 'id' })
  get globalId(): string {
    return toGlobalId('Review', this.id);
  }

  @ForeignKey(() => Claim, { name: 'fk_review_claim', onDelete: 'CASCADE' })
  @Column({ name: 'claim_id', type: 'integer' })
  claimId!: number;

  @ForeignKey(() => Reviewer, { name: 'fk_review_reviewer', onDelete: 'RESTRICT' })
  @Column({ name: 'reviewer_id', type: 'integer' })
  reviewerId!: number;

  @Field(() => Verdict)
  @Column({ type: 'varchar', length: 20 })
  verdict!: Verdict;

  @Field(() => Float)
  @Column({ type: 'double precision' })
  confidence!: number;

  @Field()
  @Column({ type: 'text' })
  rationale!: string;

  @Field()
  @CreatedAtColumn()
  createdAt!: Date;
}

/** A link that supports, refutes or gives context to a review's verdict. */
@ObjectType()
@Entity('evidence')
@Index('ix_evidence_review', ['reviewId', 'position'])
export class Evidence {
  @PrimaryGeneratedColumn()
  id!: number;

  @ForeignKey(() => Review, { name: 'fk_evidence_review', onDelete: 'CASCADE' })
  @Column({ name: 'review_id', type: 'integer' })
  reviewId!: number;

  @Column({ type: 'integer' })
  position!: number;

  @Field()
  @Column({ type: 'text' })
  url!: string;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  title!: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  excerpt!: string | null;

  @Field(() => EvidenceStance)
  @Column({ type: 'varchar', length: 20 })
  stance!: EvidenceStance;
}
