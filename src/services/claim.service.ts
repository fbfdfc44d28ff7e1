import type { Context } from '../context';
import { Claim } from '../entities';
import { ClaimFilter, applyClaimFilter } from './claim-filter';
import { rowId } from './ids';
import { PageArgs, paginate, pageWindow } from './pagination';

export type { ClaimFilter } from './claim-filter';

/** Reading claims: filtered pages across articles, pages within one article or source, single claims. */
export class ClaimService {
  async list(ctx: Context, filter: ClaimFilter | null | undefined, args: PageArgs) {
    const query = applyClaimFilter(ctx.db.reader.getRepository(Claim).createQueryBuilder('claim'), filter);
    return paginate('Claim', query, args);
  }

  /** An article's claims; batched across every article of the request (no query per article). */
  async listForArticle(ctx: Context, articleId: number, filter: ClaimFilter | null | undefined, args: PageArgs) {
    return ctx.loaders.claimPages.load({ column: 'articleId', parentId: articleId, filter: filter ?? null, window: pageWindow('Claim', args) });
  }

  /** A source's claims; batched like an article's. */
  async listForSource(ctx: Context, sourceId: number, args: PageArgs) {
    return ctx.loaders.claimPages.load({ column: 'sourceId', parentId: sourceId, filter: null, window: pageWindow('Claim', args) });
  }

  async get(ctx: Context, globalId: string): Promise<Claim> {
    return ctx.loaders.claim.load(rowId('Claim', globalId));
  }
}
