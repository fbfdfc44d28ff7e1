import { MigrationInterface, QueryRunner, Table, TableColumnOptions, TableForeignKey, TableIndex } from 'typeorm';

/** Every table of the data model, written once for SQLite and PostgreSQL through TypeORM's schema builder. */
export class InitialSchema1764288000000 implements MigrationInterface {
  name = 'InitialSchema1764288000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const postgres = queryRunner.connection.options.type === 'postgres';
    const timestamp = postgres ? 'timestamptz' : 'datetime';
    // The defaults TypeORM itself gives create/update date columns, so entities and schema agree.
    const now = postgres ? 'now()' : "datetime('now')";
    const id: TableColumnOptions = { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' };
    const createdAt: TableColumnOptions = { name: 'created_at', type: timestamp, default: now };
    const text = (name: string, isNullable = false): TableColumnOptions => ({ name, type: 'text', isNullable });
    const varchar = (name: string, length: number, isNullable = false): TableColumnOptions => ({ name, type: 'varchar', length: String(length), isNullable });
    const int = (name: string, isNullable = false): TableColumnOptions => ({ name, type: 'integer', isNullable });
    const fk = (name: string, column: string, table: string, onDelete = 'CASCADE') =>
      new TableForeignKey({ name, columnNames: [column], referencedTableName: table, referencedColumnNames: ['id'], onDelete });

    await queryRunner.createTable(new Table({
      name: 'reviewer',
      columns: [id, varchar('name', 200), varchar('role', 20), varchar('token_hash', 64),
        { name: 'revoked_at', type: timestamp, isNullable: true }, createdAt],
      indices: [new TableIndex({ name: 'uq_reviewer_token_hash', columnNames: ['token_hash'], isUnique: true })],
    }));
    await queryRunner.createTable(new Table({
      name: 'source',
      columns: [id, varchar('name', 300), varchar('normalized_name', 300), varchar('kind', 20),
        varchar('affiliation', 300, true), createdAt],
      indices: [new TableIndex({ name: 'uq_source_normalized_name', columnNames: ['normalized_name'], isUnique: true })],
    }));
    await queryRunner.createTable(new Table({
      name: 'article',
      columns: [id, varchar('slug', 200), text('title'), text('url', true), varchar('publisher', 200, true),
        { name: 'published_at', type: timestamp, isNullable: true },
        { name: 'language', type: 'varchar', length: '35', default: "'en'" },
        text('body'), varchar('content_hash', 64), createdAt],
      indices: [
        new TableIndex({ name: 'uq_article_slug', columnNames: ['slug'], isUnique: true }),
        new TableIndex({ name: 'uq_article_content_hash', columnNames: ['content_hash'], isUnique: true }),
      ],
    }));
    await queryRunner.createTable(new Table({
      name: 'claim',
      columns: [id, int('article_id'), int('source_id'), int('assignee_id', true), text('text'),
        text('quote_exact'), text('quote_prefix'), text('quote_suffix'), int('quote_start'), int('quote_end'),
        varchar('stance', 20), { name: 'state', type: 'varchar', length: '20', default: "'UNVERIFIED'" },
        { name: 'version', type: 'integer', default: 1 },
        { name: 'checkworthiness', type: 'double precision', isNullable: true },
        createdAt, { name: 'updated_at', type: timestamp, default: now }],
      foreignKeys: [fk('fk_claim_article', 'article_id', 'article'), fk('fk_claim_source', 'source_id', 'source', 'RESTRICT'),
        fk('fk_claim_assignee', 'assignee_id', 'reviewer', 'SET NULL')],
      indices: [
        new TableIndex({ name: 'ix_claim_article', columnNames: ['article_id', 'id'] }),
        new TableIndex({ name: 'ix_claim_source', columnNames: ['source_id', 'id'] }),
        new TableIndex({ name: 'ix_claim_state', columnNames: ['state', 'id'] }),
      ],
    }));
    await queryRunner.createTable(new Table({
      name: 'review',
      columns: [id, int('claim_id'), int('reviewer_id'), varchar('verdict', 20),
        { name: 'confidence', type: 'double precision' }, text('rationale'), createdAt],
      foreignKeys: [fk('fk_review_claim', 'claim_id', 'claim'), fk('fk_review_reviewer', 'reviewer_id', 'reviewer', 'RESTRICT')],
      indices: [new TableIndex({ name: 'ix_review_claim', columnNames: ['claim_id', 'id'] })],
    }));
    await queryRunner.createTable(new Table({
      name: 'evidence',
      columns: [id, int('review_id'), int('position'), text('url'), text('title', true), text('excerpt', true),
        varchar('stance', 20)],
      foreignKeys: [fk('fk_evidence_review', 'review_id', 'review')],
      indices: [new TableIndex({ name: 'ix_evidence_review', columnNames: ['review_id', 'position'] })],
    }));
    await queryRunner.createTable(new Table({
      name: 'claim_event',
      columns: [id, int('claim_id'), int('version'), varchar('kind', 20), varchar('from_state', 20, true),
        varchar('to_state', 20, true), int('actor_id', true), text('note', true),
        { name: 'at', type: timestamp }],
      foreignKeys: [fk('fk_claim_event_claim', 'claim_id', 'claim'), fk('fk_claim_event_actor', 'actor_id', 'reviewer', 'RESTRICT')],
      indices: [new TableIndex({ name: 'uq_claim_event_version', columnNames: ['claim_id', 'version'], isUnique: true })],
    }));
    await queryRunner.createTable(new Table({
      name: 'idempotency_key',
      columns: [id, int('reviewer_id'), varchar('key', 200), varchar('request_hash', 64), int('claim_id'),
        int('result_version'), createdAt],
      foreignKeys: [fk('fk_idempotency_reviewer', 'reviewer_id', 'reviewer'), fk('fk_idempotency_claim', 'claim_id', 'claim')],
      indices: [new TableIndex({ name: 'uq_idempotency_reviewer_key', columnNames: ['reviewer_id', 'key'], isUnique: true })],
    }));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['idempotency_key', 'claim_event', 'evidence', 'review', 'claim', 'article', 'source', 'reviewer']) {
      await queryRunner.dropTable(table);
    }
  }
}
