import { InitialSchema1764288000000 } from './1764288000000-initial-schema';
import { RateLimitBudgets1765065600000 } from './1765065600000-rate-limit-budgets';
import { ChangeNotifications1796601600000 } from './1796601600000-change-notifications';
import { ReadPath1796688000000 } from './1796688000000-read-path';

/** Every migration, oldest first; the DataSource runs the pending ones at startup. */
export const MIGRATIONS = [InitialSchema1764288000000, RateLimitBudgets1765065600000, ChangeNotifications1796601600000, ReadPath1796688000000];
