/**
 * Plans one month for a generated city: ~10,000 tasks, 8 departments, 200 officers.
 * Run: node -r @swc-node/register libs/planner/bench/plan-bench.ts [enterprises] [officers]
 * Prints the plan figures, the checker's verdict, and a final JSON line with the timings.
 */
import { buildPlan, checkPlan, drawTasks, generateScenario, planFigures } from '../src';

const enterpriseCount = Number(process.argv[2] ?? 200_000);
const officerCount = Number(process.argv[3] ?? 200);
const window = { start: '2025-03-01', end: '2025-03-31' };

const scenario = generateScenario({ seed: 'bench', enterprises: enterpriseCount, officers: officerCount, window });
const t0 = process.hrtime.bigint();
const draw = drawTasks({
  seed: 'bench-2025-03',
  window,
  plans: scenario.plans,
  enterprises: scenario.enterprises,
  triggeredTasks: scenario.triggeredTasks,
  priorInspections: scenario.priorInspections,
  explorationShare: 0.1,
});
const t1 = process.hrtime.bigint();
const plan = buildPlan(draw, {
  enterprises: scenario.enterprises,
  officers: scenario.officers,
  calendar: scenario.calendar,
  priorInspections: scenario.priorInspections,
});
const t2 = process.hrtime.bigint();
const violations = checkPlan(plan, {
  draw,
  plans: scenario.plans,
  officers: scenario.officers,
  calendar: scenario.calendar,
  priorInspections: scenario.priorInspections,
});
const t3 = process.hrtime.bigint();
const figures = planFigures(plan, { draw, enterprises: scenario.enterprises, officers: scenario.officers });

const seconds = (a: bigint, b: bigint) => Number(b - a) / 1e9;
const unassignedByReason: Record<string, number> = {};
plan.unassigned.forEach((u) => (unassignedByReason[u.reason] = (unassignedByReason[u.reason] ?? 0) + 1));
console.log(
  JSON.stringify({ figures, unassignedByReason, violations: violations.length, firstViolations: violations.slice(0, 3).map((v) => v.message) }, null, 2),
);
console.log(
  JSON.stringify({
    bench: 'planner',
    enterprises: enterpriseCount,
    officers: officerCount,
    tasks: draw.tasks.length,
    visits: plan.visits.length,
    drawSeconds: seconds(t0, t1),
    planSeconds: seconds(t1, t2),
    checkSeconds: seconds(t2, t3),
    seconds: seconds(t0, t2),
  }),
);
