import { Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';
import { TEXT } from '../domain/limits';
import { Claim } from './claim.entity';
import { Reviewer } from './reviewer.entity';
import { CreatedAtColumn } from './columns';

/** A reviewer's idempotency key and what its first use produced, so a retry replays instead of writing. */
@Entity('idempotency_key')
@Index('uq_idempotency_reviewer_key', ['reviewerId', 'key'], { unique: true })
export class IdempotencyKey {
  @PrimaryGeneratedColumn()
  id!: number;

  @ForeignKey(() => Reviewer, { name: 'fk_idempotency_reviewer', onDelete: 'CASCADE' })
  @Column({ name: 'reviewer_id', type: 'integer' })
  reviewerId!: number;

  @Column({ type: 'varchar', length: TEXT.idempotencyKey })
  key!: string;

  /** sha256 of the request's input, to tell a replay from a different request with the same key. */
  @Column({ name: 'request_hash', type: 'varchar', length: 64 })
  requestHash!: string;

  @ForeignKey(() => Claim, { name: 'fk_idempotency_claim', onDelete: 'CASCADE' })
  @Column({ name: 'claim_id', type: 'integer' })
  claimId!: number;

  /** The claim's version right after the first request with this key. */
  @Column({ name: 'result_version', type: 'integer' })
  resultVersion!: number;

  @CreatedAtColumn()
  createdAt!: Date;
}
