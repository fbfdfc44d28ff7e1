import './enums';
import { Article } from './article.entity';
import { Claim } from './claim.entity';
import { ClaimEvent } from './claim-event.entity';
import { ChangeCounter } from './change-counter.entity';
import { ClaimTally } from './claim-tally.entity';
import { IdempotencyKey } from './idempotency-key.entity';
import { Evidence, Review } from './review.entity';
import { RateLimitBudget } from './rate-limit-budget.entity';
import { Reviewer } from './reviewer.entity';
import { Source } from './source.entity';

export { Article, ChangeCounter, Claim, ClaimEvent, ClaimTally, Evidence, IdempotencyKey, RateLimitBudget, Review, Reviewer, Source };
export { TextQuote } from './claim.entity';
export { Node } from './node';
export * from './enums';

export const ENTITIES = [Article, Source, Reviewer, Claim, Review, Evidence, ClaimEvent, ClaimTally, ChangeCounter, IdempotencyKey, RateLimitBudget];
