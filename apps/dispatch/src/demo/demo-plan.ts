import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { chinaDay } from '@tianping/common';
import { DispatchCoreModule } from '../dispatch.module';
import { DrawService, type DrawOutcome } from '../draw/draw.service';
import { DispatchOutbox } from '../outbox/dispatch-outbox.provider';
import { ProjectionHandler } from '../projection/projection.handler';
import { ProjectionRepository } from '../projection/projection.repository';
import { useRedactingLogger } from '@tianping/observability';

/** The core plus the projection consumers, for a one-off catch-up before the service starts. */
@Module({ imports: [DispatchCoreModule], providers: [ProjectionHandler] })
class DispatchCatchUpModule {}

/** Two weeks from today: the officer's page has today's route, and a later window is left to draw by hand. */
export const DEMO_PLAN_DAYS = 14;

/** How many of each projection must have arrived before the demo draws: what intake and scoring published. */
export interface DemoPlanInputs {
  enterprises: number;
  officers: number;
  priorCases: number;
  complaints: number;
  scores: number;
}

/**
 * Draws the demo's first plan, so that the plans, the calendar and an officer's route have
 * something to show on first look: projects what intake and scoring published (the same durable
 * consumers the service resumes from), then draws the next two weeks with a seed named after the
 * day, as a dispatcher would on the plans page.
 */
export async function prepareDemoPlan(expected: DemoPlanInputs, log: (line: string) => void): Promise<DrawOutcome> {
  useRedactingLogger('dispatch');
  const app = await NestFactory.createApplicationContext(DispatchCatchUpModule, { logger: ['error', 'warn'] });
  try {
    await caughtUp(app.get(ProjectionRepository), expected);
    const today = chinaDay();
    const to = new Date(Date.parse(`${today}T00:00:00Z`) + (DEMO_PLAN_DAYS - 1) * 86_400_000).toISOString().slice(0, 10);
    const outcome = await app.get(DrawService).draw({ start: today, end: to }, `demo-${today}`);
    await app.get(DispatchOutbox).relay.drain();
    log(`demo: plan ${today} → ${to} drawn (seed ${outcome.seed}): ${outcome.visits} joint visits for ${outcome.tasks} checks, ${outcome.status}`);
    return outcome;
  } finally {
    await app.close();
  }
}

async function caughtUp(projections: ProjectionRepository, expected: DemoPlanInputs): Promise<void> {
  for (let waited = 0; ; waited += 250) {
    const counts = await projections.counts();
    const behind = (Object.keys(expected) as (keyof DemoPlanInputs)[]).filter((k) => Number(counts[k]) < expected[k]);
    if (behind.length === 0) return;
    if (waited > 180_000) throw new Error(`dispatch's projections did not catch up (${behind.join(', ')}): ${JSON.stringify(counts)}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}
