import type { PreparedArticle, PreparedClaim } from '../domain/article-rules';

/** Extracts claims from an article that came without curated ones. */
export function extractClaimsFor(article: PreparedArticle): PreparedClaim[] {
  void article;
  return [];
}
