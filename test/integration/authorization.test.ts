import { authenticate } from '../../src/auth';
import { Role } from '../../src/domain/types';
import { Claim } from '../../src/entities';
import { codes, createTestApp, GqlResult, TestApp } from '../support/app';
import { claimRows, evidence, httpClient, MUTATIONS, MutationName } from '../support/verification';

type Caller = 'anonymous' | 'VIEWER' | 'REVIEWER' | 'EDITOR' | 'revoked';
const CALLERS: Caller[] = ['anonymous', 'VIEWER', 'REVIEWER', 'EDITOR', 'revoked'];

// Who may call what, from CONTRACT.md: editors curate and decide, reviewers review.
const NEEDS: Record<MutationName, Role> = {
  createClaim: Role.EDITOR,
  updateClaim: Role.EDITOR,
  assignClaim: Role.EDITOR,
  startReview: Role.REVIEWER,
  submitReview: Role.REVIEWER,
  setClaimState: Role.EDITOR,
  ingestArticle: Role.EDITOR,
};

function expected(mutation: MutationName, caller: Caller): 'allowed' | 'UNAUTHENTICATED' | 'FORBIDDEN' {
  if (caller === 'anonymous' || caller === 'revoked') return 'UNAUTHENTICATED';
  if (caller === 'VIEWER') return 'FORBIDDEN';
  if (caller === 'REVIEWER') return NEEDS[mutation] === Role.REVIEWER ? 'allowed' : 'FORBIDDEN';
  return 'allowed';
}

describe('authorization', () => {
  let app: TestApp;
  const tokens = {} as Record<Exclude<Caller, 'anonymous'>, string>;
  let articleId: string;
  let assigneeId: string;

  /** Runs an operation with the Authorization header a client would send, authenticated as the HTTP layer does. */
  async function as(caller: Caller, query: string, variables: Record<string, unknown> = {}): Promise<GqlResult> {
    const header = caller === 'anonymous' ? undefined : `Bearer ${tokens[caller]}`;
    const { reviewer, badToken } = await authenticate(app.db, header);
    const contextValue = { ...app.server.context(reviewer), badToken };
    const response = await app.server.apollo.executeOperation({ query, variables }, { contextValue });
    if (response.body.kind !== 'single') throw new Error('expected a single result');
    return response.body.singleResult as GqlResult;
  }

  async function newClaim() {
    const result = await as('EDITOR', MUTATIONS.createClaim, {
      input: {
        articleId, text: 'Water rates rise by 18 percent', quote: { exact: 'raise water rates by 18 percent' },
        source: { name: 'Millbrook City Council', kind: 'GOVERNMENT' }, stance: 'ASSERTS',
      },
    });
    expect(result.errors).toBeUndefined();
    return result.data!.createClaim as { id: string; version: number };
  }

  function inputFor(mutation: MutationName, claim: { id: string; version: number }): Record<string, unknown> {
    const target = { claimId: claim.id, expectedVersion: claim.version };
    switch (mutation) {
      case 'createClaim':
        return {
          articleId, text: 'Most mains are old', quote: { exact: '41 percent of the city’s water mains are more than 70 years old' },
          source: { name: 'Department of Public Utilities', kind: 'GOVERNMENT' }, stance: 'ASSERTS',
        };
      case 'updateClaim':
        return { ...target, stance: 'HEDGES' };
      case 'assignClaim':
        return { ...target, reviewerId: assigneeId };
      case 'startReview':
        return target;
      case 'submitReview':
        return { ...target, verdict: 'SUPPORTED', confidence: 0.9, rationale: 'The minutes say so', evidence: evidence() };
      case 'setClaimState':
        return { ...target, state: 'VERIFIED', note: 'Confirmed' };
      case 'ingestArticle':
        return { title: `Harbor reopens ${claim.id}`, body: 'The harbor reopened on 3 May 2026 after repairs costing $12 million, the port authority said.' };
    }
  }

  beforeAll(async () => {
    app = await createTestApp({ seed: true });
    for (const role of [Role.VIEWER, Role.REVIEWER, Role.EDITOR]) tokens[role] = (await app.reviewer(role)).token;
    const revoked = await app.reviewer(Role.EDITOR, 'Former editor');
    await app.ctx().services.reviewers.revoke(app.ctx(), revoked.reviewer.id);
    tokens.revoked = revoked.token;
    assigneeId = (await app.reviewer(Role.REVIEWER, 'Assignee')).reviewer.globalId;
    articleId = (await app.gql('{ article(slug: "city-water-rates") { id } }')).data!.article.id;
  });
  afterAll(async () => {
    await app.close();
  });

  const matrix = (Object.keys(NEEDS) as MutationName[]).flatMap((mutation) =>
    CALLERS.map((caller) => [mutation, caller, expected(mutation, caller)] as const));

  it.each(matrix)('%s by %s: %s', async (mutation, caller, outcome) => {
    const claim = await newClaim();
    const claimsBefore = await app.db.reader.getRepository(Claim).count();
    const result = await as(caller, MUTATIONS[mutation], { input: inputFor(mutation, claim) });
    if (outcome === 'allowed') {
      expect(result.errors).toBeUndefined();
      expect(result.data![mutation]).toEqual(expect.objectContaining({ id: expect.any(String) }));
      return;
    }
    expect(codes(result)).toEqual([outcome]);
    expect(result.data ?? null).toBeNull();
    // A refused mutation writes nothing.
    expect((await claimRows(app.db, claim.id)).claim.version).toBe(1);
    expect(await app.db.reader.getRepository(Claim).count()).toBe(claimsBefore);
  });

  describe('me', () => {
    it.each([Role.VIEWER, Role.REVIEWER, Role.EDITOR])('returns the %s who sent the token', async (role) => {
      const result = await as(role as Caller, '{ me { id name role } }');
      expect(result.data!.me).toEqual(expect.objectContaining({ role }));
    });

    it('is null for an anonymous client', async () => {
      expect((await as('anonymous', '{ me { id } }')).data!.me).toBeNull();
    });

    it('refuses a revoked token with UNAUTHENTICATED instead of answering as anonymous', async () => {
      expect(codes(await as('revoked', '{ me { id } }'))).toEqual(['UNAUTHENTICATED']);
    });
  });

  it('leaves reads open to anonymous clients', async () => {
    const result = await as('anonymous', '{ claims(first: 1) { totalCount edges { node { id history { kind } } } } }');
    expect(result.errors).toBeUndefined();
    expect(result.data!.claims.totalCount).toBeGreaterThan(0);
  });

  describe('over HTTP', () => {
    let url: string;
    let gql: ReturnType<typeof httpClient>;
    beforeAll(async () => {
      url = (await app.server.listen(0, '127.0.0.1')).url;
      gql = httpClient(url);
    });

    it('authenticates with Authorization: Bearer TOKEN', async () => {
      const { status, body } = await gql('{ me { role } }', {}, tokens.REVIEWER);
      expect(status).toBe(200);
      expect(body.data!.me).toEqual({ role: 'REVIEWER' });
    });

    it('refuses a mutation with a revoked, unknown or malformed token, and without one', async () => {
      const claim = await newClaim();
      const input = inputFor('startReview', claim);
      for (const token of [tokens.revoked, 'cg_not-a-real-token', undefined]) {
        const { body } = await gql(MUTATIONS.startReview, { input }, token);
        expect(codes(body)).toEqual(['UNAUTHENTICATED']);
      }
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: 'Basic dXNlcjpwYXNz' },
        body: JSON.stringify({ query: MUTATIONS.startReview, variables: { input } }),
      });
      expect(codes((await response.json()) as GqlResult)).toEqual(['UNAUTHENTICATED']);
      expect((await claimRows(app.db, claim.id)).claim.version).toBe(1);
    });
  });
});

describe('authorization with REQUIRE_AUTH_FOR_READS=true', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp({ seed: true, env: { REQUIRE_AUTH_FOR_READS: 'true' } });
  });
  afterAll(async () => {
    await app.close();
  });

  it('refuses anonymous reads and answers a VIEWER', async () => {
    const gql = httpClient((await app.server.listen(0, '127.0.0.1')).url);
    const { token } = await app.reviewer(Role.VIEWER);
    expect(codes((await gql('{ claims(first: 1) { totalCount } }')).body)).toEqual(['UNAUTHENTICATED']);
    const { body } = await gql('{ claims(first: 1) { totalCount } }', {}, token);
    expect(body.errors).toBeUndefined();
  });
});

describe('authorization with BLIND_REVIEW=true', () => {
  let app: TestApp;
  let claimId: string;
  const people = {} as Record<'ana' | 'ben' | 'cy' | 'editor' | 'viewer', Awaited<ReturnType<TestApp['reviewer']>>['reviewer']>;
  const READ = `query($id: ID!) { claim(id: $id) { state reviews { id verdict reviewer { name } } history { kind note } }
    node(id: $id) { ... on Claim { reviews { verdict } } } }`;
  const read = async (as: keyof typeof people | null) => (await app.gql(READ, { id: claimId }, as ? people[as] : null)).data!;
  const verdicts = (data: Record<string, any>) => data.claim.reviews.map((r: { reviewer: { name: string }; verdict: string }) => `${r.reviewer.name}:${r.verdict}`);
  const notes = (data: Record<string, any>) => data.claim.history.filter((e: { kind: string }) => e.kind === 'REVIEW_SUBMITTED').map((e: { note: string | null }) => e.note);

  async function submit(who: 'ana' | 'ben' | 'cy', verdict: string) {
    const { version } = (await app.gql('query($id: ID!) { claim(id: $id) { version } }', { id: claimId })).data!.claim;
    const result = await app.gql('mutation($input: SubmitReviewInput!) { submitReview(input: $input) { state reviews { reviewer { name } } } }', {
      input: { claimId, expectedVersion: version, verdict, confidence: 0.7, rationale: `${who} checked`, evidence: evidence() },
    }, people[who]);
    expect(result.errors).toBeUndefined();
    return result.data!.submitReview;
  }

  beforeAll(async () => {
    app = await createTestApp({ seed: true, env: { BLIND_REVIEW: 'true', REVIEW_QUORUM: '3' } });
    for (const [key, role, name] of [['ana', Role.REVIEWER, 'Ana'], ['ben', Role.REVIEWER, 'Ben'], ['cy', Role.REVIEWER, 'Cy'],
      ['editor', Role.EDITOR, 'Erin'], ['viewer', Role.VIEWER, 'Vic']] as const) {
      people[key] = (await app.reviewer(role, name)).reviewer;
    }
    claimId = (await app.gql('{ claims(first: 1) { edges { node { id } } } }')).data!.claims.edges[0].node.id;
    await submit('ana', 'SUPPORTED');
  });
  afterAll(async () => {
    await app.close();
  });

  it("hides an open claim's reviews, and the verdicts in its history, from a reviewer who has not submitted one", async () => {
    const ben = await read('ben');
    expect(verdicts(ben)).toEqual([]);
    expect(ben.node.reviews).toEqual([]);
    expect(notes(ben)).toEqual([null]);
  });

  it("leaves an open claim's reviews out of the public annotations export", async () => {
    const base = (await app.server.listen(0, '127.0.0.1')).url.replace(/\/graphql$/, '');
    const slug = (await app.gql('query($id: ID!) { claim(id: $id) { article { slug } } }', { id: claimId })).data!.claim.article.slug;
    const exported = await (await fetch(`${base}/articles/${slug}/annotations.jsonld`)).text();
    expect(exported).toContain('"highlighting"');
    expect(exported).not.toMatch(/SUPPORTED \(confidence/);
  });

  it('shows them to that reviewer once they have submitted their own, in the response to the submission already', async () => {
    const response = await submit('ben', 'SUPPORTED');
    expect(response.reviews.map((r: { reviewer: { name: string } }) => r.reviewer.name)).toEqual(['Ana', 'Ben']);
    expect(verdicts(await read('ben'))).toEqual(['Ana:SUPPORTED', 'Ben:SUPPORTED']);
    expect(notes(await read('ben'))).toEqual([expect.stringMatching(/^SUPPORTED/), expect.stringMatching(/^SUPPORTED/)]);
  });

  it('shows everything to editors, and nothing to viewers and anonymous callers, while the claim is open', async () => {
    expect(verdicts(await read('editor'))).toEqual(['Ana:SUPPORTED', 'Ben:SUPPORTED']);
    expect(verdicts(await read('viewer'))).toEqual([]);
    expect(verdicts(await read(null))).toEqual([]);
    expect(notes(await read(null))).toEqual([null, null]);
  });

  it('refuses a hidden review fetched by its id, but not to its author', async () => {
    const reviewId = (await read('editor')).claim.reviews[0].id;
    const byId = `query($id: ID!) { node(id: $id) { ... on Review { verdict } } }`;
    expect(codes(await app.gql(byId, { id: reviewId }, people.cy))).toEqual(['FORBIDDEN']);
    expect(codes(await app.gql(byId, { id: reviewId }))).toEqual(['FORBIDDEN']);
    expect((await app.gql(byId, { id: reviewId }, people.ana)).data!.node).toEqual({ verdict: 'SUPPORTED' });
  });

  it('opens every review to everyone once the claim is final', async () => {
    await submit('cy', 'SUPPORTED');
    const anonymous = await read(null);
    expect(anonymous.claim.state).toBe('VERIFIED');
    expect(verdicts(anonymous)).toEqual(['Ana:SUPPORTED', 'Ben:SUPPORTED', 'Cy:SUPPORTED']);
    expect(verdicts(await read('viewer'))).toHaveLength(3);
  });
});
