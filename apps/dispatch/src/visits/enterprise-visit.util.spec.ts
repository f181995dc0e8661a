import { changesByVisit, enterpriseFollowUp } from './enterprise-visit.util';

describe('what an enterprise is told of a visit after it was announced', () => {
  it("tells a Tianping visit's number from a platform case's", () => {
    expect(enterpriseFollowUp({ department: 'CITY', inspectionRef: 'TP-2026-000140', inspectedOn: '2026-12-04' })).toEqual({
      department: 'CITY',
      inspectionRef: 'TP-2026-000140',
      source: 'visit',
      inspectedOn: '2026-12-04',
    });
    // A visit's own case number carries its department: it is a case, as the platform's are.
    expect(enterpriseFollowUp({ department: 'SAMR', inspectionRef: 'TP-2026-000140-SAMR' }).source).toBe('case');
    expect(enterpriseFollowUp({ department: 'SAMR', inspectionRef: 'FS-SAMR-2026-000031', inspectedOn: null })).toMatchObject({
      source: 'case',
      inspectedOn: null,
    });
  });

  it('gives each visit why it was cancelled and its releases in the order made; nothing for a visit left alone', () => {
    const release = (visitId: string, cancelled: boolean, deadline: string) => ({
      visitId,
      cancelled,
      deadline,
      followUps: [{ department: 'SAMR', inspectionRef: 'FS-1', inspectedOn: '2026-11-20' }],
      departmentsRemoved: cancelled ? [] : ['SAMR'],
    });
    const changes = changesByVisit({
      cancellations: [{ visitId: 'v1', reason: 'follow-up-released' }],
      releases: [release('v2', false, '2026-12-20'), release('v1', true, '2026-12-28'), release('v2', false, '2026-12-30')],
    });
    expect(changes.cancelledBecause('v1')).toBe('follow-up-released');
    expect(changes.cancelledBecause('v2')).toBeNull();
    expect(changes.released('v2').map((r) => r.deadline)).toEqual(['2026-12-20', '2026-12-30']);
    expect(changes.released('v1')[0]).toMatchObject({ cancelled: true, followUps: [{ source: 'case', inspectedOn: '2026-11-20' }] });
    expect(changes.released('v3')).toEqual([]);
  });
});
