import 'reflect-metadata';
import { loadavg } from 'node:os';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { startAppProcess, type AppProcess } from '@tianping/testing';
import { ScoringCoreModule } from '../../apps/scoring/src/scoring.module';
import { ScoringService } from '../../apps/scoring/src/scores/scoring.service';
import { TrainingService } from '../../apps/scoring/src/training/training.service';
import { withBenchServices } from './bench-env.util';
import { activateWithoutOversight, loadProjections, oneCandidateSpec } from './scoring.bench';

const AS_OF = '2026-06-30';
/** Divisible by both instance counts' slots (2 per instance), so neither run waits on a lone last shard. */
const SHARDS = 12;

/**
 * A full re-score shared by 1, then by 3 scoring instances (each its own process, as deployed), on the
 * same projections and model: the wall time of each, and whether their scores are identical.
 */
export async function scoringScaleBench(enterprises: number): Promise<Record<string, unknown>> {
  return withBenchServices('scoring_scale', async ({ databaseUrl, nats }) => {
    Logger.overrideLogger(['error']);
    const app = await NestFactory.createApplicationContext(ScoringCoreModule, { logger: ['error'] });
    try {
      const db = app.get(DataSource);
      await loadProjections(db, enterprises);
      const trained = await app.get(TrainingService).train({ asOf: AS_OF, seed: 1, createdBy: 'bench', spec: oneCandidateSpec() });
      await activateWithoutOversight(app, trained.model.version);
      const loadBefore = loadavg()[0];
      const timings: Record<string, { seconds: number; enterprises: number; workers: number; digest: string }> = {};
      for (const instances of [1, 3]) {
        const running: AppProcess[] = await Promise.all(
          Array.from({ length: instances }, () => startAppProcess('scoring', { DATABASE_URL: databaseUrl, NATS_URL: nats.url })),
        );
        try {
          const started = performance.now();
          const run = await app.get(ScoringService).scoreAll(AS_OF, { shards: SHARDS, work: false });
          const seconds = (performance.now() - started) / 1000;
          const [row] = await db.query(
            `SELECT md5(string_agg(credit_code || ':' || logit::text || ':' || colour, ',' ORDER BY credit_code)) AS digest,
                    (SELECT count(DISTINCT worker)::int FROM scoring.score_run_shards WHERE run_id = $1) AS workers
             FROM scoring.score_history WHERE run_id = $1`,
            [run.runId],
          );
          timings[`instances${instances}`] = { seconds: round(seconds), enterprises: run.enterprises, workers: row.workers, digest: row.digest };
        } finally {
          await Promise.all(running.map((p) => p.stop()));
        }
      }
      const one = timings.instances1;
      const three = timings.instances3;
      return {
        bench: 'scoring-scale',
        enterprises,
        shards: SHARDS,
        oneInstanceSeconds: one.seconds,
        threeInstancesSeconds: three.seconds,
        speedup: round(one.seconds / three.seconds),
        identicalScores: one.digest === three.digest && one.enterprises === three.enterprises,
        workersInThreeInstanceRun: three.workers,
        loadAverageBefore: round(loadBefore),
        loadAverageAfter: round(loadavg()[0]),
      };
    } finally {
      await app.close();
    }
  });
}

const round = (x: number, digits = 2) => Math.round(x * 10 ** digits) / 10 ** digits;

if (require.main === module) {
  scoringScaleBench(Number(process.argv[2] ?? 1_000_000))
    .then((figures) => process.stdout.write(`${JSON.stringify(figures)}\n`))
    .catch((error: Error) => {
      process.stderr.write(`bench failed: ${error.message}\n`);
      process.exitCode = 1;
    });
}
