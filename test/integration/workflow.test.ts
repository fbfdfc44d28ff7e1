import { toCursor } from '../../src/domain/global-id';
import { Role } from '../../src/domain/types';
import { Claim, ClaimEvent, Review, type Reviewer } from '../../src/entities';
import { codes, createTestApp, GqlResult, TestApp } from '../support/app';
import { CLAIM_QUERY, claimRows, evidence, MUTATIONS, MutationName, rowIdOf } from '../support/verification';

type ClaimView = {
  id: string;
  version: number;
  state: string;
  text: string;
  stance: string;
  checkworthiness: number | null;
  quote: { exact: string; prefix: string; suffix: string; start: number; end: number };
  source: { id: string; name: string };
  assignee: { id: string; name: string } | null;
  history: { kind: string; fromState: string | null; toState: string | null; note: string | null; at: string; actor: { id: string; name: string; role: string } | null }[];
  reviews: { id: string; verdict: string; confidence: number; rationale: string; reviewer: { id: string; name: string }; evidence: { url: string }[] }[];
};

const ARTICLE_SLUG = 'city-water-rates';
const QUOTE = 'raise water rates by 18 percent';
const OTHER_QUOTE = 'the average household bill will rise from $54 to about $64 a month';

/** A verification app with an editor, three reviewers and a viewer, and helpers that speak its mutations. */
async function setUp(env?: Record<string, string>) {
  const app = await createTestApp({ seed: true, env });
  const editor = (await app.reviewer(Role.EDITOR, 'Erin Editor')).reviewer;
  const ana = (await app.reviewer(Role.REVIEWER, 'Ana')).reviewer;
  const ben = (await app.reviewer(Role.REVIEWER, 'Ben')).reviewer;
  const cy = (await app.reviewer(Role.REVIEWER, 'Cy')).reviewer;
  const viewer = (await app.reviewer(Role.VIEWER, 'Vic Viewer')).reviewer;
  const article = (await app.gql(`{ article(slug: "${ARTICLE_SLUG}") { id body } }`)).data!.article as { id: string; body: string };

  async function run(name: MutationName, input: Record<string, unknown>, as: Reviewer): Promise<GqlResult<Record<string, ClaimView>>> {
    return app.gql(MUTATIONS[name], { input }, as);
  }
  async function ok(name: MutationName, input: Record<string, unknown>, as: Reviewer): Promise<ClaimView> {
    const result = await run(name, input, as);
    expect(result.errors).toBeUndefined();
    return result.data![name];
  }
  async function read(id: string): Promise<ClaimView> {
    return (await app.gql(CLAIM_QUERY, { id })).data!.claim as ClaimView;
  }
  async function newClaim(quote = QUOTE): Promise<ClaimView> {
    return ok('createClaim', {
      articleId: article.id, text: 'Millbrook raises water rates by 18 percent', quote: { exact: quote },
      source: { name: 'Millbrook City Council', kind: 'GOVERNMENT' }, stance: 'ASSERTS', checkworthiness: 0.7,
    }, editor);
  }
  function review(claim: ClaimView, verdict: string, extra: Record<string, unknown> = {}) {
    return {
      claimId: claim.id, expectedVersion: claim.version, verdict, confidence: 0.8,
      rationale: `I checked the council minutes: ${verdict}`, evidence: evidence(), ...extra,
    };
  }
  return { app, editor, ana, ben, cy, viewer, article, run, ok, read, newClaim, review };
}

type Setup = Awaited<ReturnType<typeof setUp>>;

/** The claim's version and history agree: one event per version, consecutive from 1, each starting where the last ended. */
async function expectConsistentHistory(app: TestApp, claim: ClaimView) {
  const { claim: row, events } = await claimRows(app.db, claim.id);
  expect(events.map((e) => e.version)).toEqual(Array.from({ length: row.version }, (_, i) => i + 1));
  for (let i = 1; i < events.length; i++) expect(events[i].fromState).toBe(events[i - 1].toState);
  expect(events[events.length - 1].toState).toBe(row.state);
}

describe('the verification workflow', () => {
  let s: Setup;
  beforeAll(async () => {
    s = await setUp();
  });
  afterAll(async () => {
    await s.app.close();
  });

  describe('createClaim', () => {
    it('creates an UNVERIFIED claim at version 1 with one CREATED event by the editor, anchored in the body', async () => {
      const claim = await s.newClaim();
      expect(claim).toMatchObject({ version: 1, state: 'UNVERIFIED', stance: 'ASSERTS', checkworthiness: 0.7 });
      expect(s.article.body.slice(claim.quote.start, claim.quote.end)).toBe(QUOTE);
      expect(s.article.body.slice(0, claim.quote.start).endsWith(claim.quote.prefix)).toBe(true);
      expect(claim.source.name).toBe('Millbrook City Council');
      expect(claim.history).toEqual([
        expect.objectContaining({ kind: 'CREATED', fromState: null, toState: 'UNVERIFIED', actor: expect.objectContaining({ name: 'Erin Editor' }) }),
      ]);
    });

    it('refuses a quote that is not in the article body, naming the field, and stores nothing', async () => {
      const before = (await s.app.gql('{ claims { totalCount } }')).data!.claims.totalCount;
      const result = await s.run('createClaim', {
        articleId: s.article.id, text: 'Rates triple', quote: { exact: 'rates will triple next year' },
        source: { name: 'Someone' }, stance: 'ASSERTS',
      }, s.editor);
      expect(codes(result)).toEqual(['BAD_USER_INPUT']);
      expect(result.errors![0].extensions!.problems).toEqual([expect.objectContaining({ field: 'quote' })]);
      expect((await s.app.gql('{ claims { totalCount } }')).data!.claims.totalCount).toBe(before);
    });

    it('lists every problem at once: empty text, checkworthiness out of range, ambiguous quote', async () => {
      const result = await s.run('createClaim', {
        articleId: s.article.id, text: '   ', quote: { exact: 'Doe' }, source: { name: 'Mayor Jane Doe', kind: 'PERSON' },
        stance: 'HEDGES', checkworthiness: 1.5,
      }, s.editor);
      expect(codes(result)).toEqual(['BAD_USER_INPUT']);
      const fields = (result.errors![0].extensions!.problems as { field: string }[]).map((p) => p.field).sort();
      expect(fields).toEqual(['checkworthiness', 'quote', 'text']);
    });

    it('anchors a repeated quote by its prefix', async () => {
      const wrongPrefix = await s.run('createClaim', {
        articleId: s.article.id, text: 'Doe denied the increase covers the shortfall',
        quote: { exact: 'Doe', prefix: 'She denied' }, source: { name: 'Jane Doe', kind: 'PERSON' }, stance: 'DENIES',
      }, s.editor);
      // "She denied" does not precede "Doe" in the body: the prefix must narrow the match, not be ignored.
      expect(codes(wrongPrefix)).toEqual(['BAD_USER_INPUT']);
      const anchored = await s.ok('createClaim', {
        articleId: s.article.id, text: 'Doe spoke to reporters', quote: { exact: 'Doe', prefix: 'said Mayor Jane ' },
        source: { name: 'Jane Doe', kind: 'PERSON' }, stance: 'ASSERTS',
      }, s.editor);
      expect(s.article.body.slice(anchored.quote.start - 'said Mayor Jane '.length, anchored.quote.end)).toBe('said Mayor Jane Doe');
    });

    it('answers NOT_FOUND for an article that does not exist and BAD_USER_INPUT for an id that is not an article id', async () => {
      const input = { text: 'x', quote: { exact: 'x' }, source: { name: 'x' }, stance: 'ASSERTS' };
      const missing = await s.run('createClaim', { ...input, articleId: Buffer.from('Article:999999').toString('base64url') }, s.editor);
      expect(codes(missing)).toEqual(['NOT_FOUND']);
      const claim = await s.newClaim();
      const wrongType = await s.run('createClaim', { ...input, articleId: claim.id }, s.editor);
      expect(codes(wrongType)).toEqual(['BAD_USER_INPUT']);
    });
  });

  describe('updateClaim', () => {
    it('re-anchors a changed quote in the article body and records one EDITED event naming what changed', async () => {
      const claim = await s.newClaim();
      const updated = await s.ok('updateClaim', {
        claimId: claim.id, expectedVersion: 1, quote: { exact: OTHER_QUOTE }, stance: 'HEDGES',
      }, s.editor);
      expect(updated.version).toBe(2);
      expect(updated.quote.exact).toBe(OTHER_QUOTE);
      expect(s.article.body.slice(updated.quote.start, updated.quote.end)).toBe(OTHER_QUOTE);
      expect(updated.stance).toBe('HEDGES');
      expect(updated.text).toBe(claim.text);
      expect(updated.history.map((e) => e.kind)).toEqual(['CREATED', 'EDITED']);
      expect(updated.history[1]).toMatchObject({ fromState: 'UNVERIFIED', toState: 'UNVERIFIED', note: 'Changed quote, stance', actor: { name: 'Erin Editor' } });
    });

    it('rejects a quote that does not occur in the body and leaves the claim as it was', async () => {
      const claim = await s.newClaim();
      const result = await s.run('updateClaim', { claimId: claim.id, expectedVersion: 1, quote: { exact: 'not in this article' } }, s.editor);
      expect(codes(result)).toEqual(['BAD_USER_INPUT']);
      expect(await s.read(claim.id)).toMatchObject({ version: 1, quote: claim.quote });
    });

    it('changes the source and clears checkworthiness with an explicit null', async () => {
      const claim = await s.newClaim();
      const updated = await s.ok('updateClaim', {
        claimId: claim.id, expectedVersion: 1, source: { name: 'Department of Public Utilities', kind: 'GOVERNMENT' }, checkworthiness: null,
      }, s.editor);
      expect(updated.source.name).toBe('Department of Public Utilities');
      expect(updated.checkworthiness).toBeNull();
      expect(updated.history[1].note).toBe('Changed source, checkworthiness');
    });

    it('refuses an update that changes nothing instead of recording an empty event', async () => {
      const claim = await s.newClaim();
      const same = await s.run('updateClaim', { claimId: claim.id, expectedVersion: 1, text: claim.text, stance: claim.stance }, s.editor);
      expect(codes(same)).toEqual(['BAD_USER_INPUT']);
      const empty = await s.run('updateClaim', { claimId: claim.id, expectedVersion: 1 }, s.editor);
      expect(codes(empty)).toEqual(['BAD_USER_INPUT']);
      expect((await s.read(claim.id)).version).toBe(1);
    });
  });

  describe('assignClaim', () => {
    it('assigns a reviewer without changing the state, with one ASSIGNED event', async () => {
      const claim = await s.newClaim();
      const assigned = await s.ok('assignClaim', { claimId: claim.id, reviewerId: s.ana.globalId, expectedVersion: 1 }, s.editor);
      expect(assigned).toMatchObject({ version: 2, state: 'UNVERIFIED', assignee: { id: s.ana.globalId, name: 'Ana' } });
      expect(assigned.history[1]).toMatchObject({ kind: 'ASSIGNED', fromState: 'UNVERIFIED', toState: 'UNVERIFIED', note: 'Assigned to Ana' });
    });

    it('refuses a VIEWER, a revoked reviewer and a reviewer that does not exist, and writes nothing', async () => {
      const claim = await s.newClaim();
      const revoked = await s.app.reviewer(Role.REVIEWER, 'Gone');
      await s.app.ctx().services.reviewers.revoke(s.app.ctx(), revoked.reviewer.id);
      const viewer = await s.run('assignClaim', { claimId: claim.id, reviewerId: s.viewer.globalId, expectedVersion: 1 }, s.editor);
      expect(codes(viewer)).toEqual(['BAD_USER_INPUT']);
      const gone = await s.run('assignClaim', { claimId: claim.id, reviewerId: revoked.reviewer.globalId, expectedVersion: 1 }, s.editor);
      expect(codes(gone)).toEqual(['BAD_USER_INPUT']);
      const missing = await s.run('assignClaim', {
        claimId: claim.id, reviewerId: Buffer.from('Reviewer:999999').toString('base64url'), expectedVersion: 1,
      }, s.editor);
      expect(codes(missing)).toEqual(['NOT_FOUND']);
      expect(await s.read(claim.id)).toMatchObject({ version: 1, assignee: null });
    });
  });

  describe('startReview', () => {
    it('moves an UNVERIFIED claim to IN_REVIEW with a REVIEW_STARTED event by the reviewer', async () => {
      const claim = await s.newClaim();
      const started = await s.ok('startReview', { claimId: claim.id, expectedVersion: 1 }, s.ana);
      expect(started).toMatchObject({ version: 2, state: 'IN_REVIEW' });
      expect(started.history[1]).toMatchObject({ kind: 'REVIEW_STARTED', fromState: 'UNVERIFIED', toState: 'IN_REVIEW', actor: { name: 'Ana' } });
    });

    it('is INVALID_TRANSITION on a claim already IN_REVIEW or in a final state, with the state in extensions', async () => {
      const claim = await s.newClaim();
      await s.ok('startReview', { claimId: claim.id, expectedVersion: 1 }, s.ana);
      const again = await s.run('startReview', { claimId: claim.id, expectedVersion: 2 }, s.ben);
      expect(codes(again)).toEqual(['INVALID_TRANSITION']);
      expect(again.errors![0].extensions!.state).toBe('IN_REVIEW');

      const verified = await s.ok('setClaimState', { claimId: claim.id, expectedVersion: 2, state: 'VERIFIED', note: 'Confirmed by the utilities report' }, s.editor);
      const final = await s.run('startReview', { claimId: claim.id, expectedVersion: verified.version }, s.ben);
      expect(codes(final)).toEqual(['INVALID_TRANSITION']);
      expect(final.errors![0].message).toMatch(/final state/);
      expect((await s.read(claim.id)).version).toBe(3);
    });
  });

  describe('submitReview', () => {
    it('starts the review on an UNVERIFIED claim: one REVIEW_SUBMITTED event from UNVERIFIED to IN_REVIEW, one version bump', async () => {
      const claim = await s.newClaim();
      const reviewed = await s.ok('submitReview', s.review(claim, 'SUPPORTED'), s.ana);
      expect(reviewed).toMatchObject({ version: 2, state: 'IN_REVIEW' });
      expect(reviewed.history.map((e) => [e.kind, e.fromState, e.toState])).toEqual([
        ['CREATED', null, 'UNVERIFIED'],
        ['REVIEW_SUBMITTED', 'UNVERIFIED', 'IN_REVIEW'],
      ]);
      expect(reviewed.reviews).toEqual([
        expect.objectContaining({ verdict: 'SUPPORTED', confidence: 0.8, reviewer: { id: s.ana.globalId, name: 'Ana' }, evidence: [expect.objectContaining({ url: 'https://example.org/report' })] }),
      ]);
    });

    it.each([
      ['SUPPORTED', 'VERIFIED'],
      ['REFUTED', 'FALSE'],
      ['MISLEADING', 'MISLEADING'],
      ['UNVERIFIABLE', 'UNVERIFIABLE'],
    ])('gives the claim its final state when two reviewers agree on %s (quorum 2): %s', async (verdict, state) => {
      const claim = await s.newClaim();
      const first = await s.ok('submitReview', s.review(claim, verdict), s.ana);
      const second = await s.ok('submitReview', s.review(first, verdict), s.ben);
      expect(second).toMatchObject({ version: 3, state });
      expect(second.history[2]).toMatchObject({ kind: 'REVIEW_SUBMITTED', fromState: 'IN_REVIEW', toState: state, actor: { name: 'Ben' } });
    });

    it('moves a claim to DISPUTED when two reviewers disagree, and lets reviewers keep submitting there', async () => {
      const claim = await s.newClaim();
      const first = await s.ok('submitReview', s.review(claim, 'SUPPORTED'), s.ana);
      const disputed = await s.ok('submitReview', s.review(first, 'REFUTED', { evidence: evidence('https://example.org/other', 'REFUTES') }), s.ben);
      expect(disputed.state).toBe('DISPUTED');
      const third = await s.ok('submitReview', s.review(disputed, 'SUPPORTED'), s.cy);
      expect(third.state).toBe('DISPUTED');
      // Ben changes his mind: his newer review supersedes the older one, and now all latest verdicts agree.
      const resolved = await s.ok('submitReview', s.review(third, 'SUPPORTED'), s.ben);
      expect(resolved).toMatchObject({ state: 'VERIFIED', version: 5 });
      expect(resolved.reviews.map((r) => `${r.reviewer.name}:${r.verdict}`)).toEqual(['Ana:SUPPORTED', 'Ben:REFUTED', 'Cy:SUPPORTED', 'Ben:SUPPORTED']);
      expect(resolved.history[4].note).toMatch(/supersedes their earlier REFUTED/);
    });

    it("counts only a reviewer's latest review: one reviewer changing their verdict is not a dispute", async () => {
      const claim = await s.newClaim();
      const first = await s.ok('submitReview', s.review(claim, 'SUPPORTED'), s.ana);
      const changed = await s.ok('submitReview', s.review(first, 'REFUTED'), s.ana);
      expect(changed).toMatchObject({ state: 'IN_REVIEW', version: 3 });
      expect(changed.reviews).toHaveLength(2);
      const agreed = await s.ok('submitReview', s.review(changed, 'REFUTED'), s.ben);
      expect(agreed.state).toBe('FALSE');
    });

    it('is INVALID_TRANSITION on a final claim and writes nothing', async () => {
      const claim = await s.newClaim();
      const first = await s.ok('submitReview', s.review(claim, 'REFUTED'), s.ana);
      const final = await s.ok('submitReview', s.review(first, 'REFUTED'), s.ben);
      const late = await s.run('submitReview', s.review(final, 'SUPPORTED'), s.cy);
      expect(codes(late)).toEqual(['INVALID_TRANSITION']);
      expect(late.errors![0].extensions!.state).toBe('FALSE');
      const rows = await claimRows(s.app.db, claim.id);
      expect(rows.claim.version).toBe(3);
      expect(rows.reviews).toHaveLength(2);
      expect(rows.events).toHaveLength(3);
    });

    describe('validation', () => {
      it.each([
        ['a SUPPORTED verdict without evidence', { evidence: [] }, ['evidence']],
        ['a REFUTED verdict with a whitespace-only rationale', { verdict: 'REFUTED', rationale: ' \n\t ' }, ['rationale']],
        ['an ftp evidence link', { evidence: [{ url: 'ftp://example.org/file', stance: 'SUPPORTS' }] }, ['evidence[0].url']],
        ['a relative evidence link', { evidence: [{ url: '/reports/1', stance: 'SUPPORTS' }] }, ['evidence[0].url']],
        ['a confidence above 1', { confidence: 1.5 }, ['confidence']],
        ['a rationale over 10,000 characters', { rationale: 'x'.repeat(10_001) }, ['rationale']],
        ['a whitespace-only idempotency key', { idempotencyKey: '   ' }, ['idempotencyKey']],
        ['a MISLEADING verdict with neither evidence nor rationale', { verdict: 'MISLEADING', rationale: '', evidence: [] }, ['evidence', 'rationale']],
      ])('refuses %s with BAD_USER_INPUT naming the field, and writes nothing', async (_label, change, fields) => {
        const claim = await s.newClaim();
        const result = await s.run('submitReview', { ...s.review(claim, 'SUPPORTED'), ...change }, s.ana);
        expect(codes(result)).toEqual(['BAD_USER_INPUT']);
        expect((result.errors![0].extensions!.problems as { field: string }[]).map((p) => p.field).sort()).toEqual(fields);
        const rows = await claimRows(s.app.db, claim.id);
        expect([rows.claim.version, rows.reviews.length, rows.events.length]).toEqual([1, 0, 1]);
      });

      it('accepts an UNVERIFIABLE verdict with no evidence and an empty rationale', async () => {
        const claim = await s.newClaim();
        const result = await s.ok('submitReview', { ...s.review(claim, 'UNVERIFIABLE'), rationale: '', evidence: [] }, s.ana);
        expect(result.state).toBe('IN_REVIEW');
      });

      it('refuses an expectedVersion below 1 and a claim id of another type', async () => {
        const claim = await s.newClaim();
        expect(codes(await s.run('submitReview', { ...s.review(claim, 'SUPPORTED'), expectedVersion: 0 }, s.ana))).toEqual(['BAD_USER_INPUT']);
        expect(codes(await s.run('submitReview', { ...s.review(claim, 'SUPPORTED'), claimId: s.article.id }, s.ana))).toEqual(['BAD_USER_INPUT']);
        expect(codes(await s.run('submitReview', { ...s.review(claim, 'SUPPORTED'), claimId: Buffer.from('Claim:999999').toString('base64url') }, s.ana)))
          .toEqual(['NOT_FOUND']);
      });
    });

    describe('a stale expectedVersion', () => {
      it('fails with CONFLICT and the current version, and writes nothing', async () => {
        const claim = await s.newClaim();
        await s.ok('submitReview', s.review(claim, 'SUPPORTED'), s.ana);
        const stale = await s.run('submitReview', s.review(claim, 'REFUTED'), s.ben);
        expect(codes(stale)).toEqual(['CONFLICT']);
        expect(stale.errors![0].extensions!.currentVersion).toBe(2);
        const rows = await claimRows(s.app.db, claim.id);
        expect(rows.claim).toMatchObject({ version: 2, state: 'IN_REVIEW' });
        expect(rows.reviews.map((r) => r.verdict)).toEqual(['SUPPORTED']);
        expect(rows.events).toHaveLength(2);
      });

      it.each(['updateClaim', 'assignClaim', 'startReview', 'setClaimState'] as const)('makes %s fail with CONFLICT too', async (name) => {
        const claim = await s.newClaim();
        await s.ok('assignClaim', { claimId: claim.id, reviewerId: s.cy.globalId, expectedVersion: 1 }, s.editor);
        const inputs = {
          updateClaim: { text: 'Something else' },
          assignClaim: { reviewerId: s.ana.globalId },
          startReview: {},
          setClaimState: { state: 'VERIFIED', note: 'Looks right' },
        };
        const result = await s.run(name, { claimId: claim.id, expectedVersion: 1, ...inputs[name] }, name === 'startReview' ? s.ana : s.editor);
        expect(codes(result)).toEqual(['CONFLICT']);
        expect(result.errors![0].extensions!.currentVersion).toBe(2);
        expect(await s.read(claim.id)).toMatchObject({ version: 2, state: 'UNVERIFIED', text: claim.text, assignee: { name: 'Cy' } });
      });
    });

    describe('idempotency keys', () => {
      it('replays a retry with the same key and input: success, the current claim, nothing written', async () => {
        const claim = await s.newClaim();
        const input = s.review(claim, 'SUPPORTED', { idempotencyKey: 'ana-claim-1' });
        const first = await s.ok('submitReview', input, s.ana);
        // Meanwhile Ben reviews too, so the retry's expectedVersion is stale: a replay is still no CONFLICT.
        const afterBen = await s.ok('submitReview', s.review(first, 'REFUTED'), s.ben);
        const retry = await s.ok('submitReview', input, s.ana);
        expect(retry).toMatchObject({ id: claim.id, version: afterBen.version, state: 'DISPUTED' });
        const rows = await claimRows(s.app.db, claim.id);
        expect(rows.claim.version).toBe(3);
        expect(rows.reviews).toHaveLength(2);
        expect(rows.events).toHaveLength(3);
        expect(rows.keys).toEqual([expect.objectContaining({ key: 'ana-claim-1', resultVersion: 2 })]);
      });

      it('treats the trimmed rationale as the same input', async () => {
        const claim = await s.newClaim();
        const input = s.review(claim, 'SUPPORTED', { idempotencyKey: 'trim-check' });
        await s.ok('submitReview', input, s.ana);
        await s.ok('submitReview', { ...input, rationale: `  ${input.rationale}\n` }, s.ana);
        expect((await claimRows(s.app.db, claim.id)).reviews).toHaveLength(1);
      });

      it('refuses the same key with a different input as BAD_USER_INPUT, and writes nothing', async () => {
        const claim = await s.newClaim();
        const input = s.review(claim, 'SUPPORTED', { idempotencyKey: 'ana-claim-2' });
        await s.ok('submitReview', input, s.ana);
        const changed = await s.run('submitReview', { ...input, verdict: 'REFUTED' }, s.ana);
        expect(codes(changed)).toEqual(['BAD_USER_INPUT']);
        expect(changed.errors![0].extensions!.problems).toEqual([expect.objectContaining({ field: 'idempotencyKey' })]);
        const other = await s.newClaim();
        const elsewhere = await s.run('submitReview', { ...s.review(other, 'SUPPORTED'), idempotencyKey: 'ana-claim-2' }, s.ana);
        expect(codes(elsewhere)).toEqual(['BAD_USER_INPUT']);
        expect((await claimRows(s.app.db, claim.id)).claim.version).toBe(2);
        expect((await claimRows(s.app.db, other.id)).claim.version).toBe(1);
      });

      it('accepts one of two simultaneous first uses of a key on different claims and refuses the other as BAD_USER_INPUT', async () => {
        for (let round = 0; round < 5; round++) {
          const [one, two] = await Promise.all([s.newClaim(), s.newClaim()]);
          const key = `simultaneous-${round}`;
          const results = await Promise.all([
            s.run('submitReview', s.review(one, 'SUPPORTED', { idempotencyKey: key }), s.cy),
            s.run('submitReview', s.review(two, 'SUPPORTED', { idempotencyKey: key }), s.cy),
          ]);
          expect(results.map((r) => codes(r).join() || 'ok').sort()).toEqual(['BAD_USER_INPUT', 'ok']);
          const versions = [(await claimRows(s.app.db, one.id)).claim.version, (await claimRows(s.app.db, two.id)).claim.version];
          expect(versions.sort()).toEqual([1, 2]);
        }
      });

      it('keeps keys per reviewer: another reviewer may use the same key', async () => {
        const claim = await s.newClaim();
        const first = await s.ok('submitReview', s.review(claim, 'SUPPORTED', { idempotencyKey: 'shared-key' }), s.ana);
        const second = await s.ok('submitReview', s.review(first, 'SUPPORTED', { idempotencyKey: 'shared-key' }), s.ben);
        expect(second).toMatchObject({ version: 3, state: 'VERIFIED' });
      });

      it('does not consume a key when the request fails: a retry after a CONFLICT is judged afresh', async () => {
        const claim = await s.newClaim();
        await s.ok('startReview', { claimId: claim.id, expectedVersion: 1 }, s.cy);
        const stale = s.review(claim, 'SUPPORTED', { idempotencyKey: 'after-conflict' });
        expect(codes(await s.run('submitReview', stale, s.ana))).toEqual(['CONFLICT']);
        const fresh = await s.ok('submitReview', { ...stale, expectedVersion: 2, idempotencyKey: 'after-conflict' }, s.ana);
        expect(fresh.version).toBe(3);
      });
    });
  });

  describe('setClaimState', () => {
    it('needs a note: empty or whitespace-only is BAD_USER_INPUT and writes nothing', async () => {
      const claim = await s.newClaim();
      for (const note of ['', '   \n ']) {
        const result = await s.run('setClaimState', { claimId: claim.id, expectedVersion: 1, state: 'FALSE', note }, s.editor);
        expect(codes(result)).toEqual(['BAD_USER_INPUT']);
        expect(result.errors![0].extensions!.problems).toEqual([expect.objectContaining({ field: 'note' })]);
      }
      expect(await s.read(claim.id)).toMatchObject({ version: 1, state: 'UNVERIFIED' });
    });

    it('lets an editor resolve a dispute, recording the note and the editor', async () => {
      const claim = await s.newClaim();
      const first = await s.ok('submitReview', s.review(claim, 'SUPPORTED'), s.ana);
      const disputed = await s.ok('submitReview', s.review(first, 'MISLEADING'), s.ben);
      expect(disputed.state).toBe('DISPUTED');
      const resolved = await s.ok('setClaimState', {
        claimId: claim.id, expectedVersion: disputed.version, state: 'MISLEADING', note: '  The figure omits the 2026 phase-in.  ',
      }, s.editor);
      expect(resolved).toMatchObject({ state: 'MISLEADING', version: 4 });
      expect(resolved.history[3]).toMatchObject({
        kind: 'STATE_CHANGED', fromState: 'DISPUTED', toState: 'MISLEADING', note: 'The figure omits the 2026 phase-in.', actor: { name: 'Erin Editor', role: 'EDITOR' },
      });
    });

    it('lets an editor reopen a final claim, after which reviewers may submit again', async () => {
      const claim = await s.newClaim();
      const verified = await s.ok('setClaimState', { claimId: claim.id, expectedVersion: 1, state: 'VERIFIED', note: 'Obvious' }, s.editor);
      expect(codes(await s.run('submitReview', s.review(verified, 'REFUTED'), s.ana))).toEqual(['INVALID_TRANSITION']);
      const reopened = await s.ok('setClaimState', { claimId: claim.id, expectedVersion: 2, state: 'IN_REVIEW', note: 'New figures published' }, s.editor);
      const reviewed = await s.ok('submitReview', s.review(reopened, 'REFUTED'), s.ana);
      expect(reviewed).toMatchObject({ state: 'IN_REVIEW', version: 4 });
    });

    it('is INVALID_TRANSITION when the claim is already in that state', async () => {
      const claim = await s.newClaim();
      const result = await s.run('setClaimState', { claimId: claim.id, expectedVersion: 1, state: 'UNVERIFIED', note: 'No change' }, s.editor);
      expect(codes(result)).toEqual(['INVALID_TRANSITION']);
    });
  });

  describe('history', () => {
    it('appends one event per change, never rewriting earlier ones, and version − 1 counts the events after creation', async () => {
      const claim = await s.newClaim();
      const snapshots: ClaimView[] = [claim];
      const steps: [MutationName, (c: ClaimView) => Record<string, unknown>, Reviewer][] = [
        ['assignClaim', (c) => ({ claimId: c.id, expectedVersion: c.version, reviewerId: s.ana.globalId }), s.editor],
        ['startReview', (c) => ({ claimId: c.id, expectedVersion: c.version }), s.ana],
        ['submitReview', (c) => s.review(c, 'SUPPORTED'), s.ana],
        ['updateClaim', (c) => ({ claimId: c.id, expectedVersion: c.version, text: 'Water rates rise 18% over two years' }), s.editor],
        ['submitReview', (c) => s.review(c, 'REFUTED'), s.ben],
        ['setClaimState', (c) => ({ claimId: c.id, expectedVersion: c.version, state: 'FALSE', note: 'The increase is 18% in total, not per year' }), s.editor],
      ];
      for (const [name, input, as] of steps) {
        const previous = snapshots[snapshots.length - 1];
        const next = await s.ok(name, input(previous), as);
        expect(next.version).toBe(previous.version + 1);
        // Earlier events are untouched: the old history is a prefix of the new one.
        expect(next.history.slice(0, previous.history.length)).toEqual(previous.history);
        snapshots.push(next);
      }
      const last = await s.read(claim.id);
      expect(last.history.map((e) => `${e.kind}:${e.actor?.name}`)).toEqual([
        'CREATED:Erin Editor', 'ASSIGNED:Erin Editor', 'REVIEW_STARTED:Ana', 'REVIEW_SUBMITTED:Ana', 'EDITED:Erin Editor',
        'REVIEW_SUBMITTED:Ben', 'STATE_CHANGED:Erin Editor',
      ]);
      expect(last.history.map((e) => e.toState)).toEqual(['UNVERIFIED', 'UNVERIFIED', 'IN_REVIEW', 'IN_REVIEW', 'IN_REVIEW', 'DISPUTED', 'FALSE']);
      expect(last.version - 1).toBe(last.history.length - 1);
      await expectConsistentHistory(s.app, last);
    });

    it('loads the history and reviews of a page of claims in a few batched statements, not one per claim', async () => {
      const claims = await Promise.all([s.newClaim(), s.newClaim(), s.newClaim()]);
      for (const claim of claims) await s.ok('submitReview', s.review(claim, 'SUPPORTED'), s.ana);
      const before = s.app.db.statementCount;
      const result = await s.app.gql(`{ claims(first: 100) {
        edges { node { history { kind actor { name } } reviews { verdict reviewer { name } evidence { url } } } } } }`);
      expect(result.errors).toBeUndefined();
      expect(result.data!.claims.edges.length).toBeGreaterThanOrEqual(80);
      // The page with its history, reviews, evidence and reviewers in one statement; no count was asked for.
      expect(s.app.db.statementCount - before).toBeLessThanOrEqual(4);
      // Actors and reviewers joined in the page's statement are those each claim's own read gives.
      const from = Math.min(...claims.map((claim) => rowIdOf(claim.id))) - 1;
      const page = await s.app.gql(`query ($after: String) { claims(first: 10, after: $after) {
        edges { node { id history { kind actor { name } } reviews { verdict reviewer { name } evidence { url } } } } } }`, { after: toCursor('Claim', from) });
      expect(page.errors).toBeUndefined();
      for (const claim of claims) {
        const onPage = page.data!.claims.edges.find((edge: { node: { id: string } }) => edge.node.id === claim.id).node;
        const alone = await s.read(claim.id);
        expect(onPage.history.map((e: { kind: string; actor: { name: string } | null }) => `${e.kind}:${e.actor?.name}`))
          .toEqual(alone.history.map((e) => `${e.kind}:${e.actor?.name}`));
        expect(onPage.history.some((e: { actor: unknown }) => e.actor !== null)).toBe(true);
        expect(onPage.reviews.map((r: { reviewer: { name: string } }) => r.reviewer.name)).toEqual(['Ana']);
      }
    });
  });
});

describe('consensus with REVIEW_QUORUM=3', () => {
  let s: Setup;
  beforeAll(async () => {
    s = await setUp({ REVIEW_QUORUM: '3' });
  });
  afterAll(async () => {
    await s.app.close();
  });

  it('keeps the claim IN_REVIEW after two agreeing reviews and verifies it at the third', async () => {
    const claim = await s.newClaim();
    const one = await s.ok('submitReview', s.review(claim, 'SUPPORTED'), s.ana);
    const two = await s.ok('submitReview', s.review(one, 'SUPPORTED'), s.ben);
    expect(two.state).toBe('IN_REVIEW');
    const three = await s.ok('submitReview', s.review(two, 'SUPPORTED'), s.cy);
    expect(three).toMatchObject({ state: 'VERIFIED', version: 4 });
  });

  it('still calls two disagreeing reviews a dispute, below the quorum', async () => {
    const claim = await s.newClaim();
    const one = await s.ok('submitReview', s.review(claim, 'SUPPORTED'), s.ana);
    const two = await s.ok('submitReview', s.review(one, 'UNVERIFIABLE', { evidence: [] }), s.ben);
    expect(two.state).toBe('DISPUTED');
  });
});

describe('an unexpected failure in production', () => {
  let s: Setup;
  beforeAll(async () => {
    s = await setUp({ NODE_ENV: 'production' });
  });
  afterAll(async () => {
    await s.app.close();
  });

  it('is INTERNAL_SERVER_ERROR without SQL or stack, and rolls back everything the mutation wrote before it', async () => {
    const claim = await s.newClaim();
    // Break the last write of submitReview: the review, its evidence, the claim and the event are written first.
    await s.app.db.write(async (manager) => {
      if (s.app.db.kind === 'sqlite') {
        await manager.query(`CREATE TRIGGER refuse_keys BEFORE INSERT ON idempotency_key BEGIN SELECT RAISE(ABORT, 'disk on fire'); END`);
      } else {
        await manager.query(`CREATE FUNCTION refuse_keys() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'disk on fire'; END $$ LANGUAGE plpgsql`);
        await manager.query('CREATE TRIGGER refuse_keys BEFORE INSERT ON idempotency_key FOR EACH ROW EXECUTE FUNCTION refuse_keys()');
      }
    });
    const result = await s.run('submitReview', s.review(claim, 'SUPPORTED', { idempotencyKey: 'doomed' }), s.ana);
    expect(codes(result)).toEqual(['INTERNAL_SERVER_ERROR']);
    const text = JSON.stringify(result.errors);
    expect(text).not.toMatch(/disk on fire|idempotency_key|INSERT|SQLITE|stack|at \//i);
    const id = rowIdOf(claim.id);
    const reader = s.app.db.reader;
    expect((await reader.getRepository(Claim).findOneByOrFail({ id })).version).toBe(1);
    expect(await reader.getRepository(Review).countBy({ claimId: id })).toBe(0);
    expect(await reader.getRepository(ClaimEvent).countBy({ claimId: id })).toBe(1);
    const after = await s.read(claim.id);
    expect(after).toMatchObject({ version: 1, state: 'UNVERIFIED', reviews: [] });
    expect(after.history).toHaveLength(1);
  });
});
