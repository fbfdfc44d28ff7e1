import { CreateDateColumn, UpdateDateColumn, Column, ColumnOptions } from 'typeorm';
import { databaseKind } from '../config';

// Decorators run at import, so the column type follows the DATABASE_URL this process was started with.
const timestampType = databaseKind() === 'postgres' ? 'timestamptz' : 'datetime';

/** A point in time, stored with its zone on PostgreSQL and as ISO text on SQLite. */
export const TimestampColumn = (options: ColumnOptions = {}) =>
  Column({ type: timestampType, ...options });
export const CreatedAtColumn = (name = 'created_at') => CreateDateColumn({ name, type: timestampType });
export const UpdatedAtColumn = (name = 'updated_at') => UpdateDateColumn({ name, type: timestampType });
