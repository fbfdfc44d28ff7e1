import { MigrationInterface, QueryRunner, Table, TableForeignKey, TableIndex } from 'typeorm';
import { indexTerms } from '../domain/similarity';
import { MAX_TERM_LENGTH } from '../entities/claim-term.entity';

/** The term index of claims' texts that recurring claims are found by; filled for the claims already stored. */
export class ClaimTerms1796860800000 implements MigrationInterface {
  name = 'ClaimTerms1796860800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(new Table({
      name: 'claim_term',
      columns: [
        { name: 'claim_id', type: 'integer', isPrimary: true },
        { name: 'term', type: 'varchar', length: String(MAX_TERM_LENGTH), isPrimary: true },
      ],
      foreignKeys: [new TableForeignKey({ name: 'fk_claim_term_claim', columnNames: ['claim_id'], referencedTableName: 'claim', referencedColumnNames: ['id'], onDelete: 'CASCADE' })],
      indices: [new TableIndex({ name: 'ix_claim_term_term', columnNames: ['term', 'claim_id'] })],
    }));
    const claims = await queryRunner.manager.createQueryBuilder().select(['id', 'text']).from('claim', 'claim').getRawMany<{ id: number; text: string }>();
    const rows = claims.flatMap((claim) => indexTerms(claim.text, MAX_TERM_LENGTH).map((term) => ({ claim_id: claim.id, term })));
    for (let i = 0; i < rows.length; i += 500) {
      await queryRunner.manager.createQueryBuilder().insert().into('claim_term', ['claim_id', 'term']).values(rows.slice(i, i + 500)).execute();
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('claim_term');
  }
}
