import { Claim } from '../../src/entities';
import { RowMapper } from '../../src/loaders/claim-rows';
import { createTestApp, TestApp } from '../support/app';

let app: TestApp;
beforeAll(async () => {
  app = await createTestApp({ seed: true });
});
afterAll(() => app.close());

describe('RowMapper', () => {
  it('reads every stored timestamp as the same instant the driver reads it, in every text form SQLite gives', async () => {
    const mapper = new RowMapper(app.db.reader, Claim);
    const column = app.db.reader.getMetadata(Claim).findColumnWithPropertyName('createdAt')!;
    const rows = await app.db.reader.query('SELECT * FROM claim ORDER BY id LIMIT 20') as Record<string, unknown>[];
    const forms = ['2026-01-02 03:04:05.678', '2026-01-02 03:04:05', '2026-01-02 03:04', '2026-01-02T03:04:05.6Z', '2026-12-31 23:59:59.999', '2026-01-02T03:04:05.123+02:00', '2024-02-29 12:00:00', '1999-12-31 23:59:59.000', '2026-07-01 00:00:00.001'];
    if (app.db.kind === 'sqlite') for (const form of forms) rows.push({ ...rows[0], created_at: form });
    expect(rows.length).toBeGreaterThan(1);
    for (const row of rows) {
      const driver = app.db.reader.driver.prepareHydratedValue(row.created_at, column) as Date;
      expect(mapper.map(row).createdAt.toISOString()).toBe(driver.toISOString());
      expect(JSON.stringify(mapper.map(row).createdAt)).toBe(JSON.stringify(driver));
    }
  });

  it('formats a read timestamp anew once it is changed', () => {
    if (app.db.kind !== 'sqlite') return;
    const mapper = new RowMapper(app.db.reader, Claim);
    const date = mapper.map({ created_at: '2026-01-02 03:04:05.678' }).createdAt;
    date.setUTCFullYear(2030);
    expect(date.toISOString()).toBe('2030-01-02T03:04:05.678Z');
  });
});
