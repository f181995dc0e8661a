import { resolve } from 'node:path';
import type { Command } from 'commander';
import { loadSuiteConfig } from '@tianping/common';
import { createBackup, restoreBackup } from './backup/database-backup';
import { printResult, runCommand } from './output.util';

export function registerBackupCommands(program: Command): void {
  const backup = program.command('backup').description("back up the database (every app's schema) and restore it into an empty database");
  backup
    .command('create')
    .description('pg_dump (custom format) of DATABASE_URL and a manifest of its row counts and audit head, taken in one snapshot')
    .requiredOption('--out <dir>', 'an empty or new directory for tianping.dump and manifest.json')
    .option('--database-url <url>', 'the database to back up (default DATABASE_URL)')
    .action((opts: { out: string; databaseUrl?: string }) =>
      runCommand(async () => {
        const started = Date.now();
        const manifest = await createBackup(opts.databaseUrl ?? loadSuiteConfig().databaseUrl, resolve(opts.out));
        const { tables, ...summary } = manifest;
        printResult({
          command: 'backup create',
          dir: resolve(opts.out),
          ...summary,
          tables: Object.keys(tables).length,
          rows: Object.values(tables).reduce((a, b) => a + b, 0),
          seconds: (Date.now() - started) / 1000,
        });
      }),
    );
  backup
    .command('restore')
    .description("pg_restore a backup into an empty database, check every table's rows and the audit head, resend recent events (exit 1 on a mismatch)")
    .requiredOption('--from <dir>', 'a directory written by backup create')
    .requiredOption('--database-url <url>', 'the database to restore into: created if missing, refused unless empty')
    .option('--resend-minutes <n>', 'events published this long before the backup are sent again (consumers may not have had them)', '60')
    .action((opts: { from: string; databaseUrl: string; resendMinutes: string }) =>
      runCommand(async () => {
        const minutes = Number(opts.resendMinutes);
        if (!Number.isFinite(minutes) || minutes < 0) throw new Error(`--resend-minutes must be a number of minutes, got "${opts.resendMinutes}"`);
        const started = Date.now();
        const result = await restoreBackup(resolve(opts.from), opts.databaseUrl, minutes);
        for (const m of result.mismatches)
          process.stderr.write(`mismatch: ${m.table} has ${m.restored ?? 'no table'} rows, the backup ${m.expected ?? 'no table'}\n`);
        printResult({ command: 'backup restore', ...result, seconds: (Date.now() - started) / 1000 });
        return result.mismatches.length === 0 && result.audit.same ? 0 : 1;
      }),
    );
}
