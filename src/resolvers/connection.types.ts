import { EXACT_COUNT_UP_TO } from '../domain/limits';
import { ClassType, Field, Int, ObjectType } from 'type-graphql';

/** Relay PageInfo. */
@ObjectType()
export class PageInfo {
  @Field()
  hasNextPage!: boolean;

  @Field()
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true })
  startCursor!: string | null;

  @Field(() => String, { nullable: true })
  endCursor!: string | null;
}

/** A Relay connection type (`XConnection` with `XEdge`) for one node type. */
export function ConnectionType<T extends object>(node: ClassType<T>, name: string) {
  @ObjectType(`${name}Edge`)
  class EdgeType {
    @Field()
    cursor!: string;

    @Field(() => node)
    node!: T;
  }

  @ObjectType(`${name}Connection`)
  class ConnectionClass {
    @Field(() => [EdgeType])
    edges!: EdgeType[];

    @Field(() => PageInfo)
    pageInfo!: PageInfo;

    @Field(() => Int, { description: `All items that match, across every page; past ${EXACT_COUNT_UP_TO} matches without a maintained tally (a source's claims, a text search) counting stops there` })
    totalCount!: number;

    @Field({ description: 'False when totalCount stopped at its cap and more items match' })
    totalCountIsExact!: boolean;
  }
  return ConnectionClass;
}
