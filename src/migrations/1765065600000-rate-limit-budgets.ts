import { MigrationInterface, QueryRunner, Table } from 'typeorm';

/** The rate limiter's cost budgets: shared by every instance on PostgreSQL; unused on SQLite, which keeps them in memory. */
export class RateLimitBudgets1765065600000 implements MigrationInterface {
  name = 'RateLimitBudgets1765065600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // The columns rate-limiter-flexible's PostgreSQL store reads and writes.
    await queryRunner.createTable(new Table({
      name: 'rate_limit_budgets',
      columns: [
        { name: 'key', type: 'varchar', length: '255', isPrimary: true },
        { name: 'points', type: 'integer', default: 0 },
        { name: 'expire', type: 'bigint', isNullable: true },
      ],
    }));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('rate_limit_budgets');
  }
}
