import { quoteAt } from '../domain/anchoring';
import type { PreparedArticle, PreparedClaim } from '../domain/article-rules';
import { extractClaims } from '../domain/extraction';
import { indexTerms, MAX_TERM_LENGTH } from '../domain/similarity';
import { normalizeSourceName } from '../domain/sources';

/**
 * Extracts claims from an article that came without curated ones, anchored like curated ones. What an
 * extraction worker runs: it imports only the domain, so a worker starts without the server's modules.
 */
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
