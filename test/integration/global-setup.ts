import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

/**
 * Builds the migrated template database that every integration test file copies, with the same
 * command an operator runs (`tianping migrate`), so the migrations under test are the real ones.
 */
export default async function globalSetup(): Promise<void> {
  const server = process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
  const template = new URL(server);
  template.pathname = `/${process.env.TEST_TEMPLATE_DATABASE || 'tianping_test_template'}`;
  execFileSync(process.execPath, [join(__dirname, '..', '..', 'bin', 'tianping.js'), 'migrate', '--fresh'], {
    env: { ...process.env, DATABASE_URL: template.toString() },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}
