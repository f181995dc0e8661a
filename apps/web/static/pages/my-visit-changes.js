// What an enterprise's visit notice says beyond its day and checklist: which departments come to re-inspect
// (复查) which earlier finding, and what became of the visit since it was announced: cancelled, and why, or
// a re-inspection moved after an extended deadline (延期整改), with the departments that no longer come.
import { fmtDate, t, valueLabel } from '../i18n.js';
import { h } from '../ui.js';

const CANCELLED_BECAUSE = ['plan-superseded', 'plan-cut', 'other'];

/** An earlier finding in words: a visit's by its day and number, a platform case's by its day. */
function findingText(f) {
  if (f.source === 'visit') return t(f.inspectedOn ? 'myVisit.findingVisit' : 'myVisit.findingVisitUndated', { date: fmtDate(f.inspectedOn), no: f.inspectionRef });
  return f.inspectedOn ? t('myVisit.findingCase', { date: fmtDate(f.inspectedOn) }) : t('myVisit.findingCaseUndated', { no: f.inspectionRef });
}

const byDepartment = (f) => t('myVisit.reinspectBy', { department: valueLabel('dept', f.department), finding: findingText(f) });
const ofDepartment = (f) => t('myVisit.deptFinding', { department: valueLabel('dept', f.department), finding: findingText(f) });

/** The re-inspections the visit carries, one line each; nothing for a visit that re-inspects nothing. */
export function reInspectionLines(v) {
  const followUps = v.followUps ?? [];
  if (followUps.length === 0) return null;
  return [h('dt', {}, t('myVisit.reinspects')),
    h('dd', { 'data-follow-ups': v.visitId }, followUps.map((f) => h('div', { 'data-follow-up': f.inspectionRef, 'data-department': f.department }, byDepartment(f))))];
}

/** Why the visit no longer takes place, or what it gave up; nothing for a visit as announced. */
export function visitChangeNotice(v) {
  const released = v.released ?? [];
  const lines = released.map((r) => {
    const findings = r.followUps.map(ofDepartment).join(t('common.listSep'));
    const gone = r.departmentsRemoved?.length ? t('myVisit.departmentsGone', { departments: r.departmentsRemoved.map((d) => valueLabel('dept', d)).join(t('common.listSep')) }) : '';
    return h('div', { 'data-release': r.cancelled ? 'cancelled' : 'kept' }, t(r.cancelled ? 'myVisit.releasedCancelled' : 'myVisit.releasedKept', { findings, date: fmtDate(r.deadline) }), gone ? ` ${gone}` : '');
  });
  if (v.status === 'cancelled') {
    const because = CANCELLED_BECAUSE.includes(v.cancelledBecause) ? h('div', {}, t(`myVisit.cancelled.${v.cancelledBecause}`)) : null;
    return h('div', { class: 'notice warn', role: 'note', 'data-cancelled-because': v.cancelledBecause ?? 'other', style: 'margin-top:8px' },
      h('strong', {}, t('myVisit.cancelledHead')), because, lines);
  }
  if (lines.length === 0) return null;
  return h('div', { class: 'notice', role: 'note', 'data-released': v.visitId, style: 'margin-top:8px' }, h('strong', {}, t('myVisit.changedHead')), lines);
}
