// Replacing one officer of a scheduled visit (更换执法人员): the dispatcher chooses who leaves, sees who may come,
// picks one or draws one at random (with a recorded seed), gives a reason and confirms.
import { api } from '../api.js';
import { fmtDateTime, fmtNumber, t, tKnown, valueLabel } from '../i18n.js';
import { badge, card, confirmStep, errorText, field, fieldProblem, h, mount, refusalText, select, table } from '../ui.js';

/**
 * The card on the page of a visit still to come, for the dispatcher only; `officer` preselects who leaves
 * (from the conflicts list), `today` is China's day (a past day's team is not changed).
 */
export function teamChangeCard(ctx, visit, { onChanged, officer = null, today }) {
  if (ctx.me.role !== 'dispatcher') return null;
  const history = h('div', { 'data-team-history': '' });
  const changeable = visit.status === 'scheduled' && visit.date >= today;
  // A visit past changing still shows the changes made to it, in a card of their own.
  loadHistory(visit.id, history, !changeable);
  if (!changeable) return history;
  const team = visit.officerIds ?? [];
  const leaving = select('officerOut', team.map((id) => [id, id]), team.includes(officer) ? officer : team[0]);
  const candidatesBox = h('div', { 'data-team-candidates': '' });
  const reason = h('textarea', { name: 'reason', rows: 2, maxlength: 500, required: true, placeholder: t('team.reasonHint'), 'aria-label': t('team.reason'), style: 'width:100%' });
  const message = h('div', { 'data-team-message': '' });
  const step = h('div');
  let chosen = null;

  const pickButton = (c) => {
    const button = h('button', { class: 'btn secondary small', type: 'button', 'data-team-pick': c.officerId, 'aria-pressed': 'false' }, t('team.pick'));
    button.addEventListener('click', () => {
      chosen = c.officerId;
      candidatesBox.querySelectorAll('[data-team-pick]').forEach((b) => b.setAttribute('aria-pressed', String(b === button)));
      mount(message, h('div', { class: 'notice', role: 'status' }, t('team.picked', { officer: c.officerId })));
    });
    return button;
  };
  async function showCandidates() {
    chosen = null;
    mount(candidatesBox, h('p', { class: 'muted small' }, t('common.loading')));
    try {
      const { candidates, excluded } = await api(`/api/visits/${visit.id}/replacements`, { query: { officer: leaving.value } });
      if (candidates.length === 0) return mount(candidatesBox, noCandidates(visit, excluded));
      mount(candidatesBox, table([
        [t('conflict.officer'), (c) => h('span', { class: 'mono' }, c.officerId)],
        [t('field.department'), (c) => h('span', { title: c.department }, valueLabel('dept', c.department))],
        [t('team.load'), (c) => t('team.loadOf', { n: fmtNumber(c.visitsThatDay), cap: fmtNumber(c.dailyCapacity) })],
        [t('team.local'), (c) => (c.local ? badge(t('team.localYes'), 'ok') : '—')],
        [t('conflict.act'), pickButton],
      ], candidates, { stacked: true }));
    } catch (error) {
      mount(candidatesBox, h('div', { class: 'notice bad', role: 'alert' }, refusalText(error, 'team.refused')));
    }
    return undefined;
  }
  leaving.addEventListener('change', showCandidates);

  async function send(how) {
    const why = reason.value.trim();
    if (why.length < 2) { mount(message, fieldProblem(reason, h('div', { class: 'notice bad', role: 'alert' }, t('team.reasonShort')))); return; }
    if (how === 'picked' && !chosen) { mount(message, h('div', { class: 'notice bad', role: 'alert' }, t('team.pickFirst'))); return; }
    const ask = how === 'picked' ? t('team.confirmPick', { out: leaving.value, into: chosen }) : t('team.confirmRandom', { out: leaving.value });
    if (!(await confirmStep(step, ask, t('team.confirm')))) return;
    try {
      const done = await api(`/api/visits/${visit.id}/team-changes`, { method: 'POST', body: { officerOut: leaving.value, how, reason: why, ...(how === 'picked' ? { officerIn: chosen } : {}) } });
      const said = done.chosen.how === 'random' ? t('team.doneRandom', { into: done.officerIn, seed: done.chosen.seed, n: fmtNumber(done.chosen.candidates.length) }) : t('team.done', { into: done.officerIn });
      onChanged?.(said);
    } catch (error) {
      mount(message, h('div', { class: 'notice bad', role: 'alert', 'data-team-error': '' }, refusalText(error, 'team.refused')));
    }
  }
  const pick = h('button', { class: 'btn', type: 'button', 'data-team-send': 'picked' }, t('team.sendPick'));
  const draw = h('button', { class: 'btn secondary', type: 'button', 'data-team-send': 'random' }, t('team.sendRandom'));
  pick.addEventListener('click', () => send('picked'));
  draw.addEventListener('click', () => send('random'));
  const form = h('div', { class: 'stack', 'data-testid': 'team-change' },
    field(t('team.out'), leaving), candidatesBox, field(t('team.reason'), reason),
    h('div', { class: 'row' }, pick, draw), step, message);
  // Most visits keep their team: the form (and its call for candidates) opens on request, or at once from a conflict.
  const open = () => { mount(slot, form); showCandidates(); };
  const opener = h('button', { class: 'btn secondary', type: 'button', 'data-team-open': '' }, t('team.open'));
  opener.addEventListener('click', open);
  const slot = h('div', {}, opener);
  if (officer !== null) open();
  return card(t('team.title'), h('p', { class: 'small muted', style: 'margin:0 0 8px' }, t('team.lead')), history, slot);
}

/** The changes already made to the visit's team, with who made them and why; nothing when there are none. */
async function loadHistory(visitId, into, asCard) {
  try {
    const changes = await api(`/api/visits/${visitId}/team-changes`);
    if (changes.length === 0) return;
    const list = h('ul', { class: 'list-plain stack' }, changes.map((c) => h('li', { 'data-team-change': c.id },
        t(c.chosen === 'random' ? 'team.historyRandom' : 'team.historyPicked', { at: fmtDateTime(c.changedAt), out: c.officerOut, into: c.officerIn, by: c.actor ?? '—' }),
        c.reason ? h('div', { class: 'small muted' }, t('team.historyReason', { reason: c.reason })) : null)));
    mount(into, asCard ? card(t('team.history'), list) : h('div', { style: 'margin-bottom:12px' }, h('h3', { style: 'margin:0 0 6px' }, t('team.history')), list));
  } catch (error) {
    mount(into, h('div', { class: 'notice bad', role: 'alert' }, errorText(error)));
  }
}

/**
 * No one may take the place: how many of the other officers each rule keeps out, most first, so the dispatcher
 * sees what stands in the way (a joint visit of many departments needs a team certified for all of them).
 */
function noCandidates(visit, excluded = {}) {
  const rows = Object.entries(excluded).filter(([, n]) => n > 0).sort((a, b) => b[1] - a[1]);
  return h('div', { class: 'notice warn', 'data-no-candidates': '' },
    h('p', { style: 'margin:0' }, t('team.noCandidates')),
    rows.length ? [h('p', { style: 'margin:6px 0 0' }, t('team.excludedLead', { n: fmtNumber((visit.departments ?? []).length) })),
      h('ul', { style: 'margin:4px 0 0' }, rows.map(([code, n]) => h('li', { 'data-excluded': code }, tKnown(`team.excluded.${code}`, { n: fmtNumber(n) }) ?? `${code}: ${n}`)))] : null);
}
