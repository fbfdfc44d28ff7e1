import { toGlobalId } from '../../src/domain/global-id';
import { codes, createTestApp, TestApp } from '../support/app';

let app: TestApp;
beforeAll(async () => {
  app = await createTestApp({ seed: true });
});
afterAll(() => app.close());

const CLAIM_PAGE = `
  query Claims($first: Int, $after: String, $filter: ClaimFilter) {
    claims(first: $first, after: $after, filter: $filter) {
      totalCount
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      edges { cursor node { id text stance state version source { name } quote { exact start end } article { slug } } }
    }
  }`;

describe('claims', () => {
  it('finds the magnets claim, sourced to Montufar-Helu with a HEDGES stance', async () => {
    const result = await app.gql(CLAIM_PAGE, { first: 50, filter: { search: 'magnets' } });
    expect(result.errors).toBeUndefined();
    const nodes = result.data!.claims.edges.map((e: any) => e.node);
    expect(nodes).toHaveLength(1);
    expect(nodes[0]).toMatchObject({ stance: 'HEDGES', state: 'UNVERIFIED', version: 1, source: { name: 'Alfredo Montufar-Helu' } });
    expect(nodes[0].quote.exact).toContain('magnets');
  });

  it('walks every page with after, without duplicates or gaps', async () => {
    const all = await app.gql(CLAIM_PAGE, { first: 100 });
    const total = all.data!.claims.totalCount;
    expect(total).toBeGreaterThan(12);
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    for (;;) {
      const page: any = await app.gql(CLAIM_PAGE, { first: 7, after });
      expect(page.errors).toBeUndefined();
      const connection = page.data.claims;
      expect(connection.totalCount).toBe(total);
      expect(connection.pageInfo.hasPreviousPage).toBe(after !== null);
      seen.push(...connection.edges.map((e: any) => e.node.id));
      pages += 1;
      if (!connection.pageInfo.hasNextPage) break;
      after = connection.pageInfo.endCursor;
    }
    expect(pages).toBe(Math.ceil(total / 7));
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toEqual(all.data!.claims.edges.map((e: any) => e.node.id));
  });

  it('filters by state, stance, article and source together', async () => {
    const article = await app.gql('{ article(slug: "us-china-rare-earth-deal") { id } }');
    const articleId = article.data!.article.id;
    const hedges = await app.gql(CLAIM_PAGE, { first: 100, filter: { articleId, stances: ['HEDGES'], states: ['UNVERIFIED'] } });
    const nodes = hedges.data!.claims.edges.map((e: any) => e.node);
    expect(nodes.length).toBeGreaterThan(0);
    expect(nodes.every((n: any) => n.stance === 'HEDGES' && n.article.slug === 'us-china-rare-earth-deal')).toBe(true);
    const none = await app.gql(CLAIM_PAGE, { filter: { states: ['VERIFIED'] } });
    expect(none.data!.claims).toMatchObject({ totalCount: 0, edges: [], pageInfo: { hasNextPage: false, endCursor: null } });
  });

  it('treats LIKE wildcards in a search as plain text', async () => {
    const result = await app.gql(CLAIM_PAGE, { filter: { search: '%' } });
    expect(result.data!.claims.totalCount).toBe(0);
  });

  it.each([0, 101, -1])('rejects first: %i with BAD_USER_INPUT', async (first) => {
    const result = await app.gql(CLAIM_PAGE, { first });
    expect(codes(result)).toEqual(['BAD_USER_INPUT']);
  });

  it.each(['garbage', toGlobalId('Claim', 3), 'QXJ0aWNsZUN1cnNvcjox' /* an ArticleCursor */])(
    'rejects the cursor %s instead of silently returning the first page',
    async (after) => {
      const result = await app.gql(CLAIM_PAGE, { after });
      expect(codes(result)).toEqual(['BAD_USER_INPUT']);
    },
  );

  it('rejects a filter id of another type', async () => {
    const source = await app.gql('{ sources(first: 1) { edges { node { id } } } }');
    const result = await app.gql(CLAIM_PAGE, { filter: { articleId: source.data!.sources.edges[0].node.id } });
    expect(codes(result)).toEqual(['BAD_USER_INPUT']);
  });
});

describe('node', () => {
  it('resolves every type by its global id', async () => {
    const page = await app.gql('{ claims(first: 1) { edges { node { id source { id } article { id } } } } }');
    const claim = page.data!.claims.edges[0].node;
    const editor = await app.reviewer('EDITOR' as never, 'Ed Itor');
    for (const [id, typename] of [[claim.id, 'Claim'], [claim.source.id, 'Source'], [claim.article.id, 'Article'], [editor.reviewer.globalId, 'Reviewer']]) {
      const result = await app.gql('query ($id: ID!) { node(id: $id) { __typename id } }', { id });
      expect(result.data!.node).toEqual({ __typename: typename, id });
    }
  });

  it('answers NOT_FOUND for a well-formed id that names nothing, BAD_USER_INPUT for garbage', async () => {
    const missing = await app.gql('query ($id: ID!) { node(id: $id) { id } }', { id: toGlobalId('Claim', 999999) });
    expect(codes(missing)).toEqual(['NOT_FOUND']);
    const garbage = await app.gql('query ($id: ID!) { node(id: $id) { id } }', { id: 'not-an-id' });
    expect(codes(garbage)).toEqual(['BAD_USER_INPUT']);
    const wrongType = await app.gql('query ($id: ID!) { claim(id: $id) { id } }', { id: toGlobalId('Source', 1) });
    expect(codes(wrongType)).toEqual(['BAD_USER_INPUT']);
  });
});

describe('articles and sources', () => {
  it('shows one article with its highlighted claims in reading order', async () => {
    const result = await app.gql(`{
      article(slug: "us-china-rare-earth-deal") {
        title publisher language body
        claims(first: 100) { totalCount edges { node { quote { exact start end } } } }
      }
    }`);
    const article = result.data!.article;
    expect(article.title).toBe('China and U.S. Reach Crucial Deal on Rare Earth Exports');
    expect(article.body).not.toMatch(/Leave a Reply|More Stories Today|Follow AsumeTech/);
    const quotes = article.claims.edges.map((e: any) => e.node.quote);
    expect(quotes.length).toBeGreaterThanOrEqual(12);
    for (const quote of quotes) expect(article.body.slice(quote.start, quote.end)).toBe(quote.exact);
  });

  it('pages the claims of several articles in one request', async () => {
    const result = await app.gql('{ articles(first: 10) { totalCount edges { node { slug claims(first: 3) { totalCount edges { node { id } } pageInfo { hasNextPage } } } } } }');
    expect(result.errors).toBeUndefined();
    const articles = result.data!.articles.edges.map((e: any) => e.node);
    expect(articles.length).toBe(result.data!.articles.totalCount);
    for (const article of articles) {
      expect(article.claims.edges.length).toBe(Math.min(3, article.claims.totalCount));
      expect(article.claims.pageInfo.hasNextPage).toBe(article.claims.totalCount > 3);
    }
  });

  it('finds an article by id and refuses to be asked by both id and slug', async () => {
    const bySlug = await app.gql('{ article(slug: "us-china-rare-earth-deal") { id slug } }');
    const byId = await app.gql('query ($id: ID) { article(id: $id) { slug } }', { id: bySlug.data!.article.id });
    expect(byId.data!.article.slug).toBe('us-china-rare-earth-deal');
    const both = await app.gql('query ($id: ID) { article(id: $id, slug: "x") { slug } }', { id: bySlug.data!.article.id });
    expect(codes(both)).toEqual(['BAD_USER_INPUT']);
    const unknown = await app.gql('{ article(slug: "no-such-article") { slug } }');
    expect(codes(unknown)).toEqual(['NOT_FOUND']);
  });

  it('searches sources by name and lists their claims', async () => {
    const result = await app.gql('{ sources(search: "montufar") { totalCount edges { node { name kind affiliation claims(first: 10) { totalCount } } } } }');
    const sources = result.data!.sources.edges.map((e: any) => e.node);
    expect(sources).toHaveLength(1);
    expect(sources[0]).toMatchObject({ name: 'Alfredo Montufar-Helu', kind: 'PERSON', affiliation: 'The Conference Board' });
    expect(sources[0].claims.totalCount).toBeGreaterThanOrEqual(2);
  });

  it('returns null for me without a token', async () => {
    const result = await app.gql('{ me { id } }');
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({ me: null });
  });
});
