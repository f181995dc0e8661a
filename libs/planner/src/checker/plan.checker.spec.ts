import { drawTasks } from '../draw.util';
import { enterprise, officer, plan } from '../planner.fixture';
import { DrawResult, Plan, PriorInspection } from '../planner.model';
import { buildPlan } from '../schedule.util';
import { CheckInput, ViolationCode, checkPlan } from './plan.checker';

const WINDOW = { start: '2025-06-02', end: '2025-06-13' };
const enterprises = ['A', 'B', 'C'].map((c) => enterprise(c, 'red'));
const officers = [officer('o1', ['SAMR', 'FIRE']), officer('o2', ['SAMR']), officer('o3', ['FIRE']), officer('o4', ['ENV'], { dailyCapacity: 1 })];
const plans = [
  plan('SAMR', { annualRatios: { red: 50, yellow: 0, green: 0 }, annualCapPerEnterprise: 1 }),
  plan('FIRE', { annualRatios: { red: 50, yellow: 0, green: 0 } }),
];

function fixture(): { plan: Plan; draw: DrawResult; input: CheckInput } {
  const draw = drawTasks({ seed: 'check', window: WINDOW, plans, enterprises, explorationShare: 0 });
  const built = buildPlan(draw, { enterprises, officers, calendar: {} });
  return { plan: built, draw, input: { draw, plans, officers, calendar: {} } };
}

function codes(p: Plan, input: CheckInput): ViolationCode[] {
  return [...new Set(checkPlan(p, input).map((v) => v.code))].sort();
}

function withVisit(p: Plan, change: Partial<Plan['visits'][number]>): Plan {
  const [first, ...rest] = p.visits;
  return { ...p, visits: [{ ...first, ...change }, ...rest] };
}

describe('the independent plan checker', () => {
  it('finds nothing wrong with a sound plan', () => {
    const { plan: good, input } = fixture();
    expect(good.visits).toHaveLength(3);
    expect(checkPlan(good, input)).toEqual([]);
  });

  it('flags a certificate that has lapsed by the visit date, an officer off duty or absent', () => {
    const { plan: good, input } = fixture();
    const date = good.visits[0].date;
    const [o1, ...others] = officers;
    expect(codes(good, { ...input, officers: [{ ...o1, certValidUntil: '2025-06-01' }, ...others] })).toContain('certificate_invalid');
    expect(codes(good, { ...input, officers: [{ ...o1, onDuty: false }, ...others] })).toContain('officer_off_duty');
    expect(codes(good, { ...input, officers: [{ ...o1, absentDates: [date] }, ...others] })).toContain('officer_absent');
  });

  it('flags a lone officer and departments nobody on the team may check', () => {
    const { plan: good, input } = fixture();
    const lone = withVisit(good, { officerIds: ['o2'] });
    expect(codes(lone, input)).toEqual(expect.arrayContaining(['team_too_small', 'domain_uncovered', 'route_mismatch']));
    const envOnly = withVisit(good, { officerIds: ['o4', 'o2'] });
    const messages = checkPlan(envOnly, input)
      .filter((v) => v.code === 'domain_uncovered')
      .map((v) => v.message);
    expect(messages).toEqual([expect.stringContaining('FIRE')]);
  });

  it('flags an officer who may check none of the departments on the visit', () => {
    const { plan: good, input } = fixture();
    const v = good.visits.find((x) => x.departments.join() === 'FIRE,SAMR')!;
    const passenger = { ...good, visits: good.visits.map((x) => (x === v ? { ...x, officerIds: ['o1', 'o4'] } : x)) };
    const found = checkPlan(passenger, input).filter((x) => x.code === 'officer_without_competence');
    expect(found.map((x) => [x.visitId, x.officerId])).toEqual([[v.id, 'o4']]);
  });

  it('flags recusal: an inspection within the past 12 months, or a declared conflict', () => {
    const { plan: good, input } = fixture();
    const v = good.visits[0];
    const recent: PriorInspection = { creditCode: v.creditCode, department: 'SAMR', date: '2024-06-02', officerIds: [v.officerIds[0]] };
    expect(codes(good, { ...input, priorInspections: [{ ...recent, date: `2024-${v.date.slice(5)}` }] })).toContain('recusal_recent_inspection');
    expect(codes(good, { ...input, priorInspections: [{ ...recent, date: '2024-05-30' }] })).not.toContain('recusal_recent_inspection');
    const conflicted = officers.map((o) => (o.id === v.officerIds[1] ? { ...o, conflicts: [v.creditCode] } : o));
    expect(codes(good, { ...input, officers: conflicted })).toContain('recusal_declared_conflict');
  });

  it('flags an annual cap exceeded by prior visits this year', () => {
    const { plan: good, input } = fixture();
    const prior: PriorInspection = { creditCode: 'B', department: 'SAMR', date: '2025-02-10', officerIds: ['x'] };
    const violations = checkPlan(good, { ...input, priorInspections: [prior] });
    expect(violations.map((v) => v.code)).toEqual(['annual_cap_exceeded']);
    expect(violations[0].message).toContain('SAMR would inspect B 2 times in 2025');
  });

  it('flags a day over an officer daily capacity and a visit on a weekend', () => {
    const { plan: good, input } = fixture();
    const capped = officers.map((o) => ({ ...o, dailyCapacity: 1 }));
    expect(codes(good, { ...input, officers: capped })).toContain('daily_capacity_exceeded');
    expect(codes(withVisit(good, { date: '2025-06-07' }), input)).toEqual(expect.arrayContaining(['not_working_day']));
  });

  it('flags tasks dropped, duplicated or invented, and an enterprise visited twice', () => {
    const { plan: good, input } = fixture();
    const [first, second, ...rest] = good.visits;
    expect(codes({ ...good, visits: [second, ...rest] }, input)).toEqual(['task_missing']);
    const twice = { ...good, visits: [first, { ...first, id: 'visit:again' }, second, ...rest] };
    expect(codes(twice, input)).toEqual(expect.arrayContaining(['task_duplicated', 'repeat_visit']));
    expect(codes(withVisit(good, { taskIds: [...first.taskIds, 'ENV:A'] }), input)).toContain('task_unknown');
    expect(codes(withVisit(good, { checklist: first.checklist.slice(1) }), input)).toEqual(['checklist_incomplete']);
    expect(codes(withVisit(good, { taskIds: [] }), input)).toEqual(expect.arrayContaining(['visit_empty', 'task_missing']));
  });

  it('flags an exempt enterprise drawn at random, and unassigned tasks without a reason', () => {
    const { plan: good, input, draw } = fixture();
    const exemptPlans = input.plans.map((p) => (p.department === 'FIRE' ? { ...p, exemptions: ['C'] } : p));
    expect(codes(good, { ...input, plans: exemptPlans })).toEqual(['exempt_enterprise_drawn']);
    const unplaced = {
      ...good,
      visits: [],
      routes: [],
      unassigned: draw.tasks.map((t) => ({
        taskId: t.id,
        creditCode: t.creditCode,
        department: t.department,
        reason: 'no_eligible_team' as const,
        detail: '',
      })),
    };
    expect(codes(unplaced, input)).toEqual(['unassigned_without_reason']);
  });
});
