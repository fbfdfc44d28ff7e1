import { InitialSchema1764288000000 } from './1764288000000-initial-schema';
import { RateLimitBudgets1765065600000 } from './1765065600000-rate-limit-budgets';
import { ReadPath1765324800000 } from './1765324800000-read-path';

/** Every migration, oldest first; the DataSource runs the pending ones at startup. */
export const MIGRATIONS = [InitialSchema1764288000000, RateLimitBudgets1765065600000, ReadPath1765324800000];
