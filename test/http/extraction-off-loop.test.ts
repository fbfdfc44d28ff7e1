import { Role } from '../../src/domain/types';
import { createTestApp, TestApp } from '../support/app';

// About a megabyte of one sentence joined by ", and": seconds of extraction work.
const HOSTILE_BODY = `The council said prices rose${', and the board agreed'.repeat(47_000)}.`;
const INGEST = 'mutation ($input: IngestArticleInput!) { ingestArticle(input: $input) { id title claims(first: 1) { totalCount } } }';

async function serve(env: Record<string, string> = {}) {
  const app = await createTestApp({ seed: true, env });
  const { url } = await app.server.listen(0, '127.0.0.1');
  const { token } = await app.reviewer(Role.EDITOR);
  const post = async (query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}) => {
    const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query, variables }) });
    return (await response.json()) as { data?: any; errors?: any[] };
  };
  const ingest = (title: string) => post(INGEST, { input: { title, body: HOSTILE_BODY } }, { authorization: `Bearer ${token}` });
  return { app, base: url.replace(/\/graphql$/, ''), post, ingest };
}

describe('ingestArticle with a long hostile article', () => {
  let server: Awaited<ReturnType<typeof serve>>;
  beforeAll(async () => {
    server = await serve();
  });
  afterAll(() => server.app.close());

  it('keeps answering reads and /healthz while the article is extracted', async () => {
    const finished: string[] = [];
    const ingesting = server.ingest('A very long sentence').then((result) => {
      finished.push('ingest');
      return result;
    });
    for (let i = 0; i < 3; i += 1) {
      const read = await server.post('{ claims(first: 5) { totalCount edges { node { text } } } }');
      expect(read.data.claims.edges).toHaveLength(5);
      finished.push(`read ${i}`);
      const health = await fetch(`${server.base}/healthz`);
      expect(health.status).toBe(200);
      finished.push(`healthz ${i}`);
    }
    const result = await ingesting;
    expect(result.errors).toBeUndefined();
    expect(result.data.ingestArticle.title).toBe('A very long sentence');
    expect(finished).toEqual(['read 0', 'healthz 0', 'read 1', 'healthz 1', 'read 2', 'healthz 2', 'ingest']);
  });
});

describe('ingestArticle over the extraction budget', () => {
  let server: Awaited<ReturnType<typeof serve>>;
  beforeAll(async () => {
    server = await serve({ EXTRACTION_TIMEOUT_MS: '500' });
  });
  afterAll(() => server.app.close());

  it('refuses the article on body, says claims may be sent with it, and stores nothing', async () => {
    const count = async () => (await server.post('{ articles { totalCount } }')).data.articles.totalCount as number;
    const before = await count();
    const result = await server.ingest('Too long to extract');
    expect(result.data).toBeNull();
    expect(result.errors).toHaveLength(1);
    const [error] = result.errors!;
    expect(error.extensions.code).toBe('BAD_USER_INPUT');
    expect(error.extensions.problems).toEqual([{ field: 'body', message: expect.stringMatching(/ran past its budget of 500 ms.*claims/) }]);
    expect(await count()).toBe(before);
  });

  it('still extracts the next article once the stopped worker is replaced', async () => {
    const result = await server.post(
      'mutation ($input: IngestArticleInput!) { ingestArticle(input: $input) { claims(first: 5) { totalCount } } }',
      { input: { title: 'Short and fine', body: 'The Ministry of Finance said on Tuesday that bus fares rose by 12 percent in 2021.' } },
      { authorization: `Bearer ${(await server.app.reviewer(Role.EDITOR)).token}` },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data.ingestArticle.claims.totalCount).toBe(1);
  });
});
