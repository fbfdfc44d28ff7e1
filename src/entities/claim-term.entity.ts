import { Column, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';
import { MAX_TERM_LENGTH } from '../domain/similarity';
import { Claim } from './claim.entity';

export { MAX_TERM_LENGTH };

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
