import { driftComparison } from './drift.util';

describe('whether drift can be compared', () => {
  const baseline = { from: '2026-10-01', to: '2026-10-15' };

  it('is not when the period holds the baseline, and says from which day it could be', () => {
    expect(driftComparison({ from: '2026-10-01', to: '2026-12-07' }, [baseline, null])).toEqual({
      comparable: false,
      reason: 'baseline-in-period',
      comparableFrom: '2026-10-16',
    });
  });

  it('is when the period starts after the baseline', () => {
    expect(driftComparison({ from: '2026-10-16', to: '2026-12-07' }, [baseline, baseline])).toMatchObject({ comparable: true, reason: null });
  });
});
