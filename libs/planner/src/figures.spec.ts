import { drawTasks } from './draw.util';
import { planFigures } from './figures.util';
import { enterprise, officer, smallCity } from './planner.fixture';
import { DrawResult, JointVisit, Plan } from './planner.model';
import { buildPlan } from './schedule.util';

describe('plan figures', () => {
  it('counts visits saved, joint visits and officer workload on a hand-made plan', () => {
    const visit = (code: string, departments: string[], officerIds: string[], routeId: string, routeOrder: number): JointVisit => ({
      id: `visit:${code}`,
      creditCode: code,
      regionCode: '440604',
      date: '2025-06-02',
      officerIds,
      departments,
      taskIds: departments.map((d) => `${d}:${code}`),
      checklist: [],
      exploration: false,
      routeId,
      routeOrder,
    });
    const visits = [
      visit('A', ['SAMR', 'FIRE', 'ENV'], ['o1', 'o2'], 'r1', 0),
      visit('B', ['SAMR'], ['o1', 'o2'], 'r1', 1),
      visit('C', ['FIRE', 'SAMR'], ['o3', 'o4'], 'r2', 0),
    ];
    const plan: Plan = {
      seed: 's',
      window: { start: '2025-06-02', end: '2025-06-02' },
      workingDays: ['2025-06-02'],
      unassigned: [
        { taskId: 'HEALTH:D', creditCode: 'D', department: 'HEALTH', reason: 'no_eligible_team', detail: '' },
        { taskId: 'SAMR:E', creditCode: 'E', department: 'SAMR', reason: 'capacity_exhausted', detail: '' },
        { taskId: 'FIRE:E', creditCode: 'E', department: 'FIRE', reason: 'capacity_exhausted', detail: '' },
      ],
      visits,
      routes: [
        { id: 'r1', date: '2025-06-02', regionCode: '440604', officerIds: ['o1', 'o2'], visitIds: ['visit:A', 'visit:B'], distanceKm: 0 },
        { id: 'r2', date: '2025-06-02', regionCode: '440604', officerIds: ['o3', 'o4'], visitIds: ['visit:C'], distanceKm: 0 },
      ],
    };
    const draw: DrawResult = { seed: 's', window: plan.window, suspended: false, explorationShare: 0, strata: [], tasks: [] };
    const officers = ['o1', 'o2', 'o3', 'o4', 'o5'].map((id) => officer(id, ['SAMR']));
    const figures = planFigures(plan, { draw, enterprises: ['A', 'B', 'C'].map((c) => enterprise(c, 'red')), officers });
    expect(figures).toMatchObject({ checks: 6, visits: 3, soloVisits: 6, visitReduction: 0.5, jointShare: 2 / 3, meanDepartmentsPerVisit: 2 });
    // A plan short of officers says which tasks no team could take and which found every team busy.
    expect(figures.unassignedTasks).toBe(3);
    expect(figures.unassignedByReason).toEqual({ no_eligible_team: 1, capacity_exhausted: 2, no_working_day: 0 });
    // Loads 2, 2, 1, 1, 0: mean 1.2, max 2.
    expect(figures.workload).toMatchObject({ officers: 5, meanVisits: 1.2, maxVisits: 2, maxOverMean: 1.667 });
  });

  it('on a generated city, saves at least 40 % of visits, makes most visits joint and cuts travel', () => {
    const city = smallCity('figures');
    const draw = drawTasks({
      seed: 'figures',
      window: city.window,
      plans: city.plans,
      enterprises: city.enterprises,
      triggeredTasks: city.triggeredTasks,
      priorInspections: city.priorInspections,
    });
    const plan = buildPlan(draw, { enterprises: city.enterprises, officers: city.officers, calendar: city.calendar, priorInspections: city.priorInspections });
    const figures = planFigures(plan, { draw, enterprises: city.enterprises, officers: city.officers });
    expect(figures.checks + figures.unassignedTasks).toBe(draw.tasks.length);
    expect(figures.visitReduction).toBeGreaterThanOrEqual(0.4);
    expect(figures.jointShare).toBeGreaterThanOrEqual(0.6);
    expect(figures.travel.plannedKm).toBeLessThan(figures.travel.unorderedKm);
    expect(figures.explorationShare).toBeGreaterThan(0.05);
    expect(figures.explorationShare).toBeLessThan(0.15);
  });
});
