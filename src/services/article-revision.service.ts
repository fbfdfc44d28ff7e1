import { EntityManager } from 'typeorm';
import { ArticleDraft, ClaimSeed, PreparedClaim, prepareArticle } from '../domain/article-rules';
import { overlaps, reanchorQuotes, Reanchored, textChange } from '../domain/reanchoring';
import { contentHash } from '../domain/text';
import { LISTS } from '../domain/limits';
import { AnchorStatus, ClaimEventKind } from '../domain/types';
import { validateNote } from '../domain/review-rules';
import { isFinal } from '../domain/workflow';
import { Article, ArticleRevision, Claim } from '../entities';
import { BadUserInputError, ConflictError, NotFoundError } from '../errors';
import { isUniqueViolation } from '../db/errors';
import { RequestContext } from '../request-context';
import type { ClaimExtractor } from './article.service';
import { ClaimColumns, ClaimLedger } from './claim-ledger';
import { newClaimRow } from './curation.service';
import { rowId } from './ids';
import { SourceService } from './source.service';

export interface ReviseArticleRequest {
  articleId: string;
  /** The revision the new text is based on; a stale one is a CONFLICT. */
  expectedRevision: number;
  body: string;
  /** Absent: the title stays. */
  title?: string | null;
  note: string;
  /** Curated claims for the new text (seed files); absent: new statements are extracted from the changed text. */
  claims?: ClaimSeed[] | null;
}

/** What one revision did. */
export interface RevisionResult {
  article: Article;
  /** Claims whose anchor changed, each with one ANCHOR_CHANGED event, by their new status. */
  anchorChanges: Record<AnchorStatus, number>;
  claimsAdded: number;
}

/**
 * Article revisions: stores the new text as a new revision (every earlier one is kept), re-anchors every
 * claim in it through the ledger (one ANCHOR_CHANGED event per claim whose anchor changed; reviews and
 * verdicts stay), and adds the new checkable statements of the changed text as claims.
 */
export class ArticleRevisionService {
  constructor(
    private readonly ledger: ClaimLedger,
    private readonly sources: SourceService,
    private readonly extract: ClaimExtractor,
  ) {}

  /** The text of a revision of the article; the current one when `revision` is absent. */
  async body(ctx: RequestContext, article: Article, revision: number | null | undefined): Promise<string> {
    if (revision == null || revision === article.revision) return article.body;
    if (!Number.isInteger(revision) || revision < 1 || revision > article.revision) {
      throw BadUserInputError.fromProblems([{ field: 'revision', message: `must be from 1 to ${article.revision}, the article's revisions` }]);
    }
    const row = await ctx.db.reader.getRepository(ArticleRevision).createQueryBuilder('revision').addSelect('revision.body')
      .where('revision.articleId = :articleId AND revision.revision = :revision', { articleId: article.id, revision }).getOne();
    if (!row) throw new NotFoundError('ArticleRevision', `${article.globalId}@${revision}`);
    return row.body;
  }

  /** The newest revisions of an article (at most LISTS.revisionsShown), oldest first, without their bodies. */
  async list(ctx: RequestContext, article: Article): Promise<ArticleRevision[]> {
    const rows = await ctx.db.reader.getRepository(ArticleRevision).find({
      where: { articleId: article.id }, order: { revision: 'DESC' }, take: LISTS.revisionsShown,
    });
    return rows.reverse();
  }

  async revise(ctx: RequestContext, request: ReviseArticleRequest): Promise<RevisionResult> {
    const articleId = rowId('Article', request.articleId, 'articleId');
    const problems = validateNote(request.note);
    if (!Number.isInteger(request.expectedRevision) || request.expectedRevision < 1) {
      problems.push({ field: 'expectedRevision', message: 'must be a revision the article had: 1 or more' });
    }
    const known = await ctx.db.reader.getRepository(Article).findOneBy({ id: articleId });
    if (!known) throw new NotFoundError('Article', request.articleId);
    const draft: ArticleDraft = { ...known, title: request.title ?? known.title, body: request.body, claims: request.claims ?? null };
    const prepared = prepareArticle(draft, { maxBodyBytes: ctx.config.maxArticleBytes });
    if (!prepared.ok) problems.push(...prepared.problems);
    if (problems.length > 0 || !prepared.ok) throw BadUserInputError.fromProblems(problems);
    const next = prepared.article;
    const actorId = ctx.actor?.id ?? null;
    // Extraction runs before the write transaction, so the write lane never waits on it.
    const candidates = next.claims ?? (await this.extract(next));

    try {
      return await ctx.db.write(async (manager) => {
        const query = manager.getRepository(Article).createQueryBuilder('article').where('article.id = :id', { id: articleId });
        if (ctx.db.kind === 'postgres') query.setLock('pessimistic_write');
        const article = await query.getOneOrFail();
        if (article.revision !== request.expectedRevision) {
          throw new ConflictError(
            `Article ${request.articleId} is at revision ${article.revision}, not ${request.expectedRevision}: someone revised it first. Reload it and try again.`,
          );
        }
        if (article.body === next.body && article.title === next.title) {
          throw BadUserInputError.fromProblems([{ field: 'body', message: 'changes nothing: the title and body are those of the current revision' }]);
        }
        const revision = article.revision + 1;
        const now = new Date();
        await manager.createQueryBuilder().insert().into(ArticleRevision).values({
          articleId, revision, title: next.title, body: next.body, note: request.note.trim(), actorId, createdAt: now,
        }).updateEntity(false).execute();
        await manager.createQueryBuilder().update(Article)
          .set({ title: next.title, body: next.body, contentHash: contentHash(next.title, next.body), revision })
          .where('id = :id', { id: articleId }).execute();
        const revised = await manager.getRepository(Article).findOneByOrFail({ id: articleId });
        const change = textChange(article.body, next.body);
        const anchorChanges = await this.reanchor(ctx, manager, article, revised, change);
        const claimsAdded = await this.addClaims(manager, revised, candidates, change.inserted, actorId);
        return { article: revised, anchorChanges, claimsAdded };
      });
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new ConflictError('Another article is stored with exactly this title and body; an article cannot become a copy of another');
      }
      throw error;
    }
  }

  /** Re-anchors every claim of the article in its new text; only claims whose anchor changed get an event. */
  private async reanchor(ctx: RequestContext, manager: EntityManager, before: Article, after: Article, change: ReturnType<typeof textChange>) {
    const counts = { ANCHORED: 0, MOVED: 0, FUZZY: 0, ORPHANED: 0 } as Record<AnchorStatus, number>;
    const ids = await manager.getRepository(Claim).find({ select: { id: true }, where: { articleId: after.id }, order: { id: 'ASC' } });
    if (ids.length === 0) return counts;
    // Re-anchor the locked rows: an edit committed while this revision waited for them is re-anchored too.
    const locked = await this.ledger.lockAll(ctx, manager, ids.map((c) => ({ id: c.id, globalId: c.globalId, expectedVersion: 1 })));
    const claims = ids.map((c) => locked.get(c.id)!);
    const results = reanchorQuotes(before.body, after.body, claims.map((c) => c.quote), change);
    for (const [i, result] of results.entries()) {
      const claim = claims[i];
      const columns = anchorColumns(claim, result, after.revision);
      if (!columns) continue;
      counts[result.status] += 1;
      await this.ledger.record(manager, claim, claim.version, ctx.actor?.id ?? null, {
        kind: ClaimEventKind.ANCHOR_CHANGED, toState: claim.state, note: anchorNote(claim, result, after.revision), columns,
      });
    }
    return counts;
  }

  /** New claims: curated ones, or extracted ones that stand in inserted text; none overlapping a claim still anchored. */
  private async addClaims(manager: EntityManager, article: Article, candidates: PreparedClaim[], inserted: [number, number][], actorId: number | null) {
    const anchored = (await manager.getRepository(Claim).find({ where: { articleId: article.id } }))
      .filter((c) => c.anchorStatus !== AnchorStatus.ORPHANED)
      .map((c) => [c.quoteStart, c.quoteEnd] as [number, number]);
    const fresh = candidates.filter((claim) => {
      const span: [number, number] = [claim.quote.start, claim.quote.end];
      return !anchored.some((other) => overlaps(span, other)) && inserted.some((range) => overlaps(span, range));
    });
    if (fresh.length === 0) return 0;
    const sources = await this.sources.resolve(manager, fresh.map((claim) => claim.source));
    const rows = fresh.map((claim) => newClaimRow(article, claim, sources.get(claim.normalizedSource)!.id));
    return (await this.ledger.create(manager, rows, actorId, undefined, fresh.map((claim) => claim.terms))).length;
  }
}

/** The columns a re-anchoring writes, or null when the claim's anchor is exactly as it was. */
function anchorColumns(claim: Claim, result: Reanchored, revision: number): ClaimColumns | null {
  if (result.quote === null) {
    return claim.anchorStatus === AnchorStatus.ORPHANED ? null : { anchorStatus: AnchorStatus.ORPHANED };
  }
  const q = result.quote;
  const same = claim.anchorStatus === result.status && claim.quoteExact === q.exact && claim.quotePrefix === q.prefix
    && claim.quoteSuffix === q.suffix && claim.quoteStart === q.start && claim.quoteEnd === q.end;
  if (same) return null;
  return {
    anchorStatus: result.status, anchorRevision: revision,
    quoteExact: q.exact, quotePrefix: q.prefix, quoteSuffix: q.suffix, quoteStart: q.start, quoteEnd: q.end,
  };
}

function anchorNote(claim: Claim, result: Reanchored, revision: number): string {
  const where = result.quote ? ` at ${result.quote.start}..${result.quote.end} (was ${claim.quoteStart}..${claim.quoteEnd})` : '';
  switch (result.status) {
    case AnchorStatus.ANCHORED:
      return `Revision ${revision}: the quote stands unchanged${where}`;
    case AnchorStatus.MOVED:
      return `Revision ${revision}: the same words, with new text before them or in a new place${where}`;
    case AnchorStatus.FUZZY:
      return `Revision ${revision}: the quote was reworded (${result.errors} edits); it now reads "${result.quote!.exact}"${where}`;
    case AnchorStatus.ORPHANED:
      return `Revision ${revision}: the quote is gone from the text; its last anchor (revision ${claim.anchorRevision}) is kept`
        + (isFinal(claim.state) ? `; its final verdict (${claim.state}) needs an editor` : '');
  }
}
