import { ensureDatabase } from '@tianping/database';
import { SUITE_APPS } from '../apps.registry';

/** Creates the database if missing and applies every app's migrations, one app after another. */
export async function migrateSuite(url: string): Promise<{ created: boolean; applied: Record<string, number> }> {
  const created = await ensureDatabase(url);
  const applied: Record<string, number> = {};
  for (const app of SUITE_APPS) {
    const dataSource = app.createDataSource(url);
    await dataSource.initialize();
    try {
      await dataSource.query(`CREATE SCHEMA IF NOT EXISTS "${app.schema}"`);
      applied[app.name] = (await dataSource.runMigrations({ transaction: 'each' })).length;
    } finally {
      await dataSource.destroy();
    }
  }
  return { created, applied };
}
