// An absent officer (人员缺勤) replaced on every visit of the absence's days in one act: dispatch proposes one free
// officer a day (each route keeps one team), lists what no one may take and why; the dispatcher confirms.
import { api } from '../api.js';
import { fmtDate, fmtNumber, t, tKnown } from '../i18n.js';
import { badge, confirmStep, errorText, field, fieldProblem, h, mount, refusalText, table } from '../ui.js';

/**
 * The action on one absence: a button that opens the proposal, then the confirmation. Once applied, what it
 * did takes the place of `done` (the action itself unless given: the list of visits it answered, say).
 */
export function absenceCoverAction(absence, changed, done = null) {
  const box = h('div', { 'data-absence-cover': absence.id });
  const opener = h('button', { class: 'btn secondary small', type: 'button', 'data-absence-cover-open': absence.id }, t('cover.open'));
  const root = h('div', {}, opener, box);
  opener.addEventListener('click', () => showProposal(box, changed, done ?? root, absence));
  return root;
}

async function showProposal(box, changed, done, absence) {
  mount(box, h('p', { class: 'muted small' }, t('common.loading')));
  try {
    mount(box, proposalView(await api(`/api/absences/${absence.id}/replacements`), changed, box, done));
  } catch (error) {
    mount(box, h('div', { class: 'notice bad', role: 'alert' }, errorText(error)));
  }
}

function proposalView(proposal, changed, box, done) {
  const covered = proposal.days.filter((d) => d.officerIn);
  const uncovered = proposal.days.flatMap((d) => d.uncovered.map((u) => ({ ...u, date: d.date })));
  const rows = covered.flatMap((d) => d.visits.map((v) => ({ ...v, date: d.date, officerIn: d.officerIn })));
  const parts = [h('p', { class: 'small', 'data-cover-summary': '' }, t('cover.summary', { visits: fmtNumber(rows.length), days: fmtNumber(covered.length), uncovered: fmtNumber(uncovered.length) }))];
  if (rows.length) parts.push(table([
    [t('cover.date'), (v) => fmtDate(v.date)],
    [t('cover.visit'), (v) => h('a', { href: `#/visits/${v.visitId}`, class: 'mono', 'data-cover-visit': v.visitId }, v.visitNo)],
    [t('cover.team'), (v) => h('span', { class: 'mono' }, v.officerIds.join('、'))],
    [t('cover.officerIn'), (v) => h('span', { class: 'mono', 'data-cover-in': v.officerIn }, v.officerIn)],
  ], rows, { stacked: true }));
  if (uncovered.length) parts.push(uncoveredNotice(t('cover.uncoveredTitle', { n: fmtNumber(uncovered.length) }), uncovered, proposal.officerId));
  if (!rows.length) return h('div', { class: 'stack' }, ...parts, h('p', { class: 'small muted' }, t('cover.nothing')));
  const reason = h('textarea', { name: 'coverReason', rows: 2, maxlength: 500, placeholder: t('team.reasonHint'), 'aria-label': t('team.reason'), style: 'width:100%' });
  reason.value = t('cover.defaultReason');
  const step = h('div');
  const message = h('div', { 'aria-live': 'polite' });
  const send = h('button', { class: 'btn', type: 'button', 'data-cover-confirm': '' }, t('cover.confirm'));
  send.addEventListener('click', async () => {
    const why = reason.value.trim();
    if (why.length < 2) { mount(message, fieldProblem(reason, h('div', { class: 'notice bad', role: 'alert' }, t('team.reasonShort')))); return; }
    if (!(await confirmStep(step, t('cover.ask', { visits: fmtNumber(rows.length), officer: proposal.officerId }), t('cover.confirm')))) return;
    const days = covered.map((d) => ({ date: d.date, officerIn: d.officerIn, visitIds: d.visits.map((v) => v.visitId) }));
    try {
      const applied = await api(`/api/absences/${proposal.absenceId}/replacements`, { method: 'POST', body: { days, reason: why } });
      const said = h('div', { class: 'notice ok', role: 'status', 'data-cover-done': '' }, t('cover.done', { n: fmtNumber(applied.changed.length), uncovered: fmtNumber(applied.uncovered.length) }));
      mount(done, said, applied.uncovered.length ? uncoveredNotice(t('cover.uncoveredLeft'), applied.uncovered, proposal.officerId) : null);
      await changed?.();
    } catch (error) {
      if (error?.body?.code === 'proposal_changed') {
        mount(box, h('div', { class: 'stack' }, h('div', { class: 'notice bad', role: 'alert', 'data-cover-stale': '' }, t('cover.stale')), proposalView(error.body.proposal, changed, box, done)));
        return;
      }
      mount(message, h('div', { class: 'notice bad', role: 'alert' }, refusalText(error, 'team.refused')));
    }
  });
  return h('div', { class: 'stack', 'data-testid': 'absence-cover' }, ...parts, field(t('team.reason'), reason), h('div', {}, send), step, message);
}

/** Visits no one may take, each with the rule that keeps them and the way to replace the officer on it by hand. */
function uncoveredNotice(title, uncovered, officerId) {
  return h('div', { class: 'notice warn', role: 'status', 'data-cover-uncovered': '' },
    h('strong', {}, title),
    h('ul', { style: 'margin:0;padding-left:18px' }, uncovered.map((u) => h('li', { 'data-cover-uncovered-visit': u.visitId },
      h('a', { href: `#/visits/${u.visitId}`, class: 'mono' }, u.visitNo), ` (${fmtDate(u.date)}) `, badge(tKnown(`team.refused.${u.code}`) ?? u.message, 'warn'), ' ',
      h('a', { class: 'btn secondary small', href: `#/visits/${u.visitId}/replace/${encodeURIComponent(officerId)}` }, t('team.title'))))));
}
