import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../context';
import { claimSeedFrom } from '../domain/article-rules';
import { Role } from '../domain/types';
import { Article } from '../entities';
import { IngestArticleInput } from './article.inputs';
import { ClaimFilter, PageArgsType } from './args';
import { ClaimConnection } from './claim.resolver';
import { ConnectionType } from './connection.types';

export const ArticleConnection = ConnectionType(Article, 'Article');

@Resolver(() => Article)
export class ArticleResolver {
  @Query(() => ArticleConnection, { description: 'Articles, oldest first' })
  articles(@Args() page: PageArgsType, @Ctx() ctx: Context) {
    return ctx.services.articles.list(ctx, page);
  }

  @Query(() => Article, { nullable: true, description: 'One article, by id or by slug' })
  article(
    @Arg('id', () => ID, { nullable: true }) id: string | null,
    @Arg('slug', () => String, { nullable: true }) slug: string | null,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.articles.get(ctx, { id, slug });
  }

  @Authorized(Role.EDITOR)
  @Mutation(() => Article, {
    description: 'EDITOR. Stores an article with its claims (extracted unless given), all or nothing; the same article again changes nothing.',
  })
  async ingestArticle(@Arg('input', () => IngestArticleInput) input: IngestArticleInput, @Ctx() ctx: Context) {
    const result = await ctx.services.articles.ingest(ctx, { ...input, claims: input.claims?.map(claimSeedFrom) ?? null });
    return result.article;
  }

  @FieldResolver(() => ClaimConnection, { description: "The article's claims in reading order" })
  claims(
    @Root() article: Article,
    @Args() page: PageArgsType,
    @Arg('filter', () => ClaimFilter, { nullable: true }) filter: ClaimFilter | null,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.claims.listForArticle(ctx, article.id, filter, page);
  }
}
