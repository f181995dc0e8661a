// Follow-up inspections after an order to rectify (整改复查): the deadline asked with a visit's results,
// and the lines that say which inspection a re-inspection checks on.
import { api } from '../api.js';
import { addDays } from '../days.js';
import { fmtDate, t, valueLabel } from '../i18n.js';
import { field, fieldProblem, h } from '../ui.js';

/** The longest deadline dispatch takes, in days after the visit. */
const MAX_RECTIFICATION_DAYS = 180;

/** The latest deadline dispatch takes for a visit of that day, whether first set or extended. */
export function latestRectifyBy(visitDate) {
  return addDays(visitDate, MAX_RECTIFICATION_DAYS);
}
/** The first day of a re-inspection, as dispatch counts it: the deadline day is the enterprise's (改正期限届满后复查). */
export function firstReinspectionDay(rectifyBy) {
  return addDays(rectifyBy, 1);
}

/** The policy's default when it cannot be read (dispatch's own default). */
const DEFAULT_RECTIFICATION_DAYS = 30;

/**
 * The deadline field of the results form: shown while an item's result is 责令整改 (`rectify`),
 * prefilled with the visit's day + the policy's `rectificationDays`. `resultInputs` are the items' selects.
 */
export function rectifyField(visit, resultInputs) {
  const input = h('input', { type: 'date', name: 'rectifyBy', id: 'rectify-by', min: addDays(visit.date, 1), max: latestRectifyBy(visit.date), style: 'max-width:16em' });
  const help = h('div', { class: 'small muted' });
  let typed = false;
  input.addEventListener('input', () => { typed = true; });
  const prefill = (days) => {
    if (!typed) input.value = addDays(visit.date, days);
    help.textContent = t('rectify.help', { days });
  };
  prefill(DEFAULT_RECTIFICATION_DAYS);
  // The policy's default, once read; a day the officer typed meanwhile stays.
  api('/api/policy').then((p) => prefill(p.rectificationDays ?? DEFAULT_RECTIFICATION_DAYS)).catch(() => {});
  const box = h('div', { id: 'rectify-field', style: 'margin-top:12px' }, field(t('rectify.deadline'), input), help);
  const wanted = () => resultInputs.some((s) => s.value === 'rectify');
  const toggle = () => { box.hidden = !wanted(); };
  resultInputs.forEach((s) => s.addEventListener('change', toggle));
  toggle();
  return {
    element: box,
    /** What the results carry: the deadline when an item orders rectification, else nothing. */
    body: () => (wanted() && input.value ? { rectifyBy: input.value } : {}),
    /** The deadline's problem said beside it, in the page's language; null when it may be sent. */
    problem: () => {
      if (!wanted() || !input.value) return null;
      const said = input.value <= visit.date ? t('rectify.tooEarly', { date: fmtDate(visit.date) })
        : input.value > latestRectifyBy(visit.date) ? t('rectify.tooLate', { date: fmtDate(latestRectifyBy(visit.date)) }) : null;
      return said ? fieldProblem(input, h('div', { class: 'notice bad', role: 'alert', id: 'rectify-invalid', style: 'margin-top:12px' }, said)) : null;
    },
  };
}

/**
 * One line per inspection a visit re-inspects: "SAMR 复查：2026-03-02 检查（TP-2026-000123）责令整改，整改期限 2026-04-01",
 * the deadline as it is now; a visit still to come on or before it (the deadline extended since) is said to prove nothing.
 */
export function followUpLines(followUps, visit = null) {
  if (!followUps?.length) return null;
  const early = (f) => visit?.status === 'scheduled' && visit.date < firstReinspectionDay(f.rectifyBy);
  return h('ul', { class: 'list-plain', id: 'visit-follow-ups' }, followUps.map((f) => h('li', { 'data-follow-up': f.inspectionRef },
    t('followUp.line', { dept: valueLabel('dept', f.department), date: fmtDate(f.inspectedOn), ref: f.inspectionRef, deadline: fmtDate(f.rectifyBy) }),
    early(f) ? h('div', { class: 'notice warn small', 'data-follow-up-early': '' }, t('followUp.early')) : null)));
}

/**
 * Under a visit's recorded results: by when the enterprise must rectify, and the first day of the re-inspection;
 * with `original` (the deadline first set), that it was extended, in the words of `extendedKey`.
 */
export function rectifyNote(rectifyBy, key = 'rectify.shown', original = null, extendedKey = 'rectify.extended') {
  return rectifyBy ? h('div', { class: 'notice warn', 'data-rectify-by': rectifyBy, style: 'margin-top:12px' }, t(key, { date: fmtDate(rectifyBy), after: fmtDate(firstReinspectionDay(rectifyBy)) }),
    original ? h('span', { 'data-rectify-extended': original }, ' ', t(extendedKey, { date: fmtDate(original) })) : null) : null;
}

/** Under an order to rectify: the re-inspections it led to, each linked, with its day and whether it is done. */
export function reInspectionLines(reInspections) {
  if (!reInspections?.length) return null;
  return h('ul', { class: 'list-plain', id: 'visit-re-inspections', style: 'margin-top:8px' }, reInspections.map((r) => h('li', { 'data-re-inspection': r.visitNo },
    t(r.status === 'done' ? 'rectify.reInspected' : 'rectify.reInspection', { date: fmtDate(r.date) }), ' ', h('a', { href: `#/visits/${r.id}` }, r.visitNo))));
}

/** Under a plan's task: which inspections it re-inspects, and the first day it may (the day after the deadline). */
export function followUpOfTask(task) {
  if (!task.followUps?.length) return null;
  return h('div', { class: 'small', 'data-follow-up-task': task.id }, t('followUp.task', { refs: task.followUps.join(t('common.listSep')), day: fmtDate(task.notBefore) }));
}
