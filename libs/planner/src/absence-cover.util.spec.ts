import { proposeDayCover, type DayCoverVisit } from './absence-cover.util';
import { officer } from './planner.fixture';
import type { TeamChangeInput } from './replacement.util';

const OFFICERS = [
  officer('A', ['SAMR']),
  officer('B', ['FIRE']),
  officer('C', ['FIRE'], { regionCode: '440605' }),
  officer('D', ['FIRE']),
  officer('E', ['SAMR', 'FIRE']),
  officer('F', ['FIRE'], { dailyCapacity: 1 }),
];

function stop(id: string, creditCode: string, extra: Partial<TeamChangeInput> = {}): DayCoverVisit {
  return {
    id,
    input: {
      visit: { creditCode, regionCode: '440604', date: '2027-03-02', departments: ['SAMR', 'FIRE'], officerIds: ['A', 'B'] },
      officerOut: 'B',
      officers: OFFICERS,
      priorInspections: [],
      visitsThatDay: new Map(['A', 'B'].map((id) => [id, 2])),
      ...extra,
    },
  };
}

describe("covering an absent officer's day", () => {
  it('proposes one free officer for every stop, the absent one’s department and local first, within capacity', () => {
    const cover = proposeDayCover([stop('v1', 'X1'), stop('v2', 'X2')]);
    // C is FIRE but not local; E is SAMR first; F may make one visit only.
    expect(cover).toEqual({ officerIn: 'D', covered: ['v1', 'v2'], uncovered: [] });
  });

  it('leaves out an officer already on a route that day', () => {
    const busy = (v: DayCoverVisit) => ({ ...v, input: { ...v.input, visitsThatDay: new Map([...v.input.visitsThatDay, ['D', 1]]) } });
    expect(proposeDayCover([stop('v1', 'X1'), stop('v2', 'X2')].map(busy)).officerIn).toBe('C');
  });

  it('prefers the officer who may take the most stops, and names the rule keeping the rest', () => {
    const inspected = { priorInspections: [{ creditCode: 'X2', department: 'FIRE', date: '2026-12-01', officerIds: ['C', 'D', 'E'] }] };
    const cover = proposeDayCover([stop('v1', 'X1', inspected), stop('v2', 'X2', inspected), stop('v3', 'X3', inspected)]);
    expect(cover.officerIn).toBe('D');
    expect(cover.covered).toEqual(['v1', 'v3']);
    expect(cover.uncovered).toEqual([{ id: 'v2', refusal: expect.objectContaining({ code: 'recent_inspection' }) }]);
  });

  it('says no one when no free officer may take any stop', () => {
    const absent = (id: string) => officer(id, ['FIRE'], { absentDates: ['2027-03-02'] });
    const cover = proposeDayCover([stop('v1', 'X1', { officers: [officer('A', ['SAMR']), officer('B', ['FIRE']), absent('C')] })]);
    expect(cover).toEqual({ officerIn: null, covered: [], uncovered: [{ id: 'v1', refusal: expect.objectContaining({ code: 'no_candidate' }) }] });
  });
});
