import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ApprovalGrantHandler } from '../approvals/approval-grant.handler';
import { ModelRegistryRepository } from '../models/model-registry.repository';
import { ModelRegistryService } from '../models/model-registry.service';
import { ScoringOutbox } from '../outbox/scoring-outbox.provider';
import { ProjectionHandler } from '../projection/projection.handler';
import { ProjectionRepository, type ProjectionCounts } from '../projection/projection.repository';
import { ScorePublisher } from '../scores/score-publisher';
import { chinaDay, pollUntil } from '@tianping/common';
import { ScoringService, type ScoreRunResult } from '../scores/scoring.service';
import { TrainingService } from '../training/training.service';
import { ScoringCoreModule } from '../scoring.module';
import { useRedactingLogger } from '@tianping/observability';

/** The core plus intake's projections and oversight's approvals, for a one-off catch-up before the service starts. */
@Module({ imports: [ScoringCoreModule], providers: [ProjectionHandler, ApprovalGrantHandler] })
class ScoringCatchUpModule {}

export const DEMO_OPERATOR = 'demo-operator';

/** Has oversight approve a registered version (the caller files the sign-offs there); resolves when filed. */
export type DemoApproval = (version: string) => Promise<string[]>;

/**
 * Brings the demo up with scores: projects what intake published (the same durable consumers the
 * service resumes from), trains as the demo operator, has oversight approve the version (`approve`
 * files the sign-offs; scoring applies the grant it publishes), activates it, scores every
 * enterprise and publishes the scores.
 */
export async function prepareDemoScores(
  expected: Partial<Record<keyof ProjectionCounts, number>>,
  approve: DemoApproval,
  log: (line: string) => void,
  asOf: string = chinaDay(),
): Promise<ScoreRunResult> {
  useRedactingLogger('scoring');
  const app = await NestFactory.createApplicationContext(ScoringCatchUpModule, { logger: ['error', 'warn'] });
  try {
    await caughtUp(app.get(ProjectionRepository), expected);
    const { model } = await app.get(TrainingService).train({ asOf, seed: 2026, createdBy: DEMO_OPERATOR });
    // Oversight learns of the version from the registration event, so it must be out first.
    await app.get(ScoringOutbox).relay.drain();
    const approvers = await approve(model.version);
    const models = app.get(ModelRegistryRepository);
    await pollUntil(
      () => models.find(model.version),
      (found) => found?.state === 'approved',
      () => new Error(`scoring did not receive oversight's approval of ${model.version}`),
      { timeoutMs: 60_000 },
    );
    await app.get(ModelRegistryService).changeState(model.version, 'active', DEMO_OPERATOR, 'demo');
    const run = await app.get(ScoringService).scoreAll(asOf);
    await app.get(ScorePublisher).drain();
    await app.get(ScoringOutbox).relay.drain();
    log(
      `demo: model ${model.version} trained by ${DEMO_OPERATOR} on ${model.training.rows} inspections, approved in oversight by ${approvers.join(' and ')}, active; scored ${run.enterprises} enterprises as of ${asOf}`,
    );
    return run;
  } finally {
    await app.close();
  }
}

/**
 * After the demo's past visits: projects the cases their results became in intake, then scores every
 * enterprise as of today, as the daily run would, so the suite starts with scores that know of them
 * (the first scores, from before the visits, stay as the enterprises' history). Returns the run and
 * when it began: its scores are computed after that.
 */
export async function scoreDemoToday(
  expected: Partial<Record<keyof ProjectionCounts, number>>,
  log: (line: string) => void,
): Promise<{ enterprises: number; since: Date }> {
  useRedactingLogger('scoring');
  const app = await NestFactory.createApplicationContext(ScoringCatchUpModule, { logger: ['error', 'warn'] });
  try {
    await caughtUp(app.get(ProjectionRepository), expected);
    const since = new Date();
    const run = await app.get(ScoringService).scoreAll();
    await app.get(ScorePublisher).drain();
    await app.get(ScoringOutbox).relay.drain();
    log(`demo: scored ${run.enterprises} enterprises again as of today, with their visits' results`);
    return { enterprises: run.enterprises, since };
  } finally {
    await app.close();
  }
}

async function caughtUp(projections: ProjectionRepository, expected: Partial<Record<keyof ProjectionCounts, number>>): Promise<void> {
  await pollUntil(
    () => projections.counts(),
    (counts) => counts.subjects >= (expected.subjects ?? 0) && counts.cases >= (expected.cases ?? 0),
    (counts) => new Error(`scoring's projections did not catch up with intake: ${JSON.stringify(counts)}`),
    { timeoutMs: 180_000 },
  );
}
