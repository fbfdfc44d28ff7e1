import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A caller's spent cost points in the current window, as rate-limiter-flexible's PostgreSQL store keeps them,
 * so several instances share one budget. SQLite keeps budgets in memory and leaves the table empty.
 */
@Entity('rate_limit_budgets')
export class RateLimitBudget {
  @PrimaryColumn({ type: 'varchar', length: 255 })
  key!: string;

  @Column({ type: 'integer', default: 0 })
  points!: number;

  /** When the window ends, in milliseconds since the epoch. */
  @Column({ type: 'bigint', nullable: true })
  expire!: string | null;
}
