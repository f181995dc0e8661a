/**
 * Appends N score entries (default 1,000,000) through the oversight record into a fresh database,
 * then times `audit verify` streaming them back from PostgreSQL. Prints one JSON line.
 * Run: node -r @swc-node/register tools/bench/audit-verify.bench.ts [entries] [--keep]
 */
import 'reflect-metadata';
import type { JsonValue } from '@tianping/audit-log';
import { Prng } from '@tianping/common';
import { AuditLogService } from '../../apps/oversight/src/record/audit-log.service';
import type { EntryDraft } from '../../apps/oversight/src/record/audit-record.util';
import { AuditVerifyService } from '../../apps/oversight/src/record/audit-verify.service';
import { withOversightBench } from './oversight-bench.util';

const BATCH = 2000;
const FACTORS = Array.from({ length: 12 }, (_, i) => `F${String(i + 1).padStart(2, '0')}`);

/** A score entry the size scoring really sends: twelve contributions, reasons in both languages. */
function scoreDraft(prng: Prng, n: number): EntryDraft {
  const creditCode = `9131${String(prng.int(0, 99_999_999)).padStart(8, '0')}MA1FL8`;
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
  await withOversightBench('audit', async (app) => {
    const log = app.get(AuditLogService);
    const prng = new Prng('audit-verify-bench');
    const appendStart = performance.now();
    for (let done = 0; done < entries;) {
      const size = Math.min(BATCH, entries - done);
      await log.appendBatch(Array.from({ length: size }, (_, i) => scoreDraft(prng, done + i)));
      done += size;
      if (done % 100_000 === 0) process.stderr.write(`appended ${done}\n`);
    }
    const appendSeconds = (performance.now() - appendStart) / 1000;

    const verifyStart = performance.now();
    const result = await app.get(AuditVerifyService).verify((read) => read % 100_000 === 0 && process.stderr.write(`verified ${read}\n`));
    const verifySeconds = (performance.now() - verifyStart) / 1000;
    if (!result.ok || result.entries !== entries) throw new Error(`verification failed: ${JSON.stringify(result)}`);
    process.stdout.write(
      `${JSON.stringify({
        bench: 'audit-verify',
        entries,
        checkpoints: result.checkpointsVerified,
        appendSeconds: Math.round(appendSeconds * 10) / 10,
        verifySeconds: Math.round(verifySeconds * 10) / 10,
        entriesPerSecond: Math.round(entries / verifySeconds),
        appendEntriesPerSecond: Math.round(entries / appendSeconds),
      })}\n`,
    );
  });
}

void main().catch((error: Error) => {
  process.stderr.write(`bench failed: ${error.message}\n`);
  process.exitCode = 1;
});
