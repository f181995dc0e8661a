import { DrawResult, Enterprise, Officer, Plan, UnassignedReason } from './planner.model';
import { pathLengthKm } from './route.util';

export interface FiguresInput {
  draw: DrawResult;
  enterprises: Enterprise[];
  officers: Officer[];
}

export interface PlanFigures {
  /** Department checks placed (one per task in a visit). */
  checks: number;
  visits: number;
  /** Visits if each department planned alone: one per check. */
  soloVisits: number;
  /** 1 − visits / soloVisits: the share of trips saved for the same checks. */
  visitReduction: number;
  /** Share of visits covering two or more departments. */
  jointShare: number;
  meanDepartmentsPerVisit: number;
  unassignedTasks: number;
  /** Why tasks went unassigned: no team could cover them at all, or every team that could was busy. */
  unassignedByReason: Record<UnassignedReason, number>;
  explorationShare: number;
  /** unorderedKm: same days and route sizes, visits in credit-code order; sameRoutesUnorderedKm: the planned routes, each walked in credit-code order. */
  travel: { plannedKm: number; unorderedKm: number; reduction: number; sameRoutesUnorderedKm: number };
  workload: { officers: number; meanVisits: number; maxVisits: number; maxOverMean: number; coefficientOfVariation: number };
}

/** Headline figures of a plan, for the dispatch screen and the benchmark. */
export function planFigures(plan: Plan, input: FiguresInput): PlanFigures {
  const checks = plan.visits.reduce((n, v) => n + v.taskIds.length, 0);
  const visits = plan.visits.length;
  const reasons = new Map(input.draw.tasks.map((t) => [t.id, t.reason]));
  const placedTaskIds = plan.visits.flatMap((v) => v.taskIds);
  return {
    checks,
    visits,
    soloVisits: checks,
    visitReduction: ratio(checks - visits, checks),
    jointShare: ratio(plan.visits.filter((v) => v.departments.length >= 2).length, visits),
    meanDepartmentsPerVisit: ratio(
      plan.visits.reduce((n, v) => n + v.departments.length, 0),
      visits,
    ),
    unassignedTasks: plan.unassigned.length,
    unassignedByReason: countReasons(plan),
    explorationShare: ratio(placedTaskIds.filter((id) => reasons.get(id) === 'exploration').length, placedTaskIds.length),
    travel: travelFigures(plan, input.enterprises),
    workload: workloadFigures(plan, input.officers),
  };
}

/**
 * Planned route length against an unordered schedule: the same days and route sizes, but visits
 * taken in credit-code order, i.e. with no regard to where the enterprises are.
 */
function travelFigures(plan: Plan, enterprises: Enterprise[]): PlanFigures['travel'] {
  const where = new Map(enterprises.map((e) => [e.creditCode, e]));
  const plannedKm = plan.routes.reduce((n, r) => n + r.distanceKm, 0);
  const unordered = plan.visits.map((v) => where.get(v.creditCode) ?? {}).sort((a, b) => codeOf(a).localeCompare(codeOf(b)));
  let unorderedKm = 0;
  let sameRoutesUnorderedKm = 0;
  const codeOfVisit = new Map(plan.visits.map((v) => [v.id, v.creditCode]));
  let next = 0;
  for (const route of plan.routes) {
    unorderedKm += pathLengthKm(unordered.slice(next, next + route.visitIds.length));
    next += route.visitIds.length;
    const codes = route.visitIds.map((id) => codeOfVisit.get(id) ?? '').sort();
    sameRoutesUnorderedKm += pathLengthKm(codes.map((c) => where.get(c) ?? {}));
  }
  return {
    plannedKm: round(plannedKm),
    unorderedKm: round(unorderedKm),
    reduction: round(ratio(unorderedKm - plannedKm, unorderedKm), 4),
    sameRoutesUnorderedKm: round(sameRoutesUnorderedKm),
  };
}

/** Visits per on-duty officer, idle ones included, so that an unused officer shows as imbalance. */
function workloadFigures(plan: Plan, officers: Officer[]): PlanFigures['workload'] {
  const load = new Map(officers.filter((o) => o.onDuty).map((o) => [o.id, 0]));
  plan.visits.forEach((v) => v.officerIds.forEach((id) => load.set(id, (load.get(id) ?? 0) + 1)));
  const values = [...load.values()];
  const mean = ratio(
    values.reduce((a, b) => a + b, 0),
    values.length,
  );
  const variance = ratio(
    values.reduce((a, b) => a + (b - mean) ** 2, 0),
    values.length,
  );
  const max = values.length ? Math.max(...values) : 0;
  return {
    officers: values.length,
    meanVisits: round(mean),
    maxVisits: max,
    maxOverMean: round(ratio(max, mean), 3),
    coefficientOfVariation: round(ratio(Math.sqrt(variance), mean), 3),
  };
}

function countReasons(plan: Plan): Record<UnassignedReason, number> {
  const counts: Record<UnassignedReason, number> = { no_eligible_team: 0, capacity_exhausted: 0, no_working_day: 0 };
  for (const task of plan.unassigned) counts[task.reason]++;
  return counts;
}

function codeOf(e: Partial<Enterprise>): string {
  return e.creditCode ?? '';
}

function ratio(a: number, b: number): number {
  return b === 0 ? 0 : a / b;
}

function round(x: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
