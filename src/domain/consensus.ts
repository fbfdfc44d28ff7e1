/** Consensus over reviewers' verdicts: which state the claim's reviews put it in. Pure, no I/O. */
import { Verdict, VerificationState } from './types';

/** The final state a unanimous verdict gives a claim. */
export const verdictState: Readonly<Record<Verdict, VerificationState>> = Object.freeze({
  [Verdict.SUPPORTED]: VerificationState.VERIFIED,
  [Verdict.REFUTED]: VerificationState.FALSE,
  [Verdict.MISLEADING]: VerificationState.MISLEADING,
  [Verdict.UNVERIFIABLE]: VerificationState.UNVERIFIABLE,
});

/** What `latestByReviewer` needs of a review. */
export interface ReviewStamp {
  reviewerId: string;
  createdAt: Date;
  id?: string | number;
}

const DECIMAL_ID = /^\d+$/;

/** Compares two ids when both are database sequence numbers (numbers or decimal strings); else undefined. */
function compareIds(a: string | number | undefined, b: string | number | undefined): number | undefined {
  if (typeof a === 'number' && typeof b === 'number') return a === b ? 0 : a < b ? -1 : 1;
  // PostgreSQL bigint ids arrive as strings; compare them as numbers without losing precision.
  if (typeof a === 'string' && typeof b === 'string' && DECIMAL_ID.test(a) && DECIMAL_ID.test(b)) {
    const x = BigInt(a);
    const y = BigInt(b);
    return x === y ? 0 : x < y ? -1 : 1;
  }
  return undefined;
}

/**
 * Each reviewer's newest review, in input order. Ties on `createdAt` go to the larger numeric id,
 * or, when ids are absent or not numeric, to the review later in the array.
 */
export function latestByReviewer<T extends ReviewStamp>(reviews: readonly T[]): T[] {
  const latest = new Map<string, { review: T; index: number; time: number }>();
  reviews.forEach((review, index) => {
    const time = review.createdAt instanceof Date ? review.createdAt.getTime() : Number.NaN;
    // An invalid date would silently lose every comparison and skew the consensus.
    if (Number.isNaN(time)) {
      throw new RangeError(`Review ${String(review.id ?? index)} has an invalid createdAt.`);
    }
    const current = latest.get(review.reviewerId);
    if (
      current === undefined ||
      time > current.time ||
      (time === current.time && (compareIds(review.id, current.review.id) ?? 1) >= 0)
    ) {
      latest.set(review.reviewerId, { review, index, time });
    }
  });
  return [...latest.values()].sort((a, b) => a.index - b.index).map((entry) => entry.review);
}

const KNOWN_VERDICTS: ReadonlySet<string> = new Set(Object.values(Verdict));

/**
 * The state the latest verdicts (one per reviewer) put a claim in. Any disagreement is DISPUTED,
 * at least `quorum` agreeing verdicts give the matching final state, anything else is IN_REVIEW.
 */
export function consensusState(latestVerdicts: readonly Verdict[], quorum: number): VerificationState {
  if (!Number.isInteger(quorum) || quorum < 1) {
    throw new RangeError(`Review quorum must be an integer of at least 1, got ${quorum}.`);
  }
  const distinct = new Set<Verdict>();
  for (const verdict of latestVerdicts) {
    if (!KNOWN_VERDICTS.has(verdict)) throw new RangeError(`${String(verdict)} is not a verdict.`);
    distinct.add(verdict);
  }
  if (distinct.size >= 2) return VerificationState.DISPUTED;
  const [only] = distinct;
  if (only !== undefined && latestVerdicts.length >= quorum) return verdictState[only];
  return VerificationState.IN_REVIEW;
}
