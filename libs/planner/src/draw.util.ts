import { Prng, hashSeed } from '@tianping/common';
import { orderByNumber, permanentRandomNumber, randomRound, takeSmallest } from './coordinated-sample.util';
import { dayNumber, windowLength } from './date.util';
import {
  DepartmentPlan,
  DrawInput,
  DrawResult,
  Enterprise,
  InspectionTask,
  RISK_COLOURS,
  RiskColour,
  StratumDraw,
  TaskReason,
  TriggeredTask,
  isFollowUp,
  followUpTaskId,
  taskId,
  triggerRef,
} from './planner.model';

const DEFAULT_EXPLORATION_SHARE = 0.1;

/** Random numbers and their orders, computed once per stream and shared by coordinated departments. */
interface NumberStream {
  order: Int32Array;
}

interface DrawContext {
  input: DrawInput;
  enterprises: Enterprise[];
  yearFraction: number;
  priorThisYear: Map<string, Map<string, number>>;
  indexOf: Map<string, number>;
  departmentBit: Map<string, number>;
  supervisedBy: Uint32Array;
  colourIndex: Uint8Array;
  shared: { risk: NumberStream; exploration: NumberStream };
  suspended: boolean;
  explorationShare: number;
}

/**
 * The double-random draw (双随机抽取): per department, enterprises stratified by colour (or not at all
 * when the model is suspended), sampled on permanent random numbers so that departments coincide.
 * Anyone holding the seed and the inputs re-draws exactly the same tasks: input order does not matter.
 */
export function drawTasks(input: DrawInput): DrawResult {
  validateDrawInput(input);
  const enterprises = uniqueSorted(input.enterprises);
  const suspended = input.suspended ?? false;
  const explorationShare = suspended ? 0 : (input.explorationShare ?? DEFAULT_EXPLORATION_SHARE);
  const year = input.window.start.slice(0, 4);
  const context: DrawContext = {
    input,
    enterprises,
    yearFraction: windowLength(input.window) / daysInYear(Number(year)),
    priorThisYear: countPriorInYear(input, year),
    indexOf: new Map(enterprises.map((e, i) => [e.creditCode, i])),
    ...supervisionMasks(input.plans, enterprises),
    colourIndex: Uint8Array.from(enterprises, (e) => RISK_COLOURS.indexOf(e.colour)),
    shared: { risk: numberStream(input.seed, 'risk', enterprises), exploration: numberStream(input.seed, 'exploration', enterprises) },
    suspended,
    explorationShare,
  };
  const tasks = new Map<string, InspectionTask>();
  const strata: StratumDraw[] = [];
  for (const plan of [...input.plans].sort((a, b) => a.department.localeCompare(b.department))) {
    drawDepartment(context, plan, tasks, strata);
  }
  addTriggeredTasks(context, tasks);
  return {
    seed: input.seed,
    window: { ...input.window },
    suspended,
    explorationShare,
    tasks: [...tasks.values()].sort((a, b) => a.id.localeCompare(b.id)),
    strata,
  };
}

/** One department's sampling frame: who is supervised and not exempt, and who is also under the annual cap. */
interface Frame {
  inFrame: Uint8Array;
  eligible: Uint8Array;
  frameSize: Record<RiskColour, number>;
  eligibleSize: Record<RiskColour, number>;
}

function buildFrame(context: DrawContext, plan: DepartmentPlan): Frame {
  const n = context.enterprises.length;
  const exempt = new Uint8Array(n);
  for (const code of plan.exemptions ?? []) {
    const i = context.indexOf.get(code);
    if (i !== undefined) exempt[i] = 1;
  }
  // A cap of zero (allowed: a department that runs no random checks this year) caps everyone,
  // including enterprises with no inspection this year, which the loop below never sees.
  const capped = new Uint8Array(n).fill(plan.annualCapPerEnterprise <= 0 ? 1 : 0);
  for (const [code, visits] of context.priorThisYear.get(plan.department) ?? []) {
    const i = context.indexOf.get(code);
    if (i !== undefined && visits >= plan.annualCapPerEnterprise) capped[i] = 1;
  }
  const frame: Frame = {
    inFrame: new Uint8Array(n),
    eligible: new Uint8Array(n),
    frameSize: { red: 0, yellow: 0, green: 0 },
    eligibleSize: { red: 0, yellow: 0, green: 0 },
  };
  const bit = context.departmentBit.get(plan.department) ?? 0;
  const frameSize = [0, 0, 0];
  const eligibleSize = [0, 0, 0];
  for (let i = 0; i < n; i++) {
    if ((context.supervisedBy[i] & bit) === 0 || exempt[i]) continue;
    frame.inFrame[i] = 1;
    frameSize[context.colourIndex[i]]++;
    if (capped[i]) continue;
    frame.eligible[i] = 1;
    eligibleSize[context.colourIndex[i]]++;
  }
  RISK_COLOURS.forEach((colour, k) => {
    frame.frameSize[colour] = frameSize[k];
    frame.eligibleSize[colour] = eligibleSize[k];
  });
  return frame;
}

/** Departments as bits, so that each department's frame is one pass over a typed array. */
function supervisionMasks(plans: DepartmentPlan[], enterprises: Enterprise[]): { departmentBit: Map<string, number>; supervisedBy: Uint32Array } {
  if (plans.length > 32) throw new Error('At most 32 departments can be planned together.');
  const departmentBit = new Map(plans.map((p, k) => [p.department, (1 << k) >>> 0]));
  const all = plans.reduce((m, p) => (m | (departmentBit.get(p.department) ?? 0)) >>> 0, 0);
  const supervisedBy = Uint32Array.from(enterprises, (e) => (e.departments ? e.departments.reduce((m, d) => (m | (departmentBit.get(d) ?? 0)) >>> 0, 0) : all));
  return { departmentBit, supervisedBy };
}

function drawDepartment(context: DrawContext, plan: DepartmentPlan, tasks: Map<string, InspectionTask>, strata: StratumDraw[]): void {
  const { enterprises, input } = context;
  const frame = buildFrame(context, plan);
  const { eligible } = frame;
  const streams =
    plan.coordinated === false
      ? {
          risk: numberStream(input.seed, `risk:${plan.department}`, enterprises),
          exploration: numberStream(input.seed, `exploration:${plan.department}`, enterprises),
        }
      : context.shared;
  const rounding = new Prng(hashSeed(`${input.seed}|round|${plan.department}`));
  const add = (index: number, reason: TaskReason) => {
    const e = enterprises[index];
    tasks.set(taskId(plan.department, e.creditCode), {
      id: taskId(plan.department, e.creditCode),
      department: plan.department,
      creditCode: e.creditCode,
      reason,
      colour: context.suspended ? null : e.colour,
      items: [...plan.checklist],
      clueIds: [],
    });
  };

  if (context.suspended) {
    const frameSize = sum(frame.frameSize);
    const eligibleSize = sum(frame.eligibleSize);
    const target = Math.min(eligibleSize, randomRound(Math.min(1, plan.uniformAnnualRatio * context.yearFraction) * frameSize, rounding));
    takeSmallest(streams.risk.order, (i) => eligible[i] === 1, target).forEach((i) => add(i, 'random'));
    strata.push({ department: plan.department, stratum: 'all', frameSize, eligible: eligibleSize, target, risk: 0, exploration: 0 });
    return;
  }

  const targets = new Map<RiskColour, number>();
  for (const colour of RISK_COLOURS) {
    const share = Math.min(1, plan.annualRatios[colour] * context.yearFraction);
    targets.set(colour, Math.min(frame.eligibleSize[colour], randomRound(share * frame.frameSize[colour], rounding)));
  }
  const total = [...targets.values()].reduce((a, b) => a + b, 0);
  // Exploration first, uniform over the whole frame, so it stays a colour-blind sample; risk tops each colour up to its target.
  const explored = new Set(takeSmallest(streams.exploration.order, (i) => eligible[i] === 1, randomRound(context.explorationShare * total, rounding)));
  explored.forEach((i) => add(i, 'exploration'));
  for (const colour of RISK_COLOURS) {
    const inColour = (i: number) => eligible[i] === 1 && enterprises[i].colour === colour;
    const exploredHere = [...explored].filter(inColour).length;
    const target = targets.get(colour) ?? 0;
    const picked = takeSmallest(streams.risk.order, (i) => inColour(i) && !explored.has(i), Math.max(0, target - exploredHere));
    picked.forEach((i) => add(i, 'risk'));
    strata.push({
      department: plan.department,
      stratum: colour,
      frameSize: frame.frameSize[colour],
      eligible: frame.eligibleSize[colour],
      target,
      risk: picked.length,
      exploration: exploredHere,
    });
  }
}

/**
 * Complaint and follow-up tasks join the drawn ones; a drawn task that also has one keeps its draw reason
 * (so exploration stays unbiased). Complaints come first, so a task raised by both is a complaint's.
 */
function addTriggeredTasks(context: DrawContext, tasks: Map<string, InspectionTask>): void {
  const { input, suspended } = context;
  const colourOf = (code: string) => {
    const i = context.indexOf.get(code);
    return i === undefined ? null : context.enterprises[i].colour;
  };
  const checklistOf = new Map(input.plans.map((p) => [p.department, p.checklist]));
  const triggered = [...(input.triggeredTasks ?? [])].sort(byTrigger);
  for (const trigger of triggered) {
    const id = triggeredTaskId(trigger, tasks, input.window.start);
    const task = tasks.get(id) ?? {
      id,
      department: trigger.department,
      creditCode: trigger.creditCode,
      reason: isFollowUp(trigger) ? ('follow-up' as const) : ('complaint' as const),
      colour: suspended ? null : colourOf(trigger.creditCode),
      items: [...(checklistOf.get(trigger.department) ?? [])],
      clueIds: [],
    };
    if (isFollowUp(trigger)) {
      task.followUps = [...(task.followUps ?? []), trigger.inspectionRef];
      // A re-inspection before any of its deadlines would prove nothing for that one: the latest deadline wins.
      if (!task.notBefore || trigger.notBefore > task.notBefore) task.notBefore = trigger.notBefore;
    } else {
      task.clueIds.push(trigger.clueId);
    }
    task.items = [...new Set([...task.items, ...(trigger.items ?? [])])].sort();
    if (trigger.dueBy && (!task.dueBy || trigger.dueBy < task.dueBy)) task.dueBy = trigger.dueBy;
    tasks.set(id, task);
  }
}

/**
 * The task a trigger joins: its department's at the enterprise, unless it is a re-inspection whose deadline
 * comes after that task is due (a complaint's due day): waiting for the deadline would leave the complaint
 * late, so the re-inspection is a task of its own and the enterprise gets two visits.
 */
function triggeredTaskId(trigger: TriggeredTask, tasks: Map<string, InspectionTask>, windowStart: string): string {
  const id = taskId(trigger.department, trigger.creditCode);
  const dueBy = tasks.get(id)?.dueBy;
  // A deadline on or before the window's first day holds nothing back.
  const waits = isFollowUp(trigger) && trigger.notBefore > windowStart && dueBy !== undefined && dueBy < trigger.notBefore;
  return waits ? followUpTaskId(trigger.department, trigger.creditCode) : id;
}

/** Complaints by clue id (as draws before follow-ups had them), then follow-ups by inspection. */
function byTrigger(a: TriggeredTask, b: TriggeredTask): number {
  return (
    Number(isFollowUp(a)) - Number(isFollowUp(b)) ||
    triggerRef(a).localeCompare(triggerRef(b)) ||
    a.department.localeCompare(b.department) ||
    a.creditCode.localeCompare(b.creditCode)
  );
}

function numberStream(seed: string, stream: string, enterprises: Enterprise[]): NumberStream {
  const numbers = Float64Array.from(enterprises, (e) => permanentRandomNumber(seed, stream, e.creditCode));
  return { order: orderByNumber(numbers) };
}

/** Past inspections this calendar year, per department and enterprise, for the annual cap. */
function countPriorInYear(input: DrawInput, year: string): Map<string, Map<string, number>> {
  const counts = new Map<string, Map<string, number>>();
  for (const prior of input.priorInspections ?? []) {
    if (!prior.date.startsWith(year) || prior.date >= input.window.start) continue;
    const byEnterprise = counts.get(prior.department) ?? new Map<string, number>();
    byEnterprise.set(prior.creditCode, (byEnterprise.get(prior.creditCode) ?? 0) + 1);
    counts.set(prior.department, byEnterprise);
  }
  return counts;
}

function uniqueSorted(enterprises: Enterprise[]): Enterprise[] {
  const byCode = new Map(enterprises.map((e) => [e.creditCode, e]));
  // The default sort compares UTF-16 code units natively: the same order everywhere, and fast.
  return [...byCode.keys()].sort().map((code) => byCode.get(code) as Enterprise);
}

function daysInYear(year: number): number {
  return dayNumber(`${year + 1}-01-01`) - dayNumber(`${year}-01-01`);
}

function sum(counts: Record<RiskColour, number>): number {
  return counts.red + counts.yellow + counts.green;
}

function validateDrawInput(input: DrawInput): void {
  if (!input.seed) throw new Error('A draw needs a seed so that it can be re-drawn.');
  if (input.window.end < input.window.start) throw new Error('The planning window ends before it starts.');
  const share = input.explorationShare ?? DEFAULT_EXPLORATION_SHARE;
  if (!(share >= 0 && share <= 1)) throw new Error('explorationShare must lie in [0, 1].');
  const seen = new Set<string>();
  for (const plan of input.plans) {
    if (seen.has(plan.department)) throw new Error(`Department ${plan.department} has two plans for the window.`);
    seen.add(plan.department);
    const ratios = [...RISK_COLOURS.map((c) => plan.annualRatios[c]), plan.uniformAnnualRatio];
    if (ratios.some((r) => !(r >= 0))) throw new Error(`Department ${plan.department} has a negative or missing ratio.`);
  }
}
