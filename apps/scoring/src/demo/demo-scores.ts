import { Logger, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ModelRegistryService } from '../models/model-registry.service';
import { ScoringOutbox } from '../outbox/scoring-outbox.provider';
import { ProjectionHandler } from '../projection/projection.handler';
import { ProjectionRepository, type ProjectionCounts } from '../projection/projection.repository';
import { ScorePublisher } from '../scores/score-publisher';
import { ScoringService, todayCst, type ScoreRunResult } from '../scores/scoring.service';
import { TrainingService } from '../training/training.service';
import { ScoringCoreModule } from '../scoring.module';

/** The core plus intake's projections, for a one-off catch-up before the service starts. */
@Module({ imports: [ScoringCoreModule], providers: [ProjectionHandler] })
class ScoringCatchUpModule {}

export const DEMO_OPERATOR = 'demo-operator';

/**
 * Brings the demo up with scores: projects what intake published (the same durable consumers the
 * service resumes from), trains, has the demo operator approve (standing in for oversight, logged and
 * published) and activate the model, scores every enterprise and publishes the scores.
 */
export async function prepareDemoScores(expected: Partial<Record<keyof ProjectionCounts, number>>, log: (line: string) => void): Promise<ScoreRunResult> {
  Logger.overrideLogger(['error', 'warn']);
  const app = await NestFactory.createApplicationContext(ScoringCatchUpModule, { logger: ['error', 'warn'] });
  try {
    const projections = app.get(ProjectionRepository);
    for (let waited = 0; ; waited += 250) {
      const counts = await projections.counts();
      if (counts.subjects >= (expected.subjects ?? 0) && counts.cases >= (expected.cases ?? 0)) break;
      if (waited > 180_000) throw new Error(`scoring's projections did not catch up with intake: ${JSON.stringify(counts)}`);
      await new Promise((r) => setTimeout(r, 250));
    }
    const { model } = await app.get(TrainingService).train({ asOf: todayCst(), seed: 2026, createdBy: DEMO_OPERATOR });
    const registry = app.get(ModelRegistryService);
    await registry.changeState(model.version, 'approved', DEMO_OPERATOR, 'demo: operator approval standing in for oversight');
    await registry.changeState(model.version, 'active', DEMO_OPERATOR, 'demo');
    const run = await app.get(ScoringService).scoreAll();
    await app.get(ScorePublisher).drain();
    await app.get(ScoringOutbox).relay.drain();
    log(`demo: model ${model.version} trained on ${model.training.rows} inspections, approved by ${DEMO_OPERATOR}, active; scored ${run.enterprises} enterprises`);
    return run;
  } finally {
    await app.close();
  }
}
