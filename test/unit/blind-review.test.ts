import { reviewsVisible } from '../../src/domain/blind-review';
import { Role, VerificationState } from '../../src/domain/types';

const OPEN = [VerificationState.UNVERIFIED, VerificationState.IN_REVIEW, VerificationState.DISPUTED];
const FINAL = [VerificationState.VERIFIED, VerificationState.FALSE, VerificationState.MISLEADING, VerificationState.UNVERIFIABLE];
const VIEWERS = [
  { role: null, hasReviewed: false }, { role: Role.VIEWER, hasReviewed: false }, { role: Role.REVIEWER, hasReviewed: false },
  { role: Role.REVIEWER, hasReviewed: true }, { role: Role.EDITOR, hasReviewed: false },
];

describe('reviewsVisible', () => {
  it('shows every review to everyone when blind review is off', () => {
    for (const state of [...OPEN, ...FINAL]) for (const viewer of VIEWERS) expect(reviewsVisible(false, state, viewer)).toBe(true);
  });

  it("shows a final claim's reviews to everyone, anonymous callers included", () => {
    for (const state of FINAL) for (const viewer of VIEWERS) expect(reviewsVisible(true, state, viewer)).toBe(true);
  });

  it('on an open claim, shows reviews to editors and to reviewers who submitted their own, and to no one else', () => {
    for (const state of OPEN) {
      expect(VIEWERS.map((viewer) => reviewsVisible(true, state, viewer))).toEqual([false, false, false, true, true]);
    }
  });
});
