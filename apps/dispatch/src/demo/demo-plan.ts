import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { chinaDay, pollUntil } from '@tianping/common';
import { DataSource } from 'typeorm';
import { AbsencesService } from '../absences/absences.service';
import { DispatchCoreModule } from '../dispatch.module';
import { effectiveTo } from '../draw/draw.repository';
import { ON_DUTY } from '../officers/officers.repository';
import { DrawService, type DrawOutcome } from '../draw/draw.service';
import { DispatchOutbox } from '../outbox/dispatch-outbox.provider';
import { ProjectionHandler } from '../projection/projection.handler';
import { ProjectionRepository } from '../projection/projection.repository';
import { useRedactingLogger } from '@tianping/observability';
import { dayNumber, isoFromDayNumber } from '@tianping/planner';

/** The core plus the projection consumers, for a one-off catch-up before the service starts. */
@Module({ imports: [DispatchCoreModule], providers: [ProjectionHandler] })
export class DispatchCatchUpModule {}

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

/** Enterprises scoring re-scored after the demo's first scores, and from when (their new scores are computed after it). */
export interface Rescored {
  enterprises: number;
  since: Date;
}

/**
 * Draws the demo's first plan, so that the plans, the calendar and an officer's route have
 * something to show on first look: projects what intake and scoring published (the same durable
 * consumers the service resumes from; with `rescored`, until the re-computed scores are in too), then
 * draws the next two weeks with a seed named after the day, as a dispatcher would on the plans page.
 */
export async function prepareDemoPlan(expected: DemoPlanInputs, log: (line: string) => void, rescored?: Rescored): Promise<DrawOutcome> {
  useRedactingLogger('dispatch');
  const app = await NestFactory.createApplicationContext(DispatchCatchUpModule, { logger: ['error', 'warn'] });
  try {
    await caughtUp(app.get(ProjectionRepository), expected);
    if (rescored) await rescoresArrived(app.get(DataSource), rescored);
    await enterDemoAbsences(app.get(DataSource), app.get(AbsencesService), log);
    return await drawDemoFortnight(app.get(DrawService), app.get(DispatchOutbox), log);
  } finally {
    await app.close();
  }
}

/**
 * On a later start of the demo: when no published plan has a day from today on (the last one ran
 * out while the demo was stopped), the next two weeks are drawn again, so the pages are not empty.
 * A plan ahead, even one not yet begun, is left alone. Null when nothing was drawn.
 */
export async function topUpDemoPlan(log: (line: string) => void): Promise<DrawOutcome | null> {
  useRedactingLogger('dispatch');
  const app = await NestFactory.createApplicationContext(DispatchCoreModule, { logger: ['error', 'warn'] });
  try {
    return await drawDemoFortnightIfNoneAhead(app.get(DataSource), app.get(DrawService), app.get(DispatchOutbox), log);
  } finally {
    await app.close();
  }
}

export async function drawDemoFortnightIfNoneAhead(
  dataSource: DataSource,
  draws: DrawService,
  outbox: DispatchOutbox,
  log: (line: string) => void,
): Promise<DrawOutcome | null> {
  const [ahead] = await dataSource.query(`SELECT EXISTS (SELECT 1 FROM dispatch.draws WHERE status = 'published' AND ${effectiveTo()} >= $1::date) AS ahead`, [
    chinaDay(),
  ]);
  if (ahead.ahead) return null;
  return drawDemoFortnight(draws, outbox, log);
}

/** Away in the demo's fortnight, entered before it is drawn: [kind, first day, last day] as days from today. */
const DEMO_ABSENCES = [
  ['leave', 2, 4],
  ['training', 7, 8],
] as const;

/**
 * Two officers entered as away in the fortnight ahead, as a dispatcher would before drawing it: the draw
 * leaves them out on those days, and the officers page and oversight's record have something to show.
 */
export async function enterDemoAbsences(dataSource: DataSource, absences: AbsencesService, log: (line: string) => void): Promise<void> {
  const officers: { id: string }[] = await dataSource.query(`SELECT officer_id AS id FROM dispatch.officers WHERE status = $2 ORDER BY officer_id LIMIT $1`, [
    DEMO_ABSENCES.length,
    ON_DUTY,
  ]);
  const today = dayNumber(chinaDay());
  for (const [i, { id }] of officers.entries()) {
    const [kind, first, last] = DEMO_ABSENCES[i];
    const absence = await absences.add({ officerId: id, kind, from: isoFromDayNumber(today + first), to: isoFromDayNumber(today + last), actor: 'demo' });
    log(`demo: officer ${id} entered as away (${kind}) ${absence.from} → ${absence.to}`);
  }
}

async function drawDemoFortnight(draws: DrawService, outbox: DispatchOutbox, log: (line: string) => void): Promise<DrawOutcome> {
  const today = chinaDay();
  const to = isoFromDayNumber(dayNumber(today) + DEMO_PLAN_DAYS - 1);
  const outcome = await draws.draw({ start: today, end: to }, `demo-${today}`);
  await outbox.relay.drain();
  log(`demo: plan ${today} → ${to} drawn (seed ${outcome.seed}): ${outcome.visits} joint visits for ${outcome.tasks} checks, ${outcome.status}`);
  return outcome;
}

export async function caughtUp(projections: ProjectionRepository, expected: DemoPlanInputs): Promise<void> {
  const behind = (counts: Record<string, number | boolean>) =>
    (Object.keys(expected) as (keyof DemoPlanInputs)[]).filter((k) => Number(counts[k]) < expected[k]);
  await pollUntil(
    () => projections.counts(),
    (counts) => behind(counts).length === 0,
    (counts) => new Error(`dispatch's projections did not catch up (${behind(counts).join(', ')}): ${JSON.stringify(counts)}`),
    { timeoutMs: 180_000 },
  );
}

async function rescoresArrived(dataSource: DataSource, rescored: Rescored): Promise<void> {
  const arrived = async (): Promise<number> => {
    const [row] = await dataSource.query(`SELECT count(*)::int AS n FROM dispatch.scores WHERE computed_at >= $1`, [rescored.since]);
    return row.n;
  };
  await pollUntil(
    arrived,
    (n) => n >= rescored.enterprises,
    (n) => new Error(`dispatch holds ${n} of the ${rescored.enterprises} re-computed scores`),
    { timeoutMs: 60_000 },
  );
}
