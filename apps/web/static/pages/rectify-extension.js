// Extending a rectification deadline (延期整改): on a done visit whose results ordered rectification, the
// bureau moves the deadline later when the enterprise applies for more time; the past extensions are listed.
import { api } from '../api.js';
import { addDays } from '../days.js';
import { fmtDate, fmtDateTime, t } from '../i18n.js';
import { latestRectifyBy } from './follow-up.js';
import { card, errorText, field, fieldProblem, h, mount, refusalText } from '../ui.js';
import { applicationsForBureau } from './rectify-application.js';
import { releasedNotice } from './released-visits.js';

/** How much later the form proposes: a month, as far as the cap allows. */
const PROPOSED_DAYS = 30;

/** Whether the signed-in account may act on the visit, as the gateway decides for results. */
function mayExtend(ctx, visit) {
  const onTeam = Boolean(ctx.me.officerId) && (visit.officerIds ?? []).includes(ctx.me.officerId);
  return ctx.me.role === 'dispatcher' || onTeam || (visit.departments ?? []).includes(ctx.me.department);
}

/**
 * The card under a done visit's results while an order to rectify has a deadline: its extensions, and for
 * those who may grant one a fold-away form. `onExtended(said)` reads the visit again.
 */
export function extensionCard(ctx, visit, { onExtended, label = (d) => d }) {
  if (visit.status !== 'done' || !visit.rectifyBy) return null;
  // The gateway reads a visit's extensions only to those who may grant one: others are told who handles it, not refused.
  if (!mayExtend(ctx, visit)) {
    const departments = (visit.departments ?? []).map(label).join(t('common.listSep'));
    return card(t('extend.title'), h('p', { class: 'small muted', id: 'extend-elsewhere' }, t('extend.otherDepartment', { departments })));
  }
  const history = h('div', { 'data-extension-history': '' });
  loadHistory(visit.id, history);
  const latest = latestRectifyBy(visit.date);
  const form = visit.rectifyBy >= latest ? h('p', { class: 'small muted', id: 'extend-at-cap' }, t('extend.atCap', { date: fmtDate(latest) }))
    : extensionForm({ path: `/api/visits/${visit.id}/rectification-extensions`, rectifyBy: visit.rectifyBy }, latest, onExtended);
  const applications = applicationsForBureau(visit, { onDecided: onExtended });
  return card(t('extend.title'), applications, history, form);
}

/**
 * The fold-away form moving a deadline (`order.rectifyBy`, the one in force) later, up to `latest`, posted to
 * `order.path`: a visit's or a platform case's. `key` keeps its ids apart where a page holds several.
 */
export function extensionForm(order, latest, onExtended, key = '') {
  const proposed = addDays(order.rectifyBy, PROPOSED_DAYS);
  const day = h('input', { type: 'date', name: 'rectifyBy', id: `extend-to${key}`, min: addDays(order.rectifyBy, 1), max: latest, value: proposed < latest ? proposed : latest, style: 'max-width:16em' });
  const reason = h('textarea', { name: 'reason', id: `extend-reason${key}`, rows: 2, maxlength: 500, placeholder: t('extend.reasonHint'), style: 'width:100%' });
  const message = h('div', { 'data-extend-message': '' });
  const submit = h('button', { class: 'btn', type: 'submit' }, t('extend.send'));
  const said = (input, text) => mount(message, fieldProblem(input, h('div', { class: 'notice bad', role: 'alert', id: 'extend-invalid', style: 'margin-top:8px' }, text)));
  const form = h('form', { class: 'stack', novalidate: true, 'data-testid': 'rectify-extension' },
    field(t('extend.to'), day), h('div', { class: 'small muted' }, t('extend.help', { current: fmtDate(order.rectifyBy), latest: fmtDate(latest) })),
    field(t('extend.reason'), reason), message, h('div', {}, submit));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    // Said beside the field, in the page's language, before the server is asked.
    if (!day.value || day.value <= order.rectifyBy) return said(day, t('extend.notLater', { date: fmtDate(order.rectifyBy) }));
    if (day.value > latest) return said(day, t('extend.beyondCap', { date: fmtDate(latest) }));
    if (reason.value.trim().length < 2) return said(reason, t('extend.reasonShort'));
    mount(message);
    submit.disabled = true;
    try {
      const done = await api(order.path, { method: 'POST', body: { rectifyBy: day.value, reason: reason.value.trim() } });
      onExtended?.(extendedText(done));
    } catch (error) {
      const input = error.body?.field === 'rectifyBy' ? day : null;
      const text = h('div', { class: 'notice bad', role: 'alert', 'data-extend-error': error.body?.code ?? '' }, refusalText(error, 'extend.refused'));
      mount(message, input ? fieldProblem(input, text) : text);
      submit.disabled = false;
    }
  });
  return h('details', { 'data-extend-fold': '', style: 'margin-top:8px' }, h('summary', {}, t('extend.open')), form);
}

/** What the page says once granted: the new day, and the visits planned before it that no longer hold the re-inspection. */
function extendedText(done) {
  return [t('extend.done', { date: fmtDate(done.to) }), releasedNotice(done)];
}

/** The extensions already granted, oldest first, with who and why; nothing when there are none. */
async function loadHistory(visitId, into) {
  try {
    const extensions = await api(`/api/visits/${visitId}/rectification-extensions`);
    if (extensions.length === 0) return;
    mount(into, h('ul', { class: 'list-plain stack', id: 'extension-history' }, extensions.map((x) => h('li', { 'data-extension': x.to },
      t('extend.historyLine', { at: fmtDateTime(x.extendedAt), from: fmtDate(x.from), to: fmtDate(x.to), by: x.actor ?? '—' }),
      x.reason ? h('div', { class: 'small muted' }, t('extend.historyReason', { reason: x.reason })) : null))));
  } catch (error) {
    mount(into, h('div', { class: 'notice bad', role: 'alert' }, errorText(error)));
  }
}
