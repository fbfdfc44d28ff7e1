import { VerificationState } from '../../src/domain/types';
import { checkTransition, ClaimAction, FINAL_STATES, isFinal } from '../../src/domain/workflow';

const { UNVERIFIED, IN_REVIEW, DISPUTED, VERIFIED, FALSE, MISLEADING, UNVERIFIABLE } = VerificationState;
const STATES = Object.values(VerificationState);

// The workflow rules of CONTRACT.md, written out by hand: 'ok' is legal, '--' is refused.
const SIMPLE_ACTIONS = ['EDIT', 'ASSIGN', 'START_REVIEW', 'SUBMIT_REVIEW'] as const;
const EXPECTED_SIMPLE: Record<VerificationState, Record<(typeof SIMPLE_ACTIONS)[number], 'ok' | '--'>> = {
  [UNVERIFIED]: { EDIT: 'ok', ASSIGN: 'ok', START_REVIEW: 'ok', SUBMIT_REVIEW: 'ok' },
  [IN_REVIEW]: { EDIT: 'ok', ASSIGN: 'ok', START_REVIEW: '--', SUBMIT_REVIEW: 'ok' },
  [DISPUTED]: { EDIT: 'ok', ASSIGN: 'ok', START_REVIEW: '--', SUBMIT_REVIEW: 'ok' },
  [VERIFIED]: { EDIT: 'ok', ASSIGN: 'ok', START_REVIEW: '--', SUBMIT_REVIEW: '--' },
  [FALSE]: { EDIT: 'ok', ASSIGN: 'ok', START_REVIEW: '--', SUBMIT_REVIEW: '--' },
  [MISLEADING]: { EDIT: 'ok', ASSIGN: 'ok', START_REVIEW: '--', SUBMIT_REVIEW: '--' },
  [UNVERIFIABLE]: { EDIT: 'ok', ASSIGN: 'ok', START_REVIEW: '--', SUBMIT_REVIEW: '--' },
};

// SET_STATE from the row's state to the column's state.
const SET_STATE_GRID = `
               UNVERIFIED IN_REVIEW DISPUTED VERIFIED FALSE MISLEADING UNVERIFIABLE
  UNVERIFIED   --         ok        ok       ok       ok    ok         ok
  IN_REVIEW    ok         --        ok       ok       ok    ok         ok
  DISPUTED     ok         ok        --       ok       ok    ok         ok
  VERIFIED     ok         ok        ok       --       ok    ok         ok
  FALSE        ok         ok        ok       ok       --    ok         ok
  MISLEADING   ok         ok        ok       ok       ok    --         ok
  UNVERIFIABLE ok         ok        ok       ok       ok    ok         --
`;

function parseGrid(grid: string): Map<string, 'ok' | '--'> {
  const [header, ...rows] = grid.trim().split('\n').map((line) => line.trim().split(/\s+/));
  const cells = new Map<string, 'ok' | '--'>();
  for (const [from, ...marks] of rows) {
    marks.forEach((mark, column) => cells.set(`${from}->${header[column]}`, mark as 'ok' | '--'));
  }
  return cells;
}
const EXPECTED_SET_STATE = parseGrid(SET_STATE_GRID);

type Case = { from: VerificationState; action: ClaimAction; label: string; expected: 'ok' | '--'; outcome: string };
const cases: Case[] = [];
function addCase(from: VerificationState, action: ClaimAction, label: string, expected: 'ok' | '--' | undefined): void {
  if (expected === undefined) throw new Error(`No expected outcome written down for ${label} on ${from}`);
  cases.push({ from, action, label, expected, outcome: expected === 'ok' ? 'allowed' : 'refused' });
}
for (const from of STATES) {
  for (const type of SIMPLE_ACTIONS) addCase(from, { type }, type, EXPECTED_SIMPLE[from]?.[type]);
  for (const to of STATES) {
    addCase(from, { type: 'SET_STATE', to }, `SET_STATE to ${to}`, EXPECTED_SET_STATE.get(`${from}->${to}`));
  }
}

describe('checkTransition', () => {
  it('has an expected outcome written down for every state and every action', () => {
    expect(Object.keys(EXPECTED_SIMPLE).sort()).toEqual([...STATES].sort());
    expect(EXPECTED_SET_STATE.size).toBe(STATES.length * STATES.length);
    expect(cases).toHaveLength(STATES.length * (SIMPLE_ACTIONS.length + STATES.length));
  });

  it.each(cases)('on a $from claim, $label is $outcome', ({ from, action, expected }) => {
    const result = checkTransition(from, action);
    if (expected === 'ok') {
      expect(result).toEqual({ ok: true });
    } else {
      expect(result.ok).toBe(false);
      // Every refusal explains itself in a sentence that names the current state.
      expect(!result.ok && result.reason).toMatch(new RegExp(`^Claim is (already )?${from}\\b.*\\.$`));
    }
  });

  it.each([...FINAL_STATES])('tells the user an editor can reopen a %s claim with setClaimState', (state) => {
    for (const type of ['START_REVIEW', 'SUBMIT_REVIEW'] as const) {
      expect(checkTransition(state, { type })).toEqual({
        ok: false,
        reason: `Claim is ${state}, a final state; an editor can reopen it with setClaimState.`,
      });
    }
  });

  it('refuses to start a review on a claim already in review', () => {
    expect(checkTransition(IN_REVIEW, { type: 'START_REVIEW' })).toEqual({
      ok: false,
      reason: 'Claim is already IN_REVIEW.',
    });
  });

  it('refuses to start a review on a DISPUTED claim so that the dispute stays visible', () => {
    const result = checkTransition(DISPUTED, { type: 'START_REVIEW' });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toContain('submit a review');
    expect(!result.ok && result.reason).toContain('setClaimState');
  });

  it('refuses to set a claim to the state it already has', () => {
    expect(checkTransition(VERIFIED, { type: 'SET_STATE', to: VERIFIED })).toEqual({
      ok: false,
      reason: 'Claim is already VERIFIED.',
    });
  });

  it('refuses to set a claim to a state that does not exist', () => {
    const to = 'ARCHIVED' as VerificationState;
    expect(checkTransition(UNVERIFIED, { type: 'SET_STATE', to })).toEqual({
      ok: false,
      reason: 'ARCHIVED is not a verification state.',
    });
  });

  it('refuses an action it does not know', () => {
    const action = { type: 'DELETE' } as unknown as ClaimAction;
    expect(checkTransition(UNVERIFIED, action)).toEqual({ ok: false, reason: 'DELETE is not a claim action.' });
  });
});

describe('FINAL_STATES', () => {
  it('holds exactly VERIFIED, FALSE, MISLEADING and UNVERIFIABLE', () => {
    expect([...FINAL_STATES].sort()).toEqual([FALSE, MISLEADING, UNVERIFIABLE, VERIFIED]);
  });

  it.each([
    [UNVERIFIED, false],
    [IN_REVIEW, false],
    [DISPUTED, false],
    [VERIFIED, true],
    [FALSE, true],
    [MISLEADING, true],
    [UNVERIFIABLE, true],
  ])('isFinal(%s) is %s', (state, expected) => {
    expect(isFinal(state)).toBe(expected);
  });
});
