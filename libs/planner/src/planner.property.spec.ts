import fc from 'fast-check';
import { checkPlan } from './checker/plan.checker';
import { dayNumber, isoFromDayNumber, workingDaysIn } from './date.util';
import { drawTasks } from './draw.util';
import {
  DepartmentPlan,
  DrawInput,
  DrawResult,
  Enterprise,
  InspectionTask,
  Officer,
  Plan,
  PlanInput,
  PriorInspection,
  RiskColour,
  TriggeredTask,
} from './planner.model';
import { isLocated, pathLengthKm } from './route.util';
import { buildPlan } from './schedule.util';

/**
 * Properties of the whole pipeline (draw → plan) over generated cities, checked by code written here
 * rather than by the library's own checker, so that a blind spot shared by planner and checker shows.
 */

const DEPTS = ['SAMR', 'FIRE', 'ENV', 'HRSS'];
const REGIONS = ['440601', '440602', '440603'];
const COLOURS: RiskColour[] = ['red', 'yellow', 'green'];

interface Scenario {
  draw: DrawInput;
  plan: PlanInput;
}

const isoDay = (min: string, max: string) => fc.integer({ min: dayNumber(min), max: dayNumber(max) }).map(isoFromDayNumber);

const enterpriseArb = (i: number) =>
  fc
    .record({
      colour: fc.constantFrom(...COLOURS),
      regionCode: fc.constantFrom(...REGIONS),
      located: fc.boolean(),
      lng: fc.double({ min: 113, max: 113.3, noNaN: true }),
      lat: fc.double({ min: 22.9, max: 23.1, noNaN: true }),
      departments: fc.option(fc.subarray(DEPTS, { minLength: 1 }), { nil: undefined }),
    })
    .map((e): Enterprise => ({
      creditCode: `E${String(i).padStart(4, '0')}`,
      colour: e.colour,
      regionCode: e.regionCode,
      ...(e.located ? { lng: e.lng, lat: e.lat } : {}),
      ...(e.departments ? { departments: e.departments } : {}),
    }));

const scenarioArb: fc.Arbitrary<Scenario> = fc
  .record({
    start: isoDay('2025-01-01', '2026-12-20'),
    length: fc.integer({ min: 1, max: 30 }),
    enterpriseCount: fc.integer({ min: 1, max: 40 }),
    officerCount: fc.integer({ min: 0, max: 14 }),
    suspended: fc.boolean(),
    explorationShare: fc.constantFrom(0, 0.1, 0.5),
    seed: fc.string({ minLength: 1, maxLength: 6 }),
  })
  .chain((s) => {
    const end = isoFromDayNumber(dayNumber(s.start) + s.length - 1);
    const windowDays = Array.from({ length: s.length }, (_, k) => isoFromDayNumber(dayNumber(s.start) + k));
    const codes = Array.from({ length: s.enterpriseCount }, (_, i) => `E${String(i).padStart(4, '0')}`);
    const officer = (i: number) =>
      fc
        .record({
          domains: fc.subarray(DEPTS, { minLength: 1 }),
          certValidUntil: isoDay(isoFromDayNumber(dayNumber(s.start) - 5), isoFromDayNumber(dayNumber(end) + 5)),
          longCert: fc.boolean(),
          regionCode: fc.constantFrom(...REGIONS),
          onDuty: fc.boolean(),
          dailyCapacity: fc.integer({ min: 0, max: 5 }),
          conflicts: fc.subarray(codes, { maxLength: Math.min(2, codes.length) }),
          absentDates: fc.subarray(windowDays, { maxLength: Math.min(3, windowDays.length) }),
        })
        .map((o): Officer => ({
          id: `O${String(i).padStart(3, '0')}`,
          department: o.domains[0],
          domains: o.domains,
          certValidUntil: o.longCert ? '2099-12-31' : o.certValidUntil,
          regionCode: o.regionCode,
          onDuty: o.onDuty,
          dailyCapacity: o.dailyCapacity,
          conflicts: o.conflicts,
          absentDates: o.absentDates,
        }));
    const plans = fc.uniqueArray(
      fc.record({
        department: fc.constantFrom(...DEPTS),
        red: fc.constantFrom(0, 1, 5, 50),
        yellow: fc.constantFrom(0, 0.5, 5),
        green: fc.constantFrom(0, 0.1, 2),
        uniform: fc.constantFrom(0, 1, 10),
        cap: fc.integer({ min: 0, max: 2 }),
        exemptions: fc.subarray(codes, { maxLength: Math.min(3, codes.length) }),
      }),
      { selector: (p) => p.department, minLength: 1, maxLength: DEPTS.length },
    );
    return fc
      .record({
        enterprises: fc.tuple(...codes.map((_, i) => enterpriseArb(i))),
        officers: fc.tuple(...Array.from({ length: s.officerCount }, (_, i) => officer(i))),
        plans,
        prior: fc.array(
          fc.record({
            creditCode: fc.constantFrom(...codes),
            department: fc.constantFrom(...DEPTS),
            date: isoDay(isoFromDayNumber(dayNumber(s.start) - 400), end),
            officerIds: fc.subarray(Array.from({ length: Math.max(s.officerCount, 1) }, (_, i) => `O${String(i).padStart(3, '0')}`)),
          }),
          { maxLength: 20 },
        ),
        complaints: fc.array(fc.record({ creditCode: fc.constantFrom(...codes), department: fc.constantFrom(...DEPTS), due: fc.constantFrom(0, 3, 20) }), {
          maxLength: 5,
        }),
        followUps: fc.array(
          fc.record({
            creditCode: fc.constantFrom(...codes),
            department: fc.constantFrom(...DEPTS),
            // Deadlines from before the window to past its end.
            deadline: fc.integer({ min: -10, max: s.length + 3 }),
            within: fc.constantFrom(1, 15),
          }),
          { maxLength: 4 },
        ),
      })
      .map(({ enterprises, officers, plans: ps, prior, complaints, followUps }) => {
        const departmentPlans: DepartmentPlan[] = ps.map((p) => ({
          department: p.department,
          annualRatios: { red: p.red, yellow: p.yellow, green: p.green },
          uniformAnnualRatio: p.uniform,
          annualCapPerEnterprise: p.cap,
          exemptions: p.exemptions,
          checklist: [`${p.department}-01`, `${p.department}-02`],
        }));
        const planned = new Set(departmentPlans.map((p) => p.department));
        const triggeredTasks: TriggeredTask[] = [
          ...complaints
            .filter((c) => planned.has(c.department))
            .map((c, k) => ({ creditCode: c.creditCode, department: c.department, clueId: `C${k}`, dueBy: isoFromDayNumber(dayNumber(s.start) + c.due) })),
          ...followUps
            .filter((f) => planned.has(f.department))
            .map((f, k): TriggeredTask => ({
              kind: 'follow-up',
              creditCode: f.creditCode,
              department: f.department,
              inspectionRef: `FS-${k}`,
              inspectedOn: isoFromDayNumber(dayNumber(s.start) + f.deadline - 30),
              rectifyBy: isoFromDayNumber(dayNumber(s.start) + f.deadline),
              notBefore: isoFromDayNumber(dayNumber(s.start) + f.deadline + 1),
              dueBy: isoFromDayNumber(dayNumber(s.start) + f.deadline + f.within),
            })),
        ];
        const priorInspections: PriorInspection[] = prior;
        return {
          draw: {
            seed: s.seed,
            window: { start: s.start, end },
            plans: departmentPlans,
            enterprises,
            triggeredTasks,
            priorInspections,
            suspended: s.suspended,
            explorationShare: s.explorationShare,
          },
          plan: { enterprises, officers, calendar: {}, priorInspections },
        };
      });
  });

function run(s: Scenario): { draw: DrawResult; plan: Plan } {
  const draw = drawTasks(s.draw);
  return { draw, plan: buildPlan(draw, s.plan) };
}

const RUNS = { numRuns: Number(process.env.PLANNER_PROPERTY_RUNS ?? 300) };

describe('planner properties over generated cities', () => {
  it('staffs every visit with two or more distinct officers, on duty, present, certified on the visit day, not recused', () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const { plan } = run(s);
        const officers = new Map(s.plan.officers.map((o) => [o.id, o]));
        for (const v of plan.visits) {
          expect(new Set(v.officerIds).size).toBeGreaterThanOrEqual(2);
          for (const id of v.officerIds) {
            const o = officers.get(id)!;
            expect(o.onDuty).toBe(true);
            expect(o.certValidUntil >= v.date).toBe(true);
            expect(o.absentDates ?? []).not.toContain(v.date);
            expect(o.conflicts ?? []).not.toContain(v.creditCode);
            const yearAgo = `${Number(v.date.slice(0, 4)) - 1}${v.date.slice(4)}`;
            const recent = (s.plan.priorInspections ?? []).filter(
              (p) => p.creditCode === v.creditCode && p.officerIds.includes(id) && p.date >= yearAgo && p.date < v.date,
            );
            expect(recent).toEqual([]);
          }
        }
      }),
      RUNS,
    );
  });

  it('covers every department on a visit, and every officer on it may check something there', () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const { plan } = run(s);
        const officers = new Map(s.plan.officers.map((o) => [o.id, o]));
        for (const v of plan.visits) {
          const team = v.officerIds.map((id) => officers.get(id)!);
          for (const d of v.departments) expect(team.some((o) => o.domains.includes(d))).toBe(true);
          for (const o of team) expect(o.domains.some((d) => v.departments.includes(d))).toBe(true);
        }
      }),
      RUNS,
    );
  });

  it('puts an officer on at most one route a day, within their daily capacity, on working days inside the window', () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const { plan } = run(s);
        const officers = new Map(s.plan.officers.map((o) => [o.id, o]));
        const routesOn = new Map<string, Set<string>>();
        const visitsOn = new Map<string, number>();
        const days = new Set(workingDaysIn(s.draw.window, s.plan.calendar));
        for (const v of plan.visits) {
          expect(days.has(v.date)).toBe(true);
          for (const id of v.officerIds) {
            const key = `${id}|${v.date}`;
            routesOn.set(key, (routesOn.get(key) ?? new Set()).add(v.routeId));
            visitsOn.set(key, (visitsOn.get(key) ?? 0) + 1);
          }
        }
        for (const routes of routesOn.values()) expect(routes.size).toBe(1);
        for (const [key, n] of visitsOn) expect(n).toBeLessThanOrEqual(officers.get(key.split('|')[0])!.dailyCapacity);
      }),
      RUNS,
    );
  });

  it('visits each enterprise once, carrying every department drawn for it, unless no one day suits all its tasks, and places every task exactly once', () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const { draw, plan } = run(s);
        const placed = [...plan.visits.flatMap((v) => v.taskIds), ...plan.unassigned.map((u) => u.taskId)].sort();
        expect(placed).toEqual(draw.tasks.map((t) => t.id).sort());
        // A department no officer may check on any working day is left out (unassigned); every other drawn task rides along.
        const days = workingDaysIn(s.draw.window, s.plan.calendar);
        const checkable = (d: string) =>
          s.plan.officers.some(
            (o) =>
              o.domains.includes(d) && o.onDuty && o.dailyCapacity >= 1 && days.some((day) => o.certValidUntil >= day && !(o.absentDates ?? []).includes(day)),
          );
        const tasks = new Map(draw.tasks.map((t) => [t.id, t]));
        for (const code of new Set(plan.visits.map((v) => v.creditCode))) {
          const visits = plan.visits.filter((v) => v.creditCode === code);
          const drawnHere = draw.tasks.filter((t) => t.creditCode === code && checkable(t.department));
          // A task left out of the enterprise's visits could not have shared a day with them (a later re-inspection).
          const visited = visits.flatMap((v) => v.taskIds).map((id) => tasks.get(id)!);
          const apart = (a: InspectionTask, b: InspectionTask) =>
            (a.dueBy ?? '9999-12-31') < (b.notBefore ?? '') || (b.dueBy ?? '9999-12-31') < (a.notBefore ?? '');
          for (const t of drawnHere.filter((t) => !visited.includes(t))) expect(visited.some((v) => apart(v, t))).toBe(true);
          for (const v of visits) {
            for (const id of v.taskIds)
              for (const item of tasks.get(id)!.items) expect(v.checklist).toContainEqual({ department: tasks.get(id)!.department, item });
          }
          // A second visit only when a task is due before another's rectification deadline, and that deadline is still to come.
          if (visits.length > 1) {
            const latestStart = drawnHere
              .map((t) => t.notBefore ?? '')
              .sort()
              .pop()!;
            const earliestDue = drawnHere.map((t) => t.dueBy ?? '9999-12-31').sort()[0];
            expect(earliestDue < latestStart && latestStart > s.draw.window.start).toBe(true);
          }
        }
      }),
      RUNS,
    );
  });

  it('never draws an exempt enterprise, nor one past its annual cap in the year of its visit (complaints excepted)', () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const { draw, plan } = run(s);
        const plans = new Map(s.draw.plans.map((p) => [p.department, p]));
        const dateOf = new Map(plan.visits.flatMap((v) => v.taskIds.map((id) => [id, v.date] as const)));
        for (const t of draw.tasks) {
          if (t.reason === 'complaint' || t.reason === 'follow-up') continue;
          const p = plans.get(t.department)!;
          expect(p.exemptions ?? []).not.toContain(t.creditCode);
          const date = dateOf.get(t.id);
          if (!date) continue;
          const before = (s.draw.priorInspections ?? []).filter(
            (x) => x.department === t.department && x.creditCode === t.creditCode && x.date.slice(0, 4) === date.slice(0, 4) && x.date < s.draw.window.start,
          ).length;
          expect(before + 1).toBeLessThanOrEqual(p.annualCapPerEnterprise);
        }
      }),
      RUNS,
    );
  });

  it('never re-inspects before a rectification deadline, and leaves a follow-up unassigned only for a reason', () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const { draw, plan } = run(s);
        const dateOf = new Map(plan.visits.flatMap((v) => v.taskIds.map((id) => [id, v.date] as const)));
        const unassigned = new Map(plan.unassigned.map((u) => [u.taskId, u.reason]));
        const followUps = (s.draw.triggeredTasks ?? []).flatMap((t) => (t.kind === 'follow-up' ? [t] : []));
        for (const f of followUps) {
          const id = draw.tasks.find((t) => t.department === f.department && t.creditCode === f.creditCode && t.followUps?.includes(f.inspectionRef))!.id;
          const date = dateOf.get(id);
          if (date) expect(date >= f.notBefore).toBe(true);
          else expect(unassigned.get(id)).toBeDefined();
          // Where a working day comes on or after every deadline at the enterprise (its checks wait for the latest), "no working day" is never the reason.
          const latest = followUps.filter((g) => g.creditCode === f.creditCode).reduce((d, g) => (g.notBefore > d ? g.notBefore : d), f.notBefore);
          const days = workingDaysIn(s.draw.window, s.plan.calendar).filter((d) => d >= latest);
          if (!date && days.length > 0) expect(unassigned.get(id)).not.toBe('no_working_day');
        }
      }),
      RUNS,
    );
  });

  it('measures every route as the path through its located stops, located stops first', () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const { plan } = run(s);
        const where = new Map(s.plan.enterprises.map((e) => [e.creditCode, e]));
        const visits = new Map(plan.visits.map((v) => [v.id, v]));
        for (const r of plan.routes) {
          const stops = r.visitIds.map((id) => where.get(visits.get(id)!.creditCode)!);
          const located = stops.map(isLocated);
          expect(located).toEqual([...located].sort((a, b) => Number(b) - Number(a)));
          expect(r.distanceKm).toBeCloseTo(pathLengthKm(stops), 9);
          expect(Number.isFinite(r.distanceKm)).toBe(true);
          r.visitIds.forEach((id, k) => expect(visits.get(id)!.routeOrder).toBe(k));
        }
      }),
      RUNS,
    );
  });

  it('builds plans the independent checker accepts', () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const { draw, plan } = run(s);
        const violations = checkPlan(plan, {
          draw,
          plans: s.draw.plans,
          officers: s.plan.officers,
          calendar: s.plan.calendar,
          priorInspections: s.plan.priorInspections,
          triggeredTasks: s.draw.triggeredTasks,
        });
        expect(violations).toEqual([]);
      }),
      RUNS,
    );
  });

  it('re-draws the same result from the same seed whatever the input order', () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const first = run(s);
        const shuffled: Scenario = {
          draw: { ...s.draw, enterprises: [...s.draw.enterprises].reverse(), plans: [...s.draw.plans].reverse() },
          plan: { ...s.plan, enterprises: [...s.plan.enterprises].reverse(), officers: [...s.plan.officers].reverse() },
        };
        expect(run(shuffled)).toEqual(first);
      }),
      { numRuns: 100 },
    );
  });
});
