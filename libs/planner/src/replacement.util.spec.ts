import type { Officer } from './planner.model';
import { drawReplacement, eligibleReplacements, refusalCounts, replacementRefusal, type TeamChangeInput } from './replacement.util';

const officer = (id: string, domains: string[], extra: Partial<Officer> = {}): Officer => ({
  id,
  department: domains[0],
  domains,
  certValidUntil: '2030-12-31',
  regionCode: '440604',
  onDuty: true,
  dailyCapacity: 4,
  ...extra,
});

const CODE = '91440604MA4UJ8K20C';

function input(extra: Partial<TeamChangeInput> = {}): TeamChangeInput {
  return {
    visit: { creditCode: CODE, regionCode: '440604', date: '2027-03-02', departments: ['SAMR', 'FIRE'], officerIds: ['A', 'B'] },
    officerOut: 'B',
    officers: [
      officer('A', ['SAMR']),
      officer('B', ['FIRE']),
      officer('C', ['FIRE']),
      officer('D', ['SAMR']),
      officer('E', ['FIRE'], { conflicts: [CODE] }),
      officer('F', ['FIRE'], { onDuty: false }),
      officer('G', ['FIRE', 'SAMR'], { regionCode: '440605' }),
      officer('H', ['FIRE'], { dailyCapacity: 2 }),
      officer('I', ['FIRE']),
      officer('J', ['FIRE'], { absentDates: ['2027-03-01', '2027-03-02'] }),
      officer('K', ['FIRE'], { absentDates: ['2027-03-03'] }),
    ],
    priorInspections: [{ creditCode: CODE, department: 'FIRE', date: '2026-09-01', officerIds: ['I'] }],
    visitsThatDay: new Map([
      ['H', 2],
      ['C', 1],
    ]),
    ...extra,
  };
}

describe('replacing one officer of a scheduled visit', () => {
  it('refuses each rule the draw keeps, saying which', () => {
    const code = (id: string) => replacementRefusal(input(), id)?.code ?? null;
    expect(code('A')).toBe('already_on_team');
    expect(code('Z')).toBe('officer_unknown');
    expect(code('D')).toBe('departments_uncovered');
    expect(code('E')).toBe('declared_conflict');
    expect(code('F')).toBe('cannot_work');
    expect(code('H')).toBe('over_capacity');
    expect(code('I')).toBe('recent_inspection');
    expect(code('J')).toBe('officer_absent');
    expect(code('C')).toBeNull();
    expect(replacementRefusal({ ...input(), officerOut: 'Q' }, 'C')?.code).toBe('officer_not_on_team');
    // Already on the enterprise's re-inspection later in the year: it would be inspected by them twice.
    const later = input({ laterVisits: [{ creditCode: CODE, department: 'SAMR', date: '2027-04-01', officerIds: ['C', 'X'] }] });
    expect(replacementRefusal(later, 'C')?.code).toBe('later_inspection');
    expect(eligibleReplacements(later).map((c) => c.officerId)).not.toContain('C');
  });

  it('lists the eligible, fewest visits that day first and local officers ahead', () => {
    expect(eligibleReplacements(input()).map((c) => c.officerId)).toEqual(['K', 'G', 'C']);
    expect(eligibleReplacements(input({ visitsThatDay: new Map() })).map((c) => c.officerId)).toEqual(['C', 'H', 'K', 'G']);
  });

  it('counts why the others may not take the place, one rule each', () => {
    expect(refusalCounts(input())).toEqual({
      departments_uncovered: 1,
      declared_conflict: 1,
      cannot_work: 1,
      over_capacity: 1,
      recent_inspection: 1,
      officer_absent: 1,
    });
    expect(refusalCounts({ ...input(), officerOut: 'Q' })).toEqual({});
  });

  it('draws the same officer again from the same seed, whatever order the candidates come in', () => {
    const picked = drawReplacement(['C', 'G', 'K', 'M'], 'seed-1');
    expect(drawReplacement(['M', 'K', 'G', 'C'], 'seed-1')).toBe(picked);
    const seen = new Set(Array.from({ length: 40 }, (_, i) => drawReplacement(['C', 'G', 'K', 'M'], `seed-${i}`)));
    expect(seen.size).toBeGreaterThan(1);
    expect(drawReplacement([], 'seed-1')).toBeNull();
  });
});
