import { quoteAt } from '../domain/anchoring';
import type { PreparedArticle, PreparedClaim } from '../domain/article-rules';
import { extractClaims } from '../domain/extraction';
import { normalizeSourceName } from '../domain/sources';

/** Extracts claims from an article that came without curated ones, anchored like curated ones. */
export function extractClaimsFor(article: PreparedArticle): PreparedClaim[] {
  return extractClaims(article.body, { publisher: article.publisher }).map((claim) => {
    return {
      text: claim.text,
      // The extractor's spans come from the body itself: the span is the anchor, with no search.
      quote: quoteAt(article.body, claim.start, claim.end),
      source: claim.source,
      normalizedSource: normalizeSourceName(claim.source.name),
      stance: claim.stance,
      checkworthiness: Math.round(claim.checkworthiness * 1000) / 1000,
    };
  });
}
