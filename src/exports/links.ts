import type { Config } from '../config';

/** The public addresses of an article's exports, built on PUBLIC_BASE_URL. */
export function exportLinks(config: Config, slug: string) {
  const article = `${config.publicBaseUrl}/articles/${encodeURIComponent(slug)}`;
  return {
    /** The article's identifier here, for an article that has no URL of its own. */
    article,
    claimReviews: `${article}/claim-reviews.jsonld`,
    annotations: `${article}/annotations.jsonld`,
  };
}
