import { Database } from '../../src/db/database';
import { MIGRATIONS } from '../../src/migrations';
import { freshDatabase } from '../support/app';

describe('migrations', () => {
  let db: Database;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    const fresh = await freshDatabase();
    drop = fresh.drop;
    db = await Database.open(fresh.target);
  });
  afterAll(async () => {
    await db.close();
    await drop();
  });

  it('build exactly the schema the entities describe: nothing left for TypeORM to change', async () => {
    expect(await db.schemaDrift()).toEqual([]);
  });

  it('enforce foreign keys', async () => {
    await expect(db.write((manager) => manager.query(
      `INSERT INTO claim (article_id, source_id, text, quote_exact, quote_prefix, quote_suffix, quote_start, quote_end, stance)
       VALUES (999, 999, 't', 'q', '', '', 0, 1, 'ASSERTS')`,
    ))).rejects.toThrow(/foreign key/i);
  });

  it('can be reverted and applied again, every one of them', async () => {
    // Some migrations change no table (PostgreSQL triggers), so revert them all to see the schema go.
    for (const _migration of MIGRATIONS) await db.undoLastMigration();
    expect((await db.schemaDrift()).length).toBeGreaterThan(0);
    await db.close();
    db = await Database.open(db.target);
    expect(await db.schemaDrift()).toEqual([]);
  });
});
