import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { verifyReceipt, type SignedCheckpoint } from '@tianping/audit-log';
import { loadSuiteConfig } from '@tianping/common';
import { connectNats } from '@tianping/messaging';
import type { ScoreRecord } from '@tianping/contracts';
import { resolvePeriod } from '../../apps/oversight/src/audits/audit-period.util';
import { AuditReportsService } from '../../apps/oversight/src/audits/audit-reports.service';
import { AuditLogService } from '../../apps/oversight/src/record/audit-log.service';
import { AuditVerifyService } from '../../apps/oversight/src/record/audit-verify.service';
import { latestWitnessed } from '../../apps/oversight/src/record/checkpoint-witness';
import { ReplayService } from '../../apps/scoring/src/replay/replay.service';
import { wholeNumber } from './cli-arguments.util';
import { withOversight } from './oversight-context';
import { printResult, progressBar, runCommand } from './output.util';
import { withScoring } from './scoring-context';

/** The checkpoint the record's witness last published on NATS, or null (said on stderr) when NATS does not answer. */
async function witnessedCheckpoint(): Promise<SignedCheckpoint | null> {
  try {
    const nc = await connectNats(loadSuiteConfig().natsUrl, 'tianping-cli');
    try {
      return await latestWitnessed(nc);
    } finally {
      await nc.close();
    }
  } catch (error) {
    process.stderr.write(`no witnessed checkpoint to compare with (NATS: ${(error as Error).message}): rows cut off the end would go unseen\n`);
    return null;
  }
}

export function registerAuditCommands(program: Command): void {
  const audit = program.command('audit').description('the tamper-evident record (verify it, issue receipts) and algorithm audit reports');
  audit
    .command('verify')
    .description(
      'recompute every entry, the Merkle tree, each signed checkpoint and the one witnessed on NATS; name the first entry changed, deleted, inserted or reordered (exit 1)',
    )
    .action(() =>
      runCommand(async () => {
        const started = Date.now();
        const witnessed = await witnessedCheckpoint();
        const result = await withOversight(async (app) => {
          const bar = progressBar('audit verify');
          bar.start(1, 0, { unit: 'entries' });
          try {
            return await app.get(AuditVerifyService).verify((read, total) => {
              bar.setTotal(Math.max(total, 1));
              bar.update(read);
            }, witnessed);
          } finally {
            bar.stop();
          }
        });
        if (result.firstBad) process.stderr.write(`tampering: entry ${result.firstBad.seq} ${result.firstBad.problem}: ${result.firstBad.detail}\n`);
        for (const f of result.checkpointFailures) process.stderr.write(`checkpoint refused: tree size ${f.treeSize}: ${f.reason}\n`);
        printResult({ command: 'audit verify', ...result, seconds: (Date.now() - started) / 1000 });
        return result.ok ? 0 : 1;
      }),
    );
  audit
    .command('receipt <seq>')
    .description('print the receipt of an entry: verifiable offline with the public key alone')
    .action((seq: string) =>
      runCommand(async () => {
        printResult(await withOversight((app) => app.get(AuditLogService).receipt(wholeNumber(seq, 'seq'))));
      }),
    );
  audit
    .command('replay <seq>')
    .description('re-compute a logged score from its pinned model version, colour policy and factor values; exit 1 unless identical to the bit')
    .action((seq: string) =>
      runCommand(async () => {
        // The entry comes with its receipt, checked against the signed log: what is replayed is what was logged.
        const { receipt, publicKeyPem } = await withOversight(async (app) => {
          const log = app.get(AuditLogService);
          return { receipt: await log.receipt(wholeNumber(seq, 'seq')), publicKeyPem: log.publicKey().publicKeyPem };
        });
        const proof = verifyReceipt(receipt, publicKeyPem);
        if (!proof.ok) throw new Error(`entry ${seq} does not verify against the signed record: ${proof.reason}`);
        const body = JSON.parse(receipt.entry.bodyJson) as { kind: string; data: { score?: ScoreRecord } };
        if (body.kind !== 'score' || !body.data.score) throw new Error(`entry ${seq} is a ${body.kind} entry, not a score`);
        const logged = body.data.score;
        const result = await withScoring((app) => app.get(ReplayService).replay(logged));
        printResult({
          command: 'audit replay',
          seq: Number(seq),
          entryVerified: true,
          scoreId: logged.scoreId,
          creditCode: logged.creditCode,
          modelVersion: logged.modelVersion,
          colourPolicyVersion: logged.colourPolicyVersion,
          identical: result.identical,
          inputFingerprintMatches: result.inputFingerprintMatches,
          differences: result.differences,
        });
        return result.identical ? 0 : 1;
      }),
    );
  audit
    .command('report')
    .description('run the fairness, accuracy and drift audits over a period, store the report and log its hash in the record')
    .option('--from <day>', 'first day, YYYY-MM-DD (default: start of the quarter of --to)')
    .option('--to <day>', 'last day, YYYY-MM-DD (default: today in China)')
    .option('--by <name>', 'who asks for it (kept in the report and the record)', 'command line')
    .option('--out <file>', 'also write the whole report as JSON to this file')
    .action((opts: { from?: string; to?: string; by: string; out?: string }) =>
      runCommand(async () => {
        const period = resolvePeriod(opts.from, opts.to, new Date());
        if (!opts.by.trim()) throw new Error('--by must not be empty');
        const report = await withOversight(async (app) => {
          const reports = app.get(AuditReportsService);
          const summary = await reports.run(period, 'on-demand', opts.by.trim());
          return reports.get(summary.id);
        });
        if (opts.out) writeFileSync(opts.out, `${JSON.stringify(report, null, 2)}\n`);
        const { report: _body, ...summary } = report;
        printResult({ command: 'audit report', ...summary, ...(opts.out ? { out: opts.out } : {}) });
      }),
    );
}
