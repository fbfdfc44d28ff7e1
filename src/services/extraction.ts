import { anchorQuote } from '../domain/anchoring';
import type { PreparedArticle, PreparedClaim } from '../domain/article-rules';
import { extractClaims } from '../domain/extraction';
import { normalizeSourceName } from '../domain/sources';

/** Extracts claims from an article that came without curated ones, anchored like curated ones. */
export function extractClaimsFor(article: PreparedArticle): PreparedClaim[] {
  return extractClaims(article.body, { publisher: article.publisher }).map((claim) => {
    const anchored = anchorQuote(article.body, { exact: article.body.slice(claim.start, claim.end), start: claim.start });
    // The extractor's spans come from the body itself, so anchoring cannot fail; guard anyway.
    if (!anchored.ok) throw new Error(`extracted span ${claim.start}..${claim.end} does not anchor: ${anchored.message}`);
    return {
      text: claim.text,
      quote: anchored.quote,
      source: claim.source,
      normalizedSource: normalizeSourceName(claim.source.name),
      stance: claim.stance,
      checkworthiness: Math.round(claim.checkworthiness * 1000) / 1000,
    };
  });
}
