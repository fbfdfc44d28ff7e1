import { AgreementService } from './agreement.service';
import { ArticleService, ClaimExtractor } from './article.service';
import { ArticleRevisionService } from './article-revision.service';
import { ClaimLedger } from './claim-ledger';
import { ClaimService } from './claim.service';
import { CurationService } from './curation.service';
import { IdempotencyKeys } from './idempotency';
import { NodeService } from './node.service';
import { ReviewService } from './review.service';
import { ReviewVisibility } from './review-visibility';
import { ReviewerService } from './reviewer.service';
import { SimilarityService } from './similarity.service';
import { SourceService } from './source.service';
import { TimeTravel } from './time-travel.service';

/**
 * The stateless services, created once per process; each method takes the request context first. Every
 * claim write, whoever asks for it, goes through the one ClaimLedger.
 */
export function createServices(extract: ClaimExtractor) {
  const sources = new SourceService();
  const ledger = new ClaimLedger();
  const visibility = new ReviewVisibility();
  return {
    agreement: new AgreementService(),
    articles: new ArticleService(ledger, sources, extract),
    revisions: new ArticleRevisionService(ledger, sources, extract),
    claims: new ClaimService(),
    curation: new CurationService(ledger, sources),
    nodes: new NodeService(visibility),
    reviewers: new ReviewerService(),
    reviews: new ReviewService(ledger, new IdempotencyKeys()),
    reviewVisibility: visibility,
    similarity: new SimilarityService(),
    sources,
    timeTravel: new TimeTravel(),
  };
}

export type Services = ReturnType<typeof createServices>;
