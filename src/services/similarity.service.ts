import DataLoader from 'dataloader';
import { LISTS } from '../domain/limits';
import { verdictState } from '../domain/consensus';
import { claimSimilarity, claimTerms, SIMILARITY_THRESHOLD } from '../domain/similarity';
import { Verdict, VerificationState } from '../domain/types';
import { isFinal } from '../domain/workflow';
import { Claim } from '../entities';
import type { Loaders } from '../loaders';
import type { ReadContext } from '../request-context';
import { toCursor } from '../domain/global-id';
import { Connection, PageArgs, pageWindow } from './pagination';

/** A claim in another article that states the same fact, with how nearly (0..1). */
export interface SimilarClaim {
  score: number;
  claim: Claim;
}

/** The final verdict of the closest match that has one: offered to the reviewer, never applied. */
export interface SuggestedVerdict {
  verdict: Verdict;
  state: VerificationState;
  score: number;
  claim: Claim;
}

const SIMILAR = new WeakMap<Loaders, DataLoader<number, SimilarClaim[]>>();

const VERDICT_OF_STATE = new Map<VerificationState, Verdict>(
  (Object.entries(verdictState) as [Verdict, VerificationState][]).map(([verdict, state]) => [state, verdict]),
);

/**
 * Recurring claims: candidates are the claims of other articles sharing the most index terms with the claim
 * (one query for every claim of a request), re-ranked by the pure similarity score; those at or above the
 * threshold are the claim's similar claims.
 */
export class SimilarityService {
  /** A page of the similar claims, most similar first (ties by id). */
  async similar(ctx: ReadContext, claim: Claim, page: PageArgs): Promise<Connection<SimilarClaim & { id: number }>> {
    const window = pageWindow('SimilarClaim', page);
    const all = await this.loader(ctx).load(claim.id);
    const start = window.afterId ?? 0;
    const rows = all.slice(start, start + window.first + 1);
    const slice = rows.slice(0, window.first).map((item, i) => ({ ...item, id: start + i + 1 }));
    return new Connection(slice.map((item) => ({ cursor: toPosition(item.id), node: item })), {
      hasNextPage: rows.length > window.first,
      hasPreviousPage: start > 0,
      startCursor: slice.length > 0 ? toPosition(slice[0].id) : null,
      endCursor: slice.length > 0 ? toPosition(slice[slice.length - 1].id) : null,
    }, () => ({ count: all.length, exact: true }));
  }

  /** The final verdict of the most similar claim that has one, or null. */
  async suggestedVerdict(ctx: ReadContext, claim: Claim): Promise<SuggestedVerdict | null> {
    const closest = (await this.loader(ctx).load(claim.id)).find((item) => isFinal(item.claim.state));
    if (!closest) return null;
    return { verdict: VERDICT_OF_STATE.get(closest.claim.state)!, state: closest.claim.state, score: closest.score, claim: closest.claim };
  }

  private loader(ctx: ReadContext): DataLoader<number, SimilarClaim[]> {
    let loader = SIMILAR.get(ctx.loaders);
    if (!loader) {
      loader = new DataLoader<number, SimilarClaim[]>((ids) => this.find(ctx, ids));
      SIMILAR.set(ctx.loaders, loader);
    }
    return loader;
  }

  private async find(ctx: ReadContext, ids: readonly number[]): Promise<SimilarClaim[][]> {
    const placeholders = ids.map((_, i) => (ctx.db.kind === 'postgres' ? `$${i + 1}` : '?')).join(', ');
    const ranked = await ctx.db.reader.query(
      `SELECT ranked.source, ranked.candidate FROM (
         SELECT t.claim_id AS source, o.claim_id AS candidate,
           ROW_NUMBER() OVER (PARTITION BY t.claim_id ORDER BY COUNT(*) DESC, o.claim_id) AS rn
         FROM claim_term t
         JOIN claim_term o ON o.term = t.term AND o.claim_id <> t.claim_id
         JOIN claim s ON s.id = t.claim_id
         JOIN claim c ON c.id = o.claim_id AND c.article_id <> s.article_id
         WHERE t.claim_id IN (${placeholders})
         GROUP BY t.claim_id, o.claim_id) ranked
       WHERE ranked.rn <= ${LISTS.similarCandidates}`,
      [...ids],
    ) as { source: number; candidate: number }[];
    const wanted = [...new Set([...ids, ...ranked.map((r) => Number(r.candidate))])];
    const claims = (await ctx.loaders.claim.loadMany(wanted)).filter((c): c is Claim => c instanceof Claim);
    const byId = new Map(claims.map((c) => [c.id, c]));
    const terms = new Map(claims.map((c) => [c.id, claimTerms(c.text)]));
    return ids.map((id) => {
      const own = terms.get(id);
      if (!own) return [];
      return ranked.filter((r) => Number(r.source) === id)
        .map((r) => byId.get(Number(r.candidate)))
        .filter((c): c is Claim => c !== undefined)
        .map((claim) => ({ claim, score: claimSimilarity(own, terms.get(claim.id)!) }))
        .filter((item) => item.score >= SIMILARITY_THRESHOLD)
        .sort((a, b) => b.score - a.score || a.claim.id - b.claim.id);
    });
  }
}

/** A cursor into the ranked list: the position of the item (1 for the most similar). */
function toPosition(position: number): string {
  return toCursor('SimilarClaim', position);
}
