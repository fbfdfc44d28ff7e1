import { Claim } from '../../src/entities';
import { EXACT_COUNT_UP_TO } from '../../src/domain/limits';
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
