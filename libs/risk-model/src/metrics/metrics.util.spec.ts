import { auc, budgetCapture, chicagoDaysEarlier, ece, firstHalfShare } from './metrics.util';

describe('evaluation measures', () => {
  it('AUC is 1 for a perfect ranking, 0 for a reversed one and 0.5 when all scores tie', () => {
    expect(auc([0.9, 0.8, 0.2, 0.1], [1, 1, 0, 0])).toBe(1);
    expect(auc([0.1, 0.2, 0.8, 0.9], [1, 1, 0, 0])).toBe(0);
    expect(auc([0.5, 0.5, 0.5, 0.5], [1, 0, 1, 0])).toBe(0.5);
  });

  it('AUC counts a tie between a positive and a negative as one half', () => {
    // Pairs: (0.8 vs 0.5) win, (0.8 vs 0.2) win, (0.5 vs 0.5) half, (0.5 vs 0.2) win → 3.5 / 4.
    expect(auc([0.8, 0.5, 0.5, 0.2], [1, 1, 0, 0])).toBeCloseTo(3.5 / 4, 12);
  });

  it('ECE is the size-weighted gap between predicted and observed rates per bin', () => {
    // Bin [0.1,0.2): mean p 0.15, rate 0 → gap 0.15 on 2 rows; bin [0.9,1): mean p 0.95, rate 1 → 0.05 on 2.
    expect(ece([0.1, 0.2 - 1e-9, 0.9, 1 - 1e-9], [0, 0, 1, 1])).toBeCloseTo((2 * 0.15 + 2 * 0.05) / 4, 6);
  });

  it('budget capture finds the violations among the riskiest tenth and compares with random', () => {
    const scores = Array.from({ length: 10 }, (_, i) => 10 - i);
    const labels = [1, 0, 0, 0, 0, 1, 0, 0, 0, 0];
    const c = budgetCapture(scores, labels, 0.1);
    expect(c.inspected).toBe(1);
    expect(c.share).toBe(0.5);
    expect(c.random).toBe(0.1);
    expect(c.hitRate).toBe(1);
    expect(c.randomHitRate).toBe(0.2);
  });

  it('days earlier re-assigns the actual dates in risk order', () => {
    // Days 0,1,2,3; the only positive is inspected last but ranked first: found 3 days earlier.
    expect(chicagoDaysEarlier([0.1, 0.2, 0.3, 0.9], [0, 0, 0, 1], [0, 1, 2, 3])).toBe(3);
    // Ranking by date itself gains nothing.
    expect(chicagoDaysEarlier([4, 3, 2, 1], [1, 0, 1, 0], [0, 1, 2, 3])).toBe(0);
  });

  it('first-half share compares date order with risk order', () => {
    const half = firstHalfShare([0.1, 0.2, 0.9, 0.8], [0, 0, 1, 1], [0, 1, 2, 3]);
    expect(half.baseline).toBe(0);
    expect(half.riskOrdered).toBe(1);
  });
});
