import { EntityManager } from 'typeorm';
import type { Context } from '../context';
import { ArticleDraft, PreparedArticle, PreparedClaim, prepareArticle } from '../domain/article-rules';
import { contentHash } from '../domain/text';
import { ClaimEventKind, VerificationState } from '../domain/types';
import { Article, Claim, ClaimEvent } from '../entities';
import { BadUserInputError, ConflictError, NotFoundError } from '../errors';
import { isUniqueViolation } from '../db/errors';
import { rowId } from './ids';
import { PageArgs, paginate } from './pagination';
import { SourceService } from './source.service';

/** What loading one article did. */
export interface IngestResult {
  article: Article;
  /** False when the same article (same title and body) was already stored; nothing was written. */
  created: boolean;
  claimsAdded: number;
}

/** Turns an article without curated claims into claims; the extractor plugs in here (a worker pool in the app). */
export type ClaimExtractor = (article: PreparedArticle) => Promise<PreparedClaim[]>;

const ROWS_PER_INSERT = 200;

/** Articles: listing, lookup, and ingestion (the one write path for an article and its claims). */
export class ArticleService {
  constructor(
    private readonly sources: SourceService,
    private readonly extract: ClaimExtractor,
  ) {}

  async list(ctx: Context, args: PageArgs) {
    return paginate('Article', ctx.db.reader.getRepository(Article).createQueryBuilder('article'), args);
  }

  async get(ctx: Context, where: { id?: string | null; slug?: string | null }): Promise<Article> {
    if ((where.id == null) === (where.slug == null)) {
      throw new BadUserInputError('Give exactly one of id and slug', [{ field: 'id', message: 'give id or slug' }]);
    }
    if (where.id != null) {
      return ctx.loaders.article.load(rowId('Article', where.id));
    }
    const article = await ctx.db.reader.getRepository(Article).findOneBy({ slug: where.slug!.trim() });
    if (!article) throw new NotFoundError('Article', `slug "${where.slug}"`);
    ctx.loaders.article.prime(article.id, article);
    return article;
  }

  /**
   * Stores an article with its claims (curated, or extracted when none are given) in one transaction.
   * The same title and body again writes nothing; another text under a stored slug is a CONFLICT.
   */
  async ingest(ctx: Context, draft: ArticleDraft): Promise<IngestResult> {
    const prepared = prepareArticle(draft, { maxBodyBytes: ctx.config.maxArticleBytes });
    if (!prepared.ok) throw BadUserInputError.fromProblems(prepared.problems);
    const article = prepared.article;
    const hash = contentHash(article.title, article.body);
    // Reloading a stored article is common (seed scripts run again): skip extraction for it.
    const known = await ctx.db.reader.getRepository(Article).findOneBy({ contentHash: hash });
    if (known) return { article: known, created: false, claimsAdded: 0 };
    const claims = article.claims ?? (await this.extract(article));
    const actorId = ctx.reviewer?.id ?? null;
    const store = () => ctx.db.write(async (manager) => {
      const repo = manager.getRepository(Article);
      const stored = await repo.find({ where: [{ contentHash: hash }, { slug: article.slug }], select: { id: true, slug: true, contentHash: true } });
      const same = stored.find((row) => row.contentHash === hash);
      if (same) return { article: await repo.findOneByOrFail({ id: same.id }), created: false, claimsAdded: 0 };
      if (stored.length > 0) {
        throw new ConflictError(
          `An article with slug "${article.slug}" is already stored with a different title or body; give it another slug`,
        );
      }
      await manager.createQueryBuilder().insert().into(Article).values({
        slug: article.slug,
        title: article.title,
        url: article.url,
        publisher: article.publisher,
        publishedAt: article.publishedAt,
        language: article.language,
        body: article.body,
        contentHash: hash,
      }).updateEntity(false).execute();
      const created = await repo.findOneByOrFail({ contentHash: hash });
      const claimsAdded = await this.insertClaims(manager, created.id, claims, actorId);
      return { article: created, created: true, claimsAdded };
    });
    try {
      return await store();
    } catch (error) {
      // The same article loaded twice at once (PostgreSQL): the loser runs again and finds it stored.
      if (isUniqueViolation(error)) return store();
      throw error;
    }
  }

  /** Inserts claims at version 1 with their CREATED events; returns how many. */
  private async insertClaims(
    manager: EntityManager,
    articleId: number,
    claims: PreparedClaim[],
    actorId: number | null,
  ): Promise<number> {
    if (claims.length === 0) return 0;
    const sources = await this.sources.resolve(manager, claims.map((claim) => claim.source));
    const now = new Date();
    const rows = claims.map((claim) => ({
      articleId,
      sourceId: sources.get(claim.normalizedSource)!.id,
      text: claim.text,
      quoteExact: claim.quote.exact,
      quotePrefix: claim.quote.prefix,
      quoteSuffix: claim.quote.suffix,
      quoteStart: claim.quote.start,
      quoteEnd: claim.quote.end,
      stance: claim.stance,
      state: VerificationState.UNVERIFIED,
      version: 1,
      checkworthiness: claim.checkworthiness,
      createdAt: now,
      updatedAt: now,
    }));
    for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) {
      await manager.createQueryBuilder().insert().into(Claim).values(rows.slice(i, i + ROWS_PER_INSERT)).updateEntity(false).execute();
    }
    const stored = await manager.getRepository(Claim).find({ select: { id: true }, where: { articleId }, order: { id: 'ASC' } });
    const events = stored.map((claim) => ({
      claimId: claim.id,
      version: 1,
      kind: ClaimEventKind.CREATED,
      fromState: null,
      toState: VerificationState.UNVERIFIED,
      actorId,
      note: null,
      at: now,
    }));
    for (let i = 0; i < events.length; i += ROWS_PER_INSERT) {
      await manager.createQueryBuilder().insert().into(ClaimEvent).values(events.slice(i, i + ROWS_PER_INSERT)).updateEntity(false).execute();
    }
    return stored.length;
  }
}
