import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * How many claims are in each (state, stance): kept by triggers on `claim` in the same transaction as
 * every insert, update and delete, so `totalCount` of the claims board never counts the table.
 */
@Entity('claim_tally')
export class ClaimTally {
  @PrimaryColumn({ type: 'varchar', length: 20 })
  state!: string;

  @PrimaryColumn({ type: 'varchar', length: 20 })
  stance!: string;

  @Column({ type: 'integer' })
  n!: number;
}
