import { Field, ID, ObjectType } from 'type-graphql';
import { TEXT } from '../domain/limits';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { toGlobalId } from '../domain/global-id';
import { Role } from './enums';
import { CreatedAtColumn, TimestampColumn } from './columns';
import { Node } from './node';

/** A person with an API token; only the token's sha256 is stored. */
@ObjectType({ implements: Node })
@Entity('reviewer')
export class Reviewer {
  @PrimaryGeneratedColumn()
  id!: number;

  @Field(() => ID, { name: 'id' })
  get globalId(): string {
    return toGlobalId('Reviewer', this.id);
  }

  @Field()
  @Column({ type: 'varchar', length: TEXT.reviewerName })
  name!: string;

  @Field(() => Role)
  @Column({ type: 'varchar', length: 20 })
  role!: Role;

  @Index('uq_reviewer_token_hash', { unique: true })
  @Column({ name: 'token_hash', type: 'varchar', length: 64 })
  tokenHash!: string;

  @TimestampColumn({ name: 'revoked_at', nullable: true })
  revokedAt!: Date | null;

  @CreatedAtColumn()
  createdAt!: Date;
}
