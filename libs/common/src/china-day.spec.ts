import { chinaDay } from './china-day';

describe('chinaDay', () => {
  it('turns the day at 16:00 UTC, midnight in China', () => {
    expect(chinaDay(new Date('2026-12-04T15:59:59.999Z'))).toBe('2026-12-04');
    expect(chinaDay(new Date('2026-12-04T16:00:00Z'))).toBe('2026-12-05');
    expect(chinaDay(Date.parse('2026-12-31T23:30:00+08:00'))).toBe('2026-12-31');
    expect(chinaDay(Date.parse('2027-01-01T00:00:00+08:00'))).toBe('2027-01-01');
  });
});
