import { resolvePeriod, resolveYearPeriod } from './audit-period.util';

describe('audit periods', () => {
  it('says which day is wrong rather than failing inside the date library', () => {
    expect(() => resolvePeriod('2026-13-01', '2026-12-31', new Date())).toThrow('2026-13-01 is not a real day written YYYY-MM-DD');
  });

  it('looks back a year to today (China time) without dates, a year to a given end, or from a given start', () => {
    // 2026-12-06T17:00Z is already 7 December in China.
    const now = new Date('2026-12-06T17:00:00Z');
    expect(resolveYearPeriod(undefined, undefined, now)).toEqual({ from: '2025-12-08', to: '2026-12-07' });
    expect(resolveYearPeriod(undefined, '2024-03-01', now)).toEqual({ from: '2023-03-03', to: '2024-03-01' });
    expect(resolveYearPeriod('2026-06-01', undefined, now)).toEqual({ from: '2026-06-01', to: '2026-12-07' });
    expect(() => resolveYearPeriod(undefined, '2026-02-30', now)).toThrow('2026-02-30 is not a real day');
    expect(() => resolveYearPeriod('2026-12-08', '2026-12-07', now)).toThrow('must not end before it starts');
  });
});
