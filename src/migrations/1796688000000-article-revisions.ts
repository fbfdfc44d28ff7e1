import { MigrationInterface, QueryRunner, Table, TableColumn, TableForeignKey, TableIndex } from 'typeorm';

/**
 * Article revisions: every stored text of an article (existing articles get revision 1 from their body),
 * the current revision number, and where each claim's quote stands after re-anchoring.
 */
export class ArticleRevisions1796688000000 implements MigrationInterface {
  name = 'ArticleRevisions1796688000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const postgres = queryRunner.connection.options.type === 'postgres';
    const timestamp = postgres ? 'timestamptz' : 'datetime';
    await queryRunner.addColumn('article', new TableColumn({ name: 'revision', type: 'integer', default: 1 }));
    await queryRunner.addColumns('claim', [
      new TableColumn({ name: 'anchor_status', type: 'varchar', length: '20', default: "'ANCHORED'" }),
      new TableColumn({ name: 'anchor_revision', type: 'integer', default: 1 }),
    ]);
    await queryRunner.createTable(new Table({
      name: 'article_revision',
      columns: [
        { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
        { name: 'article_id', type: 'integer' },
        { name: 'revision', type: 'integer' },
        { name: 'title', type: 'text' },
        { name: 'body', type: 'text' },
        { name: 'note', type: 'text', isNullable: true },
        { name: 'actor_id', type: 'integer', isNullable: true },
        { name: 'created_at', type: timestamp },
      ],
      foreignKeys: [
        new TableForeignKey({ name: 'fk_article_revision_article', columnNames: ['article_id'], referencedTableName: 'article', referencedColumnNames: ['id'], onDelete: 'CASCADE' }),
        new TableForeignKey({ name: 'fk_article_revision_actor', columnNames: ['actor_id'], referencedTableName: 'reviewer', referencedColumnNames: ['id'], onDelete: 'RESTRICT' }),
      ],
      indices: [new TableIndex({ name: 'uq_article_revision', columnNames: ['article_id', 'revision'], isUnique: true })],
    }));
    await queryRunner.query(
      'INSERT INTO article_revision (article_id, revision, title, body, note, actor_id, created_at) SELECT id, 1, title, body, NULL, NULL, created_at FROM article',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('article_revision');
    await queryRunner.dropColumn('claim', 'anchor_revision');
    await queryRunner.dropColumn('claim', 'anchor_status');
    await queryRunner.dropColumn('article', 'revision');
  }
}
