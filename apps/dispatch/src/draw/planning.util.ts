import { createHash } from 'node:crypto';
import {
  buildPlan,
  checkPlan,
  drawTasks,
  planFigures,
  type DepartmentPlan,
  type DrawResult,
  type Enterprise,
  type Officer,
  type Plan,
  type PlanFigures,
  type PlanningWindow,
  type PriorInspection,
  triggerRef,
  type TriggeredTask,
  type Violation,
  type WorkCalendar,
} from '@tianping/planner';

/** Everything a draw and its plan depend on besides the seed: stored with each draw so anyone can re-draw. */
export interface PlanningInputs {
  window: PlanningWindow;
  plans: DepartmentPlan[];
  enterprises: Enterprise[];
  triggeredTasks: TriggeredTask[];
  priorInspections: PriorInspection[];
  officers: Officer[];
  calendar: WorkCalendar;
  suspended: boolean;
  explorationShare: number;
  maxTeamSize: number;
}

export interface PlanningRun {
  draw: DrawResult;
  plan: Plan;
  violations: Violation[];
  figures: PlanFigures;
  resultFingerprint: string;
}

/** Name of the independent checker whose verdict a plan carries. */
export const PLAN_CHECKER = 'planner/checkPlan';

/** The double-random draw, the joint-visit plan, and the independent check of that plan. */
export function runPlanning(inputs: PlanningInputs, seed: string): PlanningRun {
  const draw = drawTasks({
    seed,
    window: inputs.window,
    plans: inputs.plans,
    enterprises: inputs.enterprises,
    triggeredTasks: inputs.triggeredTasks,
    priorInspections: inputs.priorInspections,
    suspended: inputs.suspended,
    explorationShare: inputs.explorationShare,
  });
  const plan = buildPlan(draw, {
    enterprises: inputs.enterprises,
    officers: inputs.officers,
    calendar: inputs.calendar,
    priorInspections: inputs.priorInspections,
    options: { maxTeamSize: inputs.maxTeamSize },
  });
  const violations = checkAgainstInputs(plan, draw, inputs);
  const figures = planFigures(plan, { draw, enterprises: inputs.enterprises, officers: inputs.officers });
  return { draw, plan, violations, figures, resultFingerprint: resultFingerprint(draw, plan) };
}

/** The independent checker's verdict on a plan, from the draw and the inputs it was made from (as stored with the draw). */
export function checkAgainstInputs(plan: Plan, draw: DrawResult, inputs: PlanningInputs): Violation[] {
  return checkPlan(plan, {
    draw,
    plans: inputs.plans,
    officers: inputs.officers,
    calendar: inputs.calendar,
    priorInspections: inputs.priorInspections,
    triggeredTasks: inputs.triggeredTasks,
  });
}

/** What a re-draw must reproduce exactly: the tasks with their reasons, the visits, teams, days and routes. */
export function resultFingerprint(draw: DrawResult, plan: Plan): string {
  return sha256(canonicalJson({ tasks: draw.tasks, strata: draw.strata, visits: plan.visits, routes: plan.routes, unassigned: plan.unassigned }));
}

/**
 * Puts every list in a fixed order, so the same facts always serialise to the same text; returns
 * that text (what is hashed and stored) and the inputs read back from it (what runs).
 */
export function canonicalInputs(inputs: PlanningInputs): { inputs: PlanningInputs; text: string } {
  const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  const sorted = (list: string[] | undefined) => (list ? [...new Set(list)].sort(byText) : undefined);
  const ordered: PlanningInputs = {
    ...inputs,
    plans: [...inputs.plans]
      .map((p) => ({ ...p, exemptions: sorted(p.exemptions), checklist: sorted(p.checklist) ?? [] }))
      .sort((a, b) => byText(a.department, b.department)),
    enterprises: [...inputs.enterprises].map((e) => ({ ...e, departments: sorted(e.departments) })).sort((a, b) => byText(a.creditCode, b.creditCode)),
    triggeredTasks: [...inputs.triggeredTasks].sort((a, b) => byText(triggerKey(a), triggerKey(b))),
    priorInspections: [...inputs.priorInspections]
      .map((p) => ({ ...p, officerIds: sorted(p.officerIds) ?? [] }))
      .sort((a, b) => byText(`${a.creditCode}|${a.department}|${a.date}|${a.officerIds}`, `${b.creditCode}|${b.department}|${b.date}|${b.officerIds}`)),
    officers: [...inputs.officers]
      .map((o) => ({ ...o, domains: sorted(o.domains) ?? [], conflicts: sorted(o.conflicts), absentDates: sorted(o.absentDates) }))
      .sort((a, b) => byText(a.id, b.id)),
    calendar: {
      holidays: sorted(inputs.calendar.holidays),
      makeUpWorkdays: sorted(inputs.calendar.makeUpWorkdays),
      workingDays: sorted(inputs.calendar.workingDays),
    },
  };
  // Through JSON and back: what runs is exactly what is stored (no undefined fields, no stray types).
  const text = canonicalJson(ordered);
  return { inputs: JSON.parse(text) as PlanningInputs, text };
}

/** Complaints by clue id and department, as before follow-ups; a follow-up by its inspection, department and enterprise. */
function triggerKey(t: TriggeredTask): string {
  return t.kind === 'follow-up' ? `${triggerRef(t)}|${t.department}|${t.creditCode}` : `${t.clueId}|${t.department}`;
}

/** JSON with object keys sorted at every level; undefined fields are left out, as JSON does. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  const entries = Object.keys(value as Record<string, unknown>)
    .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`);
  return `{${entries.join(',')}}`;
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
