import 'reflect-metadata';
import { spawn } from 'node:child_process';
import { Logger, type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { loadBuiltInSpec, type FactorSpec } from '@tianping/risk-model';
import { ModelRegistryService } from '../../apps/scoring/src/models/model-registry.service';
import { ScoringCoreModule } from '../../apps/scoring/src/scoring.module';
import { ScoringService } from '../../apps/scoring/src/scores/scoring.service';
import { TrainingService } from '../../apps/scoring/src/training/training.service';
import { memoryWatch, mib, withBenchServices } from './bench-env.util';

const AS_OF = '2026-06-30';

/**
 * Scoring at city scale: projections for `enterprises` generated straight into scoring's tables (the
 * bench measures scoring, not intake), one training on about as many inspections, then a full run:
 * featurised, scored, explained (contributions) and written, end to end, with peak memory. The
 * training runs in a process of its own, as `tianping train` does beside the running service: its
 * gigabyte of model-fitting memory is not the scoring run's.
 */
export async function scoringBench(enterprises: number): Promise<Record<string, unknown>> {
  return withBenchServices('scoring', async () => {
    Logger.overrideLogger(['error']);
    const app = await NestFactory.createApplicationContext(ScoringCoreModule, { logger: ['error'] });
    try {
      const loadStarted = performance.now();
      const counts = await loadProjections(app.get(DataSource), enterprises);
      const loadSeconds = (performance.now() - loadStarted) / 1000;

      const trainStarted = performance.now();
      const trained = await trainApart();
      const trainWallSeconds = (performance.now() - trainStarted) / 1000;
      await activateWithoutOversight(app, trained.version);

      // The bulk load's dirty pages and pending vacuum are not what a full run costs: settle them first.
      await settle(app.get(DataSource));
      const memory = memoryWatch();
      const started = performance.now();
      const run = await app.get(ScoringService).scoreAll(AS_OF);
      const seconds = (performance.now() - started) / 1000;
      memory.stop();
      // The next day's run: every enterprise has a current score to replace, as in daily use.
      await settle(app.get(DataSource));
      const rescoreStarted = performance.now();
      await app.get(ScoringService).scoreAll(AS_OF);
      const rescoreSeconds = (performance.now() - rescoreStarted) / 1000;
      return {
        bench: 'scoring',
        enterprises: run.enterprises,
        seconds: round(seconds),
        scoresPerSecond: Math.round(run.enterprises / seconds),
        rescoreSeconds: round(rescoreSeconds),
        target: { seconds: 15, peakRssMiB: 2048 },
        peakRssMiB: mib(memory.peak()),
        trainSeconds: round(trained.trainSeconds),
        trainRows: trained.rows,
        trainWallSeconds: round(trainWallSeconds),
        trainPeakRssMiB: trained.peakRssMiB,
        validationAuc: trained.validationAuc === null ? null : round(trained.validationAuc, 4),
        byColour: run.byColour,
        generated: counts,
        loadSeconds: round(loadSeconds),
      };
    } finally {
      await app.close();
    }
  });
}

/** Writes out dirty pages, vacuums and analyses, and frees the loading's garbage (with --expose-gc). */
async function settle(db: DataSource): Promise<void> {
  await db.query(`VACUUM ANALYZE scoring.subjects, scoring.cases, scoring.clues, scoring.score_history, scoring.current_scores`);
  await db.query(`CHECKPOINT`);
  global.gc?.();
}

interface Trained {
  version: string;
  trainSeconds: number;
  rows: number;
  validationAuc: number | null;
  peakRssMiB: number;
}

/** Trains the bench's model in a child process (this script with `--train`) on the same database. */
function trainApart(): Promise<Trained> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...process.execArgv, __filename, '--train'], { env: process.env, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.once('error', reject);
    child.once('exit', (code) => {
      const last = out.trim().split('\n').pop() ?? '';
      if (code !== 0) return reject(new Error(`training failed (exit ${code}): ${last.slice(0, 300)}`));
      resolve(JSON.parse(last) as Trained);
    });
  });
}

/** The child's side: one fit of the twelve-factor model as of AS_OF, its figures as a JSON line. */
async function trainHere(): Promise<Trained> {
  Logger.overrideLogger(['error']);
  const app = await NestFactory.createApplicationContext(ScoringCoreModule, { logger: ['error'] });
  try {
    const memory = memoryWatch();
    const trained = await app.get(TrainingService).train({ asOf: AS_OF, seed: 1, createdBy: 'bench', spec: oneCandidateSpec() });
    memory.stop();
    const { version, training } = trained.model;
    return { version, trainSeconds: trained.trainSeconds, rows: training.rows, validationAuc: training.validation.auc, peakRssMiB: mib(memory.peak()) };
  } finally {
    await app.close();
  }
}

/**
 * Approves and activates a model version with oversight's grant as it publishes it, for benches and
 * tests where no oversight runs (oversight's own tests cover the sign-offs). `by` names the actors.
 */
export async function activateWithoutOversight(app: INestApplicationContext, version: string, by = 'bench'): Promise<void> {
  const registry = app.get(ModelRegistryService);
  await registry.approve({
    subjectKind: 'model-version',
    subjectRef: version,
    proposedBy: by,
    auditSeq: 0,
    at: new Date().toISOString(),
    approvedBy: [
      { actor: `${by}-technical`, role: 'technical', auditSeq: 0 },
      { actor: `${by}-legal`, role: 'legal', auditSeq: 0 },
    ],
  });
  await registry.changeState(version, 'active', by);
}

/** The twelve-factor spec with its hyper-parameter grid narrowed to one candidate: the bench times one fit, not a grid search. */
export function oneCandidateSpec(): FactorSpec {
  const spec = loadBuiltInSpec('twelve-factor');
  return {
    ...spec,
    fit: { ...spec.fit, smoothness: [spec.fit?.smoothness?.[1] ?? 300], l2: [spec.fit?.l2?.[0] ?? 3], nuisanceL2: [spec.fit?.nuisanceL2?.[0] ?? 3] },
  };
}

/** Subjects, inspections, penalties and clues generated in SQL, with a hidden risk the model can find. */
export async function loadProjections(db: DataSource, n: number): Promise<Record<string, number>> {
  await db.query(`SELECT setseed(0.42)`);
  await db.query(
    `INSERT INTO scoring.subjects (credit_code, established_on, registered_capital_wan, shareholder_subscribed_wan, employees, industry_code, region_code,
       address_key, status, abnormal_listed, legal_rep_changes_2y, updated_at)
     SELECT 'BENCH' || lpad(i::text, 13, '0'), DATE '2026-06-30' - (random() * 30 * 365)::int, round((exp(random() * 8))::numeric, 1)::float8,
            CASE WHEN random() < 0.9 THEN round((exp(random() * 7))::numeric, 1)::float8 END, CASE WHEN random() < 0.7 THEN (exp(random() * 6))::int END,
            chr(65 + (i::bigint * 7919 % 20)::int) || lpad((i % 9000)::text, 4, '0'), '4406' || lpad((i % 5 + 4)::text, 2, '0'),
            'addr-' || (i % ($1::int * 8 / 10)), CASE WHEN random() < 0.95 THEN '存续' ELSE '注销' END, random() < 0.06, (random() * random() * 4)::int, now()
     FROM generate_series(1, $1::int) AS i`,
    [n],
  );
  // Each inspection's outcome follows a hidden per-enterprise risk plus the team's stringency.
  await db.query(
    `INSERT INTO scoring.cases (case_no, credit_code, kind, department, date, violation_found, officer_ids, updated_at)
     SELECT 'BI' || j, 'BENCH' || lpad(e::text, 13, '0'), '检查', 'SAMR', DATE '2023-07-01' + (random() * 1090)::int,
            random() < 1 / (1 + exp(-(-1.8 + ((e * 2654435761::bigint) % 1000) / 400.0 - 1.2 + (t % 7) / 10.0))), ARRAY['O' || t, 'O' || (t + 1)], now()
     FROM (SELECT j, 1 + (random() * ($1::int - 1))::int AS e, (random() * 400)::int AS t FROM generate_series(1, $1::int) AS j) x`,
    [n],
  );
  await db.query(
    `INSERT INTO scoring.cases (case_no, credit_code, kind, department, date, violation_found, officer_ids, updated_at)
     SELECT 'BP' || case_no, credit_code, '处罚', department, date + 40, true, '{}', now() FROM scoring.cases WHERE violation_found AND random() < 0.2`,
  );
  await db.query(
    `INSERT INTO scoring.clues (clue_id, credit_code, received_at, verified, updated_at)
     SELECT 'BC' || j, 'BENCH' || lpad((1 + (random() * ($1::int - 1))::int)::text, 13, '0'), TIMESTAMPTZ '2024-07-01 09:00+08' + random() * INTERVAL '720 days',
            CASE WHEN random() < 0.4 THEN true WHEN random() < 0.5 THEN false END, now()
     FROM generate_series(1, $1::int * 3 / 10) AS j`,
    [n],
  );
  await db.query(`ANALYZE scoring.subjects; ANALYZE scoring.cases; ANALYZE scoring.clues`);
  const [row] = await db.query(
    `SELECT (SELECT count(*) FROM scoring.subjects)::int AS subjects, (SELECT count(*) FROM scoring.cases WHERE kind = '检查')::int AS inspections,
            (SELECT count(*) FROM scoring.cases WHERE kind = '处罚')::int AS penalties, (SELECT count(*) FROM scoring.clues)::int AS clues`,
  );
  return row;
}

const round = (x: number, digits = 2) => Math.round(x * 10 ** digits) / 10 ** digits;

if (require.main === module) {
  (process.argv[2] === '--train' ? trainHere() : scoringBench(Number(process.argv[2] ?? 1_000_000)))
    .then((figures) => process.stdout.write(`${JSON.stringify(figures)}\n`))
    .catch((error: Error) => {
      process.stderr.write(`bench failed: ${error.message}\n`);
      process.exitCode = 1;
    });
}
