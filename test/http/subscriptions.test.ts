import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Client } from 'graphql-ws';
import { Role } from '../../src/domain/types';
import { createTestApp, TestApp } from '../support/app';
import { liveClient, rawConnection, subscribe } from '../support/live';
import { evidence } from '../support/verification';

const ROOT = path.resolve(__dirname, '../..');

const CLAIM_CHANGED = `subscription ($articleId: ID, $claimId: ID) {
  claimChanged(articleId: $articleId, claimId: $claimId) {
    event { kind fromState toState actor { name } }
    claim { id state version article { id title } }
  }
}`;
const ARTICLE_ADDED = 'subscription { articleAdded { id slug title claims(first: 5) { totalCount } } }';

let app: TestApp;
let url: string;
let clients: Client[] = [];
let reviewerToken: string;

function client(token?: string): Client {
  const created = liveClient(url, token);
  clients.push(created);
  return created;
}

async function post(query: string, variables: Record<string, unknown>, token?: string) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as { data?: any; errors?: any[] };
}

const SUBMIT = 'mutation ($input: SubmitReviewInput!) { submitReview(input: $input) { id version state } }';

function submitReview(claimId: string, version: number) {
  return post(SUBMIT, {
    input: { claimId, expectedVersion: version, verdict: 'SUPPORTED', confidence: 0.8, rationale: 'The cited report says so.', evidence: evidence() },
  }, reviewerToken);
}

beforeAll(async () => {
  app = await createTestApp({
    seed: true,
    env: { MAX_SUBSCRIPTIONS_PER_CONNECTION: '2', MAX_WS_CONNECTIONS_PER_ADDRESS: '4', MAX_QUERY_DEPTH: '8', MAX_QUERY_COST: '3000', CHANGE_FEED_POLL_MS: '20' },
  });
  ({ url } = await app.server.listen(0, '127.0.0.1'));
  ({ token: reviewerToken } = await app.reviewer(Role.REVIEWER, 'Ana Souza'));
});
afterEach(async () => {
  await Promise.all(clients.map((c) => c.dispose()));
  clients = [];
  // The server notices closed sockets a moment later; the next test counts only its own subscriptions.
  await app.server.live.whenIdle();
});
afterAll(() => app.close());

/** Two unreviewed claims from two different articles. */
async function claimsOfTwoArticles() {
  const result = await app.gql('{ articles(first: 2) { edges { node { id claims(first: 1, filter: { states: [UNVERIFIED] }) { edges { node { id version } } } } } } }');
  const [first, second] = result.data!.articles.edges.map((edge: any) => ({ articleId: edge.node.id, claim: edge.node.claims.edges[0].node }));
  return { first, second };
}

describe('claimChanged', () => {
  it("delivers a reviewer's submitReview to subscribers of that claim and of its article, and not to one of another article", async () => {
    const { first, second } = await claimsOfTwoArticles();
    const byClaim = subscribe(client(), CLAIM_CHANGED, { claimId: first.claim.id });
    const byArticle = subscribe(client(), CLAIM_CHANGED, { articleId: first.articleId });
    const otherArticle = subscribe(client(), CLAIM_CHANGED, { articleId: second.articleId });
    await app.server.live.whenSubscribed(3);

    const submitted = await submitReview(first.claim.id, first.claim.version);
    expect(submitted.errors).toBeUndefined();
    for (const subscription of [byClaim, byArticle]) {
      const message = await subscription.next();
      expect(message.errors).toBeUndefined();
      expect(message.data!.claimChanged).toEqual({
        event: { kind: 'REVIEW_SUBMITTED', fromState: 'UNVERIFIED', toState: 'IN_REVIEW', actor: { name: 'Ana Souza' } },
        claim: { id: first.claim.id, state: 'IN_REVIEW', version: first.claim.version + 1, article: { id: first.articleId, title: expect.any(String) } },
      });
    }

    // Changes reach each subscriber in order, so the other article's first message shows the first one was skipped.
    await submitReview(second.claim.id, second.claim.version);
    const message = await otherArticle.next();
    expect(message.data!.claimChanged.claim.id).toBe(second.claim.id);
    expect(message.data!.claimChanged.claim.article.id).toBe(second.articleId);
  });

  it('sends one message per event of the claim, each with the claim after it', async () => {
    const { first } = await claimsOfTwoArticles();
    const { token: other } = await app.reviewer(Role.REVIEWER, 'Ben Okafor');
    const changes = subscribe(client(), CLAIM_CHANGED, { claimId: first.claim.id });
    await app.server.live.whenSubscribed(1);
    await submitReview(first.claim.id, first.claim.version);
    const one = await changes.next();
    await post(SUBMIT, {
      input: { claimId: first.claim.id, expectedVersion: first.claim.version + 1, verdict: 'SUPPORTED', confidence: 0.9, rationale: 'Confirmed independently.', evidence: evidence() },
    }, other);
    const two = await changes.next();
    expect(one.data!.claimChanged.event.kind).toBe('REVIEW_SUBMITTED');
    expect(two.data!.claimChanged.event).toMatchObject({ kind: 'REVIEW_SUBMITTED', fromState: 'IN_REVIEW', toState: 'VERIFIED', actor: { name: 'Ben Okafor' } });
    expect(two.data!.claimChanged.claim).toMatchObject({ state: 'VERIFIED', version: first.claim.version + 2 });
  });

  it('refuses a claimId that is not a claim id, and one that names no claim', async () => {
    const c = client();
    const garbage = await subscribe(c, CLAIM_CHANGED, { claimId: 'garbage' }).failure();
    expect(garbage[0].extensions?.code).toBe('BAD_USER_INPUT');
    const missing = await subscribe(c, CLAIM_CHANGED, { claimId: Buffer.from('Claim:999999').toString('base64url') }).failure();
    expect(missing[0].extensions?.code).toBe('NOT_FOUND');
  });
});

describe('changes from other processes', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimgraph-live-'));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  function seedInAnotherProcess(file: string): Promise<number | null> {
    const target = app.db.target;
    const child = spawn(process.execPath, ['-r', '@swc-node/register', 'src/scripts/seed.ts', file], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: target.kind === 'postgres' ? target.url : target.file, LOG_LEVEL: 'silent' },
      stdio: 'ignore',
    });
    return new Promise((resolve) => child.once('exit', resolve));
  }

  it('delivers an article loaded by `npm run seed` in another process to articleAdded, and its claims to claimChanged', async () => {
    const file = path.join(dir, 'harbour.txt');
    fs.writeFileSync(file, 'Harbour dredging approved\n\nThe port authority approved a $40 million dredging plan on Monday, its chair said.\n');
    const live = client();
    const articles = subscribe(live, ARTICLE_ADDED);
    const changes = subscribe(live, CLAIM_CHANGED);
    await app.server.live.whenSubscribed(2);

    expect(await seedInAnotherProcess(file)).toBe(0);
    const added = await articles.next();
    expect(added.errors).toBeUndefined();
    expect(added.data!.articleAdded).toMatchObject({ title: 'Harbour dredging approved', claims: { totalCount: expect.any(Number) } });
    expect(added.data!.articleAdded.claims.totalCount).toBeGreaterThan(0);
    const created = await changes.next();
    expect(created.data!.claimChanged.event).toEqual({ kind: 'CREATED', fromState: null, toState: 'UNVERIFIED', actor: null });
    expect(created.data!.claimChanged.claim.article.title).toBe('Harbour dredging approved');
  });

  it("delivers a review submitted through a second server process to the first server's subscribers", async () => {
    const target = app.db.target;
    const child = spawn(process.execPath, ['-r', '@swc-node/register', 'src/main.ts'], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: target.kind === 'postgres' ? target.url : target.file, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', NODE_ENV: 'test', SEED_ON_EMPTY: 'false' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    try {
      // The second process logs the address it serves once it listens.
      const secondUrl = await new Promise<string>((resolve, reject) => {
        let buffered = '';
        child.stdout!.on('data', (chunk: Buffer) => {
          buffered += chunk.toString();
          const serving = /"url":"(http:[^"]+)"/.exec(buffered);
          if (serving) resolve(serving[1]);
        });
        child.once('exit', (code) => reject(new Error(`the second server exited with ${code}`)));
      });
      const { first } = await claimsOfTwoArticles();
      const changes = subscribe(client(), CLAIM_CHANGED, { claimId: first.claim.id });
      await app.server.live.whenSubscribed(1);
      const response = await fetch(secondUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${reviewerToken}` },
        body: JSON.stringify({ query: SUBMIT, variables: { input: {
          claimId: first.claim.id, expectedVersion: first.claim.version, verdict: 'REFUTED', confidence: 0.6,
          rationale: 'The register shows otherwise.', evidence: evidence('https://example.org/register', 'REFUTES'),
        } } }),
      });
      expect(((await response.json()) as any).errors).toBeUndefined();
      const message = await changes.next();
      expect(message.data!.claimChanged).toMatchObject({
        event: { kind: 'REVIEW_SUBMITTED', actor: { name: 'Ana Souza' } },
        claim: { id: first.claim.id, version: first.claim.version + 1 },
      });
    } finally {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
    }
  });

  it('delivers an article ingested through a second server on the same database', async () => {
    const { Database } = await import('../../src/db/database');
    const { createServer } = await import('../../src/server');
    const db = await Database.open(app.db.target);
    const second = await createServer({ config: app.config, db });
    try {
      const { url: secondUrl } = await second.listen(0, '127.0.0.1');
      const { token } = await app.reviewer(Role.EDITOR);
      const articles = subscribe(client(), ARTICLE_ADDED);
      await app.server.live.whenSubscribed(1);
      const response = await fetch(secondUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({
          query: 'mutation ($input: IngestArticleInput!) { ingestArticle(input: $input) { id } }',
          variables: { input: { title: 'Tram line extended', body: 'The city extended the tram line by 4 km, the mayor said on Friday.', claims: [] } },
        }),
      });
      const ingested = (await response.json()) as any;
      expect(ingested.errors).toBeUndefined();
      const added = await articles.next();
      expect(added.data!.articleAdded).toMatchObject({ id: ingested.data.ingestArticle.id, title: 'Tram line extended' });
    } finally {
      await second.close();
      await db.close();
    }
  });
});

describe('limits', () => {
  it('answers a subscription beyond MAX_SUBSCRIPTIONS_PER_CONNECTION with TOO_MANY_SUBSCRIPTIONS', async () => {
    const c = client();
    subscribe(c, ARTICLE_ADDED);
    subscribe(c, ARTICLE_ADDED);
    const third = await subscribe(c, ARTICLE_ADDED).failure();
    expect(third[0].extensions).toMatchObject({ code: 'TOO_MANY_SUBSCRIPTIONS', max: 2 });
    expect(third[0].message).toMatch(/already has 2 subscriptions/);
  });

  it('closes a connection beyond MAX_WS_CONNECTIONS_PER_ADDRESS with 1008 and a reason, and accepts one again after another closes', async () => {
    const open = await Promise.all([1, 2, 3, 4].map(() => rawConnection(url)));
    expect(await Promise.all(open.map((c) => c.acknowledged))).toEqual([true, true, true, true]);
    const fifth = await rawConnection(url);
    expect(await fifth.closed).toEqual({ code: 1008, reason: 'Too many connections from this address: at most 4' });
    open[0].close();
    await open[0].closed;
    const again = await rawConnection(url);
    expect(await again.acknowledged).toBe(true);
    for (const c of [...open.slice(1), again]) c.close();
    await Promise.all([...open.slice(1), again].map((c) => c.closed));
  });

  it('closes a connection with a bad token with 4401 and UNAUTHENTICATED', async () => {
    const connection = await rawConnection(url, { authorization: 'Bearer cg_not-a-real-token' });
    expect(await connection.acknowledged).toBe(false);
    const closed = await connection.closed;
    expect(closed.code).toBe(4401);
    expect(closed.reason).toMatch(/^UNAUTHENTICATED: /);
  });

  it('accepts a good token and anonymous connections when reads need no token', async () => {
    const withToken = await rawConnection(url, { authorization: `Bearer ${reviewerToken}` });
    const anonymous = await rawConnection(url);
    expect([await withToken.acknowledged, await anonymous.acknowledged]).toEqual([true, true]);
    withToken.close();
    anonymous.close();
    await Promise.all([withToken.closed, anonymous.closed]);
  });

  it('refuses new subscriptions on a connection whose token was revoked since it connected', async () => {
    const { reviewer, token } = await app.reviewer(Role.REVIEWER, 'Cy Revoked');
    const c = client(token);
    subscribe(c, ARTICLE_ADDED);
    await app.server.live.whenSubscribed(1);
    await app.ctx().services.reviewers.revoke(app.ctx(), reviewer.id);
    const errors = await subscribe(c, ARTICLE_ADDED).failure();
    expect(errors[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('refuses a subscription nested deeper than MAX_QUERY_DEPTH before running it', async () => {
    const deep = 'subscription { claimChanged { claim { article { claims { edges { node { source { claims { edges { node { id } } } } } } } } } } }';
    const errors = await subscribe(client(), deep).failure();
    expect(errors[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(errors[0].message).toMatch(/nested \d+ levels/);
  });

  it('refuses a subscription that costs more than MAX_QUERY_COST', async () => {
    const costly = 'subscription { articleAdded { claims(first: 100) { edges { node { reviews { rationale evidence { url } } } } } } }';
    const errors = await subscribe(client(), costly).failure();
    expect(errors[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(errors[0].message).toMatch(/costs \d+/);
  });

  it('refuses an unknown field and a syntax error with the same codes as HTTP', async () => {
    const c = client();
    expect((await subscribe(c, 'subscription { claimDeleted { id } }').failure())[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect((await subscribe(c, 'subscription { articleAdded { ').failure())[0].extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
  });

  it('sends queries and mutations to POST /graphql', async () => {
    const errors = await subscribe(client(), '{ articles { totalCount } }').failure();
    expect(errors[0].extensions?.code).toBe('BAD_REQUEST');
    expect(errors[0].message).toMatch(/POST \/graphql/);
  });
});

describe('when reads need a token', () => {
  let locked: TestApp;
  let lockedUrl: string;
  beforeAll(async () => {
    locked = await createTestApp({ env: { REQUIRE_AUTH_FOR_READS: 'true' } });
    ({ url: lockedUrl } = await locked.server.listen(0, '127.0.0.1'));
  });
  afterAll(() => locked.close());

  it('closes an anonymous connection with 4401 and accepts one with a token', async () => {
    const anonymous = await rawConnection(lockedUrl);
    expect((await anonymous.closed).code).toBe(4401);
    const { token } = await locked.reviewer(Role.VIEWER);
    const viewer = await rawConnection(lockedUrl, { authorization: `Bearer ${token}` });
    expect(await viewer.acknowledged).toBe(true);
    viewer.close();
    await viewer.closed;
  });
});

describe('shutting down', () => {
  it('closes open subscriptions with 1001 (going away) when the server closes', async () => {
    const closing = await createTestApp();
    const { url: closingUrl } = await closing.server.listen(0, '127.0.0.1');
    const connection = await rawConnection(closingUrl);
    expect(await connection.acknowledged).toBe(true);
    connection.socket.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query: ARTICLE_ADDED } }));
    await closing.server.live.whenSubscribed(1);
    await closing.close();
    expect((await connection.closed).code).toBe(1001);
    await closing.server.live.whenIdle();
  });
});
