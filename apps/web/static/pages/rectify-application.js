// Applications for more time to rectify (延期整改申请): the enterprise applies from its visit notice, or under
// its platform case's order, and reads the bureau's answer; on the visit's page, or in the dispatcher's queue for
// a case, the bureau grants (the day applied for, prefilled) or refuses.
import { api } from '../api.js';
import { addDays } from '../days.js';
import { fmtDate, fmtDateTime, t, valueLabel } from '../i18n.js';
import { latestRectifyBy } from './follow-up.js';
import { releasedNotice } from './released-visits.js';
import { badge, errorText, field, fieldProblem, h, mount, refusalText } from '../ui.js';

const STATUS_KIND = { pending: 'blue', granted: 'ok', refused: 'bad' };

const alertBox = (text, code = '') => h('div', { class: 'notice bad', role: 'alert', 'data-apply-error': code, style: 'margin-top:8px' }, text);

/** One application as the enterprise and the bureau read it: the day asked for, where it stands, the bureau's note. */
function applicationLine(a) {
  return h('li', { 'data-application': a.status },
    badge(t(`apply.status.${a.status}`), STATUS_KIND[a.status] ?? ''), ' ',
    t('apply.line', { at: fmtDateTime(a.appliedAt), date: fmtDate(a.rectifyBy) }),
    h('div', { class: 'small muted' }, t('apply.reasonShown', { reason: a.reason })),
    a.decidedAt ? h('div', { class: 'small', 'data-decision-note': '' }, t('apply.decided', { at: fmtDateTime(a.decidedAt), by: a.decidedBy ?? '—' }),
      a.decisionNote ? ` ${t('apply.note', { note: a.decisionNote })}` : '') : null);
}

/** Under the enterprise's notice of a done visit with a deadline: its applications, and a form while none awaits a decision. */
export function applicationPanel(v) {
  if (v.status !== 'done' || !v.rectifyBy) return null;
  return orderPanel({ key: v.visitId, path: `/api/visits/${v.visitId}/rectification-applications`, rectifyBy: v.rectifyBy, date: v.date },
    { 'data-rectify-application': v.visitId });
}

/** Under the enterprise's order to rectify from a platform case: the same as under a visit's. */
export function caseApplicationPanel(order) {
  const key = `case-${order.caseNo.replace(/[^A-Za-z0-9-]/g, '-')}`;
  return orderPanel({ key, path: `/api/cases/${encodeURIComponent(order.caseNo)}/rectification-applications`, rectifyBy: order.rectifyBy, date: order.date },
    { 'data-case-application': order.caseNo });
}

/** An order's applications (`order.path`), and a form while none awaits a decision and the deadline may still move. */
function orderPanel(order, attrs) {
  const panel = h('div', { ...attrs, style: 'margin-top:12px' });
  const load = async () => {
    try {
      const applications = await api(order.path);
      const pending = applications.some((a) => a.status === 'pending');
      const latest = latestRectifyBy(order.date);
      mount(panel,
        applications.length ? h('ul', { class: 'list-plain stack', id: `applications-${order.key}` }, applications.map(applicationLine)) : null,
        pending || order.rectifyBy >= latest ? null : applicationForm(order, latest, load));
    } catch (error) {
      mount(panel, alertBox(errorText(error)));
    }
  };
  load();
  return panel;
}

function applicationForm(order, latest, reload) {
  const day = h('input', { type: 'date', name: 'rectifyBy', id: `apply-to-${order.key}`, min: addDays(order.rectifyBy, 1), max: latest, style: 'max-width:16em' });
  const reason = h('textarea', { name: 'reason', id: `apply-reason-${order.key}`, rows: 2, maxlength: 500, placeholder: t('apply.reasonHint'), style: 'width:100%' });
  const message = h('div');
  const submit = h('button', { class: 'btn', type: 'submit' }, t('apply.send'));
  const said = (input, text) => mount(message, fieldProblem(input, alertBox(text)));
  const form = h('form', { class: 'stack', novalidate: true, 'data-testid': 'rectify-application' },
    field(t('apply.to'), day), h('div', { class: 'small muted' }, t('apply.help', { current: fmtDate(order.rectifyBy), latest: fmtDate(latest) })),
    field(t('apply.reason'), reason), message, h('div', {}, submit));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (!day.value || day.value <= order.rectifyBy) return said(day, t('apply.notLater', { date: fmtDate(order.rectifyBy) }));
    if (day.value > latest) return said(day, t('apply.beyondCap', { date: fmtDate(latest) }));
    if (reason.value.trim().length < 2) return said(reason, t('apply.reasonShort'));
    mount(message);
    submit.disabled = true;
    try {
      await api(order.path, { method: 'POST', body: { rectifyBy: day.value, reason: reason.value.trim() } });
      reload();
    } catch (error) {
      mount(message, alertBox(refusalText(error, 'apply.refused'), error.body?.code ?? ''));
      submit.disabled = false;
    }
  });
  return h('details', { 'data-apply-fold': '' }, h('summary', {}, t('apply.open')), form);
}

/** On the visit's page, for those who may extend: the pending application with Grant and Refuse, and the past ones. */
export function applicationsForBureau(visit, { onDecided }) {
  const panel = h('div', { 'data-applications': '' });
  (async () => {
    try {
      const applications = await api(`/api/visits/${visit.id}/rectification-applications`);
      if (applications.length === 0) return;
      const pending = applications.find((a) => a.status === 'pending');
      const order = { path: `/api/visits/${visit.id}/rectification-applications`, rectifyBy: visit.rectifyBy, date: visit.date, key: '' };
      mount(panel, pending ? decisionForm(order, pending, onDecided) : null,
        h('ul', { class: 'list-plain stack', id: 'application-history' }, applications.filter((a) => a !== pending).map(applicationLine)));
    } catch (error) {
      mount(panel, alertBox(errorText(error)));
    }
  })();
  return panel;
}

/** Grant (the day applied for, prefilled) or refuse with a note; `order.key` keeps ids apart where a page holds several. */
function decisionForm(order, pending, onDecided) {
  const latest = latestRectifyBy(order.date);
  const key = order.key;
  const day = h('input', { type: 'date', name: 'rectifyBy', id: `grant-to${key}`, min: addDays(order.rectifyBy, 1), max: latest, value: pending.rectifyBy, style: 'max-width:16em' });
  const note = h('textarea', { name: 'note', id: `decision-note${key}`, rows: 2, maxlength: 500, placeholder: t('apply.noteHint'), style: 'width:100%' });
  const message = h('div');
  const decide = async (decision) => {
    if (decision === 'refuse' && note.value.trim().length < 2) return mount(message, fieldProblem(note, alertBox(t('apply.noteNeeded'))));
    mount(message);
    try {
      const body = { decision, ...(decision === 'grant' ? { rectifyBy: day.value } : {}), ...(note.value.trim() ? { note: note.value.trim() } : {}) };
      const done = await api(`${order.path}/${pending.id}/decision`, { method: 'POST', body });
      onDecided?.(decision === 'grant' ? [t('extend.done', { date: fmtDate(done.currentRectifyBy) }), releasedNotice(done)] : t('apply.refusedDone'));
    } catch (error) {
      mount(message, alertBox(refusalText(error, 'apply.refused'), error.body?.code ?? ''));
    }
  };
  return h('div', { class: 'notice', 'data-pending-application': pending.id, style: 'margin-bottom:8px' },
    h('strong', {}, t('apply.pendingTitle')),
    h('p', {}, t('apply.pendingLine', { at: fmtDateTime(pending.appliedAt), date: fmtDate(pending.rectifyBy), by: pending.applicant ?? '—' })),
    h('p', { class: 'small' }, t('apply.reasonShown', { reason: pending.reason })),
    field(t('extend.to'), day), field(t('apply.noteLabel'), note), message,
    h('div', { class: 'row' },
      h('button', { class: 'btn', type: 'button', id: `grant-application${key}`, onclick: () => decide('grant') }, t('apply.grant')),
      h('button', { class: 'btn secondary', type: 'button', id: `refuse-application${key}`, onclick: () => decide('refuse') }, t('apply.refuse'))));
}

/**
 * On the dispatcher's calendar: how many applications await a decision, a visit's linked to its page, a platform
 * case's decided here (it has no page of its own), each in a fold-away form.
 */
export function pendingApplicationsNotice(ctx) {
  const panel = h('div', { 'data-pending-applications': '' });
  if (ctx.me.role !== 'dispatcher') return panel;
  const said = h('div', { role: 'status' });
  const load = () => api('/api/rectification-applications', { query: { status: 'pending' } }).then((pending) => {
    if (pending.length === 0) return mount(panel, said);
    const visits = pending.filter((a) => a.source !== 'case');
    const cases = pending.filter((a) => a.source === 'case');
    mount(panel, h('div', { class: 'notice', id: 'calendar-applications', 'data-count': pending.length, style: 'margin-top:12px' },
      t('apply.queue', { n: pending.length }), ' ',
      visits.map((a) => [h('a', { href: `#/visits/${a.visitId}`, class: 'mono' }, a.visitNo), ' ']),
      cases.map((a, i) => caseDecision(a, i, (text) => { mount(said, h('div', { class: 'notice ok', style: 'margin-top:8px' }, text)); load(); }))),
    said);
  }).catch(() => {});
  load();
  return panel;
}

/** A platform case's pending application in the queue: the case, its department and day, and the decision form. */
function caseDecision(a, i, onDecided) {
  const order = { path: `/api/cases/${encodeURIComponent(a.caseNo)}/rectification-applications`, rectifyBy: a.currentRectifyBy, date: a.inspectedOn, key: `-case-${i}` };
  return h('details', { 'data-case-application': a.caseNo, style: 'margin-top:8px' },
    h('summary', {}, t('apply.caseSummary', { caseNo: a.caseNo, department: valueLabel('dept', a.department), date: fmtDate(a.inspectedOn) })),
    decisionForm(order, a, onDecided));
}
