/**
 * Dispatch planning at city scale, through the same pure path the service runs (canonical inputs,
 * draw, plan, independent check, fingerprints): one month, 8 departments, 200 officers, ~10,000 tasks.
 * Run: node -r @swc-node/register tools/bench/dispatch-plan.bench.ts [enterprises=200000] [officers=200]
 * Prints one final JSON line: {bench:'dispatch-plan', tasks, visits, seconds, ...figures}.
 */
import { gzipSync } from 'node:zlib';
import { generateScenario } from '@tianping/planner';
import { canonicalInputs, runPlanning, sha256 } from '../../apps/dispatch/src/draw/planning.util';

const enterpriseCount = Number(process.argv[2] ?? 200_000);
const officerCount = Number(process.argv[3] ?? 200);
const window = { start: '2025-03-01', end: '2025-03-31' };
const scenario = generateScenario({ seed: 'bench', enterprises: enterpriseCount, officers: officerCount, window });

const t0 = process.hrtime.bigint();
const { inputs, text } = canonicalInputs({
  window,
  plans: scenario.plans,
  enterprises: scenario.enterprises,
  triggeredTasks: scenario.triggeredTasks,
  priorInspections: scenario.priorInspections,
  officers: scenario.officers,
  calendar: scenario.calendar,
  suspended: false,
  explorationShare: 0.1,
  maxTeamSize: 4,
});
const inputsFingerprint = sha256(text);
const stored = gzipSync(text);
const t1 = process.hrtime.bigint();
const run = runPlanning(inputs, 'bench-2025-03');
const t2 = process.hrtime.bigint();

const seconds = (a: bigint, b: bigint) => Number(b - a) / 1e9;
console.log(
  JSON.stringify({
    bench: 'dispatch-plan',
    enterprises: enterpriseCount,
    departments: new Set(inputs.plans.map((p) => p.department)).size,
    officers: officerCount,
    window,
    tasks: run.draw.tasks.length,
    violations: run.violations.length,
    inputsFingerprint,
    storedInputsBytes: stored.length,
    inputsSeconds: seconds(t0, t1),
    planSeconds: seconds(t1, t2),
    seconds: seconds(t0, t2),
    ...run.figures, // includes visits and unassignedByReason
  }),
);
