import { absenceKey, absenceRangeProblem, absentDatesIn } from './absence.util';

describe('an officer absence', () => {
  it('is a range of real days, not ending before it starts, of at most a year', () => {
    expect(absenceRangeProblem('2027-03-01', '2027-03-01')).toBeNull();
    expect(absenceRangeProblem('2027-03-01', '2028-02-29')).toBeNull();
    expect(absenceRangeProblem('2027-02-30', '2027-03-01')).toMatch(/real days/);
    expect(absenceRangeProblem('2027-03-05', '2027-03-01')).toMatch(/must not end \(2027-03-01\) before it starts/);
    expect(absenceRangeProblem('2027-03-01', '2028-03-01')).toMatch(/at most 366 days \(this one 367\)/);
  });

  it('is named in the record by the officer and its days', () => {
    expect(absenceKey({ officerId: '44060001', from: '2027-03-01', to: '2027-03-05' })).toBe('44060001/2027-03-01/2027-03-05');
  });

  it("gives each officer's absent days inside the window only, once each, in order", () => {
    const days = absentDatesIn(
      [
        { officerId: 'B', from: '2027-03-30', to: '2027-04-03' },
        { officerId: 'A', from: '2027-02-20', to: '2027-03-02' },
        { officerId: 'A', from: '2027-03-02', to: '2027-03-03' },
        { officerId: 'C', from: '2027-05-01', to: '2027-05-03' },
      ],
      { start: '2027-03-01', end: '2027-03-31' },
    );
    expect(Object.fromEntries(days)).toEqual({ A: ['2027-03-01', '2027-03-02', '2027-03-03'], B: ['2027-03-30', '2027-03-31'] });
  });
});
