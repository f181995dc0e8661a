/**
 * Appends N score entries (default 1,000,000: ten daily runs over 100,000 enterprises) through the
 * oversight record into a fresh database, then times `audit verify` streaming them back from PostgreSQL;
 * then `audit archive` of every score a later one replaced, the table's size before and after (with
 * VACUUM FULL), and `audit verify --archives`. Prints one JSON line.
 * Run: node -r @swc-node/register tools/bench/audit-verify.bench.ts [entries] [--keep]
 */
import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import type { JsonValue } from '@tianping/audit-log';
import { Prng } from '@tianping/common';
import { AuditLogService } from '../../apps/oversight/src/record/audit-log.service';
import type { EntryDraft } from '../../apps/oversight/src/record/audit-record.util';
import { AuditVerifyService } from '../../apps/oversight/src/record/audit-verify.service';
import { BodyArchiveService } from '../../apps/oversight/src/record/body-archive.service';
import { withOversightBench } from './oversight-bench.util';

const BATCH = 2000;
/** Daily runs the entries make: each enterprise is scored once a run, so all but the last run's scores are replaced ones. */
const RUNS = 10;
const FACTORS = Array.from({ length: 12 }, (_, i) => `F${String(i + 1).padStart(2, '0')}`);

/** A score entry the size scoring really sends: twelve contributions, reasons in both languages. */
function scoreDraft(prng: Prng, n: number, enterprises: number): EntryDraft {
  const creditCode = `9131${String(n % enterprises).padStart(8, '0')}MA1FL8`;
  const probability = Math.round(prng.next() * 1e6) / 1e6;
  const score = {
    scoreId: `bench-${n}`,
    creditCode,
    asOf: '2025-11-01',
    modelVersion: 'm-2025.11.1',
    colourPolicyVersion: 'cp-3',
    probability,
    logit: Math.round(Math.log(probability / (1 - probability + 1e-9) + 1e-9) * 1e6) / 1e6,
    base: -2.1,
    contributions: FACTORS.map((factor) => ({ factor, value: prng.int(0, 9), contribution: Math.round(prng.normal(0, 0.3) * 1e4) / 1e4 })),
    colour: probability > 0.6 ? 'red' : probability > 0.3 ? 'yellow' : 'green',
    reasons: [{ factor: 'F01', zh: '近两年有违法记录', en: 'violations in the last two years' }],
    suggestions: [{ factor: 'F01', zh: '按时整改', en: 'remedy on time' }],
    inputFingerprint: `fp-${n}`,
    computedAt: '2025-11-02T03:04:05.000Z',
  };
  return {
    kind: 'score',
    subjectRef: creditCode,
    data: { batchId: `b${Math.floor(n / BATCH)}`, score } as unknown as JsonValue,
    eventKey: `score:${score.scoreId}`,
  };
}

async function main(): Promise<void> {
  const entries = Number(process.argv.find((a) => /^\d+$/.test(a)) ?? 1_000_000);
  const enterprises = Math.max(1, Math.ceil(entries / RUNS));
  await withOversightBench('audit_verify', async (app) => {
    const log = app.get(AuditLogService);
    const prng = new Prng('audit-verify-bench');
    const appendStart = performance.now();
    for (let done = 0; done < entries;) {
      const size = Math.min(BATCH, entries - done);
      await log.appendBatch(Array.from({ length: size }, (_, i) => scoreDraft(prng, done + i, enterprises)));
      done += size;
      if (done % 100_000 === 0) process.stderr.write(`appended ${done}\n`);
    }
    const appendSeconds = (performance.now() - appendStart) / 1000;

    const verifyStart = performance.now();
    const result = await app.get(AuditVerifyService).verify((read) => read % 100_000 === 0 && process.stderr.write(`verified ${read}\n`));
    const verifySeconds = (performance.now() - verifyStart) / 1000;
    if (!result.ok || result.entries !== entries) throw new Error(`verification failed: ${JSON.stringify(result)}`);
    const archived = await archiveAndVerify(app, entries, enterprises);
    process.stdout.write(
      `${JSON.stringify({
        bench: 'audit-verify',
        entries,
        checkpoints: result.checkpointsVerified,
        appendSeconds: Math.round(appendSeconds * 10) / 10,
        verifySeconds: Math.round(verifySeconds * 10) / 10,
        entriesPerSecond: Math.round(entries / verifySeconds),
        appendEntriesPerSecond: Math.round(entries / appendSeconds),
        ...archived,
      })}\n`,
    );
  });
}

/** Archives every replaced score (all but each enterprise's latest), then verifies the record with its file. */
async function archiveAndVerify(app: Awaited<Parameters<Parameters<typeof withOversightBench>[1]>[0]>, entries: number, enterprises: number) {
  const db = app.get(DataSource);
  const tableBytes = async () => Number((await db.query(`SELECT pg_total_relation_size('oversight.audit_entries') AS n`))[0].n);
  const before = await tableBytes();
  const dir = mkdtempSync(join(tmpdir(), 'tianping-bench-archives-'));
  try {
    const archiveStart = performance.now();
    const result = await app
      .get(BodyArchiveService)
      .archive(new Date(), dir, (phase, done) => done % 100_000 === 0 && process.stderr.write(`${phase} ${done}\n`));
    const archiveSeconds = (performance.now() - archiveStart) / 1000;
    if (result.archived !== entries - enterprises) throw new Error(`archived ${result.archived} of ${entries} entries`);
    const vacuumStart = performance.now();
    await db.query(`VACUUM FULL oversight.audit_entries`);
    const vacuumSeconds = (performance.now() - vacuumStart) / 1000;
    const after = await tableBytes();
    const verifyStart = performance.now();
    const verified = await app.get(AuditVerifyService).verify(undefined, null, { archivesDir: dir });
    const verifySeconds = (performance.now() - verifyStart) / 1000;
    if (!verified.ok || verified.bodiesUnchecked !== 0) throw new Error(`verification with archives failed: ${JSON.stringify(verified)}`);
    const round = (x: number) => Math.round(x * 10) / 10;
    return {
      archivedEntries: result.archived,
      archiveSeconds: round(archiveSeconds),
      archiveFileMiB: 'bytes' in result ? round(result.bytes / 2 ** 20) : 0,
      tableMiBBefore: round(before / 2 ** 20),
      tableMiBAfterVacuumFull: round(after / 2 ** 20),
      vacuumFullSeconds: round(vacuumSeconds),
      verifyWithArchivesSeconds: round(verifySeconds),
      peakRssMiB: Math.round(process.resourceUsage().maxRSS / 1024),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

void main().catch((error: Error) => {
  process.stderr.write(`bench failed: ${error.message}\n`);
  process.exitCode = 1;
});
