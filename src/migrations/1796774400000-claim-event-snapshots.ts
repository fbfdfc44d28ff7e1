import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';
import { snapshotOf } from '../domain/snapshot';
import type { AnchorStatus, Stance } from '../domain/types';

interface ClaimRow {
  id: number; version: number; text: string; quote_exact: string; quote_prefix: string; quote_suffix: string;
  quote_start: number; quote_end: number; source_id: number; stance: Stance; checkworthiness: number | null;
  assignee_id: number | null; anchor_status: AnchorStatus; anchor_revision: number;
}

/**
 * Each event records the claim's columns after it, so `asOf` can rebuild any past version. Events written
 * before this have none; each claim's latest event gets its current columns, which were then its columns.
 */
export class ClaimEventSnapshots1796774400000 implements MigrationInterface {
  name = 'ClaimEventSnapshots1796774400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn('claim_event', new TableColumn({ name: 'snapshot', type: 'text', isNullable: true }));
    const claims = await queryRunner.manager.createQueryBuilder().select('*').from('claim', 'claim').getRawMany<ClaimRow>();
    for (const c of claims) {
      const snapshot = snapshotOf({
        text: c.text, quoteExact: c.quote_exact, quotePrefix: c.quote_prefix, quoteSuffix: c.quote_suffix,
        quoteStart: Number(c.quote_start), quoteEnd: Number(c.quote_end), sourceId: Number(c.source_id), stance: c.stance,
        checkworthiness: c.checkworthiness === null ? null : Number(c.checkworthiness),
        assigneeId: c.assignee_id === null ? null : Number(c.assignee_id), anchorStatus: c.anchor_status, anchorRevision: Number(c.anchor_revision),
      });
      await queryRunner.manager.createQueryBuilder().update('claim_event').set({ snapshot })
        .where('claim_id = :id AND version = :version', { id: c.id, version: c.version }).execute();
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('claim_event', 'snapshot');
  }
}
