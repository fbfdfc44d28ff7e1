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

  it('replace the external-content search index an earlier read-path migration built on SQLite with one that owns its text', async () => {
    if (db.kind !== 'sqlite') return;
    // The state of a database that ran the read-path migration while it still built claim_search.
    await db.undoLastMigration();
    await db.write(async (manager) => {
      await manager.query(`CREATE VIRTUAL TABLE claim_search USING fts5(text, quote_exact, content='claim', content_rowid='id', tokenize='trigram')`);
      await manager.query(`CREATE TRIGGER claim_search_insert AFTER INSERT ON claim BEGIN
        INSERT INTO claim_search (rowid, text, quote_exact) VALUES (NEW.id, NEW.text, NEW.quote_exact); END`);
      await manager.query(`CREATE TRIGGER claim_search_delete AFTER DELETE ON claim BEGIN
        INSERT INTO claim_search (claim_search, rowid, text, quote_exact) VALUES ('delete', OLD.id, OLD.text, OLD.quote_exact); END`);
      await manager.query(`CREATE TRIGGER claim_search_update AFTER UPDATE OF text, quote_exact ON claim BEGIN
        INSERT INTO claim_search (claim_search, rowid, text, quote_exact) VALUES ('delete', OLD.id, OLD.text, OLD.quote_exact);
        INSERT INTO claim_search (rowid, text, quote_exact) VALUES (NEW.id, NEW.text, NEW.quote_exact); END`);
      await manager.query(`INSERT INTO source (name, normalized_name, kind, created_at) VALUES ('Someone', 'someone', 'PERSON', '2026-01-01')`);
      await manager.query(`INSERT INTO article (slug, title, language, body, content_hash, created_at)
        VALUES ('a', 'A', 'en', 'Bus fares rose by 9 percent.', 'h', '2026-01-01')`);
      await manager.query(`INSERT INTO claim (article_id, source_id, text, quote_exact, quote_prefix, quote_suffix, quote_start, quote_end, stance)
        VALUES (1, 1, 'Bus fares rose by 9 percent', 'Bus fares rose', '', '', 0, 14, 'ASSERTS')`);
    });
    await db.close();
    db = await Database.open(db.target);
    const [table] = await db.reader.query(`SELECT sql FROM sqlite_master WHERE name = 'claim_search'`) as { sql: string }[];
    expect(table.sql).not.toMatch(/content\s*=/);
    expect(await db.reader.query(`SELECT rowid, text, quote_exact FROM claim_search WHERE claim_search MATCH '"fares ROSE"'`))
      .toEqual([{ rowid: 1, text: 'Bus fares rose by 9 percent', quote_exact: 'Bus fares rose' }]);
    await db.write((manager) => manager.query(`UPDATE claim SET text = 'Tram fares fell' WHERE id = 1`));
    await db.write((manager) => manager.query(`INSERT INTO claim_search (claim_search) VALUES ('integrity-check')`));
    expect(await db.reader.query(`SELECT rowid FROM claim_search WHERE claim_search MATCH '"tram"'`)).toEqual([{ rowid: 1 }]);
    await db.write(async (manager) => {
      await manager.query('DELETE FROM claim');
      await manager.query('DELETE FROM article');
      await manager.query('DELETE FROM source');
    });
    expect(await db.reader.query('SELECT COUNT(*) AS n FROM claim_search')).toEqual([{ n: 0 }]);
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
