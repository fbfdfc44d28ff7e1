import fs from 'node:fs';
import path from 'node:path';
import { SEARCH } from '../../src/domain/limits';
import { Role } from '../../src/domain/types';
import { Claim, Reviewer } from '../../src/entities';
import { checkSearchIndex, checkSqliteFile } from '../../src/scripts/harness/consistency';
import { createTestApp, TestApp } from '../support/app';

/**
 * The SQLite search index (`claim_search`, an FTS5 trigram table kept by triggers) after every path that
 * writes a claim's text or quote: it must hold exactly each claim's text and quote, pass FTS5's own
 * integrity-check and `PRAGMA integrity_check`, and answer searches as the LIKE scan it replaces would.
 */
const sqlite = !(process.env.DATABASE_URL ?? '').startsWith('postgres');
const describeSqlite = sqlite ? describe : describe.skip;

const REVISED = JSON.parse(fs.readFileSync(path.join(__dirname, '../fixtures/revisions/us-china-rare-earth-deal.revised.json'), 'utf8')) as { body: string };

/** Every claim id a search returns, page after page, asked anonymously. */
async function searchAll(app: TestApp, search: string, first = 100): Promise<{ ids: number[]; pages: number; emptyPages: number }> {
  const ids: number[] = [];
  let after: string | null = null;
  let pages = 0;
  let emptyPages = 0;
  for (;;) {
    const result: { errors?: unknown; data?: any } = await app.gql<any>(`query($filter: ClaimFilter, $after: String, $first: Int) { claims(first: $first, after: $after, filter: $filter) {
      edges { node { id } } pageInfo { hasNextPage endCursor } } }`, { filter: { search }, after, first }, null);
    expect(result.errors).toBeUndefined();
    const data: any = result.data!;
    pages += 1;
    if (data.claims.edges.length === 0) emptyPages += 1;
    for (const edge of data.claims.edges) ids.push(Number(Buffer.from(edge.node.id, 'base64url').toString().split(':')[1]));
    if (!data.claims.pageInfo.hasNextPage) return { ids, pages, emptyPages };
    after = data.claims.pageInfo.endCursor;
    expect(after).not.toBeNull();
  }
}

/** The claims a LIKE over LOWER(text) and LOWER(quote) finds: what search meant before the index. */
async function likeScan(app: TestApp, search: string): Promise<number[]> {
  const pattern = `%${search.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const rows = await app.db.reader.getRepository(Claim).createQueryBuilder('claim').select('claim.id', 'id')
    .where("LOWER(claim.text) LIKE :pattern ESCAPE '\\' OR LOWER(claim.quoteExact) LIKE :pattern ESCAPE '\\'", { pattern })
    .orderBy('claim.id').getRawMany<{ id: number }>();
  return rows.map((row) => Number(row.id));
}

describeSqlite('the SQLite text search index', () => {
  let app: TestApp;
  let editor: Reviewer;

  beforeAll(async () => {
    app = await createTestApp({ seed: true });
    editor = (await app.reviewer(Role.EDITOR, 'Edna')).reviewer;
  });
  afterAll(() => app.close());

  async function ok<T = Record<string, any>>(query: string, variables: Record<string, unknown> = {}, as: Reviewer | null = editor): Promise<T> {
    const result = await app.gql<T>(query, variables, as);
    expect(result.errors).toBeUndefined();
    return result.data!;
  }

  /** FTS5's own check of the index against the table's content, SQLite's check of the file, and the copy against `claim`. */
  async function expectIndexWhole(): Promise<void> {
    await app.db.write((manager) => manager.query(`INSERT INTO claim_search (claim_search) VALUES ('integrity-check')`));
    expect(await checkSqliteFile(app.db)).toEqual([]);
    const [{ claims }] = await app.db.reader.query('SELECT COUNT(*) AS claims FROM claim') as { claims: number }[];
    const [{ indexed }] = await app.db.reader.query('SELECT COUNT(*) AS indexed FROM claim_search') as { indexed: number }[];
    expect(indexed).toBe(claims);
  }

  it('is whole after seeding', async () => {
    await expectIndexWhole();
  });

  it('holds every claim exactly after each path that writes text or quotes, and after changes no service makes', async () => {
    // Ingesting an article: claims given with it, and claims extracted from it.
    const given = await ok(`mutation($input: IngestArticleInput!) { ingestArticle(input: $input) { id claims(first: 10) { edges { node { id version } } } } }`, { input: {
      title: 'Harbour tolls rise', body: 'The port authority said harbour tolls rose by 12 percent. Ferry operators called the rise unlawful.',
      claims: [{ text: 'Harbour tolls rose by 12 percent', quote: { exact: 'harbour tolls rose by 12 percent' }, source: { name: 'Port authority' }, stance: 'ASSERTS' }],
    } });
    const articleId = given.ingestArticle.id as string;
    await ok(`mutation($input: IngestArticleInput!) { ingestArticle(input: $input) { id } }`, { input: {
      title: 'Grain exports', body: 'The ministry said grain exports fell by 40 percent in March. Farmers said prices doubled last year, according to the union.',
    } });
    // Creating a claim, then editing its text, its quote, both.
    const created = await ok(`mutation($input: CreateClaimInput!) { createClaim(input: $input) { id version } }`, { input: {
      articleId, text: 'Ferry operators called the rise unlawful', quote: { exact: 'Ferry operators called the rise unlawful' },
      source: { name: 'Ferry operators' }, stance: 'DENIES',
    } });
    let { id: claimId, version } = created.createClaim as { id: string; version: number };
    for (const change of [{ text: 'Ferry operators said the toll rise was UNLAWFUL' }, { quote: { exact: 'the rise unlawful' } },
      { text: 'Operators object to the tolls', quote: { exact: 'Ferry operators called' } }]) {
      ({ version } = (await ok(`mutation($input: UpdateClaimInput!) { updateClaim(input: $input) { version } }`, {
        input: { claimId, expectedVersion: version, ...change },
      })).updateClaim);
    }
    // Revising an article: every claim re-anchored, quotes moved or rewritten, new statements added as claims.
    const rare = (await ok(`{ article(slug: "us-china-rare-earth-deal") { id revision } }`)).article;
    await ok(`mutation($input: ReviseArticleInput!) { reviseArticle(input: $input) { anchored } }`, { input: {
      articleId: rare.id, expectedRevision: rare.revision, body: REVISED.body, note: 'Correction',
    } });
    // Bulk actions: rows updated without their text (the update trigger must not fire for them).
    const some = (await ok(`{ claims(first: 5) { edges { node { id version } } } }`)).claims.edges.map((e: any) => e.node);
    await ok(`mutation($input: SetClaimStatesInput!) { setClaimStates(input: $input) { id } }`, { input: {
      state: 'DISPUTED', note: 'Bulk dispute', claims: some.map((c: any) => ({ claimId: c.id, expectedVersion: c.version })),
    } });
    await expectIndexWhole();

    // Changes straight to the table, as a migration, a repair or the scale benchmark's generator would make them.
    await app.db.write(async (manager) => {
      await manager.query(`UPDATE claim SET text = UPPER(text) WHERE id % 3 = 0`);
      await manager.query(`UPDATE claim SET quote_exact = quote_exact || ' (sic)' WHERE id % 4 = 1`);
      await manager.query(`UPDATE claim SET state = 'VERIFIED' WHERE id % 5 = 0`);
      await manager.query(`INSERT INTO claim (article_id, source_id, text, quote_exact, quote_prefix, quote_suffix, quote_start, quote_end,
          stance, state, version, checkworthiness, created_at, updated_at)
        SELECT article_id, source_id, 'Copy: ' || text, quote_exact, '', '', 0, 1, stance, 'UNVERIFIED', 1, NULL, created_at, updated_at FROM claim WHERE id % 2 = 0`);
      const [{ top }] = await manager.query('SELECT MAX(id) AS top FROM claim') as { top: number }[];
      await manager.query(`DELETE FROM claim_event WHERE claim_id = ?`, [top]);
      await manager.query(`UPDATE claim SET id = id + 1000000 WHERE id = ?`, [top]);
    });
    const [{ last }] = await app.db.reader.query('SELECT MAX(id) AS last FROM claim') as { last: number }[];
    await app.db.write((manager) => manager.query('DELETE FROM claim WHERE id = ?', [last]));
    // A transaction that changed text and then failed leaves the index as it was.
    await expect(app.db.write(async (manager) => {
      await manager.query(`UPDATE claim SET text = 'never committed' WHERE id % 2 = 1`);
      throw new Error('rolled back');
    })).rejects.toThrow('rolled back');
    // REPLACE deletes the old row without firing the delete trigger; the trigger's insert takes the outer
    // statement's REPLACE, which a table that owns its content carries out whole (an external-content
    // table cannot: FTS5 does not support REPLACE there).
    const [{ first }] = await app.db.reader.query('SELECT MIN(id) AS first FROM claim') as { first: number }[];
    await app.db.write((manager) => manager.query(`INSERT OR REPLACE INTO claim (id, article_id, source_id, text, quote_exact, quote_prefix,
        quote_suffix, quote_start, quote_end, stance, state, version, checkworthiness, created_at, updated_at)
      SELECT id, article_id, source_id, 'Replaced wholesale', quote_exact, '', '', 0, 1, stance, state, version, NULL, created_at, updated_at
      FROM claim WHERE id = ?`, [first]));
    expect((await searchAll(app, 'replaced wholesale')).ids).toEqual([first]);
    await expectIndexWhole();
    expect(await searchAll(app, 'never committed')).toMatchObject({ ids: [] });
  });

  it('is found whole by the file check after other connections rewrote it, though a long-lived connection checked it before', async () => {
    // FTS5's integrity check (PRAGMA integrity_check) reads the index structure a connection cached when it last
    // used the table, without asking whether the file changed since: on a connection that checked before
    // these writes merged segments away it reports "fts5: corruption found reading blob …" of a sound file.
    // The file check opens a connection of its own, so its verdict is about the file.
    await app.db.reader.query('PRAGMA integrity_check');
    for (let i = 0; i < 40; i += 1) {
      await app.db.write((manager) => manager.query(`INSERT INTO claim (article_id, source_id, text, quote_exact, quote_prefix, quote_suffix,
          quote_start, quote_end, stance, state, version, checkworthiness, created_at, updated_at)
        SELECT article_id, source_id, 'Merge ' || ? || ' ' || text, quote_exact, '', '', 0, 1, stance, 'UNVERIFIED', 1, NULL, created_at, updated_at
        FROM claim ORDER BY id LIMIT 25`, [i]));
    }
    expect(await checkSqliteFile(app.db)).toEqual([]);
  });

  it('answers each search as the LIKE scan did: the text anywhere in the text or quote, in any case, page after page', async () => {
    for (const search of ['percent', 'PERCENT', 'Rare earth', 'unlawful', 'copy: ', '(sic)', '12 percent', 'ce"nt', 'zebra crossing', '100%', 'a_b', 'rise unlawful']) {
      const { ids } = await searchAll(app, search, 7);
      expect({ search, ids }).toEqual({ search, ids: await likeScan(app, search) });
    }
  });

  it('takes any string as a search, FTS5 query syntax included, and never fails', async () => {
    for (const search of ['"', '""', '"rare', 'rare*', '*', 'NEAR(rare earth)', 'rare AND earth', 'rare OR', 'NOT', '^rare', 'text: rare',
      '(rare', 'rare)', '-rare', '+', '{text}: rare', '\\', "'; DROP TABLE claim; --", '🦀🦀🦀', 'e\u0301', 'x'.repeat(200)]) {
      const result = await app.gql(`query($filter: ClaimFilter) { claims(first: 20, filter: $filter) { totalCount edges { node { id } } } }`, { filter: { search } });
      expect({ search, errors: result.errors }).toEqual({ search, errors: undefined });
      expect({ search, count: result.data!.claims.edges.length }).toEqual({ search, count: Math.min(20, (await likeScan(app, search.trim())).length) });
    }
    // The one string refused before any search: a NUL character, with a stable code.
    const nul = await app.gql(`{ claims(first: 20, filter: { search: "rare\\u0000earth" }) { totalCount } }`);
    expect(nul.errors?.map((error) => error.extensions?.code)).toEqual(['BAD_USER_INPUT']);
  });
});

// Both databases: a search too short for a trigram index scans bounded windows on either.
describe('a search of one or two characters', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp({ seed: true });
  });
  afterAll(() => app.close());

  it('pages a search of one or two characters through bounded windows, sparse pages included, finding every match once', async () => {
    // More claims than one window scans, with a rare two-character string in a few far apart.
    const extra = SEARCH.shortScanRows * 2 + 500;
    await app.db.write((manager) => manager.query(`INSERT INTO claim (article_id, source_id, text, quote_exact, quote_prefix, quote_suffix,
        quote_start, quote_end, stance, state, version, checkworthiness, created_at, updated_at)
      SELECT 1, 1, CASE WHEN i % 9000 = 17 THEN 'Filler claim ' || i || ' with ωq inside' ELSE 'Filler claim ' || i END, 'filler', '', '', 0, 6,
        'ASSERTS', 'UNVERIFIED', 1, NULL, '2026-01-01 00:00:00', '2026-01-01 00:00:00'
      FROM ${sqlite ? `(WITH RECURSIVE seq(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM seq WHERE i < ${extra}) SELECT i FROM seq)` : `generate_series(1, ${extra}) AS nums(i)`}`));
    const expected = await likeScan(app, 'ωq');
    expect(expected.length).toBe(3);
    const { ids, emptyPages } = await searchAll(app, 'ωq', 2);
    expect(ids).toEqual(expected);
    expect(emptyPages).toBeGreaterThan(0);
    // A short search that matches often fills its pages from the first window.
    const common = await searchAll(app, 'Fi', 100);
    expect(common.ids).toEqual(await likeScan(app, 'Fi'));
    const counted = await app.gql(`{ claims(first: 1, filter: { search: "ωq" }) { totalCount totalCountIsExact } }`);
    // Counted over the first window only, and said to be a lower bound.
    const [{ windowLast }] = await app.db.reader.query(`SELECT id AS "windowLast" FROM claim ORDER BY id LIMIT 1 OFFSET ${SEARCH.shortScanRows - 1}`) as { windowLast: number }[];
    expect(counted.data!.claims).toEqual({ totalCount: expected.filter((id) => id <= windowLast).length, totalCountIsExact: false });
    if (sqlite) expect(await checkSearchIndex(app.db)).toEqual([]);
  });
});
