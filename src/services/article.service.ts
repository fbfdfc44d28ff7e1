import { FieldNode, getArgumentValues, getNamedType, GraphQLObjectType, GraphQLResolveInfo, Kind } from 'graphql';
import { DataSource, EntityManager } from 'typeorm';
import { ArticleDraft, PreparedArticle, PreparedClaim, prepareArticle } from '../domain/article-rules';
import { toGlobalId } from '../domain/global-id';
import { contentHash } from '../domain/text';
import { Article, ArticleRevision } from '../entities';
import { BadUserInputError, ConflictError, NotFoundError } from '../errors';
import { isUniqueViolation } from '../db/errors';
import { documentSelects } from '../graphql/lookahead';
import { ArticleClaimsRequest, ArticleRows } from '../loaders/article-rows';
import { insertRows } from '../db/insert-rows';
import { SqlBuilder } from '../db/sql';
import type { ReadContext, RequestContext } from '../request-context';
import { ClaimLedger } from './claim-ledger';
import { newClaimRow } from './curation.service';
import { rowId } from './ids';
import { checkClaimFilter, ClaimFilter } from './claim-filter';
import { PageArgs, pageWindow, paginate, PageWindow, toConnection } from './pagination';
import { SourceService } from './source.service';

/** What loading one article did. */
export interface IngestResult {
  article: Article;
  /** False when the same article (same title and body) was already stored; nothing was written. */
  created: boolean;
  claimsAdded: number;
}

/** An article validated and with its claims, ready for `ArticleService.store`; or the one already stored. */
export type PreparedIngest = { stored: IngestResult } | { article: PreparedArticle; hash: string; claims: PreparedClaim[] };

/** Turns an article without curated claims into claims; the extractor plugs in here (a worker pool in the app). */
export type ClaimExtractor = (article: PreparedArticle) => Promise<PreparedClaim[]>;

/** Articles: listing, lookup, and ingestion (the one write path for an article and its claims). */
export class ArticleService {
  private readonly rows = new WeakMap<DataSource, ArticleRows>();

  constructor(
    private readonly ledger: ClaimLedger,
    private readonly sources: SourceService,
    private readonly extract: ClaimExtractor,
  ) {}

  async list(ctx: ReadContext, args: PageArgs) {
    return paginate('Article', ctx.db.reader.getRepository(Article).createQueryBuilder('article'), args);
  }

  /**
   * One article by id or slug. Given the resolve info, the article and the page of claims the operation
   * selects under it are read in one statement (its body only if the operation asks for one), and the
   * request's loaders are primed so `Article.claims` finds its page loaded.
   */
  async get(ctx: ReadContext, where: { id?: string | null; slug?: string | null }, info?: GraphQLResolveInfo): Promise<Article> {
    if ((where.id == null) === (where.slug == null)) {
      throw new BadUserInputError('Give exactly one of id and slug', [{ field: 'id', message: 'give id or slug' }]);
    }
    const id = where.id != null ? rowId('Article', where.id) : null;
    const page = info ? claimsSelected(info) : null;
    const withBody = info ? documentSelects(info, 'body') : true;
    const read = await this.articleRows(ctx).one(id !== null ? { id } : { slug: where.slug!.trim() }, withBody, page?.request ?? null);
    if (!read) throw new NotFoundError('Article', id !== null ? toGlobalId('Article', id) : `slug "${where.slug}"`);
    const { article } = read;
    ctx.loaders.article.prime(article.id, article);
    if (page && read.claims) {
      for (const claim of read.claims) ctx.loaders.claim.prime(claim.id, claim);
      const { window } = page.request;
      const count = read.total ?? 0;
      ctx.loaders.claimPages.prime({ column: 'articleId', parentId: article.id, filter: page.filter, window }, toConnection('Claim', window, read.claims, () => ({ count, exact: true })));
    }
    return article;
  }

  private articleRows(ctx: ReadContext) {
    let rows = this.rows.get(ctx.db.reader);
    if (!rows) {
      rows = new ArticleRows(ctx.db.reader, ctx.db.kind);
      this.rows.set(ctx.db.reader, rows);
    }
    return rows;
  }

  /**
   * Stores an article with its claims (curated, or extracted when none are given) in one transaction.
   * The same title and body again writes nothing; another text under a stored slug is a CONFLICT.
   */
  async ingest(ctx: RequestContext, draft: ArticleDraft): Promise<IngestResult> {
    return this.store(ctx, await this.prepare(ctx, draft));
  }

  /**
   * The part of `ingest` before its transaction: validates the draft and extracts its claims (in the
   * worker pool) unless it is stored already. Several articles can be prepared while another is stored.
   */
  async prepare(ctx: RequestContext, draft: ArticleDraft): Promise<PreparedIngest> {
    const prepared = prepareArticle(draft, { maxBodyBytes: ctx.config.maxArticleBytes });
    if (!prepared.ok) throw BadUserInputError.fromProblems(prepared.problems);
    const article = prepared.article;
    const hash = contentHash(article.title, article.body);
    // Reloading a stored article is common (seed scripts run again): skip extraction for it.
    // A plain statement: on a bulk load nearly every article is new, and building the query cost more than running it.
    const sql = new SqlBuilder(ctx.db.kind);
    const [known] = await ctx.db.reader.query(`SELECT id FROM article WHERE content_hash = ${sql.bind(hash)} LIMIT 1`, sql.params) as { id: number }[];
    if (known) return { stored: { article: await ctx.db.reader.getRepository(Article).findOneByOrFail({ id: Number(known.id) }), created: false, claimsAdded: 0 } };
    return { article, hash, claims: article.claims ?? (await this.extract(article)) };
  }

  /** The transaction of `ingest`: the article, its first revision, its sources and claims, or nothing. */
  async store(ctx: RequestContext, prepared: PreparedIngest): Promise<IngestResult> {
    if ('stored' in prepared) return prepared.stored;
    const { article, hash, claims } = prepared;
    const actorId = ctx.actor?.id ?? null;
    const store = () => ctx.db.write(async (manager) => {
      const repo = manager.getRepository(Article);
      const sql = new SqlBuilder(ctx.db.kind);
      const stored = await manager.query(
        `SELECT id, content_hash FROM article WHERE content_hash = ${sql.bind(hash)} OR slug = ${sql.bind(article.slug)}`,
        sql.params,
      ) as { id: number; content_hash: string }[];
      const same = stored.find((row) => row.content_hash === hash);
      if (same) return { article: await repo.findOneByOrFail({ id: Number(same.id) }), created: false, claimsAdded: 0 };
      if (stored.length > 0) {
        throw new ConflictError(
          `An article with slug "${article.slug}" is already stored with a different title or body; give it another slug`,
        );
      }
      const row = {
        slug: article.slug, title: article.title, url: article.url, publisher: article.publisher, publishedAt: article.publishedAt,
        language: article.language, body: article.body, contentHash: hash, revision: 1, createdAt: new Date(),
      };
      const [id] = await insertRows(manager, Article, [row]);
      await insertRows(manager, ArticleRevision, [{
        articleId: id, revision: 1, title: row.title, body: row.body, note: null, actorId, createdAt: row.createdAt,
      }]);
      // The row as written: nothing of it is computed by the database, so it is not read back.
      const created = repo.create({ ...row, id });
      const claimsAdded = await this.insertClaims(manager, created, claims, actorId);
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

  /** Inserts claims through the ledger: each at version 1 with its CREATED event; returns how many. */
  private async insertClaims(manager: EntityManager, article: Article, claims: PreparedClaim[], actorId: number | null): Promise<number> {
    if (claims.length === 0) return 0;
    const sources = await this.sources.resolve(manager, claims.map((claim) => claim.source));
    const rows = claims.map((claim) => newClaimRow(article, claim, sources.get(claim.normalizedSource)!.id));
    return (await this.ledger.create(manager, rows, actorId, undefined, claims.map((claim) => claim.terms))).length;
  }
}

/**
 * The page of claims the operation selects directly under the article (`claims(first:, after:, filter:)`),
 * or null when it selects none, several, or through fragments, or with arguments `Article.claims` refuses:
 * then that field reads its page itself, and reports the problem where it is.
 */
function claimsSelected(info: GraphQLResolveInfo): { request: ArticleClaimsRequest; filter: ClaimFilter | null } | null {
  const selections = info.fieldNodes.flatMap((node) => node.selectionSet?.selections ?? []);
  if (selections.some((selection) => selection.kind !== Kind.FIELD)) return null;
  const fields = (selections as FieldNode[]).filter((selection) => selection.name.value === 'claims');
  if (fields.length !== 1) return null;
  const type = getNamedType(info.returnType);
  const definition = type instanceof GraphQLObjectType ? type.getFields().claims : undefined;
  if (!definition) return null;
  try {
    const args = getArgumentValues(definition, fields[0], info.variableValues) as { first?: number | null; after?: string | null; filter?: ClaimFilter | null };
    const window: PageWindow = pageWindow('Claim', args);
    const filter = args.filter ?? null;
    return { request: { filter: checkClaimFilter(filter), window }, filter };
  } catch {
    return null;
  }
}
