import {
  DepartmentPlan,
  DrawResult,
  InspectionTask,
  JointVisit,
  Officer,
  Plan,
  PriorInspection,
  TriggeredTask,
  WorkCalendar,
  isFollowUp,
  taskId,
} from '../planner.model';
import { isInWindow, isWithinPastYear, isWorkingDay } from './checker-calendar.util';

export interface CheckInput {
  draw: DrawResult;
  plans: DepartmentPlan[];
  officers: Officer[];
  calendar: WorkCalendar;
  priorInspections?: PriorInspection[];
  /** The draw's complaints and follow-ups: a follow-up's deadline is checked from here, not only from the task the draw made. */
  triggeredTasks?: TriggeredTask[];
}

export type ViolationCode =
  | 'task_missing'
  | 'task_duplicated'
  | 'task_unknown'
  | 'visit_empty'
  | 'visit_departments_mismatch'
  | 'checklist_incomplete'
  | 'outside_window'
  | 'before_rectification_deadline'
  | 'not_working_day'
  | 'team_too_small'
  | 'officer_unknown'
  | 'officer_off_duty'
  | 'officer_absent'
  | 'certificate_invalid'
  | 'domain_uncovered'
  | 'officer_without_competence'
  | 'recusal_recent_inspection'
  | 'recusal_declared_conflict'
  | 'daily_capacity_exceeded'
  | 'annual_cap_exceeded'
  | 'exempt_enterprise_drawn'
  | 'repeat_visit'
  | 'route_mismatch'
  | 'unassigned_without_reason';

export interface Violation {
  code: ViolationCode;
  message: string;
  visitId?: string;
  officerId?: string;
  creditCode?: string;
  taskId?: string;
}

/**
 * Verifies a plan against its inputs, independently of how the planner built it. Returns every
 * violation found (empty when the plan is sound). Officers are named by certificate number only.
 */
export function checkPlan(plan: Plan, input: CheckInput): Violation[] {
  const index = indexInput(input);
  return [
    ...checkTaskCoverage(plan, input),
    ...plan.visits.flatMap((visit) => checkVisit(visit, plan, input, index)),
    ...checkDailyCapacity(plan, input),
    ...checkAnnualCaps(plan, input),
    ...checkRepeatVisits(plan, index),
    ...checkRoutes(plan),
  ];
}

interface CheckIndex {
  tasks: Map<string, InspectionTask>;
  /** Per task id (`department:creditCode`), the latest first re-inspection day (the day after a deadline) it must wait for. */
  notBefore: Map<string, string>;
  officers: Map<string, Officer>;
  priorByEnterprise: Map<string, PriorInspection[]>;
}

function indexInput(input: CheckInput): CheckIndex {
  const priorByEnterprise = new Map<string, PriorInspection[]>();
  for (const p of input.priorInspections ?? []) priorByEnterprise.set(p.creditCode, [...(priorByEnterprise.get(p.creditCode) ?? []), p]);
  const notBefore = new Map<string, string>();
  const wait = (id: string, day: string | undefined) => {
    if (day && day > (notBefore.get(id) ?? '')) notBefore.set(id, day);
  };
  input.draw.tasks.forEach((t) => wait(t.id, t.notBefore));
  // A follow-up binds the task that lists it (a task of its own when a complaint could not wait), else its department's.
  const holder = new Map(input.draw.tasks.flatMap((t) => (t.followUps ?? []).map((ref) => [`${t.department}|${t.creditCode}|${ref}`, t.id] as const)));
  for (const t of input.triggeredTasks ?? []) {
    if (isFollowUp(t)) wait(holder.get(`${t.department}|${t.creditCode}|${t.inspectionRef}`) ?? taskId(t.department, t.creditCode), t.notBefore);
  }
  return {
    tasks: new Map(input.draw.tasks.map((t) => [t.id, t])),
    notBefore,
    officers: new Map(input.officers.map((o) => [o.id, o])),
    priorByEnterprise,
  };
}

function checkTaskCoverage(plan: Plan, input: CheckInput): Violation[] {
  const out: Violation[] = [];
  const seen = new Map<string, number>();
  const note = (id: string) => seen.set(id, (seen.get(id) ?? 0) + 1);
  plan.visits.forEach((v) => v.taskIds.forEach(note));
  plan.unassigned.forEach((u) => {
    note(u.taskId);
    if (!u.reason || !u.detail) out.push({ code: 'unassigned_without_reason', taskId: u.taskId, message: `Task ${u.taskId} is unassigned without a reason.` });
  });
  const drawn = new Set(input.draw.tasks.map((t) => t.id));
  for (const id of drawn) {
    const times = seen.get(id) ?? 0;
    if (times === 0) out.push({ code: 'task_missing', taskId: id, message: `Drawn task ${id} is neither in a visit nor reported unassigned.` });
    if (times > 1) out.push({ code: 'task_duplicated', taskId: id, message: `Drawn task ${id} appears ${times} times in the plan.` });
  }
  for (const id of seen.keys()) {
    if (!drawn.has(id)) out.push({ code: 'task_unknown', taskId: id, message: `Plan holds task ${id}, which the draw does not.` });
  }
  const exempt = new Map(input.plans.map((p) => [p.department, new Set(p.exemptions ?? [])]));
  for (const task of input.draw.tasks) {
    if (!isTriggered(task) && exempt.get(task.department)?.has(task.creditCode)) {
      out.push({
        code: 'exempt_enterprise_drawn',
        taskId: task.id,
        creditCode: task.creditCode,
        message: `Task ${task.id} was drawn although the enterprise is exempt for ${task.department}.`,
      });
    }
  }
  return out;
}

function checkVisit(visit: JointVisit, plan: Plan, input: CheckInput, index: CheckIndex): Violation[] {
  const out: Violation[] = [];
  const at = { visitId: visit.id, creditCode: visit.creditCode };
  const tasks = visit.taskIds.flatMap((id) => index.tasks.get(id) ?? []);
  if (tasks.length === 0) out.push({ ...at, code: 'visit_empty', message: `Visit ${visit.id} carries no drawn task: a needless visit.` });
  const wanted = [...new Set(tasks.map((t) => t.department))].sort().join(',');
  if (wanted !== [...visit.departments].sort().join(',') || tasks.some((t) => t.creditCode !== visit.creditCode)) {
    out.push({
      ...at,
      code: 'visit_departments_mismatch',
      message: `Visit ${visit.id} lists departments [${visit.departments}] but its tasks need [${wanted}] at this enterprise.`,
    });
  }
  const listed = new Set(visit.checklist.map((c) => `${c.department}|${c.item}`));
  for (const t of tasks) {
    const missing = t.items.filter((i) => !listed.has(`${t.department}|${i}`));
    if (missing.length > 0)
      out.push({ ...at, code: 'checklist_incomplete', taskId: t.id, message: `Visit ${visit.id} checklist lacks ${missing.join(', ')} for ${t.department}.` });
  }
  if (!isInWindow(visit.date, plan.window))
    out.push({ ...at, code: 'outside_window', message: `Visit ${visit.id} on ${visit.date} is outside ${plan.window.start}..${plan.window.end}.` });
  for (const id of visit.taskIds) {
    const deadline = index.notBefore.get(id);
    if (deadline && visit.date < deadline)
      out.push({
        ...at,
        code: 'before_rectification_deadline',
        taskId: id,
        message: `Visit ${visit.id} on ${visit.date} re-inspects ${id} before ${deadline}, the day after its rectification deadline.`,
      });
  }
  if (!isWorkingDay(visit.date, input.calendar))
    out.push({ ...at, code: 'not_working_day', message: `Visit ${visit.id} falls on ${visit.date}, not a working day.` });
  return [...out, ...checkTeam(visit, index)];
}

function checkTeam(visit: JointVisit, index: CheckIndex): Violation[] {
  const out: Violation[] = [];
  const ids = [...new Set(visit.officerIds)];
  if (ids.length < 2)
    out.push({ visitId: visit.id, code: 'team_too_small', message: `Visit ${visit.id} has ${ids.length} officer(s); at least two are required.` });
  const officers = index.officers;
  const covered = new Set<string>();
  for (const id of ids) {
    const o = officers.get(id);
    const at = { visitId: visit.id, officerId: id, creditCode: visit.creditCode };
    if (!o) {
      out.push({ ...at, code: 'officer_unknown', message: `Visit ${visit.id} names officer ${id}, who is not in the register.` });
      continue;
    }
    o.domains.forEach((d) => covered.add(d));
    if (!visit.departments.some((d) => o.domains.includes(d)))
      out.push({
        ...at,
        code: 'officer_without_competence',
        message: `Officer ${id} may check none of ${visit.departments.join(', ')} and cannot be one of the officers on visit ${visit.id}.`,
      });
    if (!o.onDuty) out.push({ ...at, code: 'officer_off_duty', message: `Officer ${id} on visit ${visit.id} is not on duty.` });
    if ((o.absentDates ?? []).includes(visit.date))
      out.push({ ...at, code: 'officer_absent', message: `Officer ${id} is absent on ${visit.date} (visit ${visit.id}).` });
    if (!(o.certValidUntil >= visit.date))
      out.push({
        ...at,
        code: 'certificate_invalid',
        message: `Officer ${id}'s certificate (valid until ${o.certValidUntil}) is not valid on ${visit.date} (visit ${visit.id}).`,
      });
    if ((o.conflicts ?? []).includes(visit.creditCode))
      out.push({
        ...at,
        code: 'recusal_declared_conflict',
        message: `Officer ${id} declared a conflict with ${visit.creditCode} yet is on visit ${visit.id}.`,
      });
    const recent = (index.priorByEnterprise.get(visit.creditCode) ?? []).find((p) => p.officerIds.includes(id) && isWithinPastYear(p.date, visit.date));
    if (recent)
      out.push({
        ...at,
        code: 'recusal_recent_inspection',
        message: `Officer ${id} inspected ${visit.creditCode} on ${recent.date}, within 12 months of visit ${visit.id} on ${visit.date}.`,
      });
  }
  const uncovered = visit.departments.filter((d) => !covered.has(d));
  if (uncovered.length > 0)
    out.push({ visitId: visit.id, code: 'domain_uncovered', message: `No officer on visit ${visit.id} may check ${uncovered.join(', ')}.` });
  return out;
}

function checkDailyCapacity(plan: Plan, input: CheckInput): Violation[] {
  const load = new Map<string, number>();
  for (const v of plan.visits) {
    for (const id of new Set(v.officerIds)) load.set(`${id}|${v.date}`, (load.get(`${id}|${v.date}`) ?? 0) + 1);
  }
  const capacity = new Map(input.officers.map((o) => [o.id, o.dailyCapacity]));
  const out: Violation[] = [];
  for (const [key, visits] of load) {
    const [id, date] = key.split('|');
    const limit = capacity.get(id);
    if (limit !== undefined && visits > limit)
      out.push({ code: 'daily_capacity_exceeded', officerId: id, message: `Officer ${id} has ${visits} visits on ${date}; daily capacity is ${limit}.` });
  }
  return out;
}

/** Complaint-only and follow-up-only tasks are outside the cap: a verified complaint, or an order to rectify, is always inspected. */
function checkAnnualCaps(plan: Plan, input: CheckInput): Violation[] {
  const caps = new Map(input.plans.map((p) => [p.department, p.annualCapPerEnterprise]));
  const tasks = new Map(input.draw.tasks.map((t) => [t.id, t]));
  const count = new Map<string, number>();
  const bump = (key: string) => count.set(key, (count.get(key) ?? 0) + 1);
  for (const p of input.priorInspections ?? []) {
    if (p.date < plan.window.start) bump(`${p.department}|${p.creditCode}|${p.date.slice(0, 4)}`);
  }
  const out: Violation[] = [];
  const capped: string[] = [];
  for (const v of plan.visits) {
    for (const id of v.taskIds) {
      const t = tasks.get(id);
      if (!t || t.reason === 'complaint' || t.reason === 'follow-up') continue;
      const key = `${t.department}|${t.creditCode}|${v.date.slice(0, 4)}`;
      bump(key);
      capped.push(key);
    }
  }
  for (const key of new Set(capped)) {
    const [department, creditCode, year] = key.split('|');
    const cap = caps.get(department);
    const visits = count.get(key) ?? 0;
    if (cap !== undefined && visits > cap)
      out.push({
        code: 'annual_cap_exceeded',
        creditCode,
        message: `${department} would inspect ${creditCode} ${visits} times in ${year}; the annual cap is ${cap}.`,
      });
  }
  return out;
}

/**
 * One visit per enterprise (inspect once), unless its tasks cannot share a day: a complaint due before a
 * re-inspection's deadline. Then no more visits than the fewest days that meet every task's range.
 */
function checkRepeatVisits(plan: Plan, index: CheckIndex): Violation[] {
  const byEnterprise = new Map<string, JointVisit[]>();
  plan.visits.forEach((v) => byEnterprise.set(v.creditCode, [...(byEnterprise.get(v.creditCode) ?? []), v]));
  const out: Violation[] = [];
  for (const [creditCode, visits] of byEnterprise) {
    if (visits.length < 2) continue;
    // Counted from the window's first day: a deadline already passed allows any day, an overdue complaint is due at once.
    const start = plan.window.start;
    const atLeastStart = (day: string) => (day > start ? day : start);
    const ranges = visits
      .flatMap((v) => v.taskIds)
      .map((id) => ({ from: atLeastStart(index.notBefore.get(id) ?? ''), to: atLeastStart(index.tasks.get(id)?.dueBy ?? '9999-12-31') }));
    const needed = fewestDays(ranges);
    const ids = visits.map((v) => v.id);
    if (visits.length > needed)
      out.push({
        code: 'repeat_visit',
        creditCode,
        message: `Enterprise ${creditCode} is visited ${visits.length} times in the window (${ids.join(', ')}); its checks need ${needed} joint visit(s).`,
      });
    out.push(...checkSameOfficers(visits));
  }
  return out;
}

/** The fewest days such that every range holds one of them: pick the earliest end, drop the ranges it meets, repeat. */
function fewestDays(ranges: { from: string; to: string }[]): number {
  let days = 0;
  let rest = [...ranges].sort((a, b) => a.to.localeCompare(b.to));
  while (rest.length > 0) {
    const day = rest[0].to;
    rest = rest.slice(1).filter((r) => r.from > day);
    days++;
  }
  return days;
}

/** An enterprise's later visit in the window recuses the officers of an earlier one, as a past inspection would. */
function checkSameOfficers(visits: JointVisit[]): Violation[] {
  const out: Violation[] = [];
  const ordered = [...visits].sort((a, b) => a.date.localeCompare(b.date));
  ordered.forEach((later, i) => {
    for (const earlier of ordered.slice(0, i)) {
      if (earlier.date === later.date) continue;
      for (const id of later.officerIds.filter((o) => earlier.officerIds.includes(o)))
        out.push({
          code: 'recusal_recent_inspection',
          visitId: later.id,
          officerId: id,
          creditCode: later.creditCode,
          message: `Officer ${id} inspects ${later.creditCode} on ${earlier.date} (visit ${earlier.id}) and again on ${later.date} (visit ${later.id}).`,
        });
    }
  });
  return out;
}

function checkRoutes(plan: Plan): Violation[] {
  const routes = new Map(plan.routes.map((r) => [r.id, r]));
  const out: Violation[] = [];
  for (const v of plan.visits) {
    const r = routes.get(v.routeId);
    const sameTeam = r && [...r.officerIds].sort().join(',') === [...v.officerIds].sort().join(',');
    if (!r || r.date !== v.date || !sameTeam || r.visitIds[v.routeOrder] !== v.id) {
      out.push({ code: 'route_mismatch', visitId: v.id, message: `Visit ${v.id} does not match its route ${v.routeId} (date, team or position).` });
    }
  }
  return out;
}

/** Raised by a complaint or an order to rectify rather than drawn: exemptions do not apply. */
function isTriggered(task: InspectionTask): boolean {
  return task.clueIds.length > 0 || (task.followUps ?? []).length > 0;
}
