import { randomBytes } from 'node:crypto';
import { dropDatabase, ensureDatabase, withDatabaseName } from '@tianping/database';

export const TEST_SERVER_URL = process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
/** One template per checkout that runs tests at once (TEST_TEMPLATE_DATABASE), so parallel runs never rebuild each other's. */
export const TEMPLATE_DATABASE = process.env.TEST_TEMPLATE_DATABASE || 'tianping_test_template';

export interface TestDatabase {
  url: string;
  name: string;
  drop: () => Promise<void>;
}

/** Each test file gets its own database, copied from the migrated template, so files run in parallel. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const name = `tianping_test_${randomBytes(5).toString('hex')}`;
  const url = withDatabaseName(TEST_SERVER_URL, name);
  await ensureDatabase(url, TEMPLATE_DATABASE);
  return { url, name, drop: () => dropDatabase(TEST_SERVER_URL, name) };
}
