import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { Dialect, SqlBuilder } from './sql';

/** Bound values per statement: under SQLite's default limit (32,766) and PostgreSQL's (65,535). */
const MAX_VALUES_PER_STATEMENT = 30_000;

/**
 * Inserts rows of an entity in multi-row INSERT statements written by hand: column names and value
 * conversions (dates, JSON) come from the entity's TypeORM metadata, but none of the query builder's
 * per-value work runs (on a bulk load that work cost more than the database did). Every row gives the
 * same properties; columns not given take their defaults. Returns the generated ids in row order, or an
 * empty list for an entity without a generated id.
 */
export async function insertRows<T extends ObjectLiteral>(manager: EntityManager, entity: EntityTarget<T>, rows: readonly Partial<T>[]): Promise<number[]> {
  if (rows.length === 0) return [];
  const metadata = manager.connection.getMetadata(entity);
  const driver = manager.connection.driver;
  const dialect: Dialect = manager.connection.options.type === 'postgres' ? 'postgres' : 'sqlite';
  const properties = Object.keys(rows[0]);
  const columns = properties.map((property) => {
    const column = metadata.findColumnWithPropertyName(property);
    if (!column) throw new Error(`${metadata.name} has no column for property ${property}`);
    return column;
  });
  const generated = metadata.primaryColumns.length === 1 && metadata.primaryColumns[0].isGenerated ? metadata.primaryColumns[0] : null;
  const head = `INSERT INTO ${driver.escape(metadata.tablePath)} (${columns.map((c) => driver.escape(c.databaseName)).join(', ')}) VALUES `;
  const perStatement = Math.max(1, Math.floor(MAX_VALUES_PER_STATEMENT / columns.length));
  const ids: number[] = [];
  for (let from = 0; from < rows.length; from += perStatement) {
    const chunk = rows.slice(from, from + perStatement);
    const sql = new SqlBuilder(dialect);
    const tuples = chunk.map((row) => `(${columns.map((column, i) => sql.bind(driver.preparePersistentValue(row[properties[i]], column))).join(', ')})`);
    if (dialect === 'postgres') {
      const returned = await manager.query(`${head}${tuples.join(', ')}${generated ? ` RETURNING ${driver.escape(generated.databaseName)}` : ''}`, sql.params) as Record<string, unknown>[];
      if (generated) ids.push(...returned.map((row) => Number(row[generated.databaseName])));
    } else {
      // SQLite reports the last rowid of the statement; one INSERT inside the write lane's exclusive
      // transaction numbers its rows consecutively (an INTEGER PRIMARY KEY takes max(rowid) + 1).
      const last = Number(await manager.query(`${head}${tuples.join(', ')}`, sql.params));
      if (generated) for (let i = chunk.length - 1; i >= 0; i -= 1) ids.push(last - i);
    }
  }
  return ids;
}
