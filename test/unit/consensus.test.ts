import fc from 'fast-check';
import { consensusState, latestByReviewer, verdictState } from '../../src/domain/consensus';
import { Verdict, VerificationState } from '../../src/domain/types';

const VERDICTS = Object.values(Verdict);
const verdictArb = fc.constantFrom(...VERDICTS);
const quorumArb = fc.integer({ min: 1, max: 6 });

describe('verdictState', () => {
  it('maps each verdict to the final state the contract names', () => {
    expect(verdictState).toEqual({
      SUPPORTED: VerificationState.VERIFIED,
      REFUTED: VerificationState.FALSE,
      MISLEADING: VerificationState.MISLEADING,
      UNVERIFIABLE: VerificationState.UNVERIFIABLE,
    });
  });
});

describe('consensusState', () => {
  it('verifies a claim when two reviewers support it under the default quorum of 2', () => {
    expect(consensusState([Verdict.SUPPORTED, Verdict.SUPPORTED], 2)).toBe(VerificationState.VERIFIED);
  });

  it('moves a claim to DISPUTED when two reviewers disagree', () => {
    expect(consensusState([Verdict.SUPPORTED, Verdict.REFUTED], 2)).toBe(VerificationState.DISPUTED);
  });

  it('keeps a claim IN_REVIEW while a single review is short of a quorum of 2', () => {
    expect(consensusState([Verdict.REFUTED], 2)).toBe(VerificationState.IN_REVIEW);
  });

  it('keeps a claim IN_REVIEW when there are no reviews yet', () => {
    expect(consensusState([], 1)).toBe(VerificationState.IN_REVIEW);
  });

  it('finalises a claim on its first review when the quorum is 1', () => {
    expect(consensusState([Verdict.UNVERIFIABLE], 1)).toBe(VerificationState.UNVERIFIABLE);
  });

  it('calls a claim DISPUTED even when the disagreeing reviews are fewer than the quorum', () => {
    expect(consensusState([Verdict.MISLEADING, Verdict.SUPPORTED], 5)).toBe(VerificationState.DISPUTED);
  });

  it('gives the matching final state when at least a quorum of reviews all agree', () => {
    fc.assert(
      fc.property(verdictArb, quorumArb, fc.nat({ max: 5 }), (verdict, quorum, extra) => {
        const verdicts = Array.from({ length: quorum + extra }, () => verdict);
        expect(consensusState(verdicts, quorum)).toBe(verdictState[verdict]);
      }),
    );
  });

  it('is DISPUTED whenever two of the latest verdicts differ, whatever the quorum', () => {
    const disagreeing = fc
      .tuple(
        fc.uniqueArray(verdictArb, { minLength: 2, maxLength: 2 }),
        fc.array(verdictArb, { maxLength: 8 }),
      )
      .chain(([pair, rest]) => fc.shuffledSubarray([...pair, ...rest], { minLength: pair.length + rest.length }));
    fc.assert(
      fc.property(disagreeing, quorumArb, (verdicts, quorum) => {
        expect(consensusState(verdicts, quorum)).toBe(VerificationState.DISPUTED);
      }),
    );
  });

  it('stays IN_REVIEW while fewer than a quorum of reviews agree and none disagree', () => {
    const shortOfQuorum = fc
      .integer({ min: 2, max: 8 })
      .chain((quorum) => fc.tuple(fc.constant(quorum), fc.integer({ min: 0, max: quorum - 1 })));
    fc.assert(
      fc.property(verdictArb, shortOfQuorum, (verdict, [quorum, count]) => {
        const verdicts = Array.from({ length: count }, () => verdict);
        expect(consensusState(verdicts, quorum)).toBe(VerificationState.IN_REVIEW);
      }),
    );
  });

  it('does not depend on the order of the verdicts', () => {
    const withPermutation = fc
      .array(verdictArb, { maxLength: 8 })
      .chain((verdicts) =>
        fc.tuple(fc.constant(verdicts), fc.shuffledSubarray(verdicts, { minLength: verdicts.length })),
      );
    fc.assert(
      fc.property(withPermutation, quorumArb, ([verdicts, permuted], quorum) => {
        expect(consensusState(permuted, quorum)).toBe(consensusState(verdicts, quorum));
      }),
    );
  });

  it.each([0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY])('refuses a quorum of %s', (quorum) => {
    expect(() => consensusState([Verdict.SUPPORTED], quorum)).toThrow(RangeError);
  });

  it('refuses a verdict it does not know', () => {
    expect(() => consensusState(['MAYBE' as Verdict], 1)).toThrow(RangeError);
  });
});

interface TestReview {
  id?: string | number;
  reviewerId: string;
  createdAt: Date;
  verdict: Verdict;
}

const at = (minute: number) => new Date(Date.UTC(2024, 0, 1, 0, minute));

describe('latestByReviewer', () => {
  it('lets a reviewer’s newer review supersede their older one, wherever it stands in the list', () => {
    const older = { id: 1, reviewerId: 'ana', createdAt: at(5), verdict: Verdict.SUPPORTED };
    const newer = { id: 2, reviewerId: 'ana', createdAt: at(9), verdict: Verdict.REFUTED };
    const other = { id: 3, reviewerId: 'ben', createdAt: at(1), verdict: Verdict.SUPPORTED };
    expect(latestByReviewer([newer, other, older])).toEqual([newer, other]);
    expect(latestByReviewer([older, other, newer])).toEqual([other, newer]);
  });

  it('returns nothing for no reviews', () => {
    expect(latestByReviewer([])).toEqual([]);
  });

  it('breaks a tie on createdAt by the larger numeric id', () => {
    const a = { id: 7, reviewerId: 'ana', createdAt: at(1), verdict: Verdict.SUPPORTED };
    const b = { id: 3, reviewerId: 'ana', createdAt: at(1), verdict: Verdict.REFUTED };
    expect(latestByReviewer([a, b])).toEqual([a]);
    expect(latestByReviewer([b, a])).toEqual([a]);
  });

  it('compares decimal string ids as numbers, so id "10" is newer than id "9"', () => {
    const nine = { id: '9', reviewerId: 'ana', createdAt: at(1), verdict: Verdict.SUPPORTED };
    const ten = { id: '10', reviewerId: 'ana', createdAt: at(1), verdict: Verdict.REFUTED };
    expect(latestByReviewer([ten, nine])).toEqual([ten]);
    expect(latestByReviewer([nine, ten])).toEqual([ten]);
  });

  it('breaks a tie between reviews without comparable ids by taking the later one in the list', () => {
    const first = { reviewerId: 'ana', createdAt: at(1), verdict: Verdict.SUPPORTED };
    const second = { reviewerId: 'ana', createdAt: at(1), verdict: Verdict.REFUTED };
    expect(latestByReviewer([first, second])).toEqual([second]);
    const u1 = { ...first, id: 'b7c1-uuid' };
    const u2 = { ...second, id: 'a0f3-uuid' };
    expect(latestByReviewer([u1, u2])).toEqual([u2]);
  });

  it('refuses a review whose createdAt is not a valid date', () => {
    const broken = { id: 1, reviewerId: 'ana', createdAt: new Date('not a date'), verdict: Verdict.SUPPORTED };
    expect(() => latestByReviewer([broken])).toThrow(RangeError);
  });

  // Few reviewers and few distinct minutes, so the same reviewer and the same createdAt collide often.
  const reviewsArb = fc
    .array(
      fc.record({
        reviewerId: fc.constantFrom('ana', 'ben', 'chloé', 'dev'),
        minute: fc.integer({ min: 0, max: 5 }),
        verdict: verdictArb,
      }),
      { maxLength: 25 },
    )
    .map((drafts) =>
      drafts.map(
        ({ reviewerId, minute, verdict }, index): TestReview => ({
          id: index + 1,
          reviewerId,
          createdAt: at(minute),
          verdict,
        }),
      ),
    );

  it('keeps exactly one review per reviewer, taken from the input', () => {
    fc.assert(
      fc.property(reviewsArb, (reviews) => {
        const latest = latestByReviewer(reviews);
        const reviewers = latest.map((review) => review.reviewerId);
        expect(new Set(reviewers).size).toBe(reviewers.length);
        expect(new Set(reviewers)).toEqual(new Set(reviews.map((review) => review.reviewerId)));
        for (const review of latest) expect(reviews).toContain(review);
      }),
    );
  });

  it('keeps each reviewer’s newest review, the largest id among equally new ones', () => {
    fc.assert(
      fc.property(reviewsArb, (reviews) => {
        for (const kept of latestByReviewer(reviews)) {
          for (const review of reviews.filter((r) => r.reviewerId === kept.reviewerId)) {
            const keptTime = kept.createdAt.getTime();
            const time = review.createdAt.getTime();
            expect(time <= keptTime).toBe(true);
            if (time === keptTime) expect(review.id as number).toBeLessThanOrEqual(kept.id as number);
          }
        }
      }),
    );
  });

  it('keeps the same reviews whatever the order of the input, and lists them in input order', () => {
    const withPermutation = reviewsArb.chain((reviews) =>
      fc.tuple(fc.constant(reviews), fc.shuffledSubarray(reviews, { minLength: reviews.length })),
    );
    fc.assert(
      fc.property(withPermutation, ([reviews, permuted]) => {
        const ids = (list: TestReview[]) => list.map((review) => review.id as number);
        const fromPermuted = latestByReviewer(permuted);
        expect(ids(fromPermuted).sort((a, b) => a - b)).toEqual(ids(latestByReviewer(reviews)).sort((a, b) => a - b));
        const positions = fromPermuted.map((review) => permuted.indexOf(review));
        expect(positions).toEqual([...positions].sort((a, b) => a - b));
      }),
    );
  });
});
