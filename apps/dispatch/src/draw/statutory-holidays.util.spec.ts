import { fixedHolidaysIn, yearsOf } from './statutory-holidays.util';

describe('statutory holidays fixed by date', () => {
  it('lists the years a window touches', () => {
    expect(yearsOf({ start: '2026-12-22', end: '2027-01-20' })).toEqual([2026, 2027]);
    expect(yearsOf({ start: '2027-03-01', end: '2027-03-31' })).toEqual([2027]);
  });

  it("keeps New Year's Day, Labour Day and National Day inside the window, for the years asked only", () => {
    expect(fixedHolidaysIn({ start: '2026-12-22', end: '2027-01-20' }, [2027])).toEqual(['2027-01-01']);
    expect(fixedHolidaysIn({ start: '2026-12-22', end: '2027-01-20' }, [])).toEqual([]);
    expect(fixedHolidaysIn({ start: '2027-04-28', end: '2027-10-02' }, [2027])).toEqual(['2027-05-01', '2027-05-02', '2027-10-01', '2027-10-02']);
  });
});
