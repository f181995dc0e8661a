import { chinaDay, isIsoDay } from './calendar-day';

describe('chinaDay', () => {
  it('turns the day at 16:00 UTC, midnight in China', () => {
    expect(chinaDay(new Date('2026-12-04T15:59:59.999Z'))).toBe('2026-12-04');
    expect(chinaDay(new Date('2026-12-04T16:00:00Z'))).toBe('2026-12-05');
    expect(chinaDay(Date.parse('2026-12-31T23:30:00+08:00'))).toBe('2026-12-31');
    expect(chinaDay(Date.parse('2027-01-01T00:00:00+08:00'))).toBe('2027-01-01');
  });

  it('isIsoDay takes only real days written YYYY-MM-DD', () => {
    expect(isIsoDay('2026-02-28')).toBe(true);
    expect(isIsoDay('2024-02-29')).toBe(true);
    for (const bad of ['2026-02-30', '2026-13-01', '2026-00-10', '20260101', '2026-1-01', '']) expect(isIsoDay(bad)).toBe(false);
  });
});
