import type { Pool } from 'pg';
import { RateLimiterAbstract, RateLimiterMemory, RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import { RateLimitedError } from '../errors';
import type { Logger } from '../logger';

/** What a caller spent on one operation and has left in the current window, sent in `extensions.rateLimit`. */
export interface Charge {
  cost: number;
  remaining: number;
  limit: number;
  resetSeconds: number;
}

/** Cost points per caller per window: per token when authenticated, per client address when anonymous. */
export interface CostBudget {
  /** Takes `cost` points from the caller's budget, or throws RateLimitedError; null when that caller is unlimited. */
  charge(key: string, cost: number, authenticated: boolean): Promise<Charge | null>;
}

export interface BudgetOptions {
  /** Points per window for anonymous callers, per address; 0 means unlimited. */
  anonymousPoints: number;
  /** Points per window for each token; 0 means unlimited. */
  tokenPoints: number;
  windowSeconds: number;
  /** With PostgreSQL, every instance draws on the same budgets (table `rate_limit_budgets`, made by a migration). */
  pool: Pool | null;
  logger: Logger;
}

export const BUDGET_TABLE = 'rate_limit_budgets';

function limiter(points: number, prefix: string, options: BudgetOptions): RateLimiterAbstract | null {
  if (points === 0) return null;
  const memory = new RateLimiterMemory({ points, duration: options.windowSeconds, keyPrefix: prefix });
  if (!options.pool) return memory;
  // If PostgreSQL does not answer, each instance keeps limiting on its own rather than letting everything through.
  return new RateLimiterPostgres({
    storeClient: options.pool, storeType: 'pool', tableName: BUDGET_TABLE, tableCreated: true,
    points, duration: options.windowSeconds, keyPrefix: prefix, insuranceLimiter: memory,
  });
}

/** The cost budgets, shared by every instance on PostgreSQL and kept in memory on SQLite. */
export function createCostBudget(options: BudgetOptions): CostBudget {
  const anonymous = limiter(options.anonymousPoints, 'anonymous', options);
  const token = limiter(options.tokenPoints, 'token', options);
  return {
    async charge(key, cost, authenticated) {
      const budget = authenticated ? token : anonymous;
      if (!budget) return null;
      const limit = budget.points;
      try {
        const result = await budget.consume(key, cost);
        return { cost, remaining: result.remainingPoints, limit, resetSeconds: Math.ceil(result.msBeforeNext / 1000) };
      } catch (error) {
        if (!(error instanceof RateLimiterRes)) throw error;
        const retryAfter = Math.max(1, Math.ceil(error.msBeforeNext / 1000));
        options.logger.info({ key: authenticated ? 'token' : key, cost }, 'rate limited');
        throw new RateLimitedError(retryAfter, { cost, limit, remaining: Math.max(0, limit - (error.consumedPoints - cost)) });
      }
    },
  };
}
