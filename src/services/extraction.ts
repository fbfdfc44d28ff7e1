import { quoteAt } from '../domain/anchoring';
import type { PreparedArticle, PreparedClaim } from '../domain/article-rules';
import { extractClaims } from '../domain/extraction';
import { indexTerms, MAX_TERM_LENGTH } from '../domain/similarity';
import { normalizeSourceName } from '../domain/sources';
import { BadUserInputError } from '../errors';
import type { ClaimExtractor } from './article.service';
import { type ExtractionPool, ExtractionTimeoutError } from './extraction-pool';

/** Extracts claims from an article that came without curated ones, anchored like curated ones. */
export function extractClaimsFor(article: Pick<PreparedArticle, 'body' | 'publisher'>): PreparedClaim[] {
  return extractClaims(article.body, { publisher: article.publisher }).map((claim) => {
    return {
      text: claim.text,
      // The extractor's spans come from the body itself: the span is the anchor, with no search.
      quote: quoteAt(article.body, claim.start, claim.end),
      source: claim.source,
      normalizedSource: normalizeSourceName(claim.source.name),
      stance: claim.stance,
      checkworthiness: Math.round(claim.checkworthiness * 1000) / 1000,
      // Worked out here, in the worker, so the write path only binds them.
      terms: indexTerms(claim.text, MAX_TERM_LENGTH),
    };
  });
}

/**
 * The extractor the services use: each article in the pool's worker threads, within its time budget.
 * An article over budget is the caller's problem to solve (send its claims along), not a server fault.
 */
export function pooledExtractor(pool: ExtractionPool): ClaimExtractor {
  return async (article) => {
    try {
      return await pool.extract({ body: article.body, publisher: article.publisher });
    } catch (error) {
      if (!(error instanceof ExtractionTimeoutError)) throw error;
      throw BadUserInputError.fromProblems([
        { field: 'body', message: `${error.message}; send the article with its claims (input.claims) instead` },
      ]);
    }
  };
}
