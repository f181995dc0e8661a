/**
 * Fills the audits' projections for N enterprises (default 1,000,000) through the same repository the
 * NATS consumers use — a baseline and a current score each, intake's subjects, one draw with risk and
 * exploration tasks for 3 % of them and every visit's result — then times each audit and a stored report.
 * Prints one JSON line. Run: node -r @swc-node/register tools/bench/audits.bench.ts [enterprises] [--keep]
 */
import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { Prng } from '@tianping/common';
import type { EnterpriseRow, InspectionRow, ScoreRow } from '../../apps/oversight/src/audits/audit-events.validator';
import { AuditProjectionRepository } from '../../apps/oversight/src/audits/audit-projection.repository';
import { AuditReportsService } from '../../apps/oversight/src/audits/audit-reports.service';
import { AuditsService } from '../../apps/oversight/src/audits/audits.service';
import { withOversightBench } from './oversight-bench.util';

const BATCH = 5000;
const DISTRICTS = ['440604', '440605', '440606', '440607', '440608'];
const SECTIONS = 'ABCDEFGHIJKLMNOPQRST'.split('');
const PERIOD = { from: '2026-01-01', to: '2026-03-31' };

const code = (i: number) => `9144${String(i).padStart(10, '0')}MA1F`;

function scoreRow(prng: Prng, i: number, asOf: string, shift: number): ScoreRow {
  const p = Math.min(0.99, Math.max(0.01, prng.next() * 0.5 + shift * prng.next()));
  return {
    credit_code: code(i),
    as_of: asOf,
    model_version: 'm-bench',
    score_id: `${asOf}:${i}`,
    computed_at: `${asOf}T20:00:00.000Z`,
    probability: p,
    colour: p > 0.45 ? 'red' : p > 0.25 ? 'yellow' : 'green',
    factors: {
      years_in_operation: Math.round(prng.next() * 300) / 10,
      shareholder_subscribed_capital: Math.round(prng.next() * 5000),
      employees: prng.next() < 0.2 ? null : prng.int(0, 500),
      industry: SECTIONS[i % SECTIONS.length],
      registered_capital: Math.round(prng.next() * 8000),
      violations_3y: prng.int(0, 3),
      inspection_fail_rate: Math.round(prng.next() * 100) / 100,
      complaints_12m: prng.int(0, 4),
      abnormal_listed: prng.next() < 0.05 + shift / 10,
      legal_rep_changes_2y: prng.int(0, 2),
      days_since_last_inspection: prng.next() < 0.3 ? null : prng.int(1, 2000),
      shared_address_count: prng.int(0, 5),
    },
  };
}

async function timed<T>(body: () => Promise<T>): Promise<[T, number]> {
  const start = performance.now();
  const value = await body();
  return [value, Math.round((performance.now() - start) / 100) / 10];
}

async function main(): Promise<void> {
  const enterprises = Number(process.argv.find((a) => /^\d+$/.test(a)) ?? 1_000_000);
  await withOversightBench('audits', async (app) => {
    const projections = new AuditProjectionRepository(app.get(DataSource));
    const prng = new Prng('audits-bench');
    const [, loadSeconds] = await timed(async () => {
      await projections.insertModelEvent({
        event_key: 'bench',
        model_version: 'm-bench',
        state: 'active',
        actor: 'bench',
        reason: null,
        spec_name: 'twelve-factor',
        training_from: '2025-01-01',
        training_to: '2025-06-30',
        data_fingerprint: 'x',
        metrics: { validationAuc: 0.7 },
        at: '2025-07-01T00:00:00Z',
      });
      for (let start = 0; start < enterprises; start += BATCH) {
        const ids = Array.from({ length: Math.min(BATCH, enterprises - start) }, (_, k) => start + k);
        const subjects: EnterpriseRow[] = ids.map((i) => ({
          credit_code: code(i),
          industry_code: `${SECTIONS[i % SECTIONS.length]}1234`,
          region_code: `${DISTRICTS[i % DISTRICTS.length]}001`,
          employees: prng.next() < 0.2 ? null : prng.int(0, 500),
          established_on: `${prng.int(1995, 2025)}-0${prng.int(1, 9)}-1${prng.int(0, 9)}`,
          updated_at: '2025-12-01T00:00:00Z',
        }));
        await projections.upsertEnterprises(subjects);
        await projections.upsertScores(ids.map((i) => scoreRow(prng, i, '2025-06-30', 0)));
        await projections.upsertScores(ids.map((i) => scoreRow(prng, i, '2026-01-05', i % DISTRICTS.length === 0 ? 0.3 : 0.05)));
      }
      const drawn = Array.from({ length: enterprises }, (_, i) => i).filter((i) => i % 33 === 0);
      await projections.insertDraw({
        draw_id: 'bench-draw',
        window_from: '2026-02-01',
        window_to: '2026-02-28',
        model_version: 'm-bench',
        model_suspended: false,
        exploration_share: 0.1,
        plan_status: 'published',
        drawn_at: '2026-01-28T00:00:00Z',
        tasks: drawn.map((i) => ({ department: 'SAMR', credit_code: code(i), reason: i % 10 === 0 ? 'exploration' : 'risk' })),
      });
      for (let start = 0; start < drawn.length; start += BATCH) {
        const rows: InspectionRow[] = drawn.slice(start, start + BATCH).map((i) => ({
          visit_id: `v-${i}`,
          department: 'SAMR',
          credit_code: code(i),
          date: '2026-02-10',
          violation_found: prng.next() < 0.2,
          recorded_at: '2026-02-10T10:00:00Z',
        }));
        await projections.insertInspections(rows);
      }
      // What autovacuum does after a bulk load in service: the planner needs the tables' statistics.
      await app.get(DataSource).query(`ANALYZE oversight.audit_scores, oversight.audit_enterprises, oversight.audit_draw_tasks, oversight.audit_inspections`);
    });
    const audits = app.get(AuditsService);
    const [fairness, fairnessSeconds] = await timed(() => audits.fairness(PERIOD));
    const [accuracy, accuracySeconds] = await timed(() => audits.accuracy(PERIOD));
    const [drift, driftSeconds] = await timed(() => audits.drift(PERIOD));
    const [, reportSeconds] = await timed(() => app.get(AuditReportsService).run(PERIOD, 'on-demand', 'bench'));
    // What a colour policy's legal reviewer is shown: a year of inspections coloured under new thresholds.
    const policy = { version: 'cp-bench', yellow: 0.3, red: 0.5, state: 'proposed', actor: 'bench', at: '2026-03-31T00:00:00Z' };
    await projections.insertColourPolicyEvent({ event_key: 'colour-policy:bench', ...policy });
    const [, colourPolicyEvidenceSeconds] = await timed(() => audits.colourPolicyEvidence('cp-bench', { from: '2025-04-01', to: PERIOD.to }));
    process.stdout.write(
      `${JSON.stringify({
        bench: 'audits',
        enterprises,
        scoreRows: enterprises * 2,
        inspections: accuracy.samples.all.inspections,
        loadSeconds,
        scoreRowsPerSecond: Math.round((enterprises * 2) / loadSeconds),
        fairnessSeconds,
        accuracySeconds,
        driftSeconds,
        reportSeconds,
        colourPolicyEvidenceSeconds,
        population: fairness.overall.population,
        largestFactorPsi: drift.largestFactorShift,
      })}\n`,
    );
  });
}

void main().catch((error: Error) => {
  process.stderr.write(`bench failed: ${error.message}\n`);
  process.exitCode = 1;
});
