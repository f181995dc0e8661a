// Conflicts of interest (执法人员回避): an officer declares its own on an enterprise's file; the dispatcher sees and withdraws any.
import { api } from '../api.js';
import { fmtDate, fmtDateTime, t } from '../i18n.js';
import { badge, card, confirmStep, errorText, fieldProblem, h, mount, section, state, table } from '../ui.js';
import { enterprisesByCode } from './bureau-calendar.js';

/** Visits already published that still send the officer there: the declaration does not move them. */
function scheduledWarning(visits) {
  if (!visits?.length) return null;
  return h('div', { class: 'notice warn', role: 'status', 'data-conflict-scheduled': '' },
    t('conflict.scheduled'), ' ',
    visits.map((v, n) => [n ? '、' : '', h('a', { href: `#/visits/${v.id}`, class: 'mono' }, v.number), ` (${fmtDate(v.date)})`]));
}

/** The officer's own declaration about this enterprise, or the form to make one. */
export function conflictCard(ctx, code) {
  if (ctx.me.role !== 'department') return null;
  const box = h('div', { 'data-testid': 'conflict' });
  const lead = h('p', { class: 'small muted', style: 'margin:0 0 8px' }, t('conflict.lead'));
  if (!ctx.me.officerId) return card(t('conflict.title'), lead, state('empty', t('conflict.unbound'), t('conflict.unboundHelp')));
  const show = () => section(box, () => api('/api/conflicts', { query: { enterprise: code } }), ([declared]) => (declared ? declaredView(declared) : declareForm()), 'dispatch');
  function declaredView(declared) {
    const message = h('div');
    const button = h('button', { class: 'btn secondary', type: 'button', 'data-conflict-withdraw': '' }, t('conflict.withdraw'));
    button.addEventListener('click', async () => {
      button.disabled = true;
      try {
        await api(`/api/conflicts/${encodeURIComponent(declared.officerId)}/${code}`, { method: 'DELETE' });
        await show();
      } catch (error) {
        button.disabled = false;
        mount(message, h('div', { class: 'notice bad', role: 'alert' }, errorText(error)));
      }
    });
    return h('div', { class: 'stack' },
      h('div', { class: 'notice ok', role: 'status', 'data-conflict-declared': '' },
        h('strong', {}, t('conflict.declared', { date: fmtDateTime(declared.declaredAt) })), h('div', {}, t('conflict.reasonShown', { reason: declared.reason ?? '—' }))),
      scheduledWarning(declared.scheduledVisits), h('div', {}, button), message);
  }
  function declareForm() {
    const reason = h('textarea', { name: 'reason', rows: 2, maxlength: 500, required: true, placeholder: t('conflict.reasonHint'), 'aria-label': t('conflict.reason'), style: 'width:100%' });
    const button = h('button', { class: 'btn', type: 'submit', 'data-conflict-declare': '' }, t('conflict.declare'));
    const message = h('div');
    const form = h('form', { class: 'stack' }, reason, h('div', {}, button), message);
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const why = reason.value.trim();
      if (why.length < 2) { mount(message, fieldProblem(reason, h('div', { class: 'notice bad', role: 'alert' }, t('conflict.reasonShort')))); return; }
      button.disabled = true;
      try {
        await api('/api/conflicts', { method: 'POST', body: { creditCode: code, reason: why } });
        await show();
      } catch (error) {
        button.disabled = false;
        mount(message, h('div', { class: 'notice bad', role: 'alert' }, errorText(error)));
      }
    });
    return form;
  }
  show();
  return card(t('conflict.title'), lead, box);
}

/** Every declaration, for the dispatcher (who may withdraw one) and oversight (which sees no reasons). */
export function conflictsListCard(ctx) {
  const box = h('div', { 'data-testid': 'conflicts' });
  const canWithdraw = ctx.me.role === 'dispatcher';
  const load = async () => {
    const rows = await api('/api/conflicts');
    const names = await enterprisesByCode(rows.map((c) => c.creditCode)).catch(() => new Map());
    return rows.map((c) => ({ ...c, name: names.get(c.creditCode)?.name }));
  };
  const withdrawButton = (c) => {
    const button = h('button', { class: 'btn secondary small', type: 'button', 'data-conflict-withdraw': `${c.officerId}/${c.creditCode}` }, t('conflict.withdraw'));
    const step = h('div');
    button.addEventListener('click', async (event) => {
      event.stopPropagation();
      if (!(await confirmStep(step, t('conflict.withdrawConfirm', { officer: c.officerId, name: c.name ?? c.creditCode }), t('conflict.withdraw'), { replaces: button }))) return;
      try {
        await api(`/api/conflicts/${encodeURIComponent(c.officerId)}/${c.creditCode}`, { method: 'DELETE' });
        show();
      } catch (error) {
        mount(step, h('div', { class: 'notice bad', role: 'alert' }, errorText(error)));
      }
    });
    return h('div', {}, button, step);
  };
  // The dispatcher moves such a visit to another officer from its page, the officer to replace chosen already.
  const scheduledVisit = (c, v) => h('div', { class: 'row' }, badge(v.number, 'warn'),
    canWithdraw ? h('a', { class: 'btn secondary small', href: `#/visits/${v.id}/replace/${encodeURIComponent(c.officerId)}`, 'data-team-replace': v.id }, t('team.title')) : null);
  const show = () => section(box, load, (rows) => table([
    [t('conflict.officer'), (c) => h('span', { class: 'mono' }, c.officerId)],
    [t('conflict.enterprise'), (c) => [h('a', { href: `#/enterprises/${c.creditCode}` }, c.name ?? c.creditCode), h('div', { class: 'mono small muted' }, c.creditCode)]],
    ...(canWithdraw ? [[t('conflict.reason'), (c) => c.reason ?? '—']] : []),
    [t('conflict.declaredAt'), (c) => [fmtDateTime(c.declaredAt), c.declaredBy ? h('div', { class: 'small muted' }, c.declaredBy) : null]],
    [t('conflict.stillScheduled'), (c) => (c.scheduledVisits?.length ? c.scheduledVisits.map((v) => scheduledVisit(c, v)) : '—')],
    ...(canWithdraw ? [[t('conflict.act'), withdrawButton]] : []),
  ], rows, { empty: t('conflict.none'), stacked: true }), 'dispatch');
  show();
  return card(t('conflict.listTitle'), h('p', { class: 'small muted', style: 'margin:0 0 8px' }, t('conflict.listLead')), box);
}
