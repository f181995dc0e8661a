import { resolvePeriod } from './audit-period.util';

describe('audit periods', () => {
  it('says which day is wrong rather than failing inside the date library', () => {
    expect(() => resolvePeriod('2026-13-01', '2026-12-31', new Date())).toThrow('2026-13-01 is not a real day written YYYY-MM-DD');
  });
});
