import type { VisitResultRecorded } from '@tianping/contracts';
import { validateRaw } from '@tianping/intake-core';
import { visitResultToCases } from './visit-result.mapper';

const event = (origins?: VisitResultRecorded['origins']): VisitResultRecorded => ({
  visitId: '7f1c2a9e-0d6b-4c1e-9a51-2b7f3e8d4c10',
  visitNo: 'TP-2026-000085',
  creditCode: '91440604MA4UJ8K20C',
  date: '2026-03-02',
  officerIds: ['44060400123', '44060400456'],
  items: [
    { item: 'CITY-01', department: 'CITY', result: '责令整改', violation: '占道经营' },
    { item: 'SAMR-03', department: 'SAMR', result: '未发现问题' },
    { item: 'FIRE-02', department: 'FIRE', result: '未发现问题' },
  ],
  ...(origins ? { origins } : {}),
  at: '2026-03-02T06:00:00Z',
});

describe("a visit's results as the platform's cases", () => {
  it("gives each department's case the visit's real origin, in the platform's words where it has them", () => {
    const cases = visitResultToCases(event({ CITY: 'follow-up', SAMR: 'complaint', FIRE: 'random' }));
    expect(cases.map((c) => [c.case_no, c.origin])).toEqual([
      ['TP-2026-000085-CITY', '整改复查'],
      ['TP-2026-000085-SAMR', '投诉举报'],
      ['TP-2026-000085-FIRE', '双随机'],
    ]);
    // They pass the same validation as an export row, as Tianping's: only the platforms' rows may not say 整改复查.
    const now = new Date('2026-03-03T00:00:00Z');
    expect(cases.map((c) => validateRaw('cases', c, { now, madeBy: 'tianping' }).ok)).toEqual([true, true, true]);
    expect(cases.map((c) => validateRaw('cases', c, { now }).ok)).toEqual([false, true, true]);
  });

  it('takes an event recorded before origins were sent for the draw', () => {
    expect(visitResultToCases(event()).map((c) => c.origin)).toEqual(['双随机', '双随机', '双随机']);
  });
});
