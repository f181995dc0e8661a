import { NestFactory } from '@nestjs/core';
import { chinaDay, Prng } from '@tianping/common';
import type { VisitItemResult } from '@tianping/contracts';
import { useRedactingLogger } from '@tianping/observability';
import { dayNumber, isoFromDayNumber } from '@tianping/planner';
import { ChecklistItemsRepository } from '../checklist/checklist-items.repository';
import { DrawService } from '../draw/draw.service';
import { DispatchOutbox } from '../outbox/dispatch-outbox.provider';
import { ProjectionRepository } from '../projection/projection.repository';
import { VisitsRepository, type VisitRow } from '../visits/visits.repository';
import { VisitsService } from '../visits/visits.service';
import { caughtUp, DEMO_PLAN_DAYS, DispatchCatchUpModule, type DemoPlanInputs } from './demo-plan';

/** The chance that a full inspection of this enterprise finds a problem (the demo takes it from the generated city's truth). */
export type ViolationChance = (creditCode: string) => number;

/** Of the visits that find a problem, the share where a case is opened (立案查处) rather than a rectification ordered (责令整改). */
const CASE_OPENED_SHARE = 0.2;
/**
 * The demo's rectification deadline, in days after the visit: shorter than the policy's default, so the
 * plan of the next fortnight already holds re-inspections (整改复查) of the past one's orders to rectify.
 */
export const DEMO_RECTIFICATION_DAYS = 10;

export interface DemoHistory {
  drawId: string;
  window: { from: string; to: string };
  /** Visits whose results were recorded. */
  visits: number;
  /** Inspection cases the results become in intake: one per department on each visit. */
  cases: number;
  violationsFound: number;
}

/**
 * Gives the demo a past: the fortnight before today drawn as a backfill (a plan made before the
 * system) and its visits' results recorded as officers would have, through the same service the
 * officer's page posts to, all but the last day's. Each visit finds a problem with the enterprise's chance; the results then
 * flow back to intake as cases (结果回流), so the public results, an enterprise's visits and the
 * calendar have history on first look.
 */
export async function recordDemoHistory(expected: DemoPlanInputs, chance: ViolationChance, log: (line: string) => void): Promise<DemoHistory> {
  useRedactingLogger('dispatch');
  const app = await NestFactory.createApplicationContext(DispatchCatchUpModule, { logger: ['error', 'warn'] });
  try {
    await caughtUp(app.get(ProjectionRepository), expected);
    const today = chinaDay();
    const window = demoPastWindow(today);
    const seed = `demo-past-${today}`;
    const plan = await app.get(DrawService).draw({ start: window.from, end: window.to }, seed, { backfill: true });
    // A plan the checker rejects has no visits: the demo starts without a past rather than not at all.
    if (plan.status !== 'published') log(`demo: the past fortnight's plan was ${plan.status} by the plan checker; the demo starts without a past`);
    const visits = await app.get(VisitsRepository).list({ drawId: plan.id, statuses: ['scheduled'], limit: 100_000 });
    const names = new Map((await app.get(ChecklistItemsRepository).list()).map((n) => [n.item, n.zh]));
    // The last day's results are left for its officers to record, as happens: the calendar counts them as overdue.
    const lastDay = visits.reduce((last, v) => (v.date > last ? v.date : last), '');
    const recorded = inStableOrder(visits).filter((v) => v.date !== lastDay);
    let cases = 0;
    let violationsFound = 0;
    for (const visit of recorded) {
      const results = demoResults(visit, chance(visit.creditCode), new Prng(`${seed}/${visit.creditCode}/${visit.date}`), names);
      const outcome = await app.get(VisitsService).recordResults(visit.id, { items: results, ...demoDeadline(visit.date, results) });
      cases += visit.departments.length;
      violationsFound += outcome.violationsFound;
    }
    await app.get(DispatchOutbox).relay.drain();
    log(
      `demo: past fortnight ${window.from} → ${window.to} drawn as a backfill (seed ${seed}): ${recorded.length} visits recorded, ${violationsFound} found a problem; ${visits.length - recorded.length} of ${lastDay} left to record`,
    );
    return { drawId: plan.id, window, visits: recorded.length, cases, violationsFound };
  } finally {
    await app.close();
  }
}

/** The fortnight before today, which the demo gives a past. */
export function demoPastWindow(today: string): { from: string; to: string } {
  return { from: isoFromDayNumber(dayNumber(today) - DEMO_PLAN_DAYS), to: isoFromDayNumber(dayNumber(today) - 1) };
}

/**
 * One visit's results: with the given chance the visit finds a problem with one of its items, written
 * as an officer would; every other item finds none.
 */
export function demoResults(visit: Pick<VisitRow, 'checklist'>, chance: number, prng: Prng, names: Map<string, string>): VisitItemResult[] {
  const found = prng.next() < chance ? prng.int(0, visit.checklist.length - 1) : -1;
  const caseOpened = prng.next() < CASE_OPENED_SHARE;
  return visit.checklist.map(({ item, department }, i) => {
    if (i !== found) return { item, department, result: '未发现问题' };
    const what = `${names.get(item) ?? item}：现场检查发现不符合规定`;
    return caseOpened
      ? { item, department, result: '立案查处', violation: `${what}，已立案调查` }
      : { item, department, result: '责令整改', violation: `${what}，已责令限期整改` };
  });
}

/** A deadline for results ordering rectification (none otherwise, as the service requires). */
export function demoDeadline(date: string, results: VisitItemResult[]): { rectifyBy?: string } {
  return results.some((r) => r.result === '责令整改') ? { rectifyBy: isoFromDayNumber(dayNumber(date) + DEMO_RECTIFICATION_DAYS) } : {};
}

/** Visit ids are random: ordering by day and enterprise keeps the demo's outcomes the same from run to run. */
function inStableOrder(visits: VisitRow[]): VisitRow[] {
  return [...visits].sort((a, b) => a.date.localeCompare(b.date) || a.creditCode.localeCompare(b.creditCode));
}
