import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Info, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { LISTS } from '../domain/limits';
import type { Context } from '../context';
import { claimSeedFrom } from '../domain/article-rules';
import { Role } from '../domain/types';
import { Article, ArticleRevision, Reviewer } from '../entities';
import { IngestArticleInput, ReviseArticleInput, ReviseArticlePayload } from './article.inputs';
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
  async article(
    @Arg('id', () => ID, { nullable: true }) id: string | null,
    @Arg('slug', () => String, { nullable: true }) slug: string | null,
    @Arg('asOf', () => Date, { nullable: true, description: 'As it stood at this instant: the revision current then, its claims as they stood then; null if not stored yet' }) asOf: Date | null,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    // As of an instant, the article's claims are those of then: nothing to read ahead.
    const article = await ctx.services.articles.get(ctx, { id, slug }, asOf ? undefined : info);
    return asOf ? ctx.services.timeTravel.article(ctx, article, asOf) : article;
  }

  @Authorized(Role.EDITOR)
  @Mutation(() => Article, {
    description: 'EDITOR. Stores an article with its claims (extracted unless given), all or nothing; the same article again changes nothing.',
  })
  async ingestArticle(@Arg('input', () => IngestArticleInput) input: IngestArticleInput, @Ctx() ctx: Context) {
    const result = await ctx.services.articles.ingest(ctx, { ...input, claims: input.claims?.map(claimSeedFrom) ?? null });
    return result.article;
  }

  @Authorized(Role.EDITOR)
  @Mutation(() => ReviseArticlePayload, {
    description: 'EDITOR. Stores a new revision of the article (earlier ones are kept), re-anchors every claim in it and adds the new statements as claims.',
  })
  async reviseArticle(@Arg('input', () => ReviseArticleInput) input: ReviseArticleInput, @Ctx() ctx: Context): Promise<ReviseArticlePayload> {
    const result = await ctx.services.revisions.revise(ctx, input);
    ctx.loaders.article.clear(result.article.id).prime(result.article.id, result.article);
    ctx.loaders.claimPages.clearAll();
    ctx.loaders.claim.clearAll();
    ctx.loaders.eventsByClaim.clearAll();
    const { ANCHORED: anchored, MOVED: moved, FUZZY: fuzzy, ORPHANED: orphaned } = result.anchorChanges;
    return { article: result.article, anchored, moved, fuzzy, orphaned, claimsAdded: result.claimsAdded };
  }

  @FieldResolver(() => String, { description: 'The full text: of the current revision, or of the revision given' })
  body(@Root() article: Article, @Arg('revision', () => Int, { nullable: true }) revision: number | null, @Ctx() ctx: Context) {
    return ctx.services.revisions.body(ctx, article, revision);
  }

  @FieldResolver(() => [ArticleRevision], { description: `The newest ${LISTS.revisionsShown} revisions, oldest first` })
  async revisions(@Root() article: Article, @Ctx() ctx: Context) {
    // As of an instant, the revisions after the one current then had not happened yet.
    return (await ctx.services.revisions.list(ctx, article)).filter((revision) => revision.revision <= article.revision);
  }

  @FieldResolver(() => ClaimConnection, { description: "The article's claims in reading order" })
  claims(
    @Root() article: Article,
    @Args() page: PageArgsType,
    @Arg('filter', () => ClaimFilter, { nullable: true }) filter: ClaimFilter | null,
    @Ctx() ctx: Context,
  ) {
    if (article.asOf) return ctx.services.timeTravel.claims(ctx, { ...filter, articleId: article.globalId }, page, article.asOf);
    return ctx.services.claims.listForArticle(ctx, article.id, filter, page);
  }
}

@Resolver(() => ArticleRevision)
export class ArticleRevisionResolver {
  @FieldResolver(() => Reviewer, { nullable: true, description: 'Who revised it; null for the first load and for seed scripts' })
  actor(@Root() revision: ArticleRevision, @Ctx() ctx: Context) {
    return revision.actorId === null ? null : ctx.loaders.reviewer.load(revision.actorId);
  }
}
