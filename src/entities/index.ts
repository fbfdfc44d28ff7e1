import './enums';
import { Article } from './article.entity';
import { ArticleRevision } from './article-revision.entity';
import { Claim } from './claim.entity';
import { ClaimEvent } from './claim-event.entity';
import { ClaimTerm } from './claim-term.entity';
import { ChangeCounter } from './change-counter.entity';
import { ClaimTally } from './claim-tally.entity';
import { IdempotencyKey } from './idempotency-key.entity';
import { Evidence, Review } from './review.entity';
import { RateLimitBudget } from './rate-limit-budget.entity';
import { Reviewer } from './reviewer.entity';
import { Source } from './source.entity';

export { Article, ArticleRevision, ChangeCounter, Claim, ClaimEvent, ClaimTally, ClaimTerm, Evidence, IdempotencyKey, RateLimitBudget, Review, Reviewer, Source };
export { TextQuote } from './claim.entity';
export { Node } from './node';
export * from './enums';

export const ENTITIES = [Article, ArticleRevision, Source, Reviewer, Claim, ClaimTerm, Review, Evidence, ClaimEvent, ClaimTally, ChangeCounter, IdempotencyKey, RateLimitBudget];
