import type { Pool, QueryResultRow } from 'pg';
import type { DataSource } from 'typeorm';

/** A statement run often enough to be worth preparing: a unique name and its SQL. */
export interface PreparedStatement {
  name: string;
  text: string;
}

/**
 * Runs a named prepared statement on the DataSource's connection pool: each connection parses and
 * plans it once, and the call skips TypeORM's per-query runner. For hot, fixed reads (a lookup by key).
 */
export async function preparedQuery<T extends QueryResultRow>(dataSource: DataSource, statement: PreparedStatement, values: unknown[]): Promise<T[]> {
  const pool = (dataSource.driver as unknown as { master?: Pool }).master;
  if (!pool) return dataSource.query(statement.text, values);
  const result = await pool.query<T>({ name: statement.name, text: statement.text, values });
  return result.rows;
}
