// The enterprise's appeals (陈述申辩): its rights in plain words, the filing form, its appeals, and one
// appeal with every step, the decision and a receipt for each step to keep; an open one can be withdrawn.
import { api } from '../api.js';
import { fmtDate, fmtDateTime, t } from '../i18n.js';
import { card, chip, errorState, h, loading, mount, pageHead, printButton, section, state, table } from '../ui.js';
import { appealForm } from './appeal-form.js';
import { withdrawCard } from './appeal-withdraw.js';
import { appealFacts, appealStatusBadge, appealTimeline, decisionCard, dueText, evidenceCard, groundsCard, outcomeText, receiptVerification } from './appeal-parts.js';

const OPEN = ['filed', 'in-review'];
/** The appeal just filed in this tab, to greet on its page. */
let justFiled = null;

export function appealsTable(appeals, empty) {
  if (appeals.length === 0) return h('p', { class: 'muted', 'data-state': 'empty' }, empty);
  return table([
    [t('appeal.id'), (a) => h('a', { href: `#/my/appeals/${a.id}`, class: 'mono' }, a.id)],
    [t('appeal.against'), (a) => chip(a.colour)],
    [t('field.status'), (a) => appealStatusBadge(a)],
    [t('appeal.filedAt'), (a) => fmtDate(a.filedAt)],
    [t('appeal.due'), (a) => dueText(a)],
    [t('appeal.outcomeCol'), (a) => outcomeText(a.outcome)],
  ], appeals, { empty, pageSize: 10, stacked: true });
}

export async function renderMyAppeals(ctx) {
  const code = ctx.me.creditCode;
  const body = h('div');
  mount(ctx.main, pageHead(t('appeals.title'), t('appeals.lead')), body);
  mount(body, loading('oversight'));
  let review;
  let file;
  try {
    [review, file] = await Promise.all([api(`/api/reviews/enterprises/${code}`), api(`/api/enterprises/${code}`).catch(() => null)]);
  } catch (error) {
    mount(body, card(null, errorState(error, () => renderMyAppeals(ctx), 'oversight')));
    return;
  }
  const open = review.appeals.find((a) => OPEN.includes(a.status));
  const openLink = open ? h('a', { href: `#/my/appeals/${open.id}` }, t('appeals.followOpen', { id: open.id })) : null;
  let top;
  if (review.state === 'no-score') top = card(null, state('empty', t('appeals.noScore'), t('appeals.noScoreHelp')));
  else if (open) top = card(t('appealForm.title'), h('div', { class: 'notice', id: 'appeal-open' }, t('appeals.oneOpen'), ' ', openLink));
  else top = appealForm(ctx, file, { onFiled: (appeal) => { justFiled = appeal.id; ctx.go(`#/my/appeals/${appeal.id}`); }, openAppealLink: openLink });
  mount(body, h('div', { class: 'stack' },
    h('div', { class: 'grid grid-main' }, top, rightsCard()),
    card(t('appeals.mine'), h('div', { id: 'my-appeals' }, appealsTable(review.appeals, t('appeals.none'))))));
}

function rightsCard() {
  return card(t('appeals.rights'), h('ul', { class: 'list-plain' }, ['appeals.right1', 'appeals.right2', 'appeals.right3', 'appeals.right4'].map((key, i) => h('li', {}, h('span', { class: 'num' }, i + 1), h('span', {}, t(key))))));
}

export async function renderMyAppeal(ctx, id) {
  const body = h('div');
  mount(ctx.main, pageHead(t('appeal.title'), id, printButton(), h('a', { class: 'btn secondary', href: '#/my/appeals' }, t('common.back'))), body);
  const load = () => section(body, () => api(`/api/appeals/${encodeURIComponent(id)}`), (appeal) => {
    const greeting = justFiled === appeal.id ? h('div', { class: 'notice ok', id: 'appeal-filed', role: 'status' }, t('appeal.filedNotice'))
      : appeal.status === 'withdrawn' ? withdrawnNotice(appeal) : null;
    justFiled = null;
    // The form that had the focus is gone once withdrawn: the focus goes to what became of the appeal.
    const onWithdrawn = async () => { await load(); body.querySelector('#appeal-withdrawn')?.focus(); };
    const actions = OPEN.includes(appeal.status) ? withdrawCard(appeal, { onWithdrawn, reload: load }) : null;
    return appealPage(appeal, { forEnterprise: true, greeting, actions });
  }, 'oversight');
  await load();
}

/** A withdrawn appeal is closed without a decision; the enterprise may file another. */
function withdrawnNotice(appeal) {
  return h('div', { class: 'notice', id: 'appeal-withdrawn', role: 'status', tabindex: -1 },
    t('appeal.withdrawnNotice', { date: fmtDateTime(appeal.closedAt) }), ' ', h('a', { href: '#/my/appeals' }, t('appeal.fileAnother')));
}

/**
 * The body of an appeal's page. The enterprise follows its progress first; an officer reads the
 * grounds and evidence first, with the decision form beside them.
 */
export function appealPage(appeal, { forEnterprise, greeting = null, actions = null, basis = null }) {
  const progress = card(t('appeal.progress'), h('p', { class: 'muted small', style: 'margin-top:0' }, t(forEnterprise ? 'appeal.progressLead' : 'appeal.progressLeadOfficer')), appealTimeline(appeal, { forEnterprise }),
    forEnterprise ? receiptVerification() : null);
  const summary = card(t('appeal.summary'), appealFacts(appeal, { forEnterprise }));
  if (forEnterprise) {
    return h('div', { class: 'stack', 'data-appeal': appeal.id, 'data-status': appeal.status },
      greeting,
      h('div', { class: 'grid grid-main' }, progress, h('div', { class: 'stack' }, summary, actions)),
      decisionCard(appeal),
      h('div', { class: 'grid grid-2' }, groundsCard(appeal), evidenceCard(appeal, { forEnterprise: true })));
  }
  return h('div', { class: 'grid grid-main', 'data-appeal': appeal.id, 'data-status': appeal.status },
    h('div', { class: 'stack' }, decisionCard(appeal), groundsCard(appeal), basis, evidenceCard(appeal), progress),
    h('div', { class: 'stack' }, summary, actions));
}
