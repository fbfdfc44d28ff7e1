import { Field, ID, InterfaceType } from 'type-graphql';

/** Relay's Node: every object with a global id that `Query.node` resolves. */
@InterfaceType({
  resolveType: (value: { constructor: { name: string } }) => value.constructor.name,
})
export abstract class Node {
  @Field(() => ID)
  id!: string;
}
