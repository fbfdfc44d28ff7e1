import { MigrationInterface, QueryRunner, Table } from 'typeorm';

/** Every table an answer is read from: a committed change to any of them must move the change counter. */
export const ANSWER_TABLES = ['article', 'article_revision', 'source', 'reviewer', 'claim', 'claim_term', 'review', 'evidence', 'claim_event'];

/**
 * What keeps reads flat as the table grows: a (state, stance) tally of claims kept by triggers, a text index
 * for search on PostgreSQL (pg_trgm GIN indexes on the lower-cased columns that `LIKE '%…%'` reads), and
 * PostgreSQL's change counter for the response cache. SQLite has no text index: an FTS5 trigram index was
 * reported corrupt by `PRAGMA integrity_check` after a kill -9 in the crash test, so search scans there.
 */
export class ReadPath1796947200000 implements MigrationInterface {
  name = 'ReadPath1796947200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const postgres = queryRunner.connection.options.type === 'postgres';
    await queryRunner.createTable(new Table({
      name: 'claim_tally',
      columns: [
        { name: 'state', type: 'varchar', length: '20', isPrimary: true },
        { name: 'stance', type: 'varchar', length: '20', isPrimary: true },
        { name: 'n', type: 'integer' },
      ],
    }));
    await queryRunner.query('INSERT INTO claim_tally (state, stance, n) SELECT state, stance, COUNT(*) FROM claim GROUP BY state, stance');
    await queryRunner.createTable(new Table({
      name: 'change_counter',
      columns: [{ name: 'id', type: 'integer', isPrimary: true }, { name: 'version', type: 'bigint' }],
    }));
    await queryRunner.query('INSERT INTO change_counter (id, version) VALUES (1, 0)');
    if (postgres) {
      await queryRunner.query(`CREATE FUNCTION change_counter_bump() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN UPDATE change_counter SET version = version + 1 WHERE id = 1; RETURN NULL; END $$`);
      for (const table of ANSWER_TABLES) {
        await queryRunner.query(`CREATE TRIGGER change_counter_${table} AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON ${table}
          FOR EACH STATEMENT EXECUTE FUNCTION change_counter_bump()`);
      }
      // Statement triggers over transition tables: one tally update per statement and (state, stance), not per
      // row, so a bulk insert does not update one hot row a million times in one transaction.
      await queryRunner.query(`CREATE FUNCTION claim_tally_keep() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF TG_OP IN ('UPDATE', 'DELETE') THEN
            UPDATE claim_tally t SET n = t.n - gone.n
              FROM (SELECT state, stance, COUNT(*) AS n FROM old_claims GROUP BY state, stance) gone
              WHERE t.state = gone.state AND t.stance = gone.stance;
          END IF;
          IF TG_OP IN ('UPDATE', 'INSERT') THEN
            INSERT INTO claim_tally (state, stance, n) SELECT state, stance, COUNT(*) FROM new_claims GROUP BY state, stance
              ON CONFLICT (state, stance) DO UPDATE SET n = claim_tally.n + EXCLUDED.n;
          END IF;
          RETURN NULL;
        END $$`);
      await queryRunner.query(`CREATE TRIGGER claim_tally_insert AFTER INSERT ON claim
        REFERENCING NEW TABLE AS new_claims FOR EACH STATEMENT EXECUTE FUNCTION claim_tally_keep()`);
      await queryRunner.query(`CREATE TRIGGER claim_tally_update AFTER UPDATE ON claim
        REFERENCING OLD TABLE AS old_claims NEW TABLE AS new_claims FOR EACH STATEMENT EXECUTE FUNCTION claim_tally_keep()`);
      await queryRunner.query(`CREATE TRIGGER claim_tally_delete AFTER DELETE ON claim
        REFERENCING OLD TABLE AS old_claims FOR EACH STATEMENT EXECUTE FUNCTION claim_tally_keep()`);
      await queryRunner.query('CREATE EXTENSION IF NOT EXISTS pg_trgm');
      await queryRunner.query('CREATE INDEX ix_claim_text_trgm ON claim USING gin (LOWER(text) gin_trgm_ops)');
      await queryRunner.query('CREATE INDEX ix_claim_quote_trgm ON claim USING gin (LOWER(quote_exact) gin_trgm_ops)');
      return;
    }
    await queryRunner.query(`CREATE TRIGGER claim_tally_insert AFTER INSERT ON claim BEGIN
      INSERT INTO claim_tally (state, stance, n) VALUES (NEW.state, NEW.stance, 1)
        ON CONFLICT (state, stance) DO UPDATE SET n = n + 1;
    END`);
    await queryRunner.query(`CREATE TRIGGER claim_tally_delete AFTER DELETE ON claim BEGIN
      UPDATE claim_tally SET n = n - 1 WHERE state = OLD.state AND stance = OLD.stance;
    END`);
    await queryRunner.query(`CREATE TRIGGER claim_tally_update AFTER UPDATE OF state, stance ON claim
      WHEN OLD.state IS NOT NEW.state OR OLD.stance IS NOT NEW.stance BEGIN
      UPDATE claim_tally SET n = n - 1 WHERE state = OLD.state AND stance = OLD.stance;
      INSERT INTO claim_tally (state, stance, n) VALUES (NEW.state, NEW.stance, 1)
        ON CONFLICT (state, stance) DO UPDATE SET n = n + 1;
    END`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    if (queryRunner.connection.options.type === 'postgres') {
      for (const table of ANSWER_TABLES) await queryRunner.query(`DROP TRIGGER change_counter_${table} ON ${table}`);
      await queryRunner.query('DROP FUNCTION change_counter_bump()');
      await queryRunner.query('DROP INDEX ix_claim_quote_trgm');
      await queryRunner.query('DROP INDEX ix_claim_text_trgm');
      for (const trigger of ['claim_tally_delete', 'claim_tally_update', 'claim_tally_insert']) await queryRunner.query(`DROP TRIGGER ${trigger} ON claim`);
      await queryRunner.query('DROP FUNCTION claim_tally_keep()');
    } else {
      for (const trigger of ['claim_tally_update', 'claim_tally_delete', 'claim_tally_insert']) await queryRunner.query(`DROP TRIGGER ${trigger}`);
    }
    await queryRunner.dropTable('change_counter');
    await queryRunner.dropTable('claim_tally');
  }
}
