import { Claim, Evidence, Review } from '../../src/entities';
import { EvidenceStance, Role, Verdict } from '../../src/domain/types';
import { createTestApp, TestApp } from '../support/app';

let app: TestApp;

const PAGE = `
  query ($first: Int) {
    claims(first: $first) {
      totalCount
      edges { node {
        id text state version
        article { id title }
        source { id name }
        reviews { verdict reviewer { id name } evidence { url } }
        history { kind actor { name } }
      } }
    }
  }`;

beforeAll(async () => {
  app = await createTestApp({ seed: true });
  // Two reviews with evidence on every claim, so each relation has rows to load.
  const reviewers = [await app.reviewer(Role.REVIEWER, 'Rae'), await app.reviewer(Role.REVIEWER, 'Sam')];
  await app.db.write(async (manager) => {
    const claims = await manager.getRepository(Claim).find();
    for (const claim of claims) {
      for (const { reviewer } of reviewers) {
        const review = await manager.getRepository(Review).save({
          claimId: claim.id, reviewerId: reviewer.id, verdict: Verdict.SUPPORTED, confidence: 0.8, rationale: 'Matches the record.',
        });
        await manager.getRepository(Evidence).save({ reviewId: review.id, position: 0, url: 'https://example.org/a', title: null, excerpt: null, stance: EvidenceStance.SUPPORTS });
      }
    }
  });
});
afterAll(() => app.close());

async function statementsFor(query: string, variables: Record<string, unknown>): Promise<{ count: number; result: any }> {
  const before = app.db.statementCount;
  const result = await app.gql(query, variables);
  expect(result.errors).toBeUndefined();
  return { count: app.db.statementCount - before, result };
}

describe('statements per request', () => {
  it('takes the same small number of statements for a page of 50 claims as for a page of 5', async () => {
    const small = await statementsFor(PAGE, { first: 5 });
    const large = await statementsFor(PAGE, { first: 50 });
    expect(small.result.data.claims.edges).toHaveLength(5);
    expect(large.result.data.claims.edges).toHaveLength(50);
    expect(large.result.data.claims.edges[0].node.reviews[0].reviewer.name).toBe('Rae');
    expect(large.count).toBe(small.count);
    // The page with every relation and the count from the maintained tally, in one statement.
    expect(large.count).toBeLessThanOrEqual(4);
    process.stdout.write(`statements for a page of 50 claims with article, source, reviews, reviewers, evidence, history: ${large.count}\n`);
  });

  it('takes at most 4 statements for a filtered page of 100 claims with every relation and the total', async () => {
    const query = PAGE.replace('claims(first: $first)', 'claims(first: $first, filter: { states: [UNVERIFIED], stances: [ASSERTS, HEDGES, DENIES] })');
    const { count, result } = await statementsFor(query, { first: 100 });
    expect(result.data.claims.totalCount).toBeGreaterThan(0);
    expect(count).toBeLessThanOrEqual(4);
  });

  it('pages the claims of every article on a page of articles without a query per article', async () => {
    const query = '{ articles(first: 10) { edges { node { title claims(first: 5) { totalCount edges { node { text source { name } } } } } } } }';
    const { count, result } = await statementsFor(query, {});
    expect(result.data.articles.edges.length).toBeGreaterThan(1);
    // articles page, articles count, claim page ids, claim totals, claims, sources
    expect(count).toBeLessThanOrEqual(6);
  });

  it('reads one article and a page of its claims with their total in one statement, the same answer as claim by claim', async () => {
    const [{ slug }] = await app.db.reader.query('SELECT slug FROM article ORDER BY id LIMIT 1') as { slug: string }[];
    const ARTICLE = `query ($slug: String, $first: Int, $after: String) { article(slug: $slug) { id title publisher publishedAt
      claims(first: $first, after: $after, filter: { stances: [ASSERTS, HEDGES, DENIES] }) { totalCount pageInfo { hasNextPage endCursor }
        edges { cursor node { id state stance quote { exact start end } } } } } }`;
    const ahead = await statementsFor(ARTICLE, { slug, first: 3 });
    // Through a fragment the claims are not read ahead: the batched loader reads them.
    const loaded = await statementsFor(ARTICLE.replace(/claims\(/, '... on Article { claims(').replace(/\} \} \} \} \} \}$/, '} } } } } } }'), { slug, first: 3 });
    expect(ahead.result.data.article.claims.edges).toHaveLength(3);
    expect(ahead.result.data.article.claims.totalCount).toBeGreaterThan(3);
    expect(ahead.result.data).toEqual(loaded.result.data);
    expect(ahead.count).toBeLessThan(loaded.count);
    const next = await statementsFor(ARTICLE, { slug, first: 3, after: ahead.result.data.article.claims.pageInfo.endCursor });
    expect(next.result.data.article.claims.edges[0].cursor).not.toBe(ahead.result.data.article.claims.edges[2].cursor);
    expect(next.count).toBe(ahead.count);
    expect(ahead.count).toBeLessThanOrEqual(1);
    process.stdout.write(`statements for one article with a page of its claims: ${ahead.count} (claim by claim: ${loaded.count})\n`);
  });
});
