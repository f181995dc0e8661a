// The form that records a visit's results: each checklist item's result chosen by the officer (none is
// preset, so one click cannot record an all-clear), then a summary to confirm before anything is saved.
import { api } from '../api.js';
import { fmtDate, fmtNumber, plural, t } from '../i18n.js';
import { itemName } from '../items.js';
import { card, errorState, fieldProblem, h, mount } from '../ui.js';
import { rectifyField } from './follow-up.js';
import { isoDay } from '../days.js';

/** The results the API takes (dispatch's codes for 未发现问题, 责令整改, 立案查处), with their words. */
const RESULTS = [['no_problem', 'result.none'], ['rectify', 'result.rectify'], ['case_opened', 'result.case']];

const resultWords = (code) => t(RESULTS.find(([c]) => c === code)?.[1] ?? code);

/**
 * The results form of a scheduled visit. `label(department)` names a department; `onRecorded(said)` is told,
 * once dispatch has recorded them, what to say while the page reads the visit again.
 */
export function resultsForm(ctx, visit, { label, onRecorded }) {
  const items = (visit.checklist ?? []).flatMap((g) => g.items.map((item) => ({ item, department: g.department })));
  // As the server decides: a department on the visit, or the officer named on its team (certified in another department's domain).
  const onTeam = Boolean(ctx.me.officerId) && (visit.officerIds ?? []).includes(ctx.me.officerId);
  const own = ctx.me.role === 'dispatcher' || onTeam || (visit.checklist ?? []).some((g) => g.department === ctx.me.department);
  // Say up front why the form cannot be sent, rather than after the officer has filled it in.
  const blocked = !own ? t('cal.notOwn') : visit.date > isoDay(0) ? t('cal.notYetOn', { date: fmtDate(visit.date) }) : null;
  const rows = items.map(({ item, department }) => {
    // On a phone the header row is hidden: each field names its item and what it asks.
    const result = h('select', { name: `result-${item}`, 'aria-label': `${item} ${t('field.result')}`, 'data-unchosen': '' },
      h('option', { value: '', selected: true, disabled: true }, t('results.choose')),
      RESULTS.map(([v, key]) => h('option', { value: v }, t(key))));
    result.addEventListener('change', () => result.removeAttribute('data-unchosen'));
    const violation = h('input', { name: `violation-${item}`, placeholder: t('cal.violation'), 'aria-label': `${item} ${t('cal.violation')}`, size: 30 });
    return { item, department, result, violation, row: h('tr', {}, h('td', {}, h('span', { class: 'mono' }, item), itemName(item) ? h('div', { class: 'small' }, itemName(item)) : null), h('td', {}, label(department)), h('td', {}, result), h('td', {}, violation)) };
  });
  const message = h('div');
  const confirm = h('div');
  const rectify = rectifyField(visit, rows.map((r) => r.result));
  const submit = h('button', { class: 'btn', type: 'submit', disabled: Boolean(blocked) }, t('cal.record'));
  // An explicit act, never a default: the items still unchosen, and only those, become 未发现问题.
  const fillNone = h('button', { class: 'btn secondary', type: 'button', id: 'results-fill-none', onclick: () => {
    for (const r of rows.filter((x) => !x.result.value)) {
      r.result.value = 'no_problem';
      r.result.dispatchEvent(new Event('change', { bubbles: true }));
    }
  } }, t('results.fillNone'));
  const fieldset = h('fieldset', { class: 'plain', disabled: Boolean(blocked) },
    h('div', { class: 'row', style: 'margin-bottom:8px' }, h('span', { class: 'muted small' }, t('results.chooseEach')), fillNone),
    h('div', { class: 'table-wrap' }, h('table', { class: 'form-rows' }, h('thead', {}, h('tr', {}, [t('field.checklist'), t('field.department'), t('field.result'), t('cal.violation')].map((c) => h('th', {}, c)))), h('tbody', {}, rows.map((r) => r.row)))), rectify.element);
  const form = h('form', { novalidate: true },
    blocked ? h('div', { class: 'notice warn', id: 'results-blocked', style: 'margin-bottom:12px' }, blocked) : null,
    fieldset, message, confirm, h('div', { style: 'margin-top:12px' }, submit));
  // A summary confirmed is a summary of what is on the form: any change asks again.
  const unconfirm = () => { mount(confirm); submit.hidden = false; };
  form.addEventListener('change', unconfirm);
  form.addEventListener('input', unconfirm);

  const save = async (saveButton) => {
    saveButton.disabled = true;
    try {
      const body = { items: rows.map((r) => ({ item: r.item, result: r.result.value, ...(r.violation.value.trim() ? { violation: r.violation.value.trim() } : {}) })), ...rectify.body() };
      const done = await api(`/api/visits/${visit.id}/results`, { method: 'POST', body });
      onRecorded([t('cal.recorded', { n: fmtNumber(done.violationsFound) }), done.rectifyBy ? [' ', t('rectify.recorded', { date: fmtDate(done.rectifyBy) })] : null]);
    } catch (error) {
      const problems = error.body?.problems;
      const said = problems?.join('; ') ?? (error.body?.field === 'rectifyBy' ? error.body.message : null);
      unconfirm();
      mount(message, h('div', { style: 'margin-top:12px' }, error.status === 409 ? h('div', { class: 'notice warn', role: 'alert' }, t('cal.notYet')) : said ? h('div', { class: 'notice bad', role: 'alert' }, said) : errorState(error, null, 'dispatch')));
    }
  };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const problem = checked(rows, rectify);
    if (problem) {
      mount(message, problem);
      return;
    }
    mount(message);
    submit.hidden = true;
    const saveButton = h('button', { class: 'btn', type: 'button', id: 'results-confirm-save', onclick: () => save(saveButton) }, t('results.confirmSave'));
    const back = h('button', { class: 'btn secondary', type: 'button', id: 'results-confirm-back', onclick: () => { unconfirm(); submit.focus(); } }, t('results.confirmBack'));
    mount(confirm, summary(rows, label, saveButton, back));
    saveButton.focus();
  });
  return card(t('cal.record'), form);
}

/** What stops the form being sent, said beside the first field concerned; null when it may be confirmed. */
function checked(rows, rectify) {
  const unchosen = rows.filter((r) => !r.result.value);
  if (unchosen.length) {
    const notice = h('div', { class: 'notice bad', role: 'alert', id: 'results-unchosen', style: 'margin-top:12px' },
      plural('results.unchosen', unchosen.length, { items: unchosen.map((r) => r.item).join(t('common.listSep')) }));
    unchosen.slice(1).forEach((r) => fieldProblem(r.result, notice, { focus: false }));
    return fieldProblem(unchosen[0].result, notice);
  }
  // A finding needs its words: checked here, in the page's language, before the server is asked.
  const unsaid = rows.find((r) => r.result.value !== 'no_problem' && !r.violation.value.trim());
  if (unsaid) {
    return fieldProblem(unsaid.violation, h('div', { class: 'notice bad', role: 'alert', id: 'results-invalid', style: 'margin-top:12px' }, t('cal.violationNeeded', { item: unsaid.item, result: resultWords(unsaid.result.value) })));
  }
  return rectify.problem();
}

/** Counts per result, in all and per department, with the buttons that save them or go back to the form. */
function summary(rows, label, saveButton, back) {
  const count = (list, code) => list.filter((r) => r.result.value === code).length;
  const departments = [...new Set(rows.map((r) => r.department))];
  const line = (name, list) => h('tr', { 'data-summary-department': name === null ? 'all' : name },
    h('th', { scope: 'row' }, name === null ? t('results.total') : label(name)),
    RESULTS.map(([code]) => h('td', { 'data-result': code }, fmtNumber(count(list, code)))));
  const total = RESULTS.map(([code]) => t('results.countOf', { result: resultWords(code), n: fmtNumber(count(rows, code)) })).join(t('common.listSep'));
  return h('div', { class: 'notice', id: 'results-confirm', role: 'region', 'aria-labelledby': 'results-confirm-head', style: 'margin-top:12px' },
    h('strong', { id: 'results-confirm-head' }, t('results.confirmHead', { n: fmtNumber(rows.length) })),
    h('p', { class: 'small', style: 'margin:6px 0' }, total),
    h('div', { class: 'table-wrap' }, h('table', { id: 'results-summary' },
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('field.department')), RESULTS.map(([, key]) => h('th', { scope: 'col' }, t(key))))),
      h('tbody', {}, departments.map((d) => line(d, rows.filter((r) => r.department === d))), departments.length > 1 ? line(null, rows) : null))),
    h('div', { class: 'row', style: 'margin-top:8px' }, saveButton, back));
}
