import { visitOrigins } from './visit-origins.util';

const item = (department: string) => ({ item: `${department}-01`, department, result: '未发现问题' as const });

describe('why each department of a visit went', () => {
  it('names a re-inspection before a complaint, and a complaint before the draw', () => {
    const followUps = [{ department: 'FIRE', inspectionRef: 'TP-2025-000001', inspectedOn: '2025-03-03', rectifyBy: '2025-04-02' }];
    const origins = visitOrigins({ followUps }, [item('FIRE'), item('SAMR'), item('CITY'), item('SAMR')], ['SAMR', 'FIRE']);
    expect(origins).toEqual({ FIRE: 'follow-up', SAMR: 'complaint', CITY: 'random' });
  });

  it('takes a visit with neither for the draw', () => {
    expect(visitOrigins({ followUps: [] }, [item('ENV')], [])).toEqual({ ENV: 'random' });
  });
});
