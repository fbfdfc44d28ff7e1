import { MigrationInterface, QueryRunner } from 'typeorm';
import { CHANGE_CHANNEL } from '../subscriptions/changes';

/**
 * PostgreSQL only: new articles and claim events notify CHANGE_CHANNEL at commit, whichever process
 * wrote them, so every server can push them to its subscribers. SQLite has no NOTIFY; there the change
 * feed follows the tables instead, and this migration does nothing.
 */
export class ChangeNotifications1796601600000 implements MigrationInterface {
  name = 'ChangeNotifications1796601600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    if (queryRunner.connection.options.type !== 'postgres') return;
    // Statement-level triggers with transition tables: a seed run inserting hundreds of events fires once per statement.
    await queryRunner.query(`
      CREATE FUNCTION claimgraph_notify_articles() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('${CHANGE_CHANNEL}', json_build_object('kind', 'article', 'articleId', inserted.id)::text)
          FROM (SELECT id FROM new_articles ORDER BY id) inserted;
        RETURN NULL;
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER trg_article_notify AFTER INSERT ON article
      REFERENCING NEW TABLE AS new_articles FOR EACH STATEMENT EXECUTE FUNCTION claimgraph_notify_articles()`);
    await queryRunner.query(`
      CREATE FUNCTION claimgraph_notify_claim_events() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('${CHANGE_CHANNEL}', json_build_object(
            'kind', 'claimEvent', 'eventId', inserted.id, 'claimId', inserted.claim_id, 'articleId', inserted.article_id)::text)
          FROM (SELECT e.id, e.claim_id, c.article_id FROM new_events e JOIN claim c ON c.id = e.claim_id ORDER BY e.id) inserted;
        RETURN NULL;
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER trg_claim_event_notify AFTER INSERT ON claim_event
      REFERENCING NEW TABLE AS new_events FOR EACH STATEMENT EXECUTE FUNCTION claimgraph_notify_claim_events()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    if (queryRunner.connection.options.type !== 'postgres') return;
    await queryRunner.query('DROP TRIGGER IF EXISTS trg_claim_event_notify ON claim_event');
    await queryRunner.query('DROP FUNCTION IF EXISTS claimgraph_notify_claim_events()');
    await queryRunner.query('DROP TRIGGER IF EXISTS trg_article_notify ON article');
    await queryRunner.query('DROP FUNCTION IF EXISTS claimgraph_notify_articles()');
  }
}
