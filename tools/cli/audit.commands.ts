import type { Command } from 'commander';
import { AuditLogService } from '../../apps/oversight/src/record/audit-log.service';
import { AuditVerifyService } from '../../apps/oversight/src/record/audit-verify.service';
import { withOversight } from './oversight-context';
import { printResult, progressBar, runCommand } from './output.util';

export function registerAuditCommands(program: Command): void {
  const audit = program.command('audit').description('the tamper-evident record: verify it, issue receipts');
  audit
    .command('verify')
    .description('recompute every entry, the Merkle tree and each signed checkpoint; name the first entry changed, deleted, inserted or reordered (exit 1)')
    .action(() =>
      runCommand(async () => {
        const started = Date.now();
        const result = await withOversight(async (app) => {
          const bar = progressBar('audit verify');
          bar.start(1, 0, { unit: 'entries' });
          try {
            return await app.get(AuditVerifyService).verify((read, total) => {
              bar.setTotal(Math.max(total, 1));
              bar.update(read);
            });
          } finally {
            bar.stop();
          }
        });
        if (result.firstBad) process.stderr.write(`tampering: entry ${result.firstBad.seq} ${result.firstBad.problem}: ${result.firstBad.detail}\n`);
        printResult({ command: 'audit verify', ...result, seconds: (Date.now() - started) / 1000 });
        return result.ok ? 0 : 1;
      }),
    );
  audit
    .command('receipt <seq>')
    .description('print the receipt of an entry: verifiable offline with the public key alone')
    .action((seq: string) =>
      runCommand(async () => {
        if (!/^\d+$/.test(seq)) throw new Error(`seq must be a non-negative integer, got "${seq}"`);
        printResult(await withOversight((app) => app.get(AuditLogService).receipt(Number(seq))));
      }),
    );
}
