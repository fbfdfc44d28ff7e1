import type { GraphQLResolveInfo } from 'graphql';
import type { DataSource } from 'typeorm';
import type { ReadContext } from '../request-context';
import { Claim } from '../entities';
import { documentSelects, selectedPaths } from '../graphql/lookahead';
import { ClaimPageShape, ClaimRows } from '../loaders/claim-rows';
import { ClaimFilter, checkClaimFilter } from './claim-filter';
import { rowId } from './ids';
import { Connection, PageArgs, pageWindow, toConnection } from './pagination';

export type { ClaimFilter } from './claim-filter';

/** Reading claims: filtered pages across articles, pages within one article or source, single claims. */
export class ClaimService {
  private readonly rows = new WeakMap<DataSource, ClaimRows>();

  /** A page of claims in one statement with the relations `info` selects and, if asked for, the total. */
  async list(ctx: ReadContext, filter: ClaimFilter | null | undefined, args: PageArgs, info: GraphQLResolveInfo): Promise<Connection<Claim>> {
    const window = pageWindow('Claim', args);
    const checked = checkClaimFilter(filter);
    const reader = this.claimRows(ctx);
    const paths = selectedPaths(info);
    const withTotal = paths.has('totalCount') || paths.has('totalCountIsExact');
    const { claims, scannedTo, total } = await reader.page(checked, window, pageShape(paths, info), ctx.loaders, withTotal);
    return toConnection('Claim', window, claims, () => total ?? reader.count(checked), scannedTo);
  }

  private claimRows(ctx: ReadContext): ClaimRows {
    let rows = this.rows.get(ctx.db.reader);
    if (!rows) {
      rows = new ClaimRows(ctx.db.reader, ctx.db.kind);
      this.rows.set(ctx.db.reader, rows);
    }
    return rows;
  }

  /** An article's claims; batched across every article of the request (no query per article). */
  async listForArticle(ctx: ReadContext, articleId: number, filter: ClaimFilter | null | undefined, args: PageArgs) {
    return ctx.loaders.claimPages.load({ column: 'articleId', parentId: articleId, filter: filter ?? null, window: pageWindow('Claim', args) });
  }

  /** A source's claims; batched like an article's. */
  async listForSource(ctx: ReadContext, sourceId: number, args: PageArgs) {
    return ctx.loaders.claimPages.load({ column: 'sourceId', parentId: sourceId, filter: null, window: pageWindow('Claim', args) });
  }

  async get(ctx: ReadContext, globalId: string): Promise<Claim> {
    return ctx.loaders.claim.load(rowId('Claim', globalId));
  }
}

/** The relations of the claims on a page that the operation selects. */
function pageShape(paths: Set<string>, info: GraphQLResolveInfo): ClaimPageShape {
  const on = (path: string) => paths.has(`edges.node.${path}`);
  // claimReview reads the claim's article and source through the loaders.
  const claimReview = on('claimReview');
  return {
    article: on('article') || claimReview,
    articleBody: documentSelects(info, 'body'),
    source: on('source') || claimReview,
    reviews: on('reviews'),
    reviewers: on('reviews.reviewer'),
    evidence: on('reviews.evidence'),
    history: on('history'),
    actors: on('history.actor'),
  };
}
