import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';
import { Claim } from './claim.entity';
import { Reviewer } from './reviewer.entity';
import { toGlobalId } from '../domain/global-id';
import { ClaimEventKind, VerificationState } from './enums';
import { TimestampColumn } from './columns';

/** One entry of a claim's append-only history; rows are only ever inserted. */
@ObjectType()
@Entity('claim_event')
@Index('uq_claim_event_version', ['claimId', 'version'], { unique: true })
export class ClaimEvent {
  @PrimaryGeneratedColumn()
  id!: number;

  @Field(() => ID, { name: 'id' })
  get globalId(): string {
    return toGlobalId('ClaimEvent', this.id);
  }

  @ForeignKey(() => Claim, { name: 'fk_claim_event_claim', onDelete: 'CASCADE' })
  @Column({ name: 'claim_id', type: 'integer' })
  claimId!: number;

  /** The claim's version after this event; unique per claim, so history and version cannot drift. */
  @Column({ type: 'integer' })
  version!: number;

  @Field(() => ClaimEventKind)
  @Column({ type: 'varchar', length: 20 })
  kind!: ClaimEventKind;

  @Field(() => VerificationState, { nullable: true })
  @Column({ name: 'from_state', type: 'varchar', length: 20, nullable: true })
  fromState!: VerificationState | null;

  @Field(() => VerificationState, { nullable: true })
  @Column({ name: 'to_state', type: 'varchar', length: 20, nullable: true })
  toState!: VerificationState | null;

  @ForeignKey(() => Reviewer, { name: 'fk_claim_event_actor', onDelete: 'RESTRICT' })
  @Column({ name: 'actor_id', type: 'integer', nullable: true })
  actorId!: number | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  note!: string | null;

  @Field()
  @TimestampColumn()
  at!: Date;

  /**
   * The claim's columns right after this event (JSON of ClaimSnapshot): what `asOf` rebuilds a claim from,
   * reading events of its own. The history a page of claims brings along leaves it out (undefined there).
   */
  @Column({ type: 'text', nullable: true })
  snapshot?: string | null;
}
