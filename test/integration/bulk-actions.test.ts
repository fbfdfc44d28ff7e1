import { toGlobalId } from '../../src/domain/global-id';
import { LISTS } from '../../src/domain/limits';
import { Role } from '../../src/domain/types';
import type { Reviewer } from '../../src/entities';
import { codes, createTestApp, TestApp } from '../support/app';
import { claimRows } from '../support/verification';

const ASSIGN = `mutation($input: AssignClaimsInput!) { assignClaims(input: $input) { id version assignee { name } history { kind note actor { name } } } }`;
const SET_STATES = `mutation($input: SetClaimStatesInput!) { setClaimStates(input: $input) { id version state history { kind fromState toState note } } }`;

type Claim = { id: string; version: number };

describe('bulk editor actions', () => {
  let app: TestApp;
  let editor: Reviewer;
  let ana: Reviewer;
  let claims: Claim[];
  beforeAll(async () => {
    app = await createTestApp({ seed: true });
    editor = (await app.reviewer(Role.EDITOR, 'Erin')).reviewer;
    ana = (await app.reviewer(Role.REVIEWER, 'Ana')).reviewer;
  });
  beforeEach(async () => {
    const page = await app.gql('{ article(slug: "city-water-rates") { claims(first: 4) { edges { node { id version } } } } }');
    claims = page.data!.article.claims.edges.map((e: { node: Claim }) => e.node);
  });
  afterAll(async () => {
    await app.close();
  });

  /** Every claim's version and number of events, to show a refused action wrote nothing. */
  async function footprint() {
    return Promise.all(claims.map(async (c) => {
      const rows = await claimRows(app.db, c.id);
      return [rows.claim.version, rows.claim.state, rows.claim.assigneeId, rows.events.length];
    }));
  }

  it('assigns a reviewer to several claims at once: each claim gets its own ASSIGNED event and one more version', async () => {
    const input = { reviewerId: ana.globalId, claims: claims.slice(0, 3).map((c) => ({ claimId: c.id, expectedVersion: c.version })) };
    const result = await app.gql(ASSIGN, { input }, editor);
    expect(result.errors).toBeUndefined();
    const assigned = result.data!.assignClaims;
    expect(assigned.map((c: Claim) => c.id)).toEqual(claims.slice(0, 3).map((c) => c.id));
    for (const [i, claim] of assigned.entries()) {
      expect(claim.version).toBe(claims[i].version + 1);
      expect(claim.assignee).toEqual({ name: 'Ana' });
      expect(claim.history.at(-1)).toEqual({ kind: 'ASSIGNED', note: 'Assigned to Ana', actor: { name: 'Erin' } });
    }
  });

  it('writes nothing when one claim is stale, and names that claim', async () => {
    const before = await footprint();
    const ben = (await app.reviewer(Role.REVIEWER, 'Ben')).reviewer;
    const input = { reviewerId: ben.globalId, claims: claims.map((c, i) => ({ claimId: c.id, expectedVersion: i === 2 ? c.version - 1 : c.version })) };
    const result = await app.gql(ASSIGN, { input }, editor);
    expect(codes(result)).toEqual(['CONFLICT']);
    expect(result.errors![0].extensions).toMatchObject({ index: 2, claimId: claims[2].id, currentVersion: claims[2].version });
    expect(await footprint()).toEqual(before);
  });

  it('sets one state with one note on several claims: each its own STATE_CHANGED event', async () => {
    const input = { state: 'UNVERIFIABLE', note: 'The ministry will not say', claims: claims.slice(0, 2).map((c) => ({ claimId: c.id, expectedVersion: c.version })) };
    const result = await app.gql(SET_STATES, { input }, editor);
    expect(result.errors).toBeUndefined();
    for (const [i, claim] of result.data!.setClaimStates.entries()) {
      expect(claim).toMatchObject({ id: claims[i].id, version: claims[i].version + 1, state: 'UNVERIFIABLE' });
      expect(claim.history.at(-1)).toEqual({ kind: 'STATE_CHANGED', fromState: 'UNVERIFIED', toState: 'UNVERIFIABLE', note: 'The ministry will not say' });
    }
  });

  it('writes nothing when the transition is illegal for one claim (already in that state)', async () => {
    const before = await footprint();
    const input = { state: 'UNVERIFIABLE', note: 'again', claims: claims.map((c) => ({ claimId: c.id, expectedVersion: c.version })) };
    const result = await app.gql(SET_STATES, { input }, editor);
    expect(codes(result)).toEqual(['INVALID_TRANSITION']);
    expect(result.errors![0].extensions).toMatchObject({ index: 0 });
    expect(await footprint()).toEqual(before);
  });

  it('refuses an unknown claim, a claim named twice, an empty list or one over the limit, before writing anything', async () => {
    const before = await footprint();
    const item = (c: Claim) => ({ claimId: c.id, expectedVersion: c.version });
    const missing = await app.gql(SET_STATES, { input: { state: 'FALSE', note: 'n', claims: [item(claims[3]), { claimId: toGlobalId('Claim', 999_999), expectedVersion: 1 }] } }, editor);
    expect(codes(missing)).toEqual(['NOT_FOUND']);
    expect(missing.errors![0].extensions).toMatchObject({ index: 1 });
    const twice = await app.gql(SET_STATES, { input: { state: 'FALSE', note: 'n', claims: [item(claims[3]), item(claims[3])] } }, editor);
    expect(codes(twice)).toEqual(['BAD_USER_INPUT']);
    expect(twice.errors![0].extensions!.problems).toEqual([{ field: 'claims[1].claimId', message: 'names the same claim as claims[0]' }]);
    expect(codes(await app.gql(ASSIGN, { input: { reviewerId: ana.globalId, claims: [] } }, editor))).toEqual(['BAD_USER_INPUT']);
    const tooMany = Array.from({ length: LISTS.bulkClaims + 1 }, (_, i) => ({ claimId: toGlobalId('Claim', i + 1), expectedVersion: 1 }));
    expect(codes(await app.gql(ASSIGN, { input: { reviewerId: ana.globalId, claims: tooMany } }, editor))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await app.gql(SET_STATES, { input: { state: 'FALSE', note: '  ', claims: [item(claims[3])] } }, editor))).toEqual(['BAD_USER_INPUT']);
    expect(await footprint()).toEqual(before);
  });

  it('is for editors only', async () => {
    const input = { reviewerId: ana.globalId, claims: [{ claimId: claims[3].id, expectedVersion: claims[3].version }] };
    expect(codes(await app.gql(ASSIGN, { input }, ana))).toEqual(['FORBIDDEN']);
    expect(codes(await app.gql(ASSIGN, { input }))).toEqual(['UNAUTHENTICATED']);
  });
});
