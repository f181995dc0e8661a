import { Prng } from '@tianping/common';
import { drawTasks } from './draw.util';
import { enterprise, plan, population } from './planner.fixture';
import { DrawInput, Enterprise, RISK_COLOURS } from './planner.model';

const YEAR = { start: '2025-01-01', end: '2025-12-31' };
const MONTH = { start: '2025-03-01', end: '2025-03-31' };

function input(overrides: Partial<DrawInput> = {}): DrawInput {
  return {
    seed: 'seed-1',
    window: MONTH,
    plans: [plan('SAMR'), plan('FIRE', { annualRatios: { red: 1, yellow: 0.3, green: 0.05 } }), plan('ENV')],
    enterprises: population(3000, (i) => (i % 3 === 0 ? ['SAMR', 'FIRE', 'ENV'] : ['SAMR', 'FIRE'])),
    explorationShare: 0.1,
    ...overrides,
  };
}

const selection = (tasks: { id: string; reason: string }[]) => tasks.map((t) => `${t.id}/${t.reason}`);

describe('the double-random draw (双随机)', () => {
  it('re-draws exactly the same tasks from the same seed and inputs, whatever the input order', () => {
    const first = drawTasks(input());
    const shuffled = input({ enterprises: new Prng(7).shuffle(input().enterprises), plans: [...input().plans].reverse() });
    expect(drawTasks(shuffled)).toEqual(first);
    expect(first.tasks.length).toBeGreaterThan(50);
  });

  it('draws differently from a different seed', () => {
    const a = selection(drawTasks(input()).tasks);
    const b = selection(drawTasks(input({ seed: 'seed-2' })).tasks);
    expect(b).not.toEqual(a);
    const overlap = b.filter((t) => a.includes(t)).length / a.length;
    expect(overlap).toBeLessThan(0.5);
  });

  it('keeps the exploration share, and exploration ignores colour', () => {
    const draw = drawTasks(input({ window: YEAR, explorationShare: 0.2, plans: [plan('SAMR', { annualRatios: { red: 0.5, yellow: 0.2, green: 0.1 } })] }));
    const exploration = draw.tasks.filter((t) => t.reason === 'exploration');
    expect(exploration.length / draw.tasks.length).toBeCloseTo(0.2, 1);
    // A colour-blind sample hits each colour in proportion to its size: red is 10 % of the city.
    const redShare = exploration.filter((t) => t.colour === 'red').length / exploration.length;
    expect(redShare).toBeGreaterThan(0.04);
    expect(redShare).toBeLessThan(0.18);
    expect(draw.tasks.every((t) => t.reason === 'risk' || t.reason === 'exploration')).toBe(true);
  });

  it('does not look at colours when the model is suspended (kill switch)', () => {
    const base = input({ suspended: true, explorationShare: 0.3 });
    const colours = new Prng(3).shuffle(base.enterprises.map((e) => e.colour));
    const permuted: Enterprise[] = base.enterprises.map((e, i) => ({
      ...e,
      colour: colours[i] === e.colour ? RISK_COLOURS[(RISK_COLOURS.indexOf(e.colour) + 1) % 3] : colours[i],
    }));
    const a = drawTasks(base);
    const b = drawTasks({ ...base, enterprises: permuted });
    expect(b).toEqual(a);
    expect(a.tasks.every((t) => t.reason === 'random' && t.colour === null)).toBe(true);
    expect(a.strata.every((s) => s.stratum === 'all')).toBe(true);
  });

  it('prorates the annual ratio to the window: a year-long window takes every red enterprise at 100 %', () => {
    const draw = drawTasks(input({ window: YEAR, explorationShare: 0, plans: [plan('SAMR')] }));
    const reds = input().enterprises.filter((e) => e.colour === 'red').length;
    expect(draw.tasks.filter((t) => t.colour === 'red')).toHaveLength(reds);
    const month = drawTasks(input({ explorationShare: 0, plans: [plan('SAMR')] }));
    expect(Math.abs(month.tasks.filter((t) => t.colour === 'red').length - (reds * 31) / 365)).toBeLessThanOrEqual(1);
  });

  it('never draws exempt enterprises or those at their annual cap, but complaints still reach them', () => {
    const enterprises = [enterprise('A', 'red'), enterprise('B', 'red'), enterprise('C', 'red')];
    const draw = drawTasks({
      seed: 's',
      window: YEAR,
      plans: [plan('SAMR', { exemptions: ['A'], annualCapPerEnterprise: 1 })],
      enterprises,
      priorInspections: [
        { creditCode: 'B', department: 'SAMR', date: '2024-12-30', officerIds: ['x'] },
        { creditCode: 'C', department: 'SAMR', date: '2024-06-01', officerIds: ['x'] },
      ],
      triggeredTasks: [{ creditCode: 'A', department: 'SAMR', clueId: 'clue-1', items: ['SAMR-09'], dueBy: '2025-01-10' }],
      explorationShare: 0,
    });
    expect(draw.tasks.map((t) => `${t.creditCode}/${t.reason}`)).toEqual(['A/complaint', 'B/risk', 'C/risk']);
    // Red at 500 % a year fills a nine-month window; B was already inspected this year and its cap is one.
    const capped = drawTasks({
      seed: 's',
      window: { start: '2025-04-01', end: '2025-12-31' },
      plans: [plan('SAMR', { annualCapPerEnterprise: 1, annualRatios: { red: 5, yellow: 0, green: 0 } })],
      enterprises,
      priorInspections: [{ creditCode: 'B', department: 'SAMR', date: '2025-02-01', officerIds: ['x'] }],
      explorationShare: 0,
    });
    expect(capped.tasks.map((t) => t.creditCode)).toEqual(['A', 'C']);
    expect(draw.tasks[0].items).toEqual(['SAMR-01', 'SAMR-02', 'SAMR-09']);
  });

  it('draws nobody at random for a department whose annual cap is zero, never inspected or not', () => {
    const enterprises = [enterprise('A', 'red'), enterprise('B', 'red'), enterprise('C', 'yellow')];
    const draw = drawTasks({
      seed: 's',
      window: YEAR,
      plans: [plan('SAMR', { annualCapPerEnterprise: 0 }), plan('FIRE')],
      enterprises,
      triggeredTasks: [{ creditCode: 'A', department: 'SAMR', clueId: 'clue-1' }],
      explorationShare: 0.5,
    });
    expect(draw.tasks.filter((t) => t.department === 'SAMR').map((t) => `${t.creditCode}/${t.reason}`)).toEqual(['A/complaint']);
    expect(draw.tasks.filter((t) => t.department === 'FIRE').length).toBeGreaterThan(0);
    expect(draw.strata.filter((s) => s.department === 'SAMR').every((s) => s.eligible === 0 && s.target === 0)).toBe(true);
  });

  it('refuses a draw without a seed or with a bad exploration share', () => {
    expect(() => drawTasks(input({ seed: '' }))).toThrow(/seed/);
    expect(() => drawTasks(input({ explorationShare: 1.5 }))).toThrow(/explorationShare/);
  });
});

describe('coordinated draws across departments (permanent random numbers)', () => {
  const ratios = { red: 0.6, yellow: 0.25, green: 0.08 };
  const plans = [plan('SAMR', { annualRatios: ratios }), plan('FIRE', { annualRatios: { red: 0.4, yellow: 0.3, green: 0.05 } })];
  const enterprises = population(600, (i) => (i % 2 === 0 ? ['SAMR', 'FIRE'] : ['SAMR']));

  it("keeps each department's selection rate per colour at its ratio, over many seeds", () => {
    const seeds = 40;
    const hits = new Map<string, number>();
    for (let s = 0; s < seeds; s++) {
      for (const t of drawTasks({ seed: `m${s}`, window: YEAR, plans, enterprises, explorationShare: 0 }).tasks) {
        hits.set(`${t.department}|${t.colour}`, (hits.get(`${t.department}|${t.colour}`) ?? 0) + 1);
      }
    }
    for (const p of plans) {
      for (const colour of RISK_COLOURS) {
        const frame = enterprises.filter((e) => e.colour === colour && (e.departments ?? []).includes(p.department)).length;
        const rate = (hits.get(`${p.department}|${colour}`) ?? 0) / (frame * seeds);
        expect(Math.abs(rate - p.annualRatios[colour])).toBeLessThan(0.01);
      }
    }
  });

  it('gives every enterprise the same chance, wherever it sits in the input', () => {
    const greens = enterprises.filter((e) => e.colour === 'green' && e.departments?.includes('FIRE')).map((e) => e.creditCode);
    const counts = new Map(greens.map((c) => [c, 0]));
    const seeds = 150;
    for (let s = 0; s < seeds; s++) {
      drawTasks({ seed: `u${s}`, window: YEAR, plans, enterprises, explorationShare: 0 })
        .tasks.filter((t) => t.department === 'FIRE' && counts.has(t.creditCode))
        .forEach((t) => counts.set(t.creditCode, (counts.get(t.creditCode) ?? 0) + 1));
    }
    const firstHalf = greens.slice(0, greens.length / 2).reduce((n, c) => n + (counts.get(c) ?? 0), 0);
    const secondHalf = greens.slice(greens.length / 2).reduce((n, c) => n + (counts.get(c) ?? 0), 0);
    expect(Math.abs(firstHalf - secondHalf) / (firstHalf + secondHalf)).toBeLessThan(0.1);
  });

  it('makes samples coincide, so the same checks need fewer enterprises visited than independent draws', () => {
    const visited = (coordinated: boolean) => {
      const draw = drawTasks({ seed: 'c', window: YEAR, plans: plans.map((p) => ({ ...p, coordinated })), enterprises, explorationShare: 0.1 });
      return { checks: draw.tasks.length, enterprises: new Set(draw.tasks.map((t) => t.creditCode)).size };
    };
    const together = visited(true);
    const apart = visited(false);
    expect(Math.abs(together.checks - apart.checks) / apart.checks).toBeLessThan(0.05);
    expect(together.enterprises).toBeLessThan(0.85 * apart.enterprises);
  });
});
