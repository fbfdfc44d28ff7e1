import { execFileSync } from 'node:child_process';
import { Role } from '../../src/domain/types';
import { ByteBoundedLru } from '../../src/graphql/response-cache';
import { createTestApp, TestApp } from '../support/app';

let app: TestApp;
const CLAIM = 'query ($id: ID!) { claim(id: $id) { id text version } }';

beforeAll(async () => {
  app = await createTestApp({ seed: true, env: { RESPONSE_CACHE: 'on' } });
});
afterAll(() => app.close());

async function firstClaim(): Promise<{ id: string; text: string }> {
  const result = await app.gql('{ claims(first: 1) { edges { node { id text } } } }');
  return result.data!.claims.edges[0].node;
}

/** Writes a claim's text from another process, straight to the database, as another instance would. */
function writeFromAnotherProcess(rowId: number, text: string): void {
  const target = app.db.target;
  const script = target.kind === 'sqlite'
    ? `const sqlite3 = require('sqlite3'); const db = new sqlite3.Database(process.argv[1]);
       db.configure('busyTimeout', 10000);
       db.run('UPDATE claim SET text = ? WHERE id = ?', [process.argv[3], Number(process.argv[2])], (e) => { if (e) throw e; db.close(); });`
    : `const { Client } = require('pg'); const c = new Client({ connectionString: process.argv[1] });
       c.connect().then(() => c.query('UPDATE claim SET text = $1 WHERE id = $2', [process.argv[3], Number(process.argv[2])])).then(() => c.end());`;
  execFileSync(process.execPath, ['-e', script, target.kind === 'sqlite' ? target.file : target.url, String(rowId), text], { cwd: process.cwd() });
}

describe('response cache', () => {
  it('answers a repeated query from memory with one statement: the change-version check', async () => {
    const { id } = await firstClaim();
    await app.gql(CLAIM, { id });
    const first = await app.gql(CLAIM, { id });
    const before = app.db.statementCount;
    const second = await app.gql(CLAIM, { id });
    expect(second.data).toEqual(first.data);
    expect(app.db.statementCount - before).toBe(1);
  });

  it('never answers from before a write committed by another process, even at once', async () => {
    const { id } = await firstClaim();
    const rowId = Number(Buffer.from(id, 'base64url').toString().split(':')[1]);
    for (const text of ['Rewritten elsewhere once.', 'Rewritten elsewhere twice.']) {
      await app.gql(CLAIM, { id });
      await app.gql(CLAIM, { id });
      writeFromAnotherProcess(rowId, text);
      const result = await app.gql(CLAIM, { id });
      expect(result.data!.claim.text).toBe(text);
    }
  });

  it('never answers one reviewer with what was cached for another', async () => {
    const ana = (await app.reviewer(Role.REVIEWER, 'Ana')).reviewer;
    const ben = (await app.reviewer(Role.EDITOR, 'Ben')).reviewer;
    const me = '{ me { name role } }';
    await app.gql(me, {}, ana);
    expect((await app.gql(me, {}, ana)).data!.me).toEqual({ name: 'Ana', role: 'REVIEWER' });
    expect((await app.gql(me, {}, ben)).data!.me).toEqual({ name: 'Ben', role: 'EDITOR' });
    expect((await app.gql(me, {}, null)).data!.me).toBeNull();
  });

  it('keeps its entries within the byte bound, dropping the least recently used first', () => {
    const lru = new ByteBoundedLru(100);
    lru.set('a', { version: '1', data: {}, bytes: 40 });
    lru.set('b', { version: '1', data: {}, bytes: 40 });
    lru.get('a');
    lru.set('c', { version: '1', data: {}, bytes: 40 });
    expect(lru.get('b')).toBeUndefined();
    expect(lru.get('a')).toBeDefined();
    expect(lru.size.bytes).toBeLessThanOrEqual(100);
  });
});

describe('response cache off', () => {
  it('runs every query against the database', async () => {
    const off = await createTestApp({ seed: true, env: { RESPONSE_CACHE: 'off' } });
    try {
      const query = '{ claims(first: 5) { edges { node { id text } } } }';
      await off.gql(query);
      const before = off.db.statementCount;
      await off.gql(query);
      expect(off.db.statementCount - before).toBeGreaterThanOrEqual(1);
      expect(off.config.responseCache).toBe(false);
    } finally {
      await off.close();
    }
  });
});
