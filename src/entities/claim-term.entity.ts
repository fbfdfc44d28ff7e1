import { Column, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';
import { Claim } from './claim.entity';

/** Longest term kept in the index; longer words are cut (they still compare equal to themselves). */
export const MAX_TERM_LENGTH = 100;

/** One normalised term of a claim's text (domain/similarity): the inverted index recurring claims are found by. */
@Entity('claim_term')
@Index('ix_claim_term_term', ['term', 'claimId'])
export class ClaimTerm {
  @ForeignKey(() => Claim, { name: 'fk_claim_term_claim', onDelete: 'CASCADE' })
  @PrimaryColumn({ name: 'claim_id', type: 'integer' })
  claimId!: number;

  @PrimaryColumn({ type: 'varchar', length: MAX_TERM_LENGTH })
  term!: string;
}
