import { Article, Claim, ClaimEvent } from '../../src/entities';
import { Role } from '../../src/domain/types';
import type { Reviewer } from '../../src/entities';
import { codes, createTestApp, TestApp } from '../support/app';

let app: TestApp;
let editor: Reviewer;
beforeAll(async () => {
  app = await createTestApp();
  editor = (await app.reviewer(Role.EDITOR, 'Erin Editor')).reviewer;
});
afterAll(() => app.close());

const INGEST = `mutation ($input: IngestArticleInput!) {
  ingestArticle(input: $input) {
    id slug title publisher
    claims(first: 100) { totalCount edges { node { text stance version quote { exact start end } source { name kind } history { kind actor { name } } } } }
  }
}`;

const BODY = [
  'The port authority said the harbor would reopen on 3 May after repairs costing $12 million.',
  '“We expect cargo volumes to recover by the summer,” said Director Ana Lima.',
  'Lima denied that the repairs had been delayed by a funding dispute.',
].join('\n\n');

async function rows() {
  const count = (entity: any) => app.db.reader.getRepository(entity).count();
  return [await count(Article), await count(Claim), await count(ClaimEvent)];
}

describe('ingestArticle', () => {
  it('stores an article with curated claims, each CREATED by the editor', async () => {
    const result = await app.gql(INGEST, {
      input: {
        title: 'Harbor to reopen', body: BODY, publisher: 'Coast Herald',
        claims: [{
          text: 'The harbor will reopen on 3 May.', quote: { exact: 'the harbor would reopen on 3 May' },
          source: { name: 'Port Authority', kind: 'GOVERNMENT' }, stance: 'ASSERTS', checkworthiness: 0.8,
        }],
      },
    }, editor);
    expect(result.errors).toBeUndefined();
    const article = result.data!.ingestArticle;
    expect(article).toMatchObject({ slug: 'harbor-to-reopen', publisher: 'Coast Herald' });
    expect(article.claims.edges.map((e: any) => e.node)).toEqual([expect.objectContaining({
      text: 'The harbor will reopen on 3 May.', stance: 'ASSERTS', version: 1,
      source: { name: 'Port Authority', kind: 'GOVERNMENT' },
      history: [{ kind: 'CREATED', actor: { name: 'Erin Editor' } }],
    })]);
  });

  it('extracts claims when none are given, with sources, stances and exact anchors', async () => {
    const input = { title: 'Harbor to reopen, extracted', body: BODY, publisher: 'Coast Herald' };
    const result = await app.gql(INGEST, { input }, editor);
    expect(result.errors).toBeUndefined();
    const claims = result.data!.ingestArticle.claims.edges.map((e: any) => e.node);
    expect(claims.length).toBeGreaterThanOrEqual(2);
    for (const claim of claims) expect(BODY.slice(claim.quote.start, claim.quote.end)).toBe(claim.quote.exact);
    const lima = claims.find((c: any) => c.quote.exact.includes('cargo volumes'));
    expect(lima?.source.name).toBe('Ana Lima');
    expect(lima?.stance).toBe('HEDGES');
  });

  it('returns the stored article and writes nothing when the same article comes again', async () => {
    const before = await rows();
    const result = await app.gql(INGEST, { input: { title: 'Harbor to reopen', body: BODY, publisher: 'Coast Herald' } }, editor);
    expect(result.errors).toBeUndefined();
    expect(result.data!.ingestArticle.slug).toBe('harbor-to-reopen');
    expect(await rows()).toEqual(before);
  });

  it('stores an article once when editors send it at the same moment', async () => {
    const before = await rows();
    const input = { title: 'Ferry fares frozen', body: 'The ferry operator said fares would stay at $4.50 until 2027.', publisher: 'Coast Herald' };
    const results = await Promise.all(Array.from({ length: 6 }, () => app.gql(INGEST, { input }, editor)));
    expect(results.flatMap((r) => codes(r))).toEqual([]);
    expect(new Set(results.map((r) => r.data!.ingestArticle.id)).size).toBe(1);
    const [articles, claims, events] = await rows();
    expect(articles).toBe(before[0] + 1);
    expect(claims - before[1]).toBe(results[0].data!.ingestArticle.claims.totalCount);
    expect(events - before[2]).toBe(claims - before[1]);
  });

  it('answers CONFLICT when another text comes under a stored slug', async () => {
    const result = await app.gql(INGEST, { input: { title: 'Harbor to reopen', body: `${BODY}\n\nUpdated.` } }, editor);
    expect(codes(result)).toEqual(['CONFLICT']);
  });

  it('writes nothing of an article with one bad claim among good ones', async () => {
    const before = await rows();
    const claim = (exact: string) => ({ text: 'A claim.', quote: { exact }, source: { name: 'Port Authority' }, stance: 'ASSERTS' });
    const result = await app.gql(INGEST, {
      input: { title: 'Half good', body: BODY, claims: [claim('the harbor would reopen'), claim('the harbor stays closed')] },
    }, editor);
    expect(codes(result)).toEqual(['BAD_USER_INPUT']);
    expect(result.errors![0].extensions!.problems).toEqual([
      { field: 'claims[1].quote', message: expect.stringContaining('does not occur') },
    ]);
    expect(await rows()).toEqual(before);
  });

  it.each([
    ['an empty title', { title: '  ', body: BODY }, 'title'],
    ['a whitespace body', { title: 'Blank', body: ' \n ' }, 'body'],
    ['a javascript: url', { title: 'Bad url', body: BODY, url: 'javascript:alert(1)' }, 'url'],
    ['a malformed language', { title: 'Bad language', body: BODY, language: 'english!' }, 'language'],
  ])('refuses %s with BAD_USER_INPUT naming the field', async (_what, input, field) => {
    const result = await app.gql(INGEST, { input }, editor);
    expect(codes(result)).toEqual(['BAD_USER_INPUT']);
    expect(result.errors![0].extensions!.problems).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
  });
});
