import type { Command } from 'commander';
import { dropDatabase } from '@tianping/database';
import { loadSuiteConfig } from '@tianping/common';
import { migrateSuite } from './start/migrate';
import { printResult, runCommand } from './output.util';

export function registerMigrateCommand(program: Command): void {
  program
    .command('migrate')
    .description("create the database if missing and apply every app's migrations (DATABASE_URL)")
    .option('--fresh', 'drop the database first (tests build their template this way)')
    .action((opts: { fresh?: boolean }) =>
      runCommand(async () => {
        const { databaseUrl, databaseName } = loadSuiteConfig();
        if (opts.fresh) await dropDatabase(databaseUrl, databaseName);
        printResult({ command: 'migrate', database: databaseName, ...(await migrateSuite(databaseUrl)) });
      }),
    );
}
