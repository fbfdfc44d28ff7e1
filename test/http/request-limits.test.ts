import { Database } from '../../src/db/database';
import { createServer } from '../../src/server';
import { createTestApp, TestApp } from '../support/app';

let app: TestApp;
let url: string;
beforeAll(async () => {
  app = await createTestApp({ seed: true, env: { NODE_ENV: 'production', RATE_LIMIT_ANONYMOUS_COST: '0', RATE_LIMIT_TOKEN_COST: '0' } });
  ({ url } = await app.server.listen(0, '127.0.0.1'));
});
afterAll(() => app.close());

async function post(body: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
    signal: AbortSignal.timeout(10_000),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, text, body: JSON.parse(text) as any };
}

/** `{ ...F0 }` where every fragment spreads the next one twice: 2^levels paths for a naive walker. */
function doublingChain(levels: number, type: string, leaf: string): string {
  const fragments = Array.from({ length: levels }, (_, i) =>
    i === levels - 1 ? `fragment F${i} on ${type} { ${leaf} }` : `fragment F${i} on ${type} { ...F${i + 1} ...F${i + 1} }`);
  return fragments.join('\n');
}

async function answersAtOnce(): Promise<void> {
  const next = await post({ query: '{ articles(first: 1) { totalCount } }' });
  expect(next.status).toBe(200);
  expect(next.body.data.articles.totalCount).toBeGreaterThan(0);
}

describe('request limits', () => {
  it('refuses a doubling fragment chain at query level before running it, and answers the next request', async () => {
    const before = app.db.statementCount;
    const query = `{ ...F0 }\n${doublingChain(40, 'Query', 'articles(first: 100) { totalCount }')}`;
    const response = await post({ query });
    expect(response.status).toBe(400);
    expect(response.body.errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(response.body.errors[0].message).toMatch(/cost limit/);
    expect(app.db.statementCount).toBe(before);
    await answersAtOnce();
  });

  it('refuses a doubling fragment chain nested inside a connection', async () => {
    const query = `{ claims(first: 100) { edges { node { ...F0 } } } }\n${doublingChain(40, 'Claim', 'id text')}`;
    const response = await post({ query });
    expect(response.status).toBe(400);
    expect(response.body.errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    await answersAtOnce();
  });

  it('does not let a negative page size on an aliased sibling discount an expensive query', async () => {
    const before = app.db.statementCount;
    const query = `{ cheap: claims(first: -2147483647) { totalCount }
      costly: articles(first: 100) { edges { node { claims(first: 100) { edges { node { text reviews { verdict evidence { url } } } } } } } } }`;
    const response = await post({ query });
    expect(response.status).toBe(400);
    expect(response.body.errors[0].message).toMatch(/cost limit/);
    expect(app.db.statementCount).toBe(before);
  });

  it('names the limit when a document has too many aliases or directives', async () => {
    const aliases = await post({ query: `{ ${Array.from({ length: 60 }, (_, i) => `a${i}: me { id }`).join(' ')} }` });
    expect(aliases.status).toBe(400);
    expect(aliases.body.errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(aliases.body.errors[0].message).toMatch(/alias limit/);
    const directives = await post({ query: `{ me ${'@include(if: true) '.repeat(60)}{ id } }` });
    expect(directives.status).toBe(400);
    expect(directives.body.errors.map((e: any) => e.message).join(' ')).toMatch(/directive limit/);
  });

  it('stops parsing a document with too many tokens, and a deeply nested one, with a plain message', async () => {
    for (const query of [`{ ${'me { id } '.repeat(3000)} }`, `{ ${'a { '.repeat(100_000)} }`, `query ($v: [[Int]]) { me { id } } # ${'['.repeat(100_000)}`,
      `{ claims(filter: { search: ${'['.repeat(50_000)} }) { totalCount } }`]) {
      const response = await post({ query });
      expect(response.status).toBe(400);
      expect(['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED']).toContain(response.body.errors[0].extensions.code);
      expect(response.text).not.toMatch(/call stack/i);
    }
    await answersAtOnce();
  });

  it('answers variables that fail coercion with 400 BAD_USER_INPUT, not a server error', async () => {
    const query = 'query ($first: Int, $filter: ClaimFilter) { claims(first: $first, filter: $filter) { totalCount } }';
    for (const variables of [{ first: 'ten' }, { first: 1e100 }, { filter: { states: ['NOPE'] } }, { filter: { unknown: 1 } }, { filter: 'x' }]) {
      const response = await post({ query, variables });
      expect(response.status).toBe(400);
      expect(response.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    }
    const missing = await post({ query: 'query ($id: ID!) { claim(id: $id) { id } }', variables: {} });
    expect(missing.status).toBe(400);
    expect(missing.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
  });

  it('answers a bad token with 401 and a Bearer challenge, on queries and mutations alike', async () => {
    const { reviewer, token } = await app.reviewer('REVIEWER' as never);
    await app.server.context().services.reviewers.revoke(app.server.context(), reviewer.id);
    for (const authorization of ['Bearer cg_unknown', 'Bearer', 'Basic abc', `Bearer ${token}`, 'Bearer a b']) {
      const response = await post({ query: '{ me { id } }' }, { authorization });
      expect(response.status).toBe(401);
      expect(response.headers.get('www-authenticate')).toMatch(/^Bearer/);
      expect(response.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    }
    const anonymousMutation = await post({ query: 'mutation { startReview(input: { claimId: "x", expectedVersion: 1 }) { id } }' });
    expect(anonymousMutation.status).toBe(401);
    expect(anonymousMutation.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it('answers an unsupported charset or content encoding with 415', async () => {
    const cases: Record<string, string>[] = [{ 'content-type': 'application/json; charset=utf-16' }, { 'content-type': 'application/json', 'content-encoding': 'compress' }];
    for (const headers of cases) {
      const response = await post('{"query":"{ me { id } }"}', headers);
      expect(response.status).toBe(415);
      expect(response.body.errors[0].extensions.code).toBe('BAD_REQUEST');
    }
  });

  it('refuses an overlong search and NUL characters as BAD_USER_INPUT, running no SQL', async () => {
    const before = app.db.statementCount;
    const long = await post({ query: 'query ($q: String) { claims(filter: { search: $q }) { totalCount } }', variables: { q: 'rare '.repeat(200_000) } });
    expect(long.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    const nul = await post({ query: 'query ($q: String) { sources(search: $q) { totalCount } }', variables: { q: 'a\u0000b' } });
    expect(nul.status).toBe(400);
    expect(nul.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    const states = await post({ query: 'query ($s: [VerificationState!]) { claims(filter: { states: $s }) { totalCount } }', variables: { s: Array(100_000).fill('VERIFIED') } });
    expect(states.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(app.db.statementCount).toBe(before);
  });

  it('refuses ids beyond the database integer range as BAD_USER_INPUT', async () => {
    const id = Buffer.from('Claim:99999999999').toString('base64url');
    const response = await post({ query: `{ claim(id: "${id}") { id } }` });
    expect(response.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
  });

  it('hides "Did you mean" suggestions in production', async () => {
    const response = await post({ query: '{ claimz { totalCount } }' });
    expect(response.status).toBe(400);
    expect(response.text).not.toMatch(/Did you mean/);
  });
});

describe('cost budgets', () => {
  let limited: TestApp;
  let limitedUrl: string;
  beforeAll(async () => {
    limited = await createTestApp({ seed: true, env: { MAX_QUERY_COST: '1000', RATE_LIMIT_ANONYMOUS_COST: '1000', RATE_LIMIT_TOKEN_COST: '5000' } });
    ({ url: limitedUrl } = await limited.server.listen(0, '127.0.0.1'));
  });
  afterAll(() => limited.close());

  const query = '{ claims(first: 50) { edges { node { text source { name } } } } }';
  const send = (headers: Record<string, string> = {}) =>
    fetch(limitedUrl, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query }) });

  it('reports the remaining budget and answers 429 with Retry-After once an anonymous address spends it', async () => {
    const first = await send();
    const body = (await first.json()) as any;
    expect(body.extensions.rateLimit).toEqual({ cost: 251, remaining: 749, limit: 1000, resetSeconds: expect.any(Number) });
    let last: Response = first;
    for (let i = 0; i < 10 && last.status === 200; i++) last = await send();
    expect(last.status).toBe(429);
    expect(Number(last.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(((await last.json()) as any).errors[0].extensions.code).toBe('RATE_LIMITED');
  });

  it('draws on one budget from every instance on PostgreSQL (each process keeps its own on SQLite)', async () => {
    const { token } = await limited.reviewer('VIEWER' as never);
    const db = await Database.open(limited.db.target);
    const second = await createServer({ config: limited.config, db });
    try {
      const { url: secondUrl } = await second.listen(0, '127.0.0.1');
      const spend = async (target: string) => {
        const response = await fetch(target, {
          method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query }),
        });
        return ((await response.json()) as any).extensions.rateLimit.remaining as number;
      };
      const afterFirst = await spend(limitedUrl);
      const afterSecond = await spend(secondUrl);
      expect(afterFirst).toBe(5000 - 251);
      expect(afterSecond).toBe(limited.db.kind === 'postgres' ? 5000 - 2 * 251 : 5000 - 251);
    } finally {
      await second.close();
      await db.close();
    }
  });

  it('keeps a separate budget for each token', async () => {
    const { token } = await limited.reviewer('VIEWER' as never);
    const response = await send({ authorization: `Bearer ${token}` });
    expect(response.status).toBe(200);
    expect(((await response.json()) as any).extensions.rateLimit.limit).toBe(5000);
  });
});

describe('request limits on odd requests', () => {
  let prod: TestApp;
  let prodUrl: string;
  beforeAll(async () => {
    prod = await createTestApp({ env: { NODE_ENV: 'production', RATE_LIMIT_ANONYMOUS_COST: '0' } });
    ({ url: prodUrl } = await prod.server.listen(0, '127.0.0.1'));
  });
  afterAll(() => prod.close());

  const send = async (body: string) => {
    const response = await fetch(prodUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body, signal: AbortSignal.timeout(10_000) });
    return { status: response.status, text: await response.text() };
  };

  it('refuses variables nested deeper than any input type, without exhausting the stack', async () => {
    const deep = `${'['.repeat(100_000)}"ASSERTS"${']'.repeat(100_000)}`;
    const response = await send(`{"query":"query ($s: [Stance!]) { claims(filter: { stances: $s }) { totalCount } }","variables":{"s":${deep}}}`);
    expect(response.status).toBe(400);
    expect(JSON.parse(response.text).errors[0].extensions.code).toBe('BAD_USER_INPUT');
  });

  it('keeps "Did you mean" out of coercion errors in production', async () => {
    const response = await send(JSON.stringify({ query: 'query ($f: ClaimFilter) { claims(filter: $f) { totalCount } }', variables: { f: { serch: 'x', states: ['VERIFED'] } } }));
    expect(response.status).toBe(400);
    expect(response.text).not.toMatch(/Did you mean/);
  });

  it('answers persisted-query extensions with PERSISTED_QUERY_NOT_SUPPORTED, not an internal error', async () => {
    for (const persistedQuery of ['x', { version: 7 }, { version: 1, sha256Hash: 'abc' }]) {
      const response = await send(JSON.stringify({ query: '{ me { id } }', extensions: { persistedQuery } }));
      expect(JSON.parse(response.text).errors[0].extensions.code).toBe('PERSISTED_QUERY_NOT_SUPPORTED');
    }
  });

  it('refuses a doubling fragment chain whose leaf is only __typename', async () => {
    const fragments = Array.from({ length: 40 }, (_, i) => (i === 39 ? `fragment F${i} on Query { __typename }` : `fragment F${i} on Query { ...F${i + 1} ...F${i + 1} }`));
    const response = await send(JSON.stringify({ query: `{ ...F0 } ${fragments.join(' ')}` }));
    expect(response.status).toBe(400);
    expect(JSON.parse(response.text).errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });
});
