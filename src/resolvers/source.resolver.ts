import { Arg, Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../context';
import { Source } from '../entities';
import { PageArgsType } from './args';
import { ClaimConnection } from './claim.resolver';
import { ConnectionType } from './connection.types';

export const SourceConnection = ConnectionType(Source, 'Source');

@Resolver(() => Source)
export class SourceResolver {
  @Query(() => SourceConnection, { description: 'Sources, oldest first; search matches name or affiliation' })
  sources(
    @Args() page: PageArgsType,
    @Arg('search', () => String, { nullable: true }) search: string | null,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.sources.list(ctx, { ...page, search });
  }

  @FieldResolver(() => ClaimConnection)
  claims(@Root() source: Source, @Args() page: PageArgsType, @Ctx() ctx: Context) {
    return ctx.services.claims.listForSource(ctx, source.id, page);
  }
}
