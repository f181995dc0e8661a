import { checkPlan } from './checker/plan.checker';
import { drawTasks } from './draw.util';
import { enterprise, officer, plan, smallCity } from './planner.fixture';
import { DrawInput, PlanInput } from './planner.model';
import { isLocated, pathLengthKm } from './route.util';
import { buildPlan } from './schedule.util';

const WEEK = { start: '2025-09-29', end: '2025-10-12' };
// 2025 National Day: 1–8 October off, Saturday 11 October a make-up working day (调休).
const CALENDAR = { holidays: ['2025-10-01', '2025-10-02', '2025-10-03', '2025-10-06', '2025-10-07', '2025-10-08'], makeUpWorkdays: ['2025-10-11'] };

function tinyDraw(overrides: Partial<DrawInput> = {}) {
  return drawTasks({
    seed: 'tiny',
    window: WEEK,
    plans: [plan('SAMR', { annualRatios: { red: 50, yellow: 0, green: 0 } }), plan('FIRE', { annualRatios: { red: 50, yellow: 0, green: 0 } })],
    enterprises: ['A', 'B', 'C', 'D'].map((c, i) => enterprise(c, 'red', { lng: 113 + i / 100 })),
    explorationShare: 0,
    ...overrides,
  });
}

function tinyInput(overrides: Partial<PlanInput> = {}): PlanInput {
  return {
    enterprises: ['A', 'B', 'C', 'D'].map((c, i) => enterprise(c, 'red', { lng: 113 + i / 100 })),
    officers: [officer('o1', ['SAMR']), officer('o2', ['FIRE']), officer('o3', ['SAMR', 'FIRE']), officer('o4', ['SAMR', 'FIRE'])],
    calendar: CALENDAR,
    ...overrides,
  };
}

describe('the joint-visit planner (进一次门、查多项事)', () => {
  it("bundles every department's tasks for an enterprise into one visit with one combined checklist", () => {
    const draw = tinyDraw();
    const result = buildPlan(draw, tinyInput());
    expect(draw.tasks).toHaveLength(8);
    expect(result.visits).toHaveLength(4);
    for (const v of result.visits) {
      expect(v.departments).toEqual(['FIRE', 'SAMR']);
      expect(v.checklist.map((c) => c.item)).toEqual(['FIRE-01', 'FIRE-02', 'SAMR-01', 'SAMR-02']);
      expect(v.officerIds.length).toBeGreaterThanOrEqual(2);
    }
    expect(result.unassigned).toEqual([]);
  });

  it('uses only working days, honouring holidays and make-up workdays', () => {
    const result = buildPlan(tinyDraw(), tinyInput());
    expect(result.workingDays).toEqual(['2025-09-29', '2025-09-30', '2025-10-09', '2025-10-10', '2025-10-11']);
    result.visits.forEach((v) => expect(result.workingDays).toContain(v.date));
  });

  it('keeps out officers who inspected the enterprise within 12 months or declared a conflict', () => {
    const priorInspections = [
      { creditCode: 'A', department: 'SAMR', date: '2025-03-01', officerIds: ['o3'] },
      { creditCode: 'A', department: 'SAMR', date: '2024-09-01', officerIds: ['o4'] },
    ];
    const officers = [
      officer('o1', ['SAMR', 'FIRE'], { conflicts: ['A'] }),
      officer('o2', ['FIRE', 'SAMR']),
      officer('o3', ['SAMR', 'FIRE']),
      officer('o4', ['SAMR', 'FIRE']),
    ];
    const result = buildPlan(tinyDraw(), tinyInput({ officers, priorInspections }));
    const visitA = result.visits.find((v) => v.creditCode === 'A');
    expect(visitA?.officerIds).toEqual(['o2', 'o4']);
  });

  it('keeps out an officer who inspected the enterprise within 12 months even when they inspected it again later', () => {
    // o3 inspected A on 2025-03-01 (within 12 months of the window) and again on 2025-10-10, inside the window
    // (a case recorded in a backfilled window): the later case must not hide the earlier one.
    const priorInspections = [
      { creditCode: 'A', department: 'SAMR', date: '2025-03-01', officerIds: ['o3'] },
      { creditCode: 'A', department: 'SAMR', date: '2025-10-10', officerIds: ['o3'] },
    ];
    const result = buildPlan(tinyDraw(), tinyInput({ priorInspections }));
    const visitA = result.visits.find((v) => v.creditCode === 'A');
    expect(visitA).toBeDefined();
    expect(visitA?.officerIds).not.toContain('o3');
  });

  it('puts on a visit only officers who may check at least one of its departments (two competent officers, not one and a passenger)', () => {
    // SAMR only. o1 alone may check SAMR; o2 and o3 hold FIRE only and have nothing to check there.
    const draw = tinyDraw({ plans: [plan('SAMR', { annualRatios: { red: 50, yellow: 0, green: 0 } })] });
    const alone = buildPlan(draw, tinyInput({ officers: [officer('o1', ['SAMR']), officer('o2', ['FIRE']), officer('o3', ['FIRE'])] }));
    expect(alone.visits).toEqual([]);
    expect(new Set(alone.unassigned.map((u) => u.reason))).toEqual(new Set(['no_eligible_team']));
    // A SAMR+FIRE visit may take a SAMR officer and a FIRE officer; a SAMR-only visit on the same route may not.
    const mixed = drawTasks({
      seed: 'tiny',
      window: WEEK,
      plans: [plan('SAMR', { annualRatios: { red: 50, yellow: 0, green: 0 } }), plan('FIRE', { annualRatios: { red: 50, yellow: 0, green: 0 } })],
      enterprises: ['A', 'B', 'C', 'D'].map((c, i) => enterprise(c, 'red', { lng: 113 + i / 100, departments: i < 2 ? ['SAMR', 'FIRE'] : ['SAMR'] })),
      explorationShare: 0,
    });
    const officers = [officer('o1', ['SAMR']), officer('o2', ['FIRE'])];
    const result = buildPlan(mixed, tinyInput({ officers, calendar: { workingDays: ['2025-09-29'] } }));
    const byId = new Map(officers.map((o) => [o.id, o]));
    expect(result.visits.length).toBeGreaterThan(0);
    for (const v of result.visits) {
      for (const id of v.officerIds) expect(byId.get(id)?.domains.some((d) => v.departments.includes(d))).toBe(true);
    }
    expect(result.unassigned.map((u) => u.creditCode).sort()).toEqual(['C', 'D']);
  });

  it('reports tasks no team can cover as unassigned with a reason, never drops them', () => {
    const officers = [officer('o1', ['SAMR']), officer('o2', ['SAMR'])];
    const result = buildPlan(tinyDraw(), tinyInput({ officers }));
    // Nobody may check FIRE: its four tasks are unassigned; SAMR's still go in.
    expect(result.visits.flatMap((v) => v.taskIds).sort()).toEqual(['SAMR:A', 'SAMR:B', 'SAMR:C', 'SAMR:D']);
    expect(result.unassigned.map((u) => u.taskId).sort()).toEqual(['FIRE:A', 'FIRE:B', 'FIRE:C', 'FIRE:D']);
    expect(new Set(result.unassigned.map((u) => u.reason))).toEqual(new Set(['no_eligible_team']));
    const alone = buildPlan(tinyDraw(), tinyInput({ officers: [officer('o1', ['SAMR', 'FIRE'])] }));
    expect(alone.visits).toEqual([]);
    expect(alone.unassigned).toHaveLength(8);
    expect(new Set(alone.unassigned.map((u) => u.reason))).toEqual(new Set(['no_eligible_team']));
  });

  it("still does the other departments' checks when one department has no officer able to work in the window", () => {
    // ENV drew every enterprise too, but its only officer is off duty: SAMR and FIRE still go in.
    const draw = tinyDraw({
      plans: ['SAMR', 'FIRE', 'ENV'].map((d) => plan(d, { annualRatios: { red: 50, yellow: 0, green: 0 } })),
    });
    const officers = [...tinyInput().officers, officer('o5', ['ENV'], { onDuty: false })];
    const result = buildPlan(draw, tinyInput({ officers }));
    expect(result.visits).toHaveLength(4);
    result.visits.forEach((v) => expect(v.departments).toEqual(['FIRE', 'SAMR']));
    expect(result.unassigned.map((u) => `${u.taskId}/${u.reason}`).sort()).toEqual(['ENV:A', 'ENV:B', 'ENV:C', 'ENV:D'].map((id) => `${id}/no_eligible_team`));
    expect(result.unassigned[0].detail).toContain('ENV');
  });

  it('tells exhausted capacity apart from missing eligibility', () => {
    const officers = [officer('o1', ['SAMR', 'FIRE'], { dailyCapacity: 1 }), officer('o2', ['SAMR', 'FIRE'], { dailyCapacity: 1 })];
    const result = buildPlan(tinyDraw(), tinyInput({ officers, calendar: { workingDays: ['2025-09-29', '2025-09-30'] } }));
    expect(result.visits).toHaveLength(2);
    expect(result.unassigned.map((u) => u.reason)).toEqual(Array(4).fill('capacity_exhausted'));
  });

  it('does not staff a visit with an officer whose certificate has lapsed by that day', () => {
    const officers = [officer('o1', ['SAMR', 'FIRE'], { certValidUntil: '2025-09-29' }), officer('o2', ['SAMR', 'FIRE']), officer('o3', ['SAMR', 'FIRE'])];
    const result = buildPlan(tinyDraw(), tinyInput({ officers }));
    result.visits.filter((v) => v.date > '2025-09-29').forEach((v) => expect(v.officerIds).not.toContain('o1'));
  });

  it('produces the same plan from the same seed and inputs, and a plan the independent checker accepts', () => {
    const city = smallCity();
    const draw = drawTasks({
      seed: 'month',
      window: city.window,
      plans: city.plans,
      enterprises: city.enterprises,
      triggeredTasks: city.triggeredTasks,
      priorInspections: city.priorInspections,
    });
    const input = { enterprises: city.enterprises, officers: city.officers, calendar: city.calendar, priorInspections: city.priorInspections };
    const first = buildPlan(draw, input);
    expect(buildPlan(draw, input)).toEqual(first);
    expect(first.visits.length).toBeGreaterThan(100);
    expect(checkPlan(first, { draw, plans: city.plans, officers: city.officers, calendar: city.calendar, priorInspections: city.priorInspections })).toEqual(
      [],
    );
  });

  it('routes enterprises without coordinates last, and never counts them as next door to everyone', () => {
    const city = smallCity();
    // A third of the enterprises have no coordinates in the register.
    const enterprises = city.enterprises.map((e, i) => (i % 3 === 0 ? { ...e, lng: undefined, lat: undefined } : e));
    const draw = drawTasks({
      seed: 'month',
      window: city.window,
      plans: city.plans,
      enterprises,
      triggeredTasks: city.triggeredTasks,
      priorInspections: city.priorInspections,
    });
    const plan = buildPlan(draw, { enterprises, officers: city.officers, calendar: city.calendar, priorInspections: city.priorInspections });
    const where = new Map(enterprises.map((e) => [e.creditCode, e]));
    const visit = new Map(plan.visits.map((v) => [v.id, v]));
    let measured = 0;
    for (const route of plan.routes) {
      const stops = route.visitIds.map((id) => where.get(visit.get(id)!.creditCode)!);
      const located = stops.map(isLocated);
      expect(located).toEqual([...located].sort((a, b) => Number(b) - Number(a)));
      expect(route.distanceKm).toBeCloseTo(pathLengthKm(stops.filter(isLocated)), 9);
      if (located.filter(Boolean).length >= 2) {
        expect(route.distanceKm).toBeGreaterThan(0);
        measured++;
      }
    }
    expect(measured).toBeGreaterThan(plan.routes.length / 2);
  });
});
