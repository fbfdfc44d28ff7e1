import fc from 'fast-check';
import { Role } from '../../src/domain/types';
import type { Reviewer } from '../../src/entities';
import { codes, createTestApp, TestApp } from '../support/app';
import { evidence } from '../support/verification';

const VIEW = `id version state text stance checkworthiness anchorStatus updatedAt quote { exact start end } assignee { name }
  reviews { verdict rationale reviewer { name } } history { kind fromState toState note at }`;
const CLAIM_AS_OF = `query($id: ID!, $asOf: DateTimeISO) { claim(id: $id, asOf: $asOf) { ${VIEW} } }`;
const BODY = 'The Millbrook council voted on Tuesday to raise water rates by 18 percent over two years. The mayor, Ellen Park, said the increase pays for new mains. Opponents said bills would double.';

type Command =
  | { type: 'submit'; reviewer: number; verdict: string }
  | { type: 'start' }
  | { type: 'setState'; state: string }
  | { type: 'assign'; reviewer: number }
  | { type: 'update'; stance: string };

const command: fc.Arbitrary<Command> = fc.oneof(
  fc.record({ type: fc.constant('submit' as const), reviewer: fc.integer({ min: 0, max: 2 }), verdict: fc.constantFrom('SUPPORTED', 'REFUTED', 'MISLEADING', 'UNVERIFIABLE') }),
  fc.record({ type: fc.constant('start' as const) }),
  fc.record({ type: fc.constant('setState' as const), state: fc.constantFrom('UNVERIFIED', 'IN_REVIEW', 'DISPUTED', 'VERIFIED', 'FALSE') }),
  fc.record({ type: fc.constant('assign' as const), reviewer: fc.integer({ min: 0, max: 2 }) }),
  fc.record({ type: fc.constant('update' as const), stance: fc.constantFrom('ASSERTS', 'HEDGES', 'DENIES') }),
);

// Two changes in one millisecond share an instant, and asOf that instant rightly shows the later one; spacing
// the mutations keeps every event's instant its own, so each can be compared with the snapshot taken after it.
const nextMillisecond = () => new Promise((resolve) => setTimeout(resolve, 2));

describe('time travel', () => {
  let app: TestApp;
  let editor: Reviewer;
  let reviewers: Reviewer[];
  let articleId: string;
  beforeAll(async () => {
    app = await createTestApp();
    editor = (await app.reviewer(Role.EDITOR, 'Erin')).reviewer;
    reviewers = [];
    for (const name of ['Ana', 'Ben', 'Cy']) reviewers.push((await app.reviewer(Role.REVIEWER, name)).reviewer);
    const ingested = await app.gql('mutation($input: IngestArticleInput!) { ingestArticle(input: $input) { id } }', {
      input: { title: 'Millbrook raises water rates', body: BODY, publisher: 'Millbrook Ledger', claims: [] },
    }, editor);
    expect(ingested.errors).toBeUndefined();
    articleId = ingested.data!.ingestArticle.id;
  });
  afterAll(async () => {
    await app.close();
  });

  async function run(claim: { id: string; version: number }, step: Command) {
    const target = { claimId: claim.id, expectedVersion: claim.version };
    const mutate = (name: string, type: string, input: Record<string, unknown>, as: Reviewer) =>
      app.gql(`mutation($input: ${type}!) { ${name}(input: $input) { version } }`, { input }, as);
    switch (step.type) {
      case 'submit':
        return mutate('submitReview', 'SubmitReviewInput', { ...target, verdict: step.verdict, confidence: 0.6,
          rationale: `${step.verdict} by ${step.reviewer}`, evidence: evidence() }, reviewers[step.reviewer]);
      case 'start':
        return mutate('startReview', 'StartReviewInput', target, reviewers[0]);
      case 'setState':
        return mutate('setClaimState', 'SetClaimStateInput', { ...target, state: step.state, note: `to ${step.state}` }, editor);
      case 'assign':
        return mutate('assignClaim', 'AssignClaimInput', { ...target, reviewerId: reviewers[step.reviewer].globalId }, editor);
      case 'update':
        return mutate('updateClaim', 'UpdateClaimInput', { ...target, stance: step.stance }, editor);
    }
  }

  it('answers asOf each event\'s instant exactly as the claim read right after that event', async () => {
    await fc.assert(fc.asyncProperty(fc.array(command, { minLength: 1, maxLength: 8 }), async (commands) => {
      const created = await app.gql('mutation($input: CreateClaimInput!) { createClaim(input: $input) { id version } }', { input: {
        articleId, text: 'Millbrook raises water rates by 18 percent', quote: { exact: 'raise water rates by 18 percent' },
        source: { name: 'Millbrook City Council', kind: 'GOVERNMENT' }, stance: 'ASSERTS', checkworthiness: 0.7,
      } }, editor);
      let claim = created.data!.createClaim as { id: string; version: number };
      const snapshots = [(await app.gql(CLAIM_AS_OF, { id: claim.id })).data!.claim];
      await nextMillisecond();
      for (const step of commands) {
        const result = await run(claim, step);
        if (result.errors) continue;
        const now = (await app.gql(CLAIM_AS_OF, { id: claim.id })).data!.claim;
        snapshots.push(now);
        claim = now;
        await nextMillisecond();
      }
      const history = snapshots.at(-1).history as { at: string }[];
      expect(history).toHaveLength(snapshots.length);
      for (const [i, event] of history.entries()) {
        const past = (await app.gql(CLAIM_AS_OF, { id: claim.id, asOf: event.at })).data!.claim;
        expect(past).toEqual(snapshots[i]);
      }
      const before = new Date(new Date(history[0].at).getTime() - 1).toISOString();
      expect((await app.gql(CLAIM_AS_OF, { id: claim.id, asOf: before })).data!.claim).toBeNull();
    }), { numRuns: 20 });
  });

  it('shows an article as of before its revision: the old text, the old revision, its claims where they stood', async () => {
    const ingested = await app.gql('mutation($input: IngestArticleInput!) { ingestArticle(input: $input) { id body claims(first: 10) { edges { node { id quote { start } } } } } }', {
      input: { title: 'Harbor reopens', body: 'The harbor reopened on 3 May after repairs costing $12 million, the port authority said.', publisher: 'Port Gazette',
        claims: [{ text: 'The harbor reopened on 3 May', quote: { exact: 'The harbor reopened on 3 May' }, source: { name: 'Port authority' }, stance: 'ASSERTS' }] },
    }, editor);
    const article = ingested.data!.ingestArticle;
    await nextMillisecond();
    const between = new Date().toISOString();
    await nextMillisecond();
    const revised = await app.gql('mutation($input: ReviseArticleInput!) { reviseArticle(input: $input) { moved } }', { input: {
      articleId: article.id, expectedRevision: 1, note: 'Added the date of the damage', body: `Storm damage closed it in March. ${article.body}`,
    } }, editor);
    expect(revised.errors).toBeUndefined();
    const AS_OF = `query($id: ID!, $asOf: DateTimeISO) { article(id: $id, asOf: $asOf) { revision body revisions { revision }
      claims(first: 10) { totalCount edges { node { version anchorStatus quote { start } } } } } }`;
    const past = (await app.gql(AS_OF, { id: article.id, asOf: between })).data!.article;
    expect(past).toEqual({ revision: 1, body: article.body, revisions: [{ revision: 1 }],
      claims: { totalCount: 1, edges: [{ node: { version: 1, anchorStatus: 'ANCHORED', quote: { start: 0 } } }] } });
    const now = (await app.gql(AS_OF, { id: article.id, asOf: new Date().toISOString() })).data!.article;
    expect(now.revision).toBe(2);
    expect(now.claims.edges[0].node).toEqual({ version: 2, anchorStatus: 'MOVED', quote: { start: 'Storm damage closed it in March. '.length } });
    const before = new Date(new Date(between).getTime() - 60_000).toISOString();
    expect((await app.gql(AS_OF, { id: article.id, asOf: before })).data!.article).toBeNull();
  });

  it('lists claims as they stood: only those that existed, filtered by their state then', async () => {
    const page = `query($asOf: DateTimeISO, $states: [VerificationState!]) { claims(first: 100, asOf: $asOf, filter: { states: $states }) { totalCount edges { node { id state } } } }`;
    const before = new Date(Date.now() - 3_600_000).toISOString();
    expect((await app.gql(page, { asOf: before })).data!.claims.totalCount).toBe(0);
    const all = (await app.gql(page, { asOf: new Date().toISOString() })).data!.claims;
    const current = (await app.gql('{ claims(first: 100) { totalCount edges { node { id state } } } }')).data!.claims;
    expect(all).toEqual(current);
    const verified = (await app.gql(page, { asOf: new Date().toISOString(), states: ['VERIFIED'] })).data!.claims;
    expect(verified.edges).toEqual(current.edges.filter((e: { node: { state: string } }) => e.node.state === 'VERIFIED'));
    expect(codes(await app.gql('query($asOf: DateTimeISO) { claims(asOf: $asOf, filter: { search: "rates" }) { totalCount } }', { asOf: before })))
      .toEqual(['BAD_USER_INPUT']);
  });
});
