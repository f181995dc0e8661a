import type { DataSource } from 'typeorm';

/**
 * Runs `body` while this process holds a PostgreSQL advisory lock named `key`, so that of several
 * instances of an app only one does it at a time. Without `wait`, returns null at once when another
 * holds it. The lock lives on one connection: if the process dies, PostgreSQL releases it.
 */
export async function withAdvisoryLock<T>(dataSource: DataSource, key: string, body: () => Promise<T>, wait = false): Promise<T | null> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    if (wait) await runner.query(`SELECT pg_advisory_lock(hashtext($1))`, [key]);
    else {
      const [row] = await runner.query(`SELECT pg_try_advisory_lock(hashtext($1)) AS locked`, [key]);
      if (!row.locked) return null;
    }
    try {
      return await body();
    } finally {
      await runner.query(`SELECT pg_advisory_unlock(hashtext($1))`, [key]).catch(() => undefined);
    }
  } finally {
    await runner.release();
  }
}
