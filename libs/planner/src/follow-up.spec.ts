import { checkPlan } from './checker/plan.checker';
import { drawTasks } from './draw.util';
import { enterprise, officer, plan } from './planner.fixture';
import { DrawInput, FollowUpTrigger, PlanInput, TriggeredTask } from './planner.model';
import { buildPlan } from './schedule.util';
import { dayNumber, isoFromDayNumber } from './date.util';

// Two working weeks: 2025-03-03 (Mon) to 2025-03-14 (Fri).
const WINDOW = { start: '2025-03-01', end: '2025-03-16' };

/** A re-inspection allowed from `notBefore`, the day after its deadline (dispatch's rule: the deadline day is the enterprise's). */
function followUp(creditCode: string, department: string, notBefore: string, overrides: Partial<FollowUpTrigger> = {}): FollowUpTrigger {
  const rectifyBy = isoFromDayNumber(dayNumber(notBefore) - 1);
  return {
    kind: 'follow-up',
    creditCode,
    department,
    inspectionRef: `TP-2025-0000${creditCode}`,
    inspectedOn: '2025-02-10',
    rectifyBy,
    notBefore,
    ...overrides,
  };
}

function drawInput(overrides: Partial<DrawInput> = {}): DrawInput {
  return {
    seed: 'follow-up',
    window: WINDOW,
    // Nothing drawn at random: only what the triggers raise.
    plans: [plan('SAMR', { annualRatios: { red: 0, yellow: 0, green: 0 } }), plan('FIRE', { annualRatios: { red: 0, yellow: 0, green: 0 } })],
    enterprises: ['A', 'B', 'C'].map((c) => enterprise(c, 'green')),
    explorationShare: 0,
    ...overrides,
  };
}

const PLAN_INPUT: PlanInput = {
  enterprises: ['A', 'B', 'C'].map((c) => enterprise(c, 'green')),
  officers: [officer('o1', ['SAMR', 'FIRE']), officer('o2', ['SAMR', 'FIRE']), officer('o3', ['SAMR', 'FIRE']), officer('o4', ['SAMR', 'FIRE'])],
  calendar: {},
};

function run(overrides: Partial<DrawInput>) {
  const input = drawInput(overrides);
  const draw = drawTasks(input);
  const plan = buildPlan(draw, PLAN_INPUT);
  const violations = checkPlan(plan, { draw, plans: input.plans, officers: PLAN_INPUT.officers, calendar: {}, triggeredTasks: input.triggeredTasks });
  return { draw, plan, violations };
}

describe('follow-up inspections (整改复查)', () => {
  it('raise a follow-up task that waits for the deadline and is due some days after it', () => {
    const { draw } = run({ triggeredTasks: [followUp('A', 'SAMR', '2025-03-10', { dueBy: '2025-03-25' })] });
    expect(draw.tasks).toEqual([
      expect.objectContaining({
        id: 'SAMR:A',
        reason: 'follow-up',
        clueIds: [],
        followUps: ['TP-2025-0000A'],
        notBefore: '2025-03-10',
        dueBy: '2025-03-25',
      }),
    ]);
  });

  it('are placed on the first working day on or after the deadline, never before, and the plan passes the checker', () => {
    const { plan, violations } = run({ triggeredTasks: [followUp('A', 'SAMR', '2025-03-12', { dueBy: '2025-03-27' })] });
    expect(plan.visits.map((v) => [v.creditCode, v.date])).toEqual([['A', '2025-03-12']]);
    expect(violations).toEqual([]);
  });

  it("bundle with another department's check at the enterprise (inspect once) when it can wait for the deadline", () => {
    const { plan, violations } = run({
      triggeredTasks: [followUp('A', 'SAMR', '2025-03-11'), { creditCode: 'A', department: 'FIRE', clueId: 'clue-1', dueBy: '2025-03-13' }],
    });
    expect(plan.visits).toHaveLength(1);
    expect(plan.visits[0]).toMatchObject({ creditCode: 'A', date: '2025-03-11', departments: ['FIRE', 'SAMR'], taskIds: ['FIRE:A', 'SAMR:A'] });
    expect(violations).toEqual([]);
  });

  it('do not hold back a complaint due before the deadline: the complaint goes first, the re-inspection after, with other officers', () => {
    const { plan, violations } = run({
      triggeredTasks: [followUp('A', 'SAMR', '2025-03-11'), { creditCode: 'A', department: 'FIRE', clueId: 'clue-1', dueBy: '2025-03-05' }],
    });
    expect(plan.visits.map((v) => [v.id, v.departments, v.taskIds])).toEqual([
      ['visit:A', ['FIRE'], ['FIRE:A']],
      ['visit:A#2', ['SAMR'], ['SAMR:A']],
    ]);
    const [complaint, reInspection] = plan.visits;
    expect(complaint.date <= '2025-03-05').toBe(true);
    expect(reInspection.date >= '2025-03-11').toBe(true);
    expect(reInspection.officerIds.filter((o) => complaint.officerIds.includes(o))).toEqual([]);
    expect(violations).toEqual([]);
  });

  it('join the complaint again when no team can go before the deadline: one visit does both', () => {
    const away = ['2025-03-03', '2025-03-04', '2025-03-05', '2025-03-06', '2025-03-07', '2025-03-10'];
    const input = drawInput({
      triggeredTasks: [followUp('A', 'SAMR', '2025-03-11'), { creditCode: 'A', department: 'FIRE', clueId: 'clue-1', dueBy: '2025-03-05' }],
    });
    const draw = drawTasks(input);
    const officers = PLAN_INPUT.officers.map((o) => ({ ...o, absentDates: away }));
    const plan = buildPlan(draw, { ...PLAN_INPUT, officers });
    expect(plan.visits.map((v) => [v.id, v.date, v.taskIds])).toEqual([['visit:A', '2025-03-11', ['FIRE:A', 'SAMR:A']]]);
    expect(checkPlan(plan, { draw, plans: input.plans, officers, calendar: {}, triggeredTasks: input.triggeredTasks })).toEqual([]);
  });

  it("split from their own department's complaint when it is due before the deadline", () => {
    const { draw, plan, violations } = run({
      triggeredTasks: [followUp('A', 'SAMR', '2025-03-11'), { creditCode: 'A', department: 'SAMR', clueId: 'clue-1', dueBy: '2025-03-05' }],
    });
    expect(draw.tasks).toEqual([
      expect.objectContaining({ id: 'SAMR:A', reason: 'complaint', clueIds: ['clue-1'], dueBy: '2025-03-05' }),
      expect.objectContaining({ id: 'SAMR:A:follow-up', reason: 'follow-up', clueIds: [], followUps: ['TP-2025-0000A'], notBefore: '2025-03-11' }),
    ]);
    expect(draw.tasks[0].notBefore).toBeUndefined();
    expect(plan.visits.map((v) => [v.taskIds, v.date <= '2025-03-05', v.date >= '2025-03-11'])).toEqual([
      [['SAMR:A'], true, false],
      [['SAMR:A:follow-up'], false, true],
    ]);
    expect(violations).toEqual([]);
  });

  it('keep one visit when the deadline has passed by the window, even beside a complaint already overdue', () => {
    const { draw, plan, violations } = run({
      triggeredTasks: [
        followUp('A', 'SAMR', '2025-02-20'),
        { creditCode: 'A', department: 'FIRE', clueId: 'clue-1', dueBy: '2025-02-10' },
        { creditCode: 'A', department: 'SAMR', clueId: 'clue-2', dueBy: '2025-02-12' },
      ],
    });
    expect(draw.tasks.map((t) => t.id)).toEqual(['FIRE:A', 'SAMR:A']);
    expect(plan.visits.map((v) => [v.id, v.date, v.taskIds])).toEqual([['visit:A', '2025-03-03', ['FIRE:A', 'SAMR:A']]]);
    expect(violations).toEqual([]);
  });

  it('make the checker refuse a second visit where one day suited every task, and the same officers on both', () => {
    const triggeredTasks: TriggeredTask[] = [
      followUp('A', 'SAMR', '2025-03-11'),
      { creditCode: 'A', department: 'FIRE', clueId: 'clue-1', dueBy: '2025-03-05' },
    ];
    const input = drawInput({ triggeredTasks });
    const draw = drawTasks(input);
    const plan = buildPlan(draw, PLAN_INPUT);
    const check = (p: typeof plan, dueBy?: string) =>
      checkPlan(p, {
        draw: { ...draw, tasks: draw.tasks.map((t) => (t.id === 'FIRE:A' ? { ...t, dueBy } : t)) },
        plans: input.plans,
        officers: PLAN_INPUT.officers,
        calendar: {},
        triggeredTasks,
      }).map((v) => v.code);
    expect(check(plan, '2025-03-05')).toEqual([]);
    expect(check(plan, '2025-03-12')).toEqual(['repeat_visit']);
    const [first, second] = plan.visits;
    const sameTeam = {
      ...plan,
      visits: [first, { ...second, officerIds: first.officerIds }],
      routes: plan.routes.map((r) => ({ ...r, officerIds: first.officerIds })),
    };
    expect(check(sameTeam, '2025-03-05')).toEqual(['recusal_recent_inspection', 'recusal_recent_inspection']);
  });

  it('keep the latest of two deadlines and the earliest due day on one task', () => {
    const { draw } = run({
      triggeredTasks: [
        followUp('B', 'FIRE', '2025-03-05', { inspectionRef: 'FS-FIRE-1', dueBy: '2025-03-20' }),
        followUp('B', 'FIRE', '2025-03-07', { inspectionRef: 'FS-FIRE-2', dueBy: '2025-03-22' }),
      ],
    });
    expect(draw.tasks[0]).toMatchObject({ followUps: ['FS-FIRE-1', 'FS-FIRE-2'], notBefore: '2025-03-07', dueBy: '2025-03-20' });
  });

  it('are unassigned, saying why, when no working day of the window comes on or after the deadline', () => {
    const { plan, violations } = run({ triggeredTasks: [followUp('C', 'SAMR', '2025-03-15')] });
    expect(plan.visits).toEqual([]);
    expect(plan.unassigned).toEqual([expect.objectContaining({ taskId: 'SAMR:C', reason: 'no_working_day', detail: expect.stringContaining('2025-03-15') })]);
    expect(violations).toEqual([]);
  });

  it('escape the annual cap and exemptions, as complaints do', () => {
    const plans = [plan('SAMR', { annualRatios: { red: 0, yellow: 0, green: 0 }, annualCapPerEnterprise: 0, exemptions: ['A'] })];
    const { plan: result, violations } = run({ plans, triggeredTasks: [followUp('A', 'SAMR', '2025-03-04')] });
    expect(result.visits.map((v) => v.date)).toEqual(['2025-03-04']);
    expect(violations).toEqual([]);
  });

  it('are re-drawn the same whatever the order of the triggers', () => {
    const triggers = [followUp('A', 'SAMR', '2025-03-10'), followUp('B', 'FIRE', '2025-03-05'), { creditCode: 'C', department: 'SAMR', clueId: 'clue-9' }];
    expect(run({ triggeredTasks: [...triggers].reverse() })).toEqual(run({ triggeredTasks: triggers }));
  });

  it('make the checker refuse a visit placed before the deadline, from the triggers even when the task forgot it', () => {
    const triggeredTasks = [followUp('A', 'SAMR', '2025-03-12')];
    const input = drawInput({ triggeredTasks });
    const draw = drawTasks(input);
    const early = buildPlan({ ...draw, tasks: draw.tasks.map(({ notBefore: _n, ...t }) => t) }, PLAN_INPUT);
    expect(early.visits[0].date < '2025-03-12').toBe(true);
    const violations = checkPlan(early, { draw, plans: input.plans, officers: PLAN_INPUT.officers, calendar: {}, triggeredTasks });
    expect(violations.map((v) => v.code)).toEqual(['before_rectification_deadline']);
  });
});
