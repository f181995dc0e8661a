// One appeal as oversight reviews it: the grounds, challenged records and evidence, taking it for
// review (refused, with the server's reason, to anyone with a part in the score), and the decision.
import { api } from '../api.js';
import { fmtDateTime, fmtNumber, t } from '../i18n.js';
import { card, confirmStep, errorState, field, fieldProblem, focusResult, h, mount, pageHead, printButton, section } from '../ui.js';
import { outcomeText, recordName } from './appeal-parts.js';
import { appealPage } from './my-appeals.js';
import { scoreFile } from './reviews.js';
import { scoreHistoryCard } from './score-history.js';
import { enterpriseName } from './bureau-calendar.js';

/** Lowest risk first: an appeal that succeeds usually lowers the colour. */
const COLOURS = ['green', 'yellow', 'red'];
const ACTIONS = { clue: ['unlink', 'mark-false'], case: ['revoke'] };

export async function renderReviewAppeal(ctx, id) {
  const body = h('div');
  mount(ctx.main, pageHead(t('appeal.title'), id, printButton(), h('a', { class: 'btn secondary', href: '#/reviews' }, t('reviews.backToQueue'))), body);
  const load = () => section(body, () => api(`/api/appeals/${encodeURIComponent(id)}`), (appeal) => appealPage(appeal, { forEnterprise: false, actions: actionsCard(ctx, appeal, load), basis: [basisCard(appeal), scoreHistoryCard(appeal.creditCode)] }), 'oversight');
  await load();
}

/**
 * What the appealed score rests on, beside the grounds: the enterprise, and every factor's value and
 * pull, so the reviewer can weigh a challenged record against what it counted for.
 */
function basisCard(appeal) {
  return h('section', { class: 'card', id: 'appeal-basis' },
    h('h2', {}, t('review.basis')),
    h('p', { class: 'small', style: 'margin-top:0' }, enterpriseName(appeal.creditCode), ' ', h('span', { class: 'mono muted' }, appeal.creditCode)),
    scoreFile({ creditCode: appeal.creditCode, scoreId: appeal.scoreId }));
}

function actionsCard(ctx, appeal, reload) {
  if (appeal.status === 'filed') return claimCard(appeal, reload);
  if (appeal.status === 'in-review' && appeal.reviewer === ctx.me.username) return decisionFormCard(appeal, reload);
  if (appeal.status === 'in-review') return card(t('review.title'), h('div', { class: 'notice' }, t('review.byOther', { reviewer: appeal.reviewer })));
  if (appeal.status === 'awaiting-rescore') return card(t('review.title'), h('div', { class: 'notice' }, t('review.awaitingRescore')));
  if (appeal.status === 'withdrawn') return card(t('review.title'), h('div', { class: 'notice', id: 'review-withdrawn' }, t('review.withdrawn', { date: fmtDateTime(appeal.closedAt) })));
  return null;
}

function claimCard(appeal, reload) {
  const message = h('div');
  const claim = h('button', { class: 'btn', type: 'button', id: 'claim-appeal' }, t('review.claim'));
  claim.addEventListener('click', async () => {
    claim.disabled = true;
    try {
      await api(`/api/appeals/${encodeURIComponent(appeal.id)}/claim`, { method: 'POST', body: {} });
      await reload();
      focusResult(document.querySelector('#decision-form input[name=outcome]:checked'));
    } catch (error) {
      claim.disabled = false;
      // Refused for having had a part in the score: asking again cannot change that.
      claim.hidden = error.status === 403;
      if (error.status === 403) mount(message, h('div', { class: 'notice bad', role: 'alert', id: 'claim-refused' }, h('strong', {}, t('review.refused')), h('div', { class: 'small', style: 'margin-top:4px' }, error.message)));
      else if (error.status === 409) mount(message, h('div', { class: 'notice bad', role: 'alert' }, h('strong', {}, t('review.claimConflict')), ' ', h('button', { class: 'linkish', onclick: reload }, t('common.retry')), serverDetail(error)));
      else mount(message, errorState(error, null, 'oversight'));
    }
  });
  return card(t('review.title'), h('p', { class: 'small', style: 'margin-top:0' }, t('review.claimLead')), message, h('div', { style: 'margin-top:12px' }, claim));
}

function decisionFormCard(appeal, reload) {
  const outcome = { value: 'upheld' };
  const corrections = correctionsPicker(appeal);
  const colour = h('select', { name: 'overrideColour' }, COLOURS.filter((c) => c !== appeal.colour).map((c) => h('option', { value: c }, t(`colour.${c}`))));
  const overridePanel = h('div', { class: 'subpanel', hidden: true }, field(t('review.overrideColour'), colour));
  const panels = { corrected: corrections.element, overridden: overridePanel };
  const radios = ['upheld', 'corrected', 'overridden'].map((name) => {
    const disabled = name === 'corrected' && appeal.challenges.length === 0;
    const input = h('input', { type: 'radio', name: 'outcome', value: name, checked: name === 'upheld', disabled });
    input.addEventListener('change', () => {
      outcome.value = name;
      for (const [key, panel] of Object.entries(panels)) panel.hidden = key !== name;
    });
    return h('label', { class: `choice ${disabled ? 'disabled' : ''}` }, input, h('span', {}, h('strong', {}, outcomeText(name)), h('span', { class: 'muted small' }, disabled ? t('review.noChallenges') : t(`review.outcomeHelp.${name}`))));
  });
  const reasons = h('textarea', { name: 'reasons', rows: 5, required: true, maxlength: 8000, placeholder: t('review.reasonsPlaceholder') });
  const message = h('div');
  const confirmBox = h('div');
  const submit = h('button', { class: 'btn', type: 'submit', id: 'decide-submit' }, t('review.submit'));
  const form = h('form', { class: 'stack', id: 'decision-form', novalidate: true },
    h('fieldset', { class: 'plain' }, h('legend', {}, t('review.outcome')), h('div', { class: 'choices' }, radios)),
    corrections.element, overridePanel,
    h('div', {}, field(t('review.reasons'), reasons), h('p', { class: 'muted small', style: 'margin:4px 0 0' }, t('review.reasonsHelp'))),
    message, confirmBox, h('div', {}, submit));
  corrections.element.hidden = true;
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const problems = [];
    const reasonsShort = reasons.value.trim().length < 5;
    if (reasonsShort) problems.push(t('reviews.reasonsRequired'));
    const chosen = outcome.value === 'corrected' ? corrections.value() : [];
    if (outcome.value === 'corrected' && chosen.length === 0) problems.push(t('review.pickCorrection'));
    if (problems.length) {
      const notice = h('div', { class: 'notice bad', role: 'alert' }, problems.join(' '));
      mount(message, notice);
      if (reasonsShort) fieldProblem(reasons, notice);
      return;
    }
    mount(message);
    const summary = outcome.value === 'overridden'
      ? t('review.confirmOverride', { from: t(`colour.${appeal.colour}Short`), to: t(`colour.${colour.value}Short`) })
      : outcome.value === 'corrected' ? t('review.confirmCorrected', { n: fmtNumber(chosen.length) }) : t('review.confirmUpheld');
    const yes = await confirmStep(confirmBox, t('review.confirmLine', { summary, final: t('review.final') }), t('review.confirmSubmit'), { replaces: submit });
    if (!yes) return;
    submit.disabled = true;
    try {
      const body = { outcome: outcome.value, reasons: reasons.value.trim(), ...(outcome.value === 'corrected' ? { corrections: chosen } : {}), ...(outcome.value === 'overridden' ? { overrideColour: colour.value } : {}) };
      await api(`/api/appeals/${encodeURIComponent(appeal.id)}/decision`, { method: 'POST', body });
      await reload();
      focusResult(document.getElementById('appeal-decision'));
    } catch (error) {
      submit.disabled = false;
      mount(message, error.status === 400 || error.status === 403 || error.status === 409 ? h('div', { class: 'notice bad', role: 'alert' }, h('strong', {}, t(error.status === 409 ? 'review.claimConflict' : 'review.decisionRefused')), serverDetail(error)) : errorState(error, null, 'oversight'));
    }
  });
  return card(t('review.decide'), form);
}

/** The server's own words under a translated heading: they name the rule that refused the act. */
function serverDetail(error) {
  return error.message ? h('div', { class: 'small muted', style: 'margin-top:4px' }, t('review.serverSaid', { message: error.message })) : null;
}

/** One line per challenged record: correct it or not, and how. */
function correctionsPicker(appeal) {
  const rows = appeal.challenges.map((c) => {
    const box = h('input', { type: 'checkbox', checked: true, 'data-record': c.recordId });
    const action = h('select', { name: 'action' }, (ACTIONS[c.kind] ?? []).map((a) => h('option', { value: a }, t(`correction.${a}`))));
    return { c, box, action, element: h('li', {}, h('label', { class: 'row', style: 'gap:8px' }, box, h('span', { class: 'mono' }, recordName(c))), h('div', { class: 'small muted' }, c.claim), action) };
  });
  return {
    element: h('div', { class: 'subpanel' }, h('h3', {}, t('review.corrections')), h('ul', { class: 'list-plain corrections' }, rows.map((r) => r.element))),
    value: () => rows.filter((r) => r.box.checked).map((r) => ({ kind: r.c.kind, recordId: r.c.recordId, action: r.action.value })),
  };
}
