import { Role } from '../../src/domain/types';
import type { Reviewer } from '../../src/entities';
import { codes, createTestApp, TestApp } from '../support/app';
import { evidence } from '../support/verification';

const AGREEMENT = `query Agreement($filter: AgreementFilter) { agreement(filter: $filter) {
  krippendorffAlpha claims reviews
  pairwise { reviewerA { name } reviewerB { name } kappa claims observedAgreement }
  reviewers { reviewer { name } claims finalClaims matchedFinal matchRate } } }`;

describe('agreement', () => {
  let app: TestApp;
  let editor: Reviewer;
  let articleId: string;
  let otherArticleId: string;
  beforeAll(async () => {
    app = await createTestApp({ seed: true });
    editor = (await app.reviewer(Role.EDITOR, 'Erin')).reviewer;
    const ana = (await app.reviewer(Role.REVIEWER, 'Ana')).reviewer;
    const ben = (await app.reviewer(Role.REVIEWER, 'Ben')).reviewer;
    const articles = (await app.gql('{ articles(first: 10) { edges { node { id slug claims(first: 4) { edges { node { id } } } } } } }')).data!.articles.edges
      .map((e: { node: { id: string; slug: string; claims: { edges: { node: { id: string } }[] } } }) => e.node);
    const article = articles.find((a: { slug: string }) => a.slug === 'us-china-rare-earth-deal');
    articleId = article.id;
    otherArticleId = articles.find((a: { slug: string }) => a.slug === 'city-water-rates').id;
    const claims: string[] = article.claims.edges.map((e: { node: { id: string } }) => e.node.id);
    const verdicts: [Reviewer, string[]][] = [[ana, ['SUPPORTED', 'SUPPORTED', 'REFUTED', 'REFUTED']], [ben, ['SUPPORTED', 'REFUTED', 'REFUTED', 'REFUTED']]];
    for (const [reviewer, list] of verdicts) {
      for (const [i, verdict] of list.entries()) {
        const { version } = (await app.gql('query($id: ID!) { claim(id: $id) { version } }', { id: claims[i] })).data!.claim;
        const result = await app.gql('mutation($input: SubmitReviewInput!) { submitReview(input: $input) { state } }', { input: {
          claimId: claims[i], expectedVersion: version, verdict, confidence: 0.9, rationale: 'checked', evidence: evidence(),
        } }, reviewer);
        expect(result.errors).toBeUndefined();
      }
    }
    // The dispute on the second claim is resolved as FALSE: Ana's SUPPORTED no longer matches its final state.
    const { version } = (await app.gql('query($id: ID!) { claim(id: $id) { version state } }', { id: claims[1] })).data!.claim;
    expect((await app.gql('mutation($input: SetClaimStateInput!) { setClaimState(input: $input) { state } }', {
      input: { claimId: claims[1], expectedVersion: version, state: 'FALSE', note: 'The ministry denied it' },
    }, editor)).errors).toBeUndefined();
  });
  afterAll(async () => {
    await app.close();
  });

  it("reports Krippendorff's alpha, pairwise kappa and each reviewer's match with the final states", async () => {
    const result = await app.gql(AGREEMENT, { filter: { articleId } }, editor);
    expect(result.errors).toBeUndefined();
    const agreement = result.data!.agreement;
    // Ana S S R R, Ben S R R R: values S×3, R×5 (n = 8); one disagreeing unit gives o_SR = o_RS = 1,
    // so α = 1 − 7·2 / (2·3·5) = 0.533; κ = (0.75 − 0.5) / (1 − 0.5) = 0.5.
    expect(agreement.krippendorffAlpha.toFixed(3)).toBe('0.533');
    expect(agreement).toMatchObject({ claims: 4, reviews: 8 });
    expect(agreement.pairwise).toEqual([{ reviewerA: { name: 'Ana' }, reviewerB: { name: 'Ben' }, kappa: 0.5, claims: 4, observedAgreement: 0.75 }]);
    expect(agreement.reviewers).toEqual([
      { reviewer: { name: 'Ana' }, claims: 4, finalClaims: 4, matchedFinal: 3, matchRate: 0.75 },
      { reviewer: { name: 'Ben' }, claims: 4, finalClaims: 4, matchedFinal: 4, matchRate: 1 },
    ]);
  });

  it('counts only the reviews the filter selects: another article, or a window with none, has no figures', async () => {
    const other = (await app.gql(AGREEMENT, { filter: { articleId: otherArticleId } }, editor)).data!.agreement;
    expect(other).toEqual({ krippendorffAlpha: null, claims: 0, reviews: 0, pairwise: [], reviewers: [] });
    const later = (await app.gql(AGREEMENT, { filter: { since: new Date(Date.now() + 3_600_000).toISOString() } }, editor)).data!.agreement;
    expect(later.reviews).toBe(0);
    const all = (await app.gql(AGREEMENT, { filter: { until: new Date(Date.now() + 3_600_000).toISOString() } }, editor)).data!.agreement;
    expect(all.reviews).toBe(8);
  });

  it('is for editors only, and refuses an empty or reversed window', async () => {
    const reviewer = (await app.reviewer(Role.REVIEWER)).reviewer;
    expect(codes(await app.gql(AGREEMENT, {}, reviewer))).toEqual(['FORBIDDEN']);
    expect(codes(await app.gql(AGREEMENT, {}))).toEqual(['UNAUTHENTICATED']);
    const now = new Date().toISOString();
    expect(codes(await app.gql(AGREEMENT, { filter: { since: now, until: now } }, editor))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await app.gql(AGREEMENT, { filter: { articleId: 'garbage' } }, editor))).toEqual(['BAD_USER_INPUT']);
  });
});
