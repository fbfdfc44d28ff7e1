import { Client } from 'pg';
import { Role } from '../../src/domain/types';
import { ErrorCode } from '../../src/errors';
import { createTestApp, TestApp } from '../support/app';

// Counts forever: only the statement timeout, or closing the database, stops it.
const ENDLESS_READ = 'WITH RECURSIVE counter(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM counter) SELECT MAX(n) FROM counter';

const sqlite = !/^postgres/i.test(process.env.DATABASE_URL ?? '');
const onSqlite = sqlite ? describe : describe.skip;
const onPostgres = sqlite ? describe.skip : describe;

/** Starts a read that never ends by itself; resolves once it holds a reader. */
async function holdReader(app: TestApp) {
  const outcome = { settled: false };
  const running = app.db.reader.query(ENDLESS_READ).finally(() => { outcome.settled = true; });
  running.catch(() => undefined);
  // The pool is TypeORM's sqlite3 connection here; wait until the endless read occupies one of its readers.
  const pool = (app.db.reader.driver as any).databaseConnection as { busy: number };
  while (pool.busy === 0) await new Promise((resolve) => setImmediate(resolve));
  return { running, outcome };
}

async function ingest(app: TestApp) {
  const { reviewer: editor, token } = await app.reviewer(Role.EDITOR);
  const created = await app.gql(
    'mutation ($input: IngestArticleInput!) { ingestArticle(input: $input) { id claims(first: 1) { edges { node { id } } } } }',
    { input: { title: 'Harbour dredging', body: 'The port authority said the harbour will be dredged in May.', publisher: 'Coast Post', claims: [{ text: 'The harbour will be dredged in May', quote: { exact: 'the harbour will be dredged in May' }, source: { name: 'The port authority', kind: 'ORGANIZATION' }, stance: 'ASSERTS' }] } },
    editor,
  );
  expect(created.errors).toBeUndefined();
  return { token, claimId: created.data!.ingestArticle.claims.edges[0].node.id as string };
}

function post(url: string, query: string, variables: Record<string, unknown> = {}, token?: string) {
  return fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
}

onSqlite('SQLite readers', () => {
  it('keep answering reads, token lookups and /healthz while one reader is busy with an endless query', async () => {
    const app = await createTestApp({ env: { SQLITE_READERS: '4', DB_STATEMENT_TIMEOUT_MS: '600000' } });
    try {
      const { token, claimId } = await ingest(app);
      const { url } = await app.server.listen(0, '127.0.0.1');
      const slow = await holdReader(app);

      const [health, me, claim] = await Promise.all([
        fetch(url.replace(/graphql$/, 'healthz')),
        post(url, '{ me { name role } }', {}, token),
        post(url, 'query ($id: ID!) { claim(id: $id) { text } }', { id: claimId }),
      ]);
      expect(health.status).toBe(200);
      expect(((await me.json()) as any).data.me.role).toBe('EDITOR');
      expect(((await claim.json()) as any).data.claim.text).toBe('The harbour will be dredged in May');
      for (let i = 0; i < 20; i += 1) expect(await app.db.ping()).toBe(true);
      expect(slow.outcome.settled).toBe(false);

      await app.server.close();
      await app.db.close();
      // Closing stops the endless read instead of waiting for it.
      await expect(slow.running).rejects.toMatchObject({ extensions: { code: ErrorCode.SERVER_BUSY } });
    } finally {
      await app.close().catch(() => undefined);
    }
  });

  it('answers SERVER_BUSY (HTTP 503, Retry-After), not NOT_FOUND, to a lookup that found every reader busy', async () => {
    const app = await createTestApp({ env: { SQLITE_READERS: '1', DB_STATEMENT_TIMEOUT_MS: '600000', DB_ACQUIRE_TIMEOUT_MS: '50' } });
    try {
      const { token, claimId } = await ingest(app);
      const { url } = await app.server.listen(0, '127.0.0.1');
      const slow = await holdReader(app);

      const claim = await post(url, 'query ($id: ID!) { claim(id: $id) { text } }', { id: claimId });
      expect(claim.status).toBe(503);
      expect(claim.headers.get('retry-after')).toBe('1');
      expect(((await claim.json()) as any).errors.map((e: any) => e.extensions.code)).toEqual([ErrorCode.SERVER_BUSY]);

      const node = await app.gql('query ($id: ID!) { node(id: $id) { id } }', { id: claimId });
      expect(node.errors?.map((e) => e.extensions?.code)).toEqual([ErrorCode.SERVER_BUSY]);

      const me = await post(url, '{ me { name } }', {}, token);
      expect(me.status).toBe(503);
      expect(((await me.json()) as any).errors.map((e: any) => e.extensions.code)).toEqual([ErrorCode.SERVER_BUSY]);

      expect((await fetch(url.replace(/graphql$/, 'healthz'))).status).toBe(503);
      expect(slow.outcome.settled).toBe(false);
    } finally {
      await app.close();
    }
  });
});

onSqlite('SQLite readers keep prepared statements', () => {
  const ENDLESS_FROM = 'WITH RECURSIVE counter(n) AS (SELECT ? UNION ALL SELECT n + 1 FROM counter) SELECT MAX(n) AS n FROM counter';

  it('answer each run of the same text with its own values, see writes committed in between, and survive errors', async () => {
    const app = await createTestApp({ env: { SQLITE_READERS: '1', DB_STATEMENT_TIMEOUT_MS: '200' } });
    try {
      const reader = app.db.reader;
      const square = 'SELECT ? * ? AS n';
      for (const n of [2, 3, 7]) expect(await reader.query(square, [n, n])).toEqual([{ n: n * n }]);
      // A prepared statement that ran to its end holds no snapshot: a write committed after it is seen.
      const count = 'SELECT COUNT(*) AS n FROM article WHERE id > ?';
      expect(await reader.query(count, [0])).toEqual([{ n: 0 }]);
      await ingest(app);
      expect(await reader.query(count, [0])).toEqual([{ n: 1 }]);
      // A text that does not prepare answers its error and keeps nothing; the connection serves the next read.
      await expect(reader.query('SELECT nope FROM nowhere WHERE id = ?', [1])).rejects.toThrow(/no such table/);
      await expect(reader.query('SELECT nope FROM nowhere WHERE id = ?', [1])).rejects.toThrow(/no such table/);
      expect(await reader.query(square, [4, 4])).toEqual([{ n: 16 }]);
      // A kept statement stopped by the statement timeout runs again, to its end, on the next call.
      await expect(reader.query(ENDLESS_FROM, [1])).rejects.toMatchObject({ extensions: { code: ErrorCode.REQUEST_TIMEOUT } });
      await expect(reader.query(ENDLESS_FROM, [1])).rejects.toMatchObject({ extensions: { code: ErrorCode.REQUEST_TIMEOUT } });
      expect(await reader.query(square, [5, 5])).toEqual([{ n: 25 }]);
      // More texts than the connection keeps: the oldest are finalized, and they still answer when asked again.
      for (let i = 0; i < 100; i += 1) expect(await reader.query(`SELECT ? + ${i} AS n`, [1])).toEqual([{ n: 1 + i }]);
      expect(await reader.query(square, [6, 6])).toEqual([{ n: 36 }]);
    } finally {
      // Closing finalizes the kept statements first: a connection with live statements would refuse to close.
      await app.close();
    }
  });
});

describe('statement timeout', () => {
  it('stops a read past DB_STATEMENT_TIMEOUT_MS with REQUEST_TIMEOUT, and the connection then serves the next read', async () => {
    const app = await createTestApp({ env: { SQLITE_READERS: '1', DB_STATEMENT_TIMEOUT_MS: '100' } });
    try {
      await expect(app.db.reader.query(ENDLESS_READ)).rejects.toMatchObject({ extensions: { code: ErrorCode.REQUEST_TIMEOUT } });
      expect(await app.db.reader.query('SELECT 1 AS one')).toEqual([{ one: 1 }]);
    } finally {
      await app.close();
    }
  });
});

onPostgres('PostgreSQL', () => {
  it('answers REQUEST_TIMEOUT (HTTP 503), not NOT_FOUND, when a lookup is cancelled by statement_timeout', async () => {
    const app = await createTestApp({ env: { DB_STATEMENT_TIMEOUT_MS: '200' } });
    const locker = new Client({ connectionString: (app.db.target as { url: string }).url });
    try {
      const { claimId } = await ingest(app);
      const { url } = await app.server.listen(0, '127.0.0.1');
      await locker.connect();
      // Another session holds the claim table: the lookup waits on the lock until the server cancels it.
      await locker.query('BEGIN');
      await locker.query('LOCK TABLE claim IN ACCESS EXCLUSIVE MODE');

      const claim = await post(url, 'query ($id: ID!) { claim(id: $id) { text } }', { id: claimId });
      expect(claim.status).toBe(503);
      expect(claim.headers.get('retry-after')).toBe('1');
      expect(((await claim.json()) as any).errors.map((e: any) => e.extensions.code)).toEqual([ErrorCode.REQUEST_TIMEOUT]);

      await locker.query('ROLLBACK');
      const again = await post(url, 'query ($id: ID!) { claim(id: $id) { text } }', { id: claimId });
      expect(((await again.json()) as any).data.claim.text).toBe('The harbour will be dredged in May');
    } finally {
      await locker.end();
      await app.close();
    }
  });

  it('answers SERVER_BUSY (HTTP 503), not NOT_FOUND, when no pooled connection frees up within DB_ACQUIRE_TIMEOUT_MS', async () => {
    const app = await createTestApp({ env: { DB_POOL_SIZE: '1', DB_ACQUIRE_TIMEOUT_MS: '100' } });
    let release!: () => void;
    const gate = new Promise<void>((resolve) => { release = resolve; });
    try {
      const { claimId } = await ingest(app);
      const { url } = await app.server.listen(0, '127.0.0.1');
      // A transaction holds the pool's only connection until released.
      const holding = app.db.write(() => gate);

      const claim = await post(url, 'query ($id: ID!) { claim(id: $id) { text } }', { id: claimId });
      expect(claim.status).toBe(503);
      expect(((await claim.json()) as any).errors.map((e: any) => e.extensions.code)).toEqual([ErrorCode.SERVER_BUSY]);
      await expect(app.db.write(async () => 'second')).rejects.toMatchObject({ extensions: { code: ErrorCode.SERVER_BUSY } });

      release();
      await holding;
      const again = await post(url, 'query ($id: ID!) { claim(id: $id) { text } }', { id: claimId });
      expect(((await again.json()) as any).data.claim.text).toBe('The harbour will be dredged in May');
    } finally {
      release();
      await app.close();
    }
  });
});
