import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * PostgreSQL's change version for the response cache: one row, bumped by a statement trigger on every
 * table an answer is read from, in the writing transaction, so readers see it move exactly at commit.
 * (SQLite has `PRAGMA data_version` and leaves this row alone.)
 */
@Entity('change_counter')
export class ChangeCounter {
  @PrimaryColumn({ type: 'integer' })
  id!: number;

  @Column({ type: 'bigint' })
  version!: string;
}
