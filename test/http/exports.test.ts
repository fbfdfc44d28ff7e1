import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import jsonld from 'jsonld';
import { Role } from '../../src/domain/types';
import type { Reviewer } from '../../src/entities';
import { runCli } from '../../src/scripts/cli';
import { createTestApp, TestApp } from '../support/app';
import { evidence } from '../support/verification';

const CONTEXTS: Record<string, string> = {
  'https://schema.org': 'schema-org.context.jsonld',
  'http://www.w3.org/ns/anno.jsonld': 'anno.context.jsonld',
};

/** Serves the bundled contexts and refuses every other URL: expansion never touches the network. */
async function documentLoader(url: string) {
  const file = CONTEXTS[url.replace(/\/$/, '')];
  if (!file) throw new Error(`no network in tests: ${url}`);
  const document = JSON.parse(fs.readFileSync(path.join(__dirname, '../fixtures/jsonld', file), 'utf8'));
  return { contextUrl: undefined, documentUrl: url, document };
}

/** Expands in safe mode: a term the context does not define fails instead of being dropped. */
function expand(document: object) {
  return jsonld.expand(document as jsonld.JsonLdDocument, { documentLoader, safe: true } as jsonld.Options.Expand);
}

const BASE = 'https://facts.example.org';
const BODY =
  'The harbour authority said on Monday that the new breakwater will cost $48 million. ' +
  'Critics say the project will double shipping delays, a claim the authority denies. ' +
  'Mayor Ines Duarte said the work could start as early as March.';

let app: TestApp;
let base: string;
let slug: string;
let claims: { id: string; text: string; version: number; quote: { exact: string } }[];
let reviewers: Reviewer[];

async function review(claim: { id: string }, verdict: string, who: Reviewer, stance = 'SUPPORTS') {
  const current = await app.gql('query ($id: ID!) { claim(id: $id) { version } }', { id: claim.id });
  const result = await app.gql('mutation ($input: SubmitReviewInput!) { submitReview(input: $input) { state } }', {
    input: { claimId: claim.id, expectedVersion: current.data!.claim.version, verdict, confidence: 0.9, rationale: `${verdict} after reading the budget.`, evidence: evidence('https://example.org/budget', stance) },
  }, who);
  expect(result.errors).toBeUndefined();
  return result.data!.submitReview.state as string;
}

beforeAll(async () => {
  app = await createTestApp({
    seed: true,
    env: { PUBLIC_BASE_URL: `${BASE}/`, CLAIMREVIEW_ORGANIZATION_NAME: 'Harbour Fact Desk', CLAIMREVIEW_ORGANIZATION_URL: `${BASE}/about` },
  });
  const { url } = await app.server.listen(0, '127.0.0.1');
  base = url.replace(/\/graphql$/, '');
  const { reviewer: editor } = await app.reviewer(Role.EDITOR, 'Eda');
  reviewers = await Promise.all(['Ana', 'Ben'].map(async (name) => (await app.reviewer(Role.REVIEWER, name)).reviewer));
  const ingested = await app.gql(`mutation ($input: IngestArticleInput!) {
    ingestArticle(input: $input) { slug claims(first: 10) { edges { node { id text version quote { exact } } } } } }`, {
    input: {
      title: 'Breakwater to cost $48 million', body: BODY, url: 'https://news.example.com/breakwater', publisher: 'Coast Courier',
      publishedAt: '2026-03-02T08:00:00.000Z',
      claims: [
        { text: 'The new breakwater will cost $48 million.', quote: { exact: 'the new breakwater will cost $48 million' },
          source: { name: 'Harbour Authority', kind: 'GOVERNMENT' }, stance: 'ASSERTS' },
        { text: 'The project will double shipping delays.', quote: { exact: 'the project will double shipping delays' },
          source: { name: 'Critics', kind: 'UNKNOWN' }, stance: 'ASSERTS' },
        { text: 'The work could start in March.', quote: { exact: 'the work could start as early as March' },
          source: { name: 'Ines Duarte', kind: 'PERSON', affiliation: 'City of Harbourton' }, stance: 'HEDGES' },
      ],
    },
  }, editor);
  expect(ingested.errors).toBeUndefined();
  slug = ingested.data!.ingestArticle.slug;
  claims = ingested.data!.ingestArticle.claims.edges.map((edge: any) => edge.node);
  // The cost is verified, the delays refuted; the start date has one review and stays in review.
  for (const who of reviewers) await review(claims[0], 'SUPPORTED', who);
  for (const who of reviewers) await review(claims[1], 'REFUTED', who, 'REFUTES');
  expect(await review(claims[2], 'UNVERIFIABLE', reviewers[0])).toBe('IN_REVIEW');
});
afterAll(() => app.close());

describe('GET /articles/{slug}/claim-reviews.jsonld', () => {
  let document: any;
  beforeAll(async () => {
    const response = await fetch(`${base}/articles/${slug}/claim-reviews.jsonld`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/ld\+json/);
    document = await response.json();
  });

  it('holds one ClaimReview per claim with a final verdict, and none for the claim still in review', () => {
    expect(document['@context']).toBe('https://schema.org');
    expect(document['@graph'].map((node: any) => node.claimReviewed)).toEqual([claims[0].text, claims[1].text]);
  });

  it("gives every property Google's fact-check documentation requires and recommends", async () => {
    const [verified, refuted] = document['@graph'];
    const history = await app.gql('query ($id: ID!) { claim(id: $id) { history { toState at } } }', { id: claims[0].id });
    const verifiedAt = history.data!.claim.history.find((event: any) => event.toState === 'VERIFIED').at;
    expect(verified).toEqual({
      '@type': 'ClaimReview',
      '@id': `${BASE}/articles/${slug}/claim-reviews.jsonld#${claims[0].id}`,
      url: `${BASE}/articles/${slug}/claim-reviews.jsonld#${claims[0].id}`,
      claimReviewed: 'The new breakwater will cost $48 million.',
      datePublished: new Date(verifiedAt).toISOString(),
      author: { '@type': 'Organization', name: 'Harbour Fact Desk', url: `${BASE}/about` },
      reviewRating: { '@type': 'Rating', alternateName: 'True', name: 'True', ratingValue: 5, bestRating: 5, worstRating: 1 },
      itemReviewed: {
        '@type': 'Claim',
        author: { '@type': 'GovernmentOrganization', name: 'Harbour Authority' },
        datePublished: '2026-03-02T08:00:00.000Z',
        appearance: {
          '@type': 'NewsArticle', headline: 'Breakwater to cost $48 million', url: 'https://news.example.com/breakwater',
          datePublished: '2026-03-02T08:00:00.000Z', publisher: { '@type': 'Organization', name: 'Coast Courier' },
        },
        firstAppearance: verified.itemReviewed.appearance,
      },
    });
    expect(refuted.reviewRating).toEqual({ '@type': 'Rating', alternateName: 'False', name: 'False', ratingValue: 1, bestRating: 5, worstRating: 1 });
  });

  it("expands as JSON-LD with schema.org's terms, losing nothing", async () => {
    const [first] = await expand(document) as any[];
    expect(first['@type']).toEqual(['http://schema.org/ClaimReview']);
    expect(first['http://schema.org/claimReviewed'][0]['@value']).toBe(claims[0].text);
    expect(first['http://schema.org/url'][0]['@id']).toBe(`${BASE}/articles/${slug}/claim-reviews.jsonld#${claims[0].id}`);
    const rating = first['http://schema.org/reviewRating'][0];
    expect(rating['http://schema.org/ratingValue'][0]['@value']).toBe(5);
    const claim = first['http://schema.org/itemReviewed'][0];
    expect(claim['http://schema.org/appearance'][0]['http://schema.org/url'][0]['@id']).toBe('https://news.example.com/breakwater');
  });

  it('is what Claim.claimReview answers over GraphQL, which is null until the claim is final', async () => {
    const result = await app.gql('query ($a: ID!, $c: ID!) { a: claim(id: $a) { claimReview } c: claim(id: $c) { claimReview } }', { a: claims[0].id, c: claims[2].id });
    expect(result.data!.a.claimReview).toEqual({ '@context': 'https://schema.org', ...document['@graph'][0] });
    expect(result.data!.c.claimReview).toBeNull();
  });

  it('answers 404 with a NOT_FOUND error for an unknown slug', async () => {
    const response = await fetch(`${base}/articles/no-such-article/claim-reviews.jsonld`);
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ errors: [{ message: 'Article with slug "no-such-article" does not exist', extensions: { code: 'NOT_FOUND' } }] });
  });

  it('answers a conditional GET with 304 when nothing changed (an ETag), which GraphQL answers do not carry', async () => {
    const first = await fetch(`${base}/articles/${slug}/claim-reviews.jsonld`);
    const etag = first.headers.get('etag');
    expect(etag).toBeTruthy();
    // node:http, not fetch: fetch adds Cache-Control: no-cache to a conditional request, which asks for the whole answer.
    const status = await new Promise<number>((resolve, reject) => {
      http.get(`${base}/articles/${slug}/claim-reviews.jsonld`, { headers: { 'if-none-match': etag! } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      }).on('error', reject);
    });
    expect(status).toBe(304);
    const graphql = await fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ claims(first: 1) { totalCount } }' }) });
    expect(graphql.status).toBe(200);
    expect(graphql.headers.get('etag')).toBeNull();
  });

  it('refuses a bad token with 401 UNAUTHENTICATED, as queries do', async () => {
    const response = await fetch(`${base}/articles/${slug}/claim-reviews.jsonld`, { headers: { authorization: 'Bearer cg_nope' } });
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect(((await response.json()) as any).errors[0].extensions.code).toBe('UNAUTHENTICATED');
  });
});

describe('npm run cli -- export claim-reviews', () => {
  const previous = process.env.DATABASE_URL;
  const previousBase = process.env.PUBLIC_BASE_URL;
  let dir: string;
  beforeAll(() => {
    const target = app.db.target;
    process.env.DATABASE_URL = target.kind === 'postgres' ? target.url : `sqlite:${target.file}`;
    process.env.PUBLIC_BASE_URL = BASE;
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimgraph-export-'));
  });
  afterAll(() => {
    // Assigning undefined to process.env would store the string "undefined".
    for (const [name, value] of [['DATABASE_URL', previous], ['PUBLIC_BASE_URL', previousBase]] as const) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    fs.rmSync(dir, { recursive: true, force: true });
  });

  async function cli(...args: string[]) {
    let stdout = '';
    let stderr = '';
    const code = await runCli(args, { out: (text) => (stdout += text), err: (text) => (stderr += text) });
    return { code, stdout, stderr };
  }

  it('writes one article\'s ClaimReviews to a file, the same as the HTTP export', async () => {
    const file = path.join(dir, 'reviews.jsonld');
    const run = await cli('export', 'claim-reviews', '--article', slug, '--out', file);
    expect(run).toMatchObject({ code: 0, stderr: `Wrote 2 ClaimReviews to ${file}\n` });
    const written = JSON.parse(fs.readFileSync(file, 'utf8'));
    const served = await (await fetch(`${base}/articles/${slug}/claim-reviews.jsonld`)).json() as any;
    expect(written['@graph'].map((node: any) => node.url)).toEqual(served['@graph'].map((node: any) => node.url));
  });

  it('prints every article\'s ClaimReviews to stdout without --article', async () => {
    const run = await cli('export', 'claim-reviews');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)['@graph']).toHaveLength(2);
  });

  it('fails with exit code 1 for an unknown article, and 2 for a wrong command line', async () => {
    const unknown = await cli('export', 'claim-reviews', '--article', 'nope');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/nope does not exist/);
    const wrong = await cli('export', 'claim-reviews', '--name', 'x');
    expect(wrong.code).toBe(2);
  });
});

describe('GET /articles/{slug}/annotations.jsonld', () => {
  let collection: any;
  beforeAll(async () => {
    const response = await fetch(`${base}/articles/${slug}/annotations.jsonld`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/ld\+json/);
    collection = await response.json();
  });

  it('is an AnnotationCollection with its total and its first page, one annotation per claim', () => {
    expect(collection).toMatchObject({
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      id: `${BASE}/articles/${slug}/annotations.jsonld`,
      type: 'AnnotationCollection',
      total: 3,
      last: `${BASE}/articles/${slug}/annotations.jsonld?page=0`,
      first: { type: 'AnnotationPage', id: `${BASE}/articles/${slug}/annotations.jsonld?page=0`, startIndex: 0 },
    });
    expect(collection.first.items.map((item: any) => item.id)).toEqual(claims.map((claim) => `${BASE}/articles/${slug}/annotations.jsonld#${claim.id}`));
  });

  it("anchors every exported selector in its article's body, by position and by quote alone", async () => {
    const articles = (await app.gql('{ articles(first: 100) { edges { node { slug body claims { totalCount } } } } }')).data!.articles.edges;
    let checked = 0;
    for (const { node: article } of articles) {
      const exported = await (await fetch(`${base}/articles/${article.slug}/annotations.jsonld`)).json() as any;
      expect(exported.first.items).toHaveLength(article.claims.totalCount);
      for (const annotation of exported.first.items) {
        const [quote, position] = annotation.target.selector;
        expect([quote.type, position.type]).toEqual(['TextQuoteSelector', 'TextPositionSelector']);
        expect(article.body.slice(position.start, position.end)).toBe(quote.exact);
        // The quote selector alone: every place where prefix + exact + suffix stand together.
        const context = quote.prefix + quote.exact + quote.suffix;
        const found: number[] = [];
        for (let at = article.body.indexOf(context); at !== -1; at = article.body.indexOf(context, at + 1)) found.push(at + quote.prefix.length);
        expect(found).toEqual([position.start]);
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(20);
    expect(collection.first.items[0].target.source).toBe('https://news.example.com/breakwater');
  });

  it('assesses reviewed claims with their state and each reviewer\'s verdict and rationale, and only highlights the others', async () => {
    const [verified, , inReview] = collection.first.items;
    expect(verified.motivation).toBe('assessing');
    expect(verified.body[0]).toEqual({ type: 'TextualBody', purpose: 'assessing', value: 'VERIFIED', format: 'text/plain' });
    expect(verified.body.slice(1).map((body: any) => [body.creator.name, body.value])).toEqual([
      ['Ana', 'SUPPORTED (confidence 0.9): SUPPORTED after reading the budget.'],
      ['Ben', 'SUPPORTED (confidence 0.9): SUPPORTED after reading the budget.'],
    ]);
    expect(inReview.body[0].value).toBe('IN_REVIEW');

    const seeded = (await app.gql('{ articles(first: 1) { edges { node { slug claims { totalCount } } } } }')).data!.articles.edges[0].node;
    const plain = await (await fetch(`${base}/articles/${seeded.slug}/annotations.jsonld`)).json() as any;
    expect(plain.total).toBe(seeded.claims.totalCount);
    expect(new Set(plain.first.items.map((item: any) => item.motivation))).toEqual(new Set(['highlighting']));
    expect(plain.first.items.every((item: any) => item.body === undefined)).toBe(true);
    expect(plain.first.items[0].target.source).toBe(`${BASE}/articles/${seeded.slug}`);
  });

  it('expands as JSON-LD with the W3C annotation terms, losing nothing', async () => {
    const [expanded] = await expand(collection) as any[];
    expect(expanded['@type']).toEqual(['http://www.w3.org/ns/activitystreams#OrderedCollection']);
    const page = expanded['http://www.w3.org/ns/activitystreams#first'][0];
    const items = page['http://www.w3.org/ns/activitystreams#items'][0]['@list'];
    expect(items).toHaveLength(3);
    expect(items[0]['http://www.w3.org/ns/oa#motivatedBy'][0]['@id']).toBe('http://www.w3.org/ns/oa#assessing');
    const selectors = items[0]['http://www.w3.org/ns/oa#hasTarget'][0]['http://www.w3.org/ns/oa#hasSelector'];
    expect(selectors.map((s: any) => s['@type'][0])).toEqual(['http://www.w3.org/ns/oa#TextQuoteSelector', 'http://www.w3.org/ns/oa#TextPositionSelector']);
  });

  it('serves pages by number, and answers 404 past the last and 400 for a page that is not a number', async () => {
    const page = await (await fetch(`${base}/articles/${slug}/annotations.jsonld?page=0`)).json() as any;
    expect(page).toMatchObject({ type: 'AnnotationPage', partOf: { id: collection.id, total: 3 }, startIndex: 0 });
    expect(page.items).toEqual(collection.first.items);
    expect((await fetch(`${base}/articles/${slug}/annotations.jsonld?page=1`)).status).toBe(404);
    expect((await fetch(`${base}/articles/${slug}/annotations.jsonld?page=x`)).status).toBe(400);
    expect((await fetch(`${base}/articles/no-such-article/annotations.jsonld`)).status).toBe(404);
  });
});

describe('when reads need a token', () => {
  it('refuses the exports without one, and serves them with one', async () => {
    const locked = await createTestApp({ seed: true, env: { REQUIRE_AUTH_FOR_READS: 'true' } });
    try {
      const { url } = await locked.server.listen(0, '127.0.0.1');
      const lockedBase = url.replace(/\/graphql$/, '');
      const seeded = (await locked.gql('{ articles(first: 1) { edges { node { slug } } } }', {}, (await locked.reviewer(Role.VIEWER)).reviewer)).data!.articles.edges[0].node.slug;
      const anonymous = await fetch(`${lockedBase}/articles/${seeded}/annotations.jsonld`);
      expect(anonymous.status).toBe(401);
      expect(((await anonymous.json()) as any).errors[0].extensions.code).toBe('UNAUTHENTICATED');
      const { token } = await locked.reviewer(Role.VIEWER);
      const viewer = await fetch(`${lockedBase}/articles/${seeded}/claim-reviews.jsonld`, { headers: { authorization: `Bearer ${token}` } });
      expect(viewer.status).toBe(200);
    } finally {
      await locked.close();
    }
  });
});
