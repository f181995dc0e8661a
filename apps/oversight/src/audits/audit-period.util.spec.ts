import { isIsoDay, resolvePeriod } from './audit-period.util';

describe('audit periods', () => {
  it('takes only real days written YYYY-MM-DD', () => {
    expect(isIsoDay('2026-02-28')).toBe(true);
    expect(isIsoDay('2024-02-29')).toBe(true);
    for (const bad of ['2026-02-30', '2026-13-01', '2026-00-10', '20260101', '2026-1-01', '']) expect(isIsoDay(bad)).toBe(false);
  });

  it('says which day is wrong rather than failing inside the date library', () => {
    expect(() => resolvePeriod('2026-13-01', '2026-12-31', new Date())).toThrow('2026-13-01 is not a real day written YYYY-MM-DD');
  });
});
