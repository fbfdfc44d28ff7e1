import { InitialSchema1764288000000 } from './1764288000000-initial-schema';
import { RateLimitBudgets1765065600000 } from './1765065600000-rate-limit-budgets';
import { ArticleRevisions1765324800000 } from './1765324800000-article-revisions';
import { ClaimEventSnapshots1765411200000 } from './1765411200000-claim-event-snapshots';
import { ClaimTerms1765497600000 } from './1765497600000-claim-terms';

/** Every migration, oldest first; the DataSource runs the pending ones at startup. */
export const MIGRATIONS = [InitialSchema1764288000000, RateLimitBudgets1765065600000, ArticleRevisions1765324800000,
  ClaimEventSnapshots1765411200000, ClaimTerms1765497600000];
