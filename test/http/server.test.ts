import { createTestApp, TestApp } from '../support/app';

let app: TestApp;
let url: string;
let base: string;
beforeAll(async () => {
  app = await createTestApp({ seed: true, env: { MAX_BODY_BYTES: '65536', MAX_QUERY_DEPTH: '8', MAX_QUERY_COST: '5000' } });
  ({ url } = await app.server.listen(0, '127.0.0.1'));
  base = url.replace(/\/graphql$/, '');
});
afterAll(() => app.close());

function post(body: unknown, headers: Record<string, string> = {}) {
  return fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

describe('HTTP', () => {
  it('answers a GraphQL query on POST /graphql', async () => {
    const response = await post({ query: '{ claims(first: 2) { totalCount edges { node { text } } } }' });
    expect(response.status).toBe(200);
    const body = (await response.json()) as any;
    expect(body.data.claims.edges).toHaveLength(2);
  });

  it('answers /healthz with 200 while the database answers', async () => {
    const response = await fetch(`${base}/healthz`);
    expect(response.status).toBe(200);
    expect((await response.json()) as any).toEqual({ status: 'ok' });
  });

  it('exposes Prometheus metrics with requests, latency and SQL statements', async () => {
    await post({ query: '{ articles { totalCount } }' });
    const response = await fetch(`${base}/metrics`);
    expect(response.headers.get('content-type')).toMatch(/text\/plain/);
    const text = await response.text();
    expect(text).toMatch(/^http_requests_total\{method="POST",route="\/graphql",status="200"\} [1-9]/m);
    expect(text).toMatch(/^http_request_duration_seconds_bucket\{.*route="\/graphql".*\} \d+/m);
    const statements = Number(/^db_statements_total (\d+)/m.exec(text)?.[1]);
    expect(statements).toBeGreaterThan(0);
  });

  it('refuses a simple cross-site POST: bodies must be JSON (415)', async () => {
    const before = app.db.statementCount;
    const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{"query":"{ me { id } }"}' });
    expect(response.status).toBe(415);
    expect(((await response.json()) as any).errors[0].extensions.code).toBe('BAD_REQUEST');
    expect(app.db.statementCount).toBe(before);
  });

  it('refuses a cross-site GET without a preflight header (CSRF prevention)', async () => {
    const response = await fetch(`${url}?query=${encodeURIComponent('{ me { id } }')}`);
    expect(response.status).toBe(400);
    expect(await response.text()).toMatch(/CSRF/i);
  });

  it('answers 413 to a body over the limit', async () => {
    const response = await post({ query: '{ me { id } }', variables: { padding: 'x'.repeat(70_000) } });
    expect(response.status).toBe(413);
    const body = (await response.json()) as any;
    expect(body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
  });

  it('refuses batched requests', async () => {
    const response = await post([{ query: '{ me { id } }' }, { query: '{ me { id } }' }]);
    expect(response.status).toBe(400);
  });

  it('answers malformed JSON with 400', async () => {
    const response = await post('{"query": ');
    expect(response.status).toBe(400);
    expect(((await response.json()) as any).errors[0].extensions.code).toBe('BAD_USER_INPUT');
  });

  it('rejects a query nested too deep before running it', async () => {
    const before = app.db.statementCount;
    const response = await post({ query: '{ claims { edges { node { article { claims { edges { node { source { claims { edges { node { id } } } } } } } } } } } }' });
    const body = (await response.json()) as any;
    expect(body.errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(body.errors[0].message).toMatch(/nested \d+ levels/);
    expect(app.db.statementCount).toBe(before);
  });

  it('rejects a query that costs too much before running it', async () => {
    const before = app.db.statementCount;
    const response = await post({ query: '{ articles(first: 100) { edges { node { claims(first: 100) { edges { node { text reviews { rationale } } } } } } } }' });
    expect(response.status).toBe(400);
    const body = (await response.json()) as any;
    expect(body.errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(body.errors[0].message).toMatch(/costs \d+/);
    expect(app.db.statementCount).toBe(before);
  });

  it('answers a syntax error with GRAPHQL_PARSE_FAILED', async () => {
    const body = await (await post({ query: '{ claims( ' })).json() as any;
    expect(body.errors[0].extensions.code).toBe('GRAPHQL_PARSE_FAILED');
  });

  it('serves a local landing page instead of the CDN sandbox', async () => {
    const response = await fetch(url, { headers: { accept: 'text/html' } });
    const html = await response.text();
    expect(html).toContain('claimgraph');
    expect(html).not.toMatch(/cdn|apollographql\.com/i);
  });
});

describe('HTTP in production', () => {
  let prod: TestApp;
  let prodUrl: string;
  beforeAll(async () => {
    prod = await createTestApp({ env: { NODE_ENV: 'production' } });
    ({ url: prodUrl } = await prod.server.listen(0, '127.0.0.1'));
  });
  afterAll(() => prod.close());

  it('turns introspection off and leaks no stack traces', async () => {
    const response = await fetch(prodUrl, {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __schema { types { name } } }' }),
    });
    const text = await response.text();
    expect(text).toMatch(/introspection/i);
    expect(text).not.toMatch(/stacktrace|    at /);
    const bad = await fetch(prodUrl, {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: 'query ($id: ID!) { claim(id: $id) { id } }', variables: { id: 'garbage' } }),
    });
    const body = (await bad.json()) as any;
    expect(body.errors[0].extensions).toEqual({ code: 'BAD_USER_INPUT', problems: [{ field: 'id', message: 'not an id from this API' }] });
  });
});

describe('request logs', () => {
  it('writes one JSON line per request with its method, path, status and time', async () => {
    const { Writable } = await import('node:stream');
    const pino = (await import('pino')).default;
    const lines: any[] = [];
    const sink = new Writable({ write(chunk, _encoding, done) { lines.push(JSON.parse(String(chunk))); done(); } });
    const { createServer } = await import('../../src/server');
    const server = await createServer({ config: app.config, db: app.db, logger: pino({ level: 'info' }, sink) });
    const { url: logged } = await server.listen(0, '127.0.0.1');
    try {
      await fetch(logged, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ claims(first: 3) { edges { node { source { name } } } } }' }) });
      await new Promise((resolve) => setTimeout(resolve, 20));
      const request = lines.find((line) => line.msg === 'request');
      expect(request).toMatchObject({ method: 'POST', path: '/graphql', status: 200 });
      expect(typeof request.ms).toBe('number');
    } finally {
      await server.close();
    }
  });
});
