import fc from 'fast-check';
import { loadBuiltInSpec } from '../spec/spec-loader.util';
import { dayNumberToIso, toDayNumber } from '../spec/date.util';
import { computeFactors, industryFailRates, industryFailRatesByDay, industrySection } from './compute-factors.util';
import { EnterpriseHistory, FactorContext } from './enterprise-history.model';

const spec = loadBuiltInSpec('twelve-factor');

function history(): EnterpriseHistory {
  return {
    subject: {
      establishedOn: '2015-06-01',
      registeredCapitalWan: 100,
      shareholderSubscribedWan: 80,
      employees: null,
      industryCode: 'H6210',
      abnormalListed: false,
      legalRepChanges2y: 1,
      sharedAddressCount: 2,
    },
    inspections: [
      { date: '2019-03-01', department: 'SAMR', violationFound: true, officerIds: ['A1', 'A2'] },
      { date: '2021-05-10', department: 'FIRE', violationFound: false, officerIds: ['B1', 'B2'] },
    ],
    penalties: [{ date: '2021-06-01' }],
    clues: [
      { receivedAt: '2021-09-01T10:00:00+08:00', verified: true },
      { receivedAt: '2021-10-01T10:00:00+08:00', verified: null },
      { receivedAt: '2021-11-01T10:00:00+08:00', verified: false },
    ],
  };
}

describe('computeFactors (twelve-factor spec)', () => {
  it('computes every factor of the catalogue from events before the as-of date', () => {
    const f = computeFactors(history(), '2022-01-01', spec, { industryFailRate: { H: 0.2 }, overallFailRate: 0.1 });
    expect(Object.keys(f)).toHaveLength(12);
    expect(f.years_in_operation).toBeCloseTo((toDayNumber('2022-01-01') - toDayNumber('2015-06-01')) / 365.25, 9);
    expect(f.violations_3y).toBe(2); // the 2019 violation and the 2021 penalty
    expect(f.inspection_fail_rate).toBeCloseTo((1 + 3 * 0.2) / (2 + 3), 12);
    expect(f.complaints_12m).toBe(1.5); // verified 1 + unchecked 0.5; false clue not counted
    expect(f.days_since_last_inspection).toBe(toDayNumber('2022-01-01') - toDayNumber('2021-05-10'));
    expect(f.employees).toBeNull(); // unknown stays unknown, never zero
    expect(f.industry).toBe('H');
  });

  it('an enterprise never inspected has no days-since-last value (its own state)', () => {
    const h = { ...history(), inspections: [] };
    expect(computeFactors(h, '2022-01-01', spec).days_since_last_inspection).toBeNull();
  });

  it('records dated on or after the as-of date never change the factors as of that date', () => {
    const day = fc.integer({ min: 0, max: 2000 });
    fc.assert(
      fc.property(day, fc.array(day, { maxLength: 6 }), fc.array(fc.boolean(), { maxLength: 6 }), (asOfOffset, lateOffsets, found) => {
        const asOf = toDayNumber('2019-01-01') + asOfOffset;
        const before = computeFactors(history(), dayNumberToIso(asOf), spec);
        const late = history();
        lateOffsets.forEach((offset, k) => {
          const date = dayNumberToIso(asOf + offset);
          late.inspections.push({ date, department: 'SAMR', violationFound: found[k] ?? true, officerIds: ['X'] });
          late.penalties.push({ date });
          late.clues.push({ receivedAt: `${date}T00:00:00+08:00`, verified: true });
        });
        expect(computeFactors(late, dayNumberToIso(asOf), spec)).toEqual(before);
      }),
      { numRuns: 200 },
    );
  });

  it('who inspected never changes any factor', () => {
    const other = history();
    other.inspections = other.inspections.map((i) => ({ ...i, officerIds: ['Z9', 'Z8', 'Z7'] }));
    expect(computeFactors(other, '2022-01-01', spec)).toEqual(computeFactors(history(), '2022-01-01', spec));
  });

  it('industry rates for the fail-rate prior use only inspections before the date', () => {
    const ctx = industryFailRates([history()], '2020-01-01');
    expect(ctx.overallFailRate).toBe(1); // only the 2019 inspection is known
  });

  it('industry rates by day give, as of any day, what the rates as of that day give', () => {
    const other = history();
    other.subject.industryCode = 'C1431';
    other.inspections = [
      { date: '2019-03-01', department: 'SAMR', violationFound: false, officerIds: [] },
      { date: '2020-07-01', department: 'SAMR', violationFound: true, officerIds: [] },
    ];
    const histories = [history(), other];
    const counts = histories.flatMap((h) =>
      h.inspections.map((i) => ({ section: industrySection(h.subject.industryCode) ?? '?', date: i.date, failed: i.violationFound ? 1 : 0, total: 1 })),
    );
    const byDay = industryFailRatesByDay(counts);
    for (const day of ['2018-01-01', '2019-03-01', '2019-03-02', '2020-07-01', '2021-05-10', '2021-05-11', '2030-01-01']) {
      // A section with no inspection yet falls back to the overall rate either way.
      const prior = (ctx: FactorContext, section: string) => ctx.industryFailRate?.[section] ?? ctx.overallFailRate;
      for (const section of ['C', 'H', 'F']) expect(prior(byDay(day), section)).toBe(prior(industryFailRates(histories, day), section));
    }
  });
});
