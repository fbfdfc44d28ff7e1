import { ArticleService, ClaimExtractor } from './article.service';
import { ClaimService } from './claim.service';
import { NodeService } from './node.service';
import { ReviewerService } from './reviewer.service';
import { SourceService } from './source.service';
import { VerificationService } from './verification.service';

/** The stateless services, created once per process; each method takes the request context first. */
export function createServices(extract: ClaimExtractor) {
  const sources = new SourceService();
  return {
    articles: new ArticleService(sources, extract),
    claims: new ClaimService(),
    nodes: new NodeService(),
    reviewers: new ReviewerService(),
    sources,
    verification: new VerificationService(sources),
  };
}

export type Services = ReturnType<typeof createServices>;
