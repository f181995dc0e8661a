import { releaseFollowUps, unneededOfficers, type HoldingVisit } from './follow-up-release.util';

const order = { department: 'SAMR', inspectionRef: 'TP-2026-000100' };
const followUp = { ...order, inspectedOn: '2026-10-01', rectifyBy: '2026-11-01' };
const samrTask = { id: 'SAMR:E1', department: 'SAMR', reason: 'follow-up', clueIds: [], followUps: [order.inspectionRef] };
const fireTask = { id: 'FIRE:E1', department: 'FIRE', reason: 'complaint', clueIds: ['C1'] };
const visit = (tasks: HoldingVisit['tasks'], followUps = [followUp]): HoldingVisit => ({
  taskIds: tasks.map((t) => t.id),
  departments: [...new Set(tasks.map((t) => t.department))],
  checklist: tasks.map((t) => ({ department: t.department, item: `${t.department}-1` })),
  followUps,
  tasks,
});

describe('releasing a re-inspection from a visit planned before its new deadline', () => {
  it('cancels a visit whose only work was the re-inspection', () => {
    expect(releaseFollowUps(visit([samrTask]), [order])).toEqual({ cancelled: true, followUps: [order] });
  });

  it('keeps a visit with other work, without the department only the re-inspection brought', () => {
    const released = releaseFollowUps(visit([fireTask, samrTask]), [order]);
    expect(released).toEqual({
      cancelled: false,
      followUps: [order],
      kept: { taskIds: ['FIRE:E1'], departments: ['FIRE'], checklist: [{ department: 'FIRE', item: 'FIRE-1' }], followUps: [], reasons: ['complaint'] },
      removed: { taskIds: ['SAMR:E1'], departments: ['SAMR'], checklist: [{ department: 'SAMR', item: 'SAMR-1' }] },
    });
  });

  it('keeps the department of a drawn task that also re-inspects, and of a task with another re-inspection', () => {
    const drawn = { ...samrTask, reason: 'risk' };
    const kept = releaseFollowUps(visit([drawn]), [order]);
    expect(kept).toMatchObject({ cancelled: false, kept: { taskIds: ['SAMR:E1'], departments: ['SAMR'], followUps: [], reasons: ['risk'] } });
    const other = { department: 'SAMR', inspectionRef: 'FS-1', inspectedOn: '2026-10-02', rectifyBy: '2026-10-20' };
    const twice = releaseFollowUps(visit([{ ...samrTask, followUps: [order.inspectionRef, 'FS-1'] }], [followUp, other]), [order]);
    expect(twice).toMatchObject({ cancelled: false, kept: { departments: ['SAMR'], followUps: [other], reasons: ['follow-up'] }, removed: { taskIds: [] } });
  });

  it('names only the re-inspections the visit held', () => {
    const fire = { department: 'FIRE', inspectionRef: order.inspectionRef };
    expect(releaseFollowUps(visit([samrTask]), [order, fire]).followUps).toEqual([order]);
  });
});

describe('the officers a visit no longer needs once a department left it', () => {
  const fire1 = { id: 'F-1', domains: ['FIRE'], certValidUntil: '2027-12-31' };
  const fire2 = { id: 'F-2', domains: ['FIRE', 'SAMR'], certValidUntil: '2027-12-31' };
  const samr = { id: 'S-1', domains: ['SAMR'], certValidUntil: '2027-12-31' };

  it('takes off an officer certified for none of the departments left when two certified officers still cover them', () => {
    expect(unneededOfficers([fire1, fire2, samr], ['FIRE'], '2026-11-02')).toEqual(['S-1']);
  });

  it('keeps the team whole when the rest would be fewer than two, uncertified on the day, or not cover a department', () => {
    expect(unneededOfficers([fire1, samr], ['FIRE'], '2026-11-02')).toEqual([]);
    expect(unneededOfficers([fire1, { ...fire2, certValidUntil: '2026-11-01' }, samr], ['FIRE'], '2026-11-02')).toEqual([]);
    expect(unneededOfficers([fire1, fire2, samr], ['FIRE', 'TAX'], '2026-11-02')).toEqual([]);
    expect(unneededOfficers([fire1, fire2], ['FIRE'], '2026-11-02')).toEqual([]);
  });
});
