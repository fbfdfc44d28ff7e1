import { MigrationInterface, QueryRunner } from 'typeorm';

/** The triggers that keep `claim_search` equal to `claim`'s text and quote, on SQLite. */
export const CLAIM_SEARCH_TRIGGERS = ['claim_search_insert', 'claim_search_delete', 'claim_search_update'];

/**
 * Text search on an index on SQLite: an FTS5 table with the trigram tokenizer that owns a copy of each
 * claim's text and quote (rowid = claim id), kept equal to `claim` by triggers on every insert, delete and
 * change of text, quote or id, whatever statement makes it.
 *
 * The table owns its content, so its index is always built from the very values it stores: no trigger can
 * make the index disagree with its content (an external-content table trusts each trigger to pass back
 * exactly the old values, and any slip is index corruption), and `PRAGMA integrity_check` compares the two
 * on every run. A slip in a trigger could only make the copy differ from `claim`, which a plain join shows
 * (the crash test and the search-index test check it) and re-inserting the row mends.
 *
 * Databases that ran the read-path migration while it still built an external-content `claim_search`
 * have that table and its triggers: they are dropped first and the index is built anew from `claim`.
 * PostgreSQL keeps its pg_trgm indexes (read-path migration); nothing to do there.
 */
export class ClaimSearch1797040800000 implements MigrationInterface {
  name = 'ClaimSearch1797040800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    if (queryRunner.connection.options.type === 'postgres') return;
    for (const trigger of CLAIM_SEARCH_TRIGGERS) await queryRunner.query(`DROP TRIGGER IF EXISTS ${trigger}`);
    await queryRunner.query('DROP TABLE IF EXISTS claim_search');
    await queryRunner.query(`CREATE VIRTUAL TABLE claim_search USING fts5(text, quote_exact, tokenize = 'trigram')`);
    await queryRunner.query('INSERT INTO claim_search (rowid, text, quote_exact) SELECT id, text, quote_exact FROM claim');
    await queryRunner.query(`CREATE TRIGGER claim_search_insert AFTER INSERT ON claim BEGIN
      INSERT INTO claim_search (rowid, text, quote_exact) VALUES (NEW.id, NEW.text, NEW.quote_exact);
    END`);
    await queryRunner.query(`CREATE TRIGGER claim_search_delete AFTER DELETE ON claim BEGIN
      DELETE FROM claim_search WHERE rowid = OLD.id;
    END`);
    await queryRunner.query(`CREATE TRIGGER claim_search_update AFTER UPDATE OF id, text, quote_exact ON claim BEGIN
      DELETE FROM claim_search WHERE rowid = OLD.id;
      INSERT INTO claim_search (rowid, text, quote_exact) VALUES (NEW.id, NEW.text, NEW.quote_exact);
    END`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    if (queryRunner.connection.options.type === 'postgres') return;
    for (const trigger of CLAIM_SEARCH_TRIGGERS) await queryRunner.query(`DROP TRIGGER IF EXISTS ${trigger}`);
    await queryRunner.query('DROP TABLE IF EXISTS claim_search');
  }
}
