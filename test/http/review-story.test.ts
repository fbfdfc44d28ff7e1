import { Role } from '../../src/domain/types';
import { codes, createTestApp, TestApp } from '../support/app';
import { CLAIM_QUERY, evidence, httpClient, MUTATIONS, MutationName } from '../support/verification';

type ClaimView = {
  id: string;
  version: number;
  state: string;
  assignee: { id: string; name: string } | null;
  history: { kind: string; fromState: string | null; toState: string; note: string | null; at: string; actor: { name: string; role: string } | null }[];
  reviews: { verdict: string; reviewer: { name: string }; evidence: { url: string }[] }[];
};

describe('a review, told over HTTP', () => {
  let app: TestApp;
  let gql: ReturnType<typeof httpClient>;
  const token: Record<string, string> = {};

  async function mutate(name: MutationName, input: Record<string, unknown>, as: string): Promise<ClaimView> {
    const { status, body } = await gql<Record<string, ClaimView>>(MUTATIONS[name], { input }, token[as]);
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    return body.data![name];
  }

  function verdict(claim: ClaimView, value: string, url: string, stance = 'SUPPORTS') {
    return {
      claimId: claim.id, expectedVersion: claim.version, verdict: value, confidence: 0.9,
      rationale: `Checked against ${url}`, evidence: [{ url, title: 'Source document', stance }],
      idempotencyKey: `${value}-${claim.version}`,
    };
  }

  beforeAll(async () => {
    app = await createTestApp({ seed: true });
    gql = httpClient((await app.server.listen(0, '127.0.0.1')).url);
    token.erin = (await app.reviewer(Role.EDITOR, 'Erin')).token;
    token.ana = (await app.reviewer(Role.REVIEWER, 'Ana')).token;
    token.ben = (await app.reviewer(Role.REVIEWER, 'Ben')).token;
    token.cy = (await app.reviewer(Role.REVIEWER, 'Cy')).token;
  });
  afterAll(async () => {
    await app.close();
  });

  it('goes from a new claim through agreement, a reopening, a dispute and an editor’s resolution, all in the history', async () => {
    const { body: me } = await gql('{ me { name role } }', {}, token.ana);
    expect(me.data!.me).toEqual({ name: 'Ana', role: 'REVIEWER' });
    const { body: article } = await gql('{ article(slug: "city-water-rates") { id } }');

    // Erin, an editor, curates a claim and assigns it to Ana.
    const created = await mutate('createClaim', {
      articleId: article.data!.article.id, text: 'Millbrook will raise water rates by 18 percent over two years',
      quote: { exact: 'raise water rates by 18 percent' }, source: { name: 'Millbrook City Council', kind: 'GOVERNMENT' },
      stance: 'ASSERTS', checkworthiness: 0.8,
    }, 'erin');
    expect(created).toMatchObject({ version: 1, state: 'UNVERIFIED' });
    const assigned = await mutate('assignClaim', { claimId: created.id, reviewerId: await idOf('ana'), expectedVersion: 1 }, 'erin');
    expect(assigned.assignee).toMatchObject({ name: 'Ana' });

    // Ana starts the review and supports the claim; Ben agrees: two agreeing reviews verify it.
    const started = await mutate('startReview', { claimId: created.id, expectedVersion: assigned.version }, 'ana');
    expect(started.state).toBe('IN_REVIEW');
    const anaReview = await mutate('submitReview', verdict(started, 'SUPPORTED', 'https://millbrook.example/minutes'), 'ana');
    expect(anaReview.state).toBe('IN_REVIEW');
    const verified = await mutate('submitReview', verdict(anaReview, 'SUPPORTED', 'https://millbrook.example/ordinance'), 'ben');
    expect(verified).toMatchObject({ state: 'VERIFIED', version: 5 });
    const { body: jsonLd } = await gql(`query($id: ID!) { claim(id: $id) { claimReview } }`, { id: created.id });
    expect(jsonLd.data!.claim.claimReview).toMatchObject({ '@type': 'ClaimReview', reviewRating: { alternateName: 'True' } });

    // Cy is too late: a final claim takes no more reviews until an editor reopens it.
    const late = await gql(MUTATIONS.submitReview, { input: verdict(verified, 'REFUTED', 'https://utilities.example/report', 'REFUTES') }, token.cy);
    expect(codes(late.body)).toEqual(['INVALID_TRANSITION']);
    const reopened = await mutate('setClaimState', {
      claimId: created.id, expectedVersion: verified.version, state: 'IN_REVIEW', note: 'The utilities report gives a different figure',
    }, 'erin');

    // Now Cy disagrees with the two standing verdicts: the claim is DISPUTED.
    const disputed = await mutate('submitReview', verdict(reopened, 'REFUTED', 'https://utilities.example/report', 'REFUTES'), 'cy');
    expect(disputed.state).toBe('DISPUTED');
    // Cy's client retries the same request (same key): a replay, nothing new is written.
    const replay = await mutate('submitReview', verdict(reopened, 'REFUTED', 'https://utilities.example/report', 'REFUTES'), 'cy');
    expect(replay).toMatchObject({ state: 'DISPUTED', version: disputed.version });

    // Erin resolves the dispute.
    const resolved = await mutate('setClaimState', {
      claimId: created.id, expectedVersion: disputed.version, state: 'VERIFIED', note: 'The report counts a different period; the 18% is right',
    }, 'erin');
    expect(resolved).toMatchObject({ state: 'VERIFIED', version: 8 });

    // Anyone can read the whole story, oldest first, with who did what.
    const { body } = await gql<{ claim: ClaimView }>(CLAIM_QUERY, { id: created.id });
    const claim = body.data!.claim;
    expect(claim.history.map((e) => [e.kind, e.actor?.name, e.fromState, e.toState])).toEqual([
      ['CREATED', 'Erin', null, 'UNVERIFIED'],
      ['ASSIGNED', 'Erin', 'UNVERIFIED', 'UNVERIFIED'],
      ['REVIEW_STARTED', 'Ana', 'UNVERIFIED', 'IN_REVIEW'],
      ['REVIEW_SUBMITTED', 'Ana', 'IN_REVIEW', 'IN_REVIEW'],
      ['REVIEW_SUBMITTED', 'Ben', 'IN_REVIEW', 'VERIFIED'],
      ['STATE_CHANGED', 'Erin', 'VERIFIED', 'IN_REVIEW'],
      ['REVIEW_SUBMITTED', 'Cy', 'IN_REVIEW', 'DISPUTED'],
      ['STATE_CHANGED', 'Erin', 'DISPUTED', 'VERIFIED'],
    ]);
    expect(claim.history[5].note).toBe('The utilities report gives a different figure');
    expect(claim.history[7].note).toBe('The report counts a different period; the 18% is right');
    const times = claim.history.map((e) => Date.parse(e.at));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(claim.version - 1).toBe(claim.history.length - 1);
    expect(claim.reviews.map((r) => `${r.reviewer.name}:${r.verdict}:${r.evidence[0].url}`)).toEqual([
      'Ana:SUPPORTED:https://millbrook.example/minutes',
      'Ben:SUPPORTED:https://millbrook.example/ordinance',
      'Cy:REFUTED:https://utilities.example/report',
    ]);
  });

  it('tells a reviewer with a stale version the current one, so the client can reload and retry', async () => {
    const { body: page } = await gql('{ claims(first: 1, filter: { states: [UNVERIFIED] }) { edges { node { id version } } } }');
    const claim = page.data!.claims.edges[0].node as { id: string; version: number };
    await mutate('startReview', { claimId: claim.id, expectedVersion: claim.version }, 'ana');
    const stale = await gql(MUTATIONS.submitReview, {
      input: { claimId: claim.id, expectedVersion: claim.version, verdict: 'REFUTED', confidence: 0.6, rationale: 'No source', evidence: evidence() },
    }, token.ben);
    expect(codes(stale.body)).toEqual(['CONFLICT']);
    const currentVersion = stale.body.errors![0].extensions!.currentVersion as number;
    expect(currentVersion).toBe(claim.version + 1);
    const retried = await mutate('submitReview', {
      claimId: claim.id, expectedVersion: currentVersion, verdict: 'REFUTED', confidence: 0.6, rationale: 'No source', evidence: evidence(),
    }, 'ben');
    expect(retried.version).toBe(currentVersion + 1);
  });

  async function idOf(name: string): Promise<string> {
    const { body } = await gql('{ me { id } }', {}, token[name]);
    return body.data!.me.id;
  }
});
