import { InitialSchema1764288000000 } from './1764288000000-initial-schema';
import { RateLimitBudgets1765065600000 } from './1765065600000-rate-limit-budgets';
import { ChangeNotifications1796601600000 } from './1796601600000-change-notifications';
import { ArticleRevisions1796688000000 } from './1796688000000-article-revisions';
import { ClaimEventSnapshots1796774400000 } from './1796774400000-claim-event-snapshots';
import { ClaimTerms1796860800000 } from './1796860800000-claim-terms';
import { ReadPath1796947200000 } from './1796947200000-read-path';
import { ClaimSearch1797040800000 } from './1797040800000-claim-search';

/** Every migration, oldest first; the DataSource runs the pending ones at startup. */
export const MIGRATIONS = [InitialSchema1764288000000, RateLimitBudgets1765065600000, ChangeNotifications1796601600000,
  ArticleRevisions1796688000000, ClaimEventSnapshots1796774400000, ClaimTerms1796860800000, ReadPath1796947200000,
  ClaimSearch1797040800000];
