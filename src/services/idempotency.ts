import { EntityManager } from 'typeorm';
import { TEXT } from '../domain/limits';
import { contentHash } from '../domain/text';
import { IdempotencyKey } from '../entities';
import { BadUserInputError, FieldProblem } from '../errors';
import { isUniqueViolation } from '../db/errors';

/** Longest idempotency key; the column holds this many characters. */
export const MAX_IDEMPOTENCY_KEY_LENGTH = TEXT.idempotencyKey;

/** Why a key is unusable (blank or too long), as a field problem; none for an absent key. */
export function idempotencyKeyProblems(key: string | null | undefined): FieldProblem[] {
  if (key == null || (key.trim() !== '' && key.length <= MAX_IDEMPOTENCY_KEY_LENGTH)) return [];
  return [{ field: 'idempotencyKey', message: `must be 1 to ${MAX_IDEMPOTENCY_KEY_LENGTH} characters, not only spaces` }];
}

/** What identifies one request's input, so a retry is told apart from a different request under the same key. */
export function requestHash(input: unknown): string {
  return contentHash(JSON.stringify(input));
}

/**
 * The same key from the same reviewer replays the first result and writes nothing; the same key with a
 * different input is BAD_USER_INPUT. Each method runs inside the caller's write transaction.
 */
export class IdempotencyKeys {
  /** True when this reviewer already used the key for this very request (replay); throws when for another. */
  async seen(manager: EntityManager, reviewerId: number, key: string, hash: string): Promise<boolean> {
    const used = await manager.getRepository(IdempotencyKey).findOneBy({ reviewerId, key });
    if (!used) return false;
    if (used.requestHash !== hash) {
      throw BadUserInputError.fromProblems([
        { field: 'idempotencyKey', message: 'was already used by you for a different request; use a new key' },
      ]);
    }
    return true;
  }

  /** Records the key's first use and the version it produced. */
  async remember(manager: EntityManager, use: { reviewerId: number; key: string; hash: string; claimId: number; resultVersion: number; at: Date }): Promise<void> {
    await manager.createQueryBuilder().insert().into(IdempotencyKey).values({
      reviewerId: use.reviewerId, key: use.key, requestHash: use.hash, claimId: use.claimId, resultVersion: use.resultVersion, createdAt: use.at,
    }).updateEntity(false).execute();
  }

  /**
   * Runs a keyed write, once more if two first uses of one key raced (on PostgreSQL, for different claims):
   * the loser's insert hit the unique key and rolled back; its second run sees the winner's key and replays or refuses.
   */
  async run<T>(key: string | null, attempt: () => Promise<T>): Promise<T> {
    try {
      return await attempt();
    } catch (error) {
      if (key !== null && isUniqueViolation(error)) return attempt();
      throw error;
    }
  }
}
