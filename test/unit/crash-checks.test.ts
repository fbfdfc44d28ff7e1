import {
  Acknowledged, checkAccounted, checkAcknowledged, checkArticles, checkConflicts, checkHistories, ClaimRow, EventRow, Snapshot,
} from '../../src/scripts/harness/consistency';

/** A claim created by nobody, then moved by reviewer 7 through `kinds`, one version each. */
function claimWith(id: number, kinds: string[], articleId = 1): { claim: ClaimRow; events: EventRow[] } {
  const events: EventRow[] = [{ claimId: id, version: 1, kind: 'CREATED', actorId: null, fromState: null, toState: 'UNVERIFIED' }];
  for (const kind of kinds) {
    const previous = events[events.length - 1].toState;
    events.push({ claimId: id, version: events.length + 1, kind, actorId: 7, fromState: previous, toState: 'IN_REVIEW' });
  }
  return { claim: { id, articleId, version: events.length, state: events[events.length - 1].toState! }, events };
}

const submitted = (claimId: number, expectedVersion: number, actorId = 7): Acknowledged =>
  ({ claimId, kind: 'submitReview', actorId, expectedVersion, version: expectedVersion + 1 });

describe('the crash and storm checks', () => {
  it('find a sound history sound', () => {
    const { claim, events } = claimWith(1, ['REVIEW_STARTED', 'REVIEW_SUBMITTED']);
    expect(checkHistories([claim], events)).toEqual([]);
    expect(checkAcknowledged([submitted(1, 2)], [claim], events)).toEqual([]);
    expect(checkAccounted([{ ...submitted(1, 2) }, { claimId: 1, kind: 'startReview', actorId: 7, expectedVersion: 1, version: 2 }], events)).toEqual([]);
  });

  it('report a gap in the event versions, and a version the events do not reach', () => {
    const { claim, events } = claimWith(1, ['REVIEW_STARTED', 'REVIEW_SUBMITTED']);
    expect(checkHistories([claim], events.filter((e) => e.version !== 2))).toEqual([
      'claim 1 is at version 3 but its events have versions [1, 3]',
    ]);
    expect(checkHistories([{ ...claim, version: 4 }], events)).toHaveLength(1);
  });

  it('report a history that does not start with CREATED or does not end in the claim\'s state', () => {
    const { claim, events } = claimWith(1, ['REVIEW_STARTED']);
    expect(checkHistories([claim], [{ ...events[0], kind: 'EDITED' }, events[1]])).toEqual(["claim 1's first event is EDITED, not CREATED"]);
    expect(checkHistories([{ ...claim, state: 'VERIFIED' }], events)).toEqual(['claim 1 is VERIFIED but its last event ended in IN_REVIEW']);
  });

  it('call an acknowledged write lost when its event is missing, is someone else\'s, or the claim fell back', () => {
    const { claim, events } = claimWith(1, ['REVIEW_SUBMITTED']);
    expect(checkAcknowledged([submitted(1, 2)], [claim], events)).toContainEqual(expect.stringMatching(/^lost: .* has no event 3$/));
    expect(checkAcknowledged([submitted(1, 1, 8)], [claim], events)[0]).toMatch(/^lost: .* event 2 is REVIEW_SUBMITTED by reviewer 7/);
    expect(checkAcknowledged([{ ...submitted(1, 1), version: 5 }], [claim], events)[0]).toMatch(/^lost: .* acknowledged as version 5, but the claim is at 2/);
  });

  it('report an event no acknowledged mutation asked for', () => {
    const { events } = claimWith(1, ['REVIEW_SUBMITTED', 'STATE_CHANGED']);
    expect(checkAccounted([submitted(1, 1)], events)).toEqual(["claim 1's event 3 (STATE_CHANGED by reviewer 7) answers no acknowledged mutation"]);
  });

  it('hold every CONFLICT to the truth', () => {
    const { claim, events } = claimWith(1, ['REVIEW_SUBMITTED', 'REVIEW_SUBMITTED']);
    expect(checkConflicts([{ claimId: 1, expectedVersion: 1, currentVersion: 3 }], [claim], events)).toEqual([]);
    expect(checkConflicts([{ claimId: 1, expectedVersion: 2, currentVersion: 2 }], [claim], events)).toHaveLength(1);
    expect(checkConflicts([{ claimId: 1, expectedVersion: 1, currentVersion: 9 }], [claim], events)).toHaveLength(1);
    expect(checkConflicts([{ claimId: 1, expectedVersion: 1, currentVersion: null }], [claim], events)).toHaveLength(1);
  });

  it('find an article stored with part of its claims, twice, or with a claim lacking its CREATED event', () => {
    const a = claimWith(1, [], 10);
    const b = claimWith(2, [], 10);
    const whole: Snapshot = { articles: [{ id: 10, title: 'Report 1' }], claims: [a.claim, b.claim], events: [...a.events, ...b.events] };
    const expected = new Map([['Report 1', 2]]);
    expect(checkArticles(whole, expected)).toEqual([]);
    expect(checkArticles({ ...whole, claims: [a.claim], events: a.events }, expected)).toEqual(['article "Report 1" is stored with 1 of its 2 claims']);
    expect(checkArticles({ ...whole, articles: [...whole.articles, { id: 11, title: 'Report 1' }] }, expected)).toContain('article "Report 1" is stored 2 times');
    expect(checkArticles({ ...whole, events: a.events }, expected)).toEqual(['claim 2 of article 10 has no CREATED event']);
  });
});
