import { Claim } from '../../src/entities';
import { EXACT_COUNT_UP_TO } from '../../src/domain/limits';
import { toCursor } from '../../src/domain/global-id';
import { createTestApp, TestApp } from '../support/app';

let app: TestApp;

beforeAll(async () => {
  app = await createTestApp({ seed: true });
});
afterAll(() => app.close());

async function total(filter: Record<string, unknown>): Promise<{ totalCount: number; totalCountIsExact: boolean; ids: string[] }> {
  const result = await app.gql(`query ($filter: ClaimFilter) { claims(first: 100, filter: $filter) {
    totalCount totalCountIsExact edges { node { id } } } }`, { filter });
  expect(result.errors).toBeUndefined();
  const { totalCount, totalCountIsExact, edges } = result.data!.claims;
  return { totalCount, totalCountIsExact, ids: edges.map((edge: { node: { id: string } }) => edge.node.id) };
}

describe('totalCount', () => {
  it('follows every change of state from the maintained tally, exactly', async () => {
    // Changes written straight to the table: the tally follows through the triggers, not through the service.
    await app.db.write((manager) => manager.query(`UPDATE claim SET state = 'DISPUTED' WHERE id % 4 = 0`));
    await app.db.write((manager) => manager.query(`UPDATE claim SET stance = 'DENIES' WHERE id % 5 = 0`));
    for (const filter of [{}, { states: ['DISPUTED'] }, { states: ['UNVERIFIED', 'DISPUTED'], stances: ['DENIES'] }, { stances: ['HEDGES'] }, { states: [] }]) {
      const counted = await app.db.reader.getRepository(Claim).createQueryBuilder('claim')
        .where(filter.states ? (filter.states.length ? 'claim.state IN (:...states)' : '1 = 0') : '1 = 1', { states: filter.states })
        .andWhere(filter.stances ? 'claim.stance IN (:...stances)' : '1 = 1', { stances: filter.stances })
        .getCount();
      const { totalCount, totalCountIsExact } = await total(filter);
      expect({ filter, totalCount, totalCountIsExact }).toEqual({ filter, totalCount: counted, totalCountIsExact: true });
    }
  });

  it('is exact for a text search below the cap', async () => {
    const { totalCount, totalCountIsExact, ids } = await total({ search: 'percent' });
    expect(ids.length).toBeGreaterThan(0);
    expect(totalCount).toBe(ids.length);
    expect(totalCountIsExact).toBe(true);
    expect(EXACT_COUNT_UP_TO).toBeGreaterThanOrEqual(100);
  });

  it('is the same on every page, past the last one too, and rides in the page\'s statement', async () => {
    const [{ id: lastId }] = await app.db.reader.query('SELECT MAX(id) AS id FROM claim') as { id: number }[];
    const past = toCursor('Claim', Number(lastId));
    for (const filter of [{}, { states: ['UNVERIFIED'], stances: ['ASSERTS', 'HEDGES'] }, { search: 'percent' }, { search: 'percent', stances: ['ASSERTS'] }, { search: 'pe' }]) {
      const first = await total(filter);
      const before = app.db.statementCount;
      const result = await app.gql(`query ($filter: ClaimFilter, $after: String) { claims(first: 5, after: $after, filter: $filter) {
        totalCount totalCountIsExact edges { node { id } } } }`, { filter, after: toCursor('Claim', 1) });
      const statements = app.db.statementCount - before;
      expect(result.errors).toBeUndefined();
      expect({ filter, totalCount: result.data!.claims.totalCount, exact: result.data!.claims.totalCountIsExact })
        .toEqual({ filter, totalCount: first.totalCount, exact: first.totalCountIsExact });
      // A short search's count takes its own statements (its window's end); every other count is part of the page's.
      if (filter.search !== 'pe') expect(statements).toBe(1);
      // An empty page after the last claim has no row to carry the count: it is counted apart, the same.
      const empty = await app.gql(`query ($filter: ClaimFilter, $after: String) { claims(first: 5, after: $after, filter: $filter) {
        totalCount totalCountIsExact edges { node { id } } } }`, { filter, after: past });
      expect(empty.errors).toBeUndefined();
      expect(empty.data!.claims.edges).toHaveLength(0);
      expect({ filter, totalCount: empty.data!.claims.totalCount, exact: empty.data!.claims.totalCountIsExact })
        .toEqual({ filter, totalCount: first.totalCount, exact: first.totalCountIsExact });
    }
  });
});

describe('text search', () => {
  it('finds exactly the claims whose text or quote contains the words, in any case, as LIKE would', async () => {
    for (const search of ['Percent', 'water rates', 'the', 'ce"nt']) {
      const pattern = `%${search.toLowerCase()}%`;
      const expected = await app.db.reader.getRepository(Claim).createQueryBuilder('claim')
        .where('LOWER(claim.text) LIKE :pattern OR LOWER(claim.quoteExact) LIKE :pattern', { pattern })
        .orderBy('claim.id').limit(100).getMany();
      const { ids } = await total({ search });
      expect({ search, count: ids.length }).toEqual({ search, count: expected.length });
      expect(ids).toEqual(expected.map((claim) => claim.globalId));
    }
  });

  it('finds claims by a search of one or two characters too', async () => {
    const { ids } = await total({ search: '$' });
    const expected = await app.db.reader.getRepository(Claim).createQueryBuilder('claim')
      .where("claim.text LIKE '%$%' OR claim.quoteExact LIKE '%$%'").getCount();
    expect(ids.length).toBe(Math.min(100, expected));
  });
});
