import { Field, ID, ObjectType } from 'type-graphql';
import { TEXT } from '../domain/limits';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { toGlobalId } from '../domain/global-id';
import { SourceKind } from './enums';
import { CreatedAtColumn } from './columns';
import { Node } from './node';

/** Who makes a statement; deduplicated by normalised name. */
@ObjectType({ implements: Node })
@Entity('source')
export class Source {
  @PrimaryGeneratedColumn()
  id!: number;

  @Field(() => ID, { name: 'id' })
  get globalId(): string {
    return toGlobalId('Source', this.id);
  }

  @Field()
  @Column({ type: 'varchar', length: TEXT.sourceName })
  name!: string;

  @Index('uq_source_normalized_name', { unique: true })
  @Column({ name: 'normalized_name', type: 'varchar', length: TEXT.sourceName })
  normalizedName!: string;

  @Field(() => SourceKind)
  @Column({ type: 'varchar', length: 20 })
  kind!: SourceKind;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: TEXT.sourceAffiliation, nullable: true })
  affiliation!: string | null;

  @CreatedAtColumn()
  createdAt!: Date;
}
