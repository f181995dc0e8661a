// Oversight's review queue: red scores waiting for a person, appeals by deadline, and how each officer
// decides (an officer who confirms everything within a minute is not reviewing).
import { api } from '../api.js';
import { factorName, fmtDateTime, fmtNumber, fmtPercent, plural, t } from '../i18n.js';
import { badge, card, chip, confirmStep, emptyState, errorState, field, fieldProblem, fmtDuration, h, headCell, mount, pageHead, pager, section, table, tabList } from '../ui.js';
import { appealStatusBadge, dueText } from './appeal-parts.js';
import { enterpriseName } from './bureau-calendar.js';
import { factorValueText, reasonText } from './reasons.js';
import { oddsEffect } from '../charts.js';

const PAGE = 10;
const COLOURS = ['red', 'yellow', 'green'];
const TABS = ['filed', 'in-review', 'awaiting-rescore', 'decided', 'withdrawn', 'overdue', 'all'];

export async function renderReviews(ctx) {
  const summary = h('div');
  const confirmations = h('div');
  const appeals = h('div');
  const officers = h('div');
  mount(ctx.main, pageHead(t('reviews.title'), t('reviews.lead')), h('div', { class: 'stack' }, summary, confirmations, appeals, officers));
  const loadOfficers = () => section(officers, () => api('/api/reviews/officers'), officersCard, 'oversight');
  let counts = null;
  const loadSummary = () => section(summary, () => api('/api/reviews/summary'), (s) => { counts = s; return summaryCard(s); }, 'oversight');
  const decided = () => { loadSummary(); loadOfficers(); };
  await loadSummary();
  const start = !counts ? 'all' : counts.appeals.filed > 0 ? 'filed' : counts.appeals['in-review'] > 0 ? 'in-review' : 'all';
  await Promise.all([confirmationsQueue(confirmations, decided), appealsQueue(appeals, start, () => counts), loadOfficers()]);
}

function summaryCard(s) {
  const tile = (label, n, kind = '') => h('div', { class: `tile ${n > 0 ? kind : ''}`, 'data-count': n }, h('span', { class: 'value' }, n), h('span', { class: 'label' }, label));
  return h('div', { class: 'tiles tiles-7', id: 'review-summary' },
    tile(t('reviews.pendingConfirmations'), s.pendingConfirmations, 'warn'),
    tile(t('appeal.status.filed'), s.appeals.filed, 'warn'),
    tile(t('appeal.status.in-review'), s.appeals['in-review']),
    tile(t('appeal.status.awaiting-rescore'), s.appeals['awaiting-rescore']),
    tile(t('appeal.status.decided'), s.appeals.decided),
    tile(t('appeal.status.withdrawn'), s.appeals.withdrawn ?? 0),
    tile(t('appeal.overdue'), s.appeals.overdue, 'bad'));
}

/** Red scores, oldest first, each confirmed or overridden in place with written reasons. */
async function confirmationsQueue(container, onDecided) {
  const list = h('div');
  const cursors = [undefined];
  let page = 0;
  const load = () => section(list, () => api('/api/reviews/confirmations', { query: { limit: PAGE, after: cursors[page] } }), (answer) => {
    const rows = answer.items;
    if (rows.length) cursors[page + 1] = `${rows[rows.length - 1].requestedAt}|${rows[rows.length - 1].id}`;
    if (rows.length === 0 && page === 0) return emptyState(t('reviews.noConfirmations'));
    const body = h('tbody');
    for (const row of rows) body.append(...confirmationRows(row, onDecided));
    return h('div', {},
      h('div', { class: 'table-wrap' }, h('table', { id: 'confirmations-table', class: 'queue-rows' },
        h('thead', {}, h('tr', {}, [t('visit.enterprise'), t('reviews.topReasons'), t('reviews.modelColour'), t('field.probability'), t('field.version'), t('reviews.waiting'), ''].map(headCell))),
        body)),
      pager(page, Infinity, answer.pending, (p) => { page = p; load(); }, { hasMore: rows.length === PAGE }));
  }, 'oversight');
  mount(container, h('section', { class: 'card', id: 'confirmations' },
    h('div', { class: 'card-head' }, h('h2', {}, t('reviews.confirmations'))),
    h('p', { class: 'muted small', style: 'margin-top:0' }, t('reviews.queueLead')), list));
  await load();
}

/** The score under review with its explanation; the current score, which names the same scoreId until a newer one replaces it. */
function scoreOf(row) {
  row.score ??= api(`/api/scores/${encodeURIComponent(row.creditCode)}`).catch(() => null);
  return row.score;
}

/** The score's top reasons, filled in when the explanation arrives. */
function topReasons(row) {
  const cell = h('td', { class: 'small', 'data-reasons': row.scoreId }, h('span', { class: 'muted' }, t('common.loading')));
  scoreOf(row).then((score) => {
    if (!score) return mount(cell, h('span', { class: 'muted' }, t('reviews.noExplanation')));
    const note = score.scoreId !== row.scoreId ? h('div', { class: 'muted' }, t('reviews.newerScore')) : null;
    mount(cell, h('ol', { class: 'reasons-short', style: 'margin:0;padding-left:18px' }, (score.reasons ?? []).slice(0, 3).map((r) => h('li', {}, reasonText(r, score.contributions ?? [], { brief: true })))), note);
  });
  return cell;
}

/**
 * A colour a person confirmed or overrode. Not one still waiting, nor one superseded (its score was replaced
 * before anyone looked: nobody decided), nor one carried over to an identical score (the person's decision
 * it repeats is counted already).
 */
const decidedByPerson = (d) => d.status === 'confirmed' || d.status === 'overridden';

/**
 * The enterprise's scoring file for the reviewer: every factor's value and pull, and the decisions and
 * appeals on record. `row` names the score under review ({ creditCode, scoreId }); a newer score is said so.
 */
export function scoreFile(row) {
  const box = h('div', { class: 'stack', 'data-score-file': row.scoreId }, h('span', { class: 'muted small' }, t('common.loading')));
  Promise.all([scoreOf(row), api(`/api/reviews/enterprises/${encodeURIComponent(row.creditCode)}`).catch(() => null)]).then(([score, review]) => {
    const factors = [...(score?.contributions ?? [])].sort((a, b) => Math.abs(b.contribution) - Math.abs(a.contribution));
    mount(box,
      h('h3', { style: 'margin:0' }, t('reviews.file', { code: row.creditCode })),
      factors.length ? h('div', { class: 'table-wrap' }, h('table', {},
        h('thead', {}, h('tr', {}, [t('reviews.factor'), t('reviews.factorValue'), t('reviews.factorPull')].map((c) => h('th', {}, c)))),
        h('tbody', {}, factors.map((f) => h('tr', {}, h('td', {}, factorName(f.factor)), h('td', { 'data-factor': f.factor }, factorValueText(f.factor, f.value)),
          h('td', { class: f.contribution > 0 ? 'bad-text' : '', title: `${t('reviews.logOdds')} ${f.contribution > 0 ? '+' : ''}${f.contribution.toFixed(3)}` }, oddsEffect(f.contribution))))))) : h('p', { class: 'muted small' }, t('reviews.noExplanation')),
      score && score.scoreId !== row.scoreId ? h('p', { class: 'muted small', style: 'margin:0', 'data-newer-score': score.scoreId }, t('reviews.newerScore')) : null,
      review ? h('p', { class: 'small', style: 'margin:0' }, t('reviews.history', { decisions: fmtNumber((review.decisions ?? []).filter(decidedByPerson).length), appeals: fmtNumber((review.appeals ?? []).length), seq: review.scoreSeq ?? '—' })) : null,
      h('p', { class: 'muted small', style: 'margin:0' }, t('reviews.fileNote')));
  });
  return box;
}

function confirmationRows(row, onDecided) {
  const formRow = h('tr', { class: 'inline-form', hidden: true });
  formRow.id = `decide-${String(row.scoreId).replace(/[^\w-]/g, '_')}`;
  const toggle = h('button', { class: 'btn secondary', type: 'button', style: 'white-space:nowrap', 'data-decide': row.scoreId, 'aria-expanded': 'false', 'aria-controls': formRow.id }, t('reviews.decide'));
  const main = h('tr', { 'data-score': row.scoreId, 'data-credit-code': row.creditCode },
    h('td', {}, h('div', {}, enterpriseName(row.creditCode)), h('div', { class: 'mono small', style: 'white-space:nowrap' }, row.creditCode)),
    topReasons(row),
    h('td', {}, chip(row.modelColour)),
    h('td', { 'data-label': t('field.probability') }, row.probability === null ? '—' : fmtPercent(row.probability, 1)),
    h('td', { 'data-label': t('field.version') }, h('span', { class: 'mono small' }, row.modelVersion.split('+')[0])),
    h('td', { 'data-label': t('reviews.waiting') }, fmtDateTime(row.requestedAt), h('div', { class: 'muted small' }, t('reviews.waited', { time: fmtDuration((Date.now() - Date.parse(row.requestedAt)) / 1000) }))),
    h('td', { style: 'text-align:right' }, toggle));
  toggle.addEventListener('click', () => {
    // Time to decide counts from the first opening of the file; the note is the server's, and nothing waits on it.
    if (!formRow.firstChild) api(`/api/reviews/confirmations/${encodeURIComponent(row.scoreId)}/opened`, { method: 'POST', body: {} }).catch(() => {});
    if (!formRow.firstChild) formRow.append(h('td', { colspan: 7 }, scoreFile(row), decisionForm(row, (decision) => {
      const notice = h('div', { class: `notice ${decision.status === 'overridden' ? 'warn' : 'ok'}`, 'data-decided': decision.status, role: 'status', tabindex: -1 },
        t(decision.status === 'overridden' ? 'reviews.overriddenDone' : 'reviews.confirmedDone', { colour: t(`colour.${decision.colour}Short`), seq: decision.auditSeq ?? '—' }));
      mount(formRow.firstChild, notice);
      // The form that had the focus is gone: the focus goes to what became of it, not to the top of the page.
      notice.focus();
      toggle.disabled = true;
      onDecided();
    })));
    formRow.hidden = !formRow.hidden;
    toggle.setAttribute('aria-expanded', String(!formRow.hidden));
  });
  return [main, formRow];
}

function decisionForm(row, done) {
  const colour = h('select', { name: 'colour' }, COLOURS.map((c) => h('option', { value: c, selected: c === row.modelColour },
    c === row.modelColour ? t('reviews.confirmAs', { colour: t(`colour.${c}Short`) }) : t('reviews.overrideTo', { colour: t(`colour.${c}Short`) }))));
  const reasons = h('textarea', { name: 'reasons', rows: 3, required: true, minlength: 5, maxlength: 4000, placeholder: t('reviews.reasonsPlaceholder') });
  const submit = h('button', { class: 'btn', type: 'submit' }, t('reviews.confirmAs', { colour: t(`colour.${row.modelColour}Short`) }));
  const message = h('div');
  const confirmBox = h('div');
  colour.addEventListener('change', () => {
    const c = colour.value;
    submit.textContent = c === row.modelColour ? t('reviews.confirmAs', { colour: t(`colour.${c}Short`) }) : t('reviews.overrideTo', { colour: t(`colour.${c}Short`) });
    submit.classList.toggle('danger', c !== row.modelColour);
  });
  const form = h('form', { class: 'stack decision-form', novalidate: true },
    h('div', { class: 'grid decision-fields' }, field(t('reviews.colour'), colour), field(t('reviews.reasons'), reasons)),
    message, confirmBox, h('div', { class: 'row' }, submit, h('span', { class: 'muted small' }, t('reviews.logged'))));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (reasons.value.trim().length < 5) {
      mount(message, fieldProblem(reasons, h('div', { class: 'notice bad', role: 'alert' }, t('reviews.reasonsRequired'))));
      return;
    }
    mount(message);
    const override = colour.value !== row.modelColour;
    submit.disabled = true;
    const sure = await confirmStep(confirmBox,
      t(override ? 'reviews.confirmOverride' : 'reviews.confirmConfirm', { code: row.creditCode, colour: t(`colour.${colour.value}Short`), model: t(`colour.${row.modelColour}Short`) }),
      submit.textContent, { danger: override });
    if (!sure) {
      submit.disabled = false;
      return;
    }
    try {
      const body = { reasons: reasons.value.trim(), ...(colour.value !== row.modelColour ? { colour: colour.value } : {}) };
      done(await api(`/api/reviews/confirmations/${encodeURIComponent(row.scoreId)}`, { method: 'POST', body }));
    } catch (error) {
      mount(message, error.status === 409 ? h('div', { class: 'notice bad', role: 'alert' }, t('reviews.alreadyDecided')) : errorState(error, null, 'oversight'));
      submit.disabled = false;
    }
  });
  return form;
}

/** Appeals, earliest deadline first, by state; overdue ones flagged. */
async function appealsQueue(container, start, counts) {
  let tab = start;
  const list = h('div', { id: 'appeals-queue-list' });
  const cursors = [undefined];
  let page = 0;
  const tabLabel = (name) => {
    const n = name === 'all' ? null : name === 'overdue' ? counts()?.appeals.overdue : counts()?.appeals[name];
    return [name === 'all' ? t('common.all') : name === 'overdue' ? t('appeal.overdue') : t(`appeal.status.${name}`), n === null || n === undefined ? null : h('span', { class: 'count' }, n)];
  };
  const tabs = tabList(TABS, tab, { label: tabLabel, attrs: (name) => ({ 'data-tab': name }), panel: list, name: t('reviews.appeals'),
    onPick: (name) => { tab = name; cursors.length = 1; page = 0; load(); } });
  const query = () => ({ limit: PAGE, after: cursors[page], ...(tab === 'overdue' ? { overdue: true } : tab === 'all' ? {} : { status: tab }) });
  const load = () => section(list, () => api('/api/appeals', { query: query() }), (answer) => {
    const rows = answer.items;
    if (rows.length) cursors[page + 1] = `${rows[rows.length - 1].dueAt}|${rows[rows.length - 1].id}`;
    return h('div', {},
      table([
        [t('appeal.id'), (a) => h('a', { href: `#/reviews/appeals/${a.id}`, class: 'mono' }, a.id)],
        [t('visit.enterprise'), (a) => h('div', {}, h('div', {}, enterpriseName(a.creditCode)), h('div', { class: 'mono small' }, a.creditCode))],
        [t('appeal.against'), (a) => chip(a.colour)],
        [t('field.status'), (a) => appealStatusBadge(a)],
        [t('appeal.filedAt'), (a) => fmtDateTime(a.filedAt)],
        [t('appeal.due'), (a) => h('span', { class: a.overdue ? 'bad-text' : '' }, dueText(a))],
        [t('appeal.reviewer'), (a) => a.reviewer ?? '—'],
      ], rows, { pageSize: PAGE, paged: false, empty: t(tab === 'filed' ? 'reviews.noAppealsFiled' : 'reviews.noAppeals') }),
      rows.length || page > 0 ? pager(page, Infinity, undefined, (p) => { page = p; load(); }, { hasMore: rows.length === PAGE }) : null);
  }, 'oversight');
  mount(container, h('section', { class: 'card', id: 'appeals-queue' },
    h('div', { class: 'card-head' }, h('h2', {}, t('reviews.appeals'))),
    h('p', { class: 'muted small', style: 'margin-top:0' }, t('reviews.appealsLead')), tabs, list));
  await load();
}

function officersCard(rows) {
  return card(t('reviews.officers'),
    h('p', { class: 'muted small', style: 'margin-top:0' }, t('reviews.officersLead')),
    table([
      [t('reviews.officer'), (o) => h('strong', {}, o.actor)],
      [t('reviews.decisions'), (o) => o.decisions],
      [t('reviews.confirmed'), (o) => o.confirmed],
      [t('reviews.overridden'), (o) => o.overridden],
      [t('reviews.overrideRate'), (o) => fmtPercent(o.overrideRate, 0)],
      [t('reviews.median'), (o) => fmtDuration(o.medianSecondsToDecide)],
      [t('reviews.underMinute'), (o) => quickFlag(o)],
    ], rows, { empty: t('reviews.noOfficers'), pageSize: 10 }));
}

/** Enough decisions to read a habit from them, not one hurried case. */
const HABIT = 5;

/**
 * Decisions taken within a minute of opening the file: a few are normal, most of them suggest rubber-stamping.
 * Decisions made without opening it (through the API) are said beside them.
 */
function quickFlag(o) {
  const unopened = o.unopened ? h('div', { class: 'small muted', 'data-unopened': o.unopened }, plural('reviews.unopened', o.unopened)) : null;
  if (!o.underOneMinute) return h('span', {}, '0', unopened);
  const share = o.underOneMinute / o.decisions;
  const habit = o.decisions >= HABIT && share >= 0.5;
  return h('span', {}, h('span', { class: 'row', style: 'gap:6px', 'data-flag': habit ? 'rubber-stamp' : 'watch' }, `${o.underOneMinute} (${fmtPercent(share)})`, habit ? badge(t('reviews.rubberStamp'), 'bad') : badge(t('reviews.someQuick'))), unopened);
}
