import { scorePeriods, type HistoryScore } from './score-periods.util';

let n = 0;
function score(asOf: string, parts: Record<string, [unknown, number]>, over: Partial<HistoryScore> = {}): HistoryScore {
  n++;
  const factors = Object.entries(parts).map(([factor, [value, contribution]]) => ({ factor, value: value as never, contribution }));
  const logit = -2 + factors.reduce((sum, f) => sum + f.contribution, 0);
  return {
    scoreId: `scoring-${n}`,
    asOf,
    probability: 1 / (1 + Math.exp(-logit)),
    colour: 'green',
    modelVersion: 'm-1',
    colourPolicyVersion: 'cp-1',
    factors,
    ...over,
  };
}

describe("an enterprise's score history as stretches of the same score", () => {
  it('counts a day older inside the same bin as no change, and names what moved when the score did', () => {
    const periods = scorePeriods([
      score('2026-01-01', { years_in_operation: [3.1, -0.2], complaints_12m: [0, -0.1] }),
      score('2026-01-02', { years_in_operation: [3.11, -0.2], complaints_12m: [0, -0.1] }),
      score('2026-01-03', { years_in_operation: [3.12, -0.2], complaints_12m: [2, 0.6] }, { colour: 'yellow' }),
      score('2026-01-04', { years_in_operation: [3.13, -0.2], complaints_12m: [2, 0.6] }, { colour: 'yellow' }),
    ]);
    expect(periods.map((p) => [p.from, p.to, p.scores, p.colour])).toEqual([
      ['2026-01-03', '2026-01-04', 2, 'yellow'],
      ['2026-01-01', '2026-01-02', 2, 'green'],
    ]);
    expect(periods[0].change).toEqual({
      model: false,
      colourPolicy: false,
      factors: [{ factor: 'complaints_12m', from: 0, to: 2, contributionChange: expect.closeTo(0.7, 12) }],
    });
    expect(periods[0].scoreId).toBe('scoring-4');
    expect(periods[1].change).toBeNull();
  });

  it('starts a stretch at a new model or colour policy, even with the same contributions, and compares factors by name', () => {
    const periods = scorePeriods([
      score('2026-02-01', { violations_3y: [1, 0.4], employees: [12, 0] }),
      score('2026-02-02', { violations_3y: [1, 0.4], employees: [12, 0] }, { colourPolicyVersion: 'cp-2' }),
      score('2026-02-03', { employees: [12, 0.05], violations_3y: [1, 0.3] }, { modelVersion: 'm-2', colourPolicyVersion: 'cp-2' }),
    ]);
    expect(periods).toHaveLength(3);
    expect(periods[1].change).toEqual({ model: false, colourPolicy: true, factors: [] });
    expect(periods[0].change).toEqual({
      model: true,
      colourPolicy: false,
      factors: [
        { factor: 'violations_3y', from: 1, to: 1, contributionChange: expect.closeTo(-0.1, 12) },
        { factor: 'employees', from: 12, to: 12, contributionChange: expect.closeTo(0.05, 12) },
      ],
    });
  });

  it('gives nothing for no scores', () => {
    expect(scorePeriods([])).toEqual([]);
  });
});
