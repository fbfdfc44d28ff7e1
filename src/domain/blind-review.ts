/** Blind review: who may see the reviews of a claim while its review is still open. Pure, no I/O. */
import { Role, VerificationState } from './types';
import { isFinal } from './workflow';

/** Who is looking, as far as blind review cares. */
export interface Viewer {
  /** Null for an anonymous caller. */
  role: Role | null;
  /** Whether the viewer has submitted a review of this claim. */
  hasReviewed: boolean;
}

/**
 * Whether `viewer` may see other reviewers' reviews of a claim in `state`. Without blind review, everyone
 * may. With it, a final claim's reviews are open to all; before that, editors see everything, a reviewer
 * sees them once they have submitted their own (so the first verdict cannot sway the second), and
 * viewers and anonymous callers see none.
 */
export function reviewsVisible(blind: boolean, state: VerificationState, viewer: Viewer): boolean {
  if (!blind || isFinal(state)) return true;
  if (viewer.role === Role.EDITOR) return true;
  if (viewer.role === Role.REVIEWER) return viewer.hasReviewed;
  return false;
}
