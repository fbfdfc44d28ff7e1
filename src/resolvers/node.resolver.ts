import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import type { Context } from '../context';
import { Node, Reviewer } from '../entities';

@Resolver()
export class NodeResolver {
  @Query(() => Node, { nullable: true, description: 'Any object by its global id' })
  node(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return ctx.services.nodes.get(ctx, id);
  }

  @Query(() => Reviewer, { nullable: true, description: 'The caller, when a valid token is sent' })
  me(@Ctx() ctx: Context) {
    return ctx.actor;
  }
}
