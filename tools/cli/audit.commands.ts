import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { archivedEntryIntact, parseArchiveLine, verifyReceipt, type ArchivedReceipt, type SignedCheckpoint } from '@tianping/audit-log';
import { loadSuiteConfig } from '@tianping/common';
import { connectNats } from '@tianping/messaging';
import type { ScoreRecord } from '@tianping/contracts';
import { resolvePeriod } from '../../apps/oversight/src/audits/audit-period.util';
import { AuditReportsService } from '../../apps/oversight/src/audits/audit-reports.service';
import { AuditLogService } from '../../apps/oversight/src/record/audit-log.service';
import { AuditVerifyService } from '../../apps/oversight/src/record/audit-verify.service';
import type { ArchiveFileCheck } from '../../apps/oversight/src/record/body-archive-check';
import { assertArchiveDir, auditArchiveDir } from '../../apps/oversight/src/record/body-archive-dir';
import { readArchiveLines } from '../../apps/oversight/src/record/body-archive-file';
import { BodyArchiveService } from '../../apps/oversight/src/record/body-archive.service';
import { latestWitnessed } from '../../apps/oversight/src/record/checkpoint-witness';
import { ReplayService } from '../../apps/scoring/src/replay/replay.service';
import { dayOrInstant, wholeNumber } from './cli-arguments.util';
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

/** `--archives DIR`, else AUDIT_ARCHIVE_DIR (as the service reads it), else none. */
function archivesDir(option: string | undefined): string | undefined {
  return option !== undefined ? assertArchiveDir(option, '--archives') : auditArchiveDir();
}

/** The body of an archived entry from its archive file, checked against the leaf hash the receipt proved. */
async function archivedBody(receipt: ArchivedReceipt, dir: string | undefined): Promise<string> {
  const { seq, leafHash } = receipt.entry;
  const file = receipt.bodyArchive.file;
  if (dir === undefined)
    throw new Error(`entry ${seq}'s body is archived in ${file}: pass --archives DIR (where the archive files are kept) or set AUDIT_ARCHIVE_DIR to replay it`);
  const path = join(dir, file);
  if (!existsSync(path)) throw new Error(`entry ${seq}'s body is archived in ${file}, which is not in ${dir}`);
  for await (const line of readArchiveLines(path)) {
    const parsed = parseArchiveLine(line);
    if (!('entry' in parsed) || parsed.entry.seq !== seq) continue;
    if (parsed.entry.leafHash !== leafHash || !archivedEntryIntact(parsed.entry))
      throw new Error(`${file}: entry ${seq}'s body does not match the record's leaf hash`);
    return parsed.entry.bodyJson;
  }
  throw new Error(`${file} does not hold entry ${seq}`);
}

export function registerAuditCommands(program: Command): void {
  const audit = program
    .command('audit')
    .description('the tamper-evident record (verify it, issue receipts, archive old score bodies) and algorithm audit reports');
  audit
    .command('verify')
    .description(
      'recompute every entry, the Merkle tree, each signed checkpoint and the one witnessed on NATS; name the first entry changed, deleted, inserted or reordered (exit 1)',
    )
    .option(
      '--archives <dir>',
      "also check the body archive files kept in this directory (default: AUDIT_ARCHIVE_DIR): each file's SHA-256 and every archived body against its leaf hash",
    )
    .action((opts: { archives?: string }) =>
      runCommand(async () => {
        const started = Date.now();
        const archives = archivesDir(opts.archives);
        const witnessed = await witnessedCheckpoint();
        const result = await withOversight(async (app) => {
          const bar = progressBar('audit verify');
          bar.start(1, 0, { unit: 'entries' });
          try {
            const onArchive = (checked: ArchiveFileCheck, done: number, total: number) => {
              bar.setTotal(total);
              bar.update(done, { unit: 'archive files' });
              if (!checked.ok) process.stderr.write(`\narchive ${checked.file}: ${checked.problem}\n`);
            };
            const onRows = (read: number, total: number) => {
              bar.setTotal(Math.max(total, 1));
              bar.update(read);
            };
            return await app.get(AuditVerifyService).verify(onRows, witnessed, { archivesDir: archives, onArchive });
          } finally {
            bar.stop();
          }
        });
        if (result.firstBad) process.stderr.write(`tampering: entry ${result.firstBad.seq} ${result.firstBad.problem}: ${result.firstBad.detail}\n`);
        for (const f of result.checkpointFailures) process.stderr.write(`checkpoint refused: tree size ${f.treeSize}: ${f.reason}\n`);
        if (result.bodiesUnchecked > 0) {
          process.stderr.write(
            `${result.bodiesUnchecked} archived bodies were not checked (chain, tree and checkpoints were): pass --archives DIR or set AUDIT_ARCHIVE_DIR to check them\n`,
          );
        }
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
    .command('archive')
    .description(
      'move the bodies of score entries recorded before a day into one gzip file in DIR; leaf hashes stay, so the record, its checkpoints and receipts still verify',
    )
    .requiredOption('--before <day>', 'archive score entries recorded before this day (YYYY-MM-DD, China time) or instant')
    .requiredOption('--out <dir>', 'directory the archive file is written to (keep it, and back it up, like the signing key)')
    .action((opts: { before: string; out: string }) =>
      runCommand(async () => {
        const before = dayOrInstant(opts.before, '--before');
        assertArchiveDir(opts.out, '--out');
        const started = Date.now();
        const result = await withOversight(async (app) => {
          const bar = progressBar('audit archive');
          bar.start(1, 0, { unit: 'entries written' });
          try {
            return await app.get(BodyArchiveService).archive(before, opts.out, (phase, done, total) => {
              bar.setTotal(Math.max(total, done, 1));
              bar.update(done, { unit: phase === 'write' ? 'entries written' : phase === 'check' ? 'entries read back' : 'bodies set aside' });
            });
          } finally {
            bar.stop();
          }
        });
        printResult({ command: 'audit archive', recordedBefore: before.toISOString(), ...result, seconds: (Date.now() - started) / 1000 });
      }),
    );
  audit
    .command('replay <seq>')
    .description('re-compute a logged score from its pinned model version, colour policy and factor values; exit 1 unless identical to the bit')
    .option('--archives <dir>', 'where the body archive files are kept, to replay a score whose body was archived (default: AUDIT_ARCHIVE_DIR)')
    .action((seq: string, opts: { archives?: string }) =>
      runCommand(async () => {
        // The entry comes with its receipt, checked against the signed log: what is replayed is what was logged.
        const { receipt, publicKeyPem } = await withOversight(async (app) => {
          const log = app.get(AuditLogService);
          return { receipt: await log.receipt(wholeNumber(seq, 'seq')), publicKeyPem: log.publicKey().publicKeyPem };
        });
        const proof = verifyReceipt(receipt, publicKeyPem);
        if (!proof.ok) throw new Error(`entry ${seq} does not verify against the signed record: ${proof.reason}`);
        const bodyJson = receipt.entry.bodyJson ?? (await archivedBody(receipt as ArchivedReceipt, archivesDir(opts.archives)));
        const body = JSON.parse(bodyJson) as { kind: string; data: { score?: ScoreRecord } };
        if (body.kind !== 'score' || !body.data.score) throw new Error(`entry ${seq} is a ${body.kind} entry, not a score`);
        const logged = body.data.score;
        const result = await withScoring((app) => app.get(ReplayService).replay(logged));
        printResult({
          command: 'audit replay',
          seq: Number(seq),
          entryVerified: true,
          ...(receipt.entry.bodyJson === null ? { bodyFromArchive: (receipt as ArchivedReceipt).bodyArchive.file } : {}),
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
