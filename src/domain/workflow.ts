/** The verification state machine: which action is legal in which state. Pure, no I/O. */
import { VerificationState } from './types';

/** The states a review round ends in; only an editor's `setClaimState` leaves them. */
export const FINAL_STATES: ReadonlySet<VerificationState> = new Set([
  VerificationState.VERIFIED,
  VerificationState.FALSE,
  VerificationState.MISLEADING,
  VerificationState.UNVERIFIABLE,
]);

const KNOWN_STATES: ReadonlySet<string> = new Set(Object.values(VerificationState));

/** Whether `state` is one of the final states (VERIFIED, FALSE, MISLEADING, UNVERIFIABLE). */
export function isFinal(state: VerificationState): boolean {
  return FINAL_STATES.has(state);
}

/** Something a user asks to do to a claim, as far as the state machine cares. */
export type ClaimAction =
  | { type: 'EDIT' }
  | { type: 'ASSIGN' }
  | { type: 'REANCHOR' }
  | { type: 'START_REVIEW' }
  | { type: 'SUBMIT_REVIEW' }
  | { type: 'SET_STATE'; to: VerificationState };

/** The outcome of `checkTransition`: legal, or illegal with a sentence a user can act on. */
export type TransitionCheck = { ok: true } | { ok: false; reason: string };

const OK: TransitionCheck = { ok: true };

function refuse(reason: string): TransitionCheck {
  return { ok: false, reason };
}

function finalReason(from: VerificationState): string {
  return `Claim is ${from}, a final state; an editor can reopen it with setClaimState.`;
}

/** Whether `action` is legal on a claim in state `from`; the reason says why not when it is not. */
export function checkTransition(from: VerificationState, action: ClaimAction): TransitionCheck {
  switch (action.type) {
    // Editing the text or assigning a reviewer never changes the state, so any state allows it.
    case 'EDIT':
    case 'ASSIGN':
    // A revised article moves every claim's quote, whatever the claim's state.
    case 'REANCHOR':
      return OK;
    case 'START_REVIEW':
      if (from === VerificationState.UNVERIFIED) return OK;
      if (from === VerificationState.IN_REVIEW) return refuse('Claim is already IN_REVIEW.');
      // Moving a dispute back to IN_REVIEW would hide it; reviewers keep submitting, or an editor resolves it.
      if (from === VerificationState.DISPUTED) {
        return refuse(
          'Claim is DISPUTED; submit a review to add your verdict, or an editor can resolve it with setClaimState.',
        );
      }
      return refuse(finalReason(from));
    case 'SUBMIT_REVIEW':
      if (isFinal(from)) return refuse(finalReason(from));
      return OK;
    case 'SET_STATE':
      if (!KNOWN_STATES.has(action.to)) return refuse(`${String(action.to)} is not a verification state.`);
      if (action.to === from) return refuse(`Claim is already ${from}.`);
      return OK;
    default: {
      const unknown: never = action;
      return refuse(`${String((unknown as { type?: unknown }).type)} is not a claim action.`);
    }
  }
}
