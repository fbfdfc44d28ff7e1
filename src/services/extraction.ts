import { BadUserInputError } from '../errors';
import type { ClaimExtractor } from './article.service';
import { type ExtractionPool, ExtractionTimeoutError } from './extraction-pool';

/**
 * The extractor the services use: each article in the pool's worker threads, within its time budget.
 * An article over budget is the caller's problem to solve (send its claims along), not a server fault.
 */
export function pooledExtractor(pool: ExtractionPool): ClaimExtractor {
  return async (article) => {
    try {
      return await pool.extract({ body: article.body, publisher: article.publisher });
    } catch (error) {
      if (!(error instanceof ExtractionTimeoutError)) throw error;
      throw BadUserInputError.fromProblems([
        { field: 'body', message: `${error.message}; send the article with its claims (input.claims) instead` },
      ]);
    }
  };
}
