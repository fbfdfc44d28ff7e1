import http from 'node:http';
import { parse, validate } from 'graphql';
import { Role } from '../../src/domain/types';
import { EXAMPLES } from '../../console/graphiql/examples';
import { createTestApp, TestApp } from '../support/app';

let app: TestApp;
let base: string;
beforeAll(async () => {
  app = await createTestApp({ seed: true });
  const { url } = await app.server.listen(0, '127.0.0.1');
  base = url.replace(/\/graphql$/, '');
});
afterAll(() => app.close());

/** fetch() may not set Host, so the help-page tests speak plain node:http. */
function getHtml(path: string, host: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const request = http.get(`${base}${path}`, { headers: { accept: 'text/html', host } }, (response) => {
      let body = '';
      response.setEncoding('utf8').on('data', (chunk: string) => (body += chunk)).on('end', () => resolve(body));
    });
    request.on('error', reject);
  });
}

const scriptSources = (html: string) => [...html.matchAll(/<script[^>]*src="([^"]+)"/g)].map((m) => m[1]);

describe('the reviewer console over HTTP', () => {
  it('is served at / with only local assets, cached for good once hashed', async () => {
    const response = await fetch(`${base}/`);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('claimgraph console');
    const scripts = scriptSources(html);
    expect(scripts.length).toBeGreaterThan(0);
    for (const src of scripts) {
      expect(src).toMatch(/^\/assets\//);
      const asset = await fetch(`${base}${src}`);
      expect(asset.status).toBe(200);
      expect(asset.headers.get('content-type')).toMatch(/javascript/);
      expect(asset.headers.get('cache-control')).toMatch(/immutable/);
    }
    expect(html).not.toMatch(/https?:\/\/(?!www\.w3\.org)/);
  });

  it.each(['/articles/us-china-rare-earth-deal', '/claims', '/claims?state=DISPUTED', '/claims/Q2xhaW06MQ'])(
    'answers the client-side route %s with the console, so a shared link opens',
    async (route) => {
      const response = await fetch(`${base}${route}`);
      expect(response.status).toBe(200);
      expect(await response.text()).toContain('claimgraph console');
    },
  );

  it('never answers the API, health, metrics or JSON-LD routes with the console', async () => {
    const health = await fetch(`${base}/healthz`);
    expect(await health.json()).toEqual({ status: 'ok' });
    expect(await (await fetch(`${base}/metrics`)).text()).toMatch(/http_requests_total/);
    const api = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ articles { totalCount } }' }),
    });
    expect(((await api.json()) as { data: { articles: { totalCount: number } } }).data.articles.totalCount).toBeGreaterThan(0);
    for (const route of ['/articles/us-china-rare-earth-deal/claim-reviews.jsonld', '/articles/us-china-rare-earth-deal/annotations.jsonld', '/no-such-page', '/assets/missing.js']) {
      const response = await fetch(`${base}${route}`);
      expect(`${route} ${await response.text()}`).not.toContain('claimgraph console');
    }
  });

  it('names the host and port the request came to on the GET /graphql help page', async () => {
    const html = await getHtml('/graphql', 'claims.example.org:8443');
    expect(html).toContain('curl -s http://claims.example.org:8443/graphql');
    expect(html).not.toContain('localhost:4000');
  });

  it('does not echo a hostile Host header into the help page', async () => {
    const port = new URL(base).port;
    const html = await getHtml('/graphql', '"><script>alert(1)</script>');
    expect(html).not.toContain('<script>');
    expect(html).toContain(`curl -s http://localhost:${port}/graphql`);
  });
});

describe('GraphiQL at /graphiql', () => {
  it('is served from local assets only', async () => {
    const response = await fetch(`${base}/graphiql`);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('GraphiQL');
    for (const src of scriptSources(html)) {
      expect(src).toMatch(/^\/graphiql\/assets\//);
      expect((await fetch(`${base}${src}`)).status).toBe(200);
    }
  });

  it('opens with the README’s example operations, each valid against the schema', () => {
    expect(EXAMPLES.length).toBeGreaterThanOrEqual(5);
    for (const example of EXAMPLES) {
      const document = parse(example.query);
      const isSubscription = document.definitions.some((d) => d.kind === 'OperationDefinition' && d.operation === 'subscription');
      // The subscription example is checked once the schema has subscriptions.
      if (isSubscription && !app.server.schema.getSubscriptionType()) continue;
      expect(validate(app.server.schema, document).map((e) => e.message)).toEqual([]);
    }
  });

  it('runs every example query and the example verdict on the seeded data without an error', async () => {
    const { reviewer } = await app.reviewer(Role.REVIEWER);
    for (const example of EXAMPLES) {
      if (/^\s*(#.*\n\s*)*subscription/.test(example.query)) continue;
      const variables = example.variables ? (JSON.parse(example.variables) as Record<string, unknown>) : undefined;
      const result = await app.gql(example.query, variables, reviewer);
      expect(result.errors ?? []).toEqual([]);
    }
  });

  it('is off in production unless GRAPHIQL turns it on', async () => {
    const off = await createTestApp({ env: { NODE_ENV: 'production' } });
    const on = await createTestApp({ env: { NODE_ENV: 'production', GRAPHIQL: 'true' } });
    try {
      const offBase = (await off.server.listen(0, '127.0.0.1')).url.replace(/\/graphql$/, '');
      const onBase = (await on.server.listen(0, '127.0.0.1')).url.replace(/\/graphql$/, '');
      expect((await fetch(`${offBase}/graphiql`)).status).toBe(404);
      expect(await (await fetch(`${offBase}/graphql`, { headers: { accept: 'text/html' } })).text()).not.toContain('/graphiql');
      expect((await fetch(`${onBase}/graphiql`)).status).toBe(200);
    } finally {
      await off.close();
      await on.close();
    }
  });
});
