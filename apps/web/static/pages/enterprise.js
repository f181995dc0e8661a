// The enterprise's own pages: its colour and why, its records, its visit notices. Only its own
// credit code is ever asked for; the server refuses any other.
import { api, ApiError } from '../api.js';
import { contributionChart, oddsChange } from '../charts.js';
import { currentLang, factorName, fmtChance, fmtDate, fmtDateTime, fmtNumber, plural, t, valueLabel } from '../i18n.js';
import { industryLabel, industryName, isMissing, readableReasons, reasonText, serverText } from './reasons.js';
import { badge, card, chip, downloadButton, emptyState, errorState, errorText, field, h, loading, mount, pageHead, printButton, section, state, table } from '../ui.js';
import { appealsTable } from './my-appeals.js';
import { regionCell } from '../regions.js';
import { checklistItem } from './bureau-calendar.js';
import { rectifyNote } from './follow-up.js';
import { applicationPanel, caseApplicationPanel } from './rectify-application.js';
import { resultBadge } from '../items.js';
import { scoreHistoryCard } from './score-history.js';
import { reInspectionLines, visitChangeNotice } from './my-visit-changes.js';

export { industryLabel, industryName };


/** The model and policy behind a score: for whoever checks it, folded away from whoever reads it. */
export function technicalDetails(score) {
  const row = (label, value) => (value ? [h('dt', {}, label), h('dd', {}, value)] : null);
  return h('details', { class: 'technical' }, h('summary', {}, t('ent.technical')),
    h('dl', { class: 'tech-facts' },
      row(t('ent.modelVersion'), score.modelVersion),
      row(t('ent.policyVersion'), score.colourPolicyVersion),
      row(t('ent.scoreId'), score.scoreId),
      row(t('ent.inputFingerprint'), score.inputFingerprint),
      row('log-odds', typeof score.logit === 'number' ? score.logit.toFixed(4) : null)));
}

export async function renderMyRisk(ctx) {
  const code = ctx.me.creditCode;
  const head = h('div');
  const hero = h('div');
  const review = h('div');
  const explain = h('div');
  const changes = h('div');
  const appeals = h('div');
  mount(ctx.main, head, h('div', { class: 'stack' }, hero, review, explain, changes, appeals));
  mount(hero, loading('scoring'));
  const [file, reviewed] = await Promise.all([
    api(`/api/enterprises/${code}`).catch(() => null),
    api(`/api/reviews/enterprises/${code}`).then((r) => ({ r }), (error) => ({ error })),
  ]);
  mount(head, pageHead(t('ent.title'), file?.subject?.name ? `${file.subject.name} · ${code}` : code, printButton()));
  mount(appeals, reviewed.r ? appealsCard(reviewed.r) : card(t('ent.appeals'), errorState(reviewed.error, () => renderMyRisk(ctx), 'oversight')));
  try {
    const score = await api(`/api/scores/${code}`);
    mount(hero, heroCard(score, reviewed.r));
    if (reviewed.r) mount(review, reviewCard(code, reviewed.r));
    // The service's steps for known values; an unknown one is reported rather than changed (missingSteps).
    const steps = (score.suggestions ?? []).filter((s) => !unknown(score, s.factor));
    mount(explain, h('div', { class: 'grid grid-main' },
      card(t('ent.reasons'), h('p', { class: 'muted small', style: 'margin-top:0' }, t('ent.reasonsLead')), h('div', { id: 'reasons-chart' }, contributionChart(score.contributions ?? [], readableReasons(score.reasons ?? [], score.contributions ?? []), { lang: currentLang(), factors: score.factors ?? [] }))),
      h('div', { class: 'stack' },
        card(t('ent.topReasons'), listOf((score.reasons ?? []).map((r) => reasonText(r, score.contributions ?? [])), t('state.empty'))),
        card(t('ent.suggestions'), steps.length ? h('p', { class: 'muted small', style: 'margin-top:0' }, t('ent.suggestionsLead')) : null,
          listOf([...missingSteps(score), ...steps.map((s) => suggestionText(s, score.probability, score.colourThresholds))], t('ent.noSuggestions'))))));
    mount(changes, scoreHistoryCard(code));
  } catch (error) {
    const scoreMissing = error instanceof ApiError && error.status === 404;
    mount(hero, card(null, scoreMissing ? state('empty', t('ent.noScore'), t('ent.noScoreHelp')) : errorState(error, () => renderMyRisk(ctx), 'scoring')));
  }
}

/**
 * A suggestion: the step, then the chance of a finding now and after it, both rounded as the hero
 * rounds it, so the two figures read on one scale. Without the figures (an older scoring service),
 * the service's own sentence.
 */
function suggestionText(s, probability, cuts) {
  if (!s.change || typeof s.probabilityAfter !== 'number') return serverText(s);
  const [now, after] = [fmtChance(probability, cuts), fmtChance(s.probabilityAfter, cuts)];
  return h('span', { 'data-suggestion': s.factor },
    h('span', {}, currentLang() === 'en' ? s.change.en : s.change.zh),
    h('span', { class: 'muted small suggestion-effect', style: 'display:block' }, now === after ? t('ent.suggestionSmall', { now }) : t('ent.suggestionEffect', { now, after })));
}

/** Whether the score holds no value for the factor (its "missing" state). */
function unknown(score, factor) {
  const c = (score.contributions ?? []).find((x) => x.factor === factor);
  return Boolean(c) && isMissing(c.value);
}

/**
 * A factor the records do not give that raises the risk: the step is to report it, not the service's
 * advice for a known value (which would tell an enterprise whose listing is unknown to leave the
 * abnormal list). No figure after it: what the reported value does depends on the value. Never
 * inspected is not something to report.
 */
function missingSteps(score) {
  return (score.contributions ?? [])
    .filter((c) => isMissing(c.value) && c.factor !== 'days_since_last_inspection' && c.contribution > 0 && !oddsChange(c.contribution).negligible)
    .sort((a, b) => b.contribution - a.contribution)
    .map((c) => {
      const change = oddsChange(c.contribution);
      const effect = change.times ? t('ent.missingTimes', { x: change.times }) : t('ent.missingAbove', { pct: change.pct });
      return h('span', { 'data-suggestion': c.factor, 'data-missing': 'true' },
        h('span', {}, t('ent.reportMissing', { factor: factorName(c.factor), effect })),
        h('span', { class: 'muted small suggestion-effect', style: 'display:block' }, t('ent.reportMissingAfter')));
    });
}

/** The chance in words a person can picture: of 100 inspections of enterprises like this one, about n find a problem. */
function chanceMeans(probability) {
  const n = Math.round(probability * 100);
  return n >= 1 && n <= 99 ? h('p', { class: 'muted small', style: 'margin:10px 0 0', 'data-testid': 'chance-means' }, t('ent.chanceMeans', { n })) : null;
}

/**
 * The chance on a bar coloured as the policy colours it: green up to the yellow threshold, yellow up to the red
 * one, red beyond, with the thresholds marked, so 44 % reads as red where red begins at 40 %. Without the
 * thresholds (an older answer) the bar shades evenly and is marked at 0, 50 and 100 %.
 */
function chanceMeter(score) {
  const p = Math.min(Math.max(score.probability, 0), 1) * 100;
  const cuts = score.colourThresholds;
  // 0.07 × 100 is 7.000000000000001: a threshold is shown to a tenth of a percent at most.
  const yellow = cuts ? Math.round(cuts.yellow * 1000) / 10 : null;
  const red = cuts ? Math.round(cuts.red * 1000) / 10 : null;
  const bands = cuts
    ? `background:linear-gradient(90deg, var(--green-soft) 0 ${yellow}%, var(--yellow-soft) ${yellow}% ${red}%, var(--red-soft) ${red}% 100%)`
    : undefined;
  const label = cuts ? t('ent.meterLabel', { p: fmtChance(score.probability, cuts), yellow: `${yellow}%`, red: `${red}%` }) : fmtChance(score.probability);
  const bar = h('div', { class: 'meter', style: bands, role: 'img', 'aria-label': label, title: label },
    h('div', { class: 'mark', style: `left:calc(${p}% - 2px)` }));
  const ticks = cuts
    ? [['0%', 0], [`${yellow}%`, yellow], [`${red}%`, red], ['100%', 100]]
    : [['0%', 0], ['50%', 50], ['100%', 100]];
  const scale = h('div', { class: 'meter-scale muted small', 'aria-hidden': 'true' },
    ticks.map(([text, at]) => h('span', { style: `left:${at}%`, 'data-at': String(at) }, text)));
  return h('div', { style: 'flex:1;min-width:260px', 'data-testid': 'chance-meter' }, bar, scale);
}

function heroCard(score, review) {
  const differs = review?.effectiveColour && review.effectiveColour !== score.colour;
  return card(null,
    h('div', { class: 'hero', 'data-testid': 'risk-hero' },
      h('div', { class: 'stat' }, h('span', { class: 'label' }, differs ? t('ent.modelColour') : t('ent.colour')), h('span', { style: 'margin-top:6px' }, chipBig(score.colour))),
      differs ? h('div', { class: 'stat', 'data-testid': 'effective-colour' }, h('span', { class: 'label' }, t('ent.effectiveColour')), h('span', { style: 'margin-top:6px' }, chipBig(review.effectiveColour))) : null,
      h('div', { class: 'stat' }, h('span', { class: 'label' }, t('ent.band')), h('span', { class: 'band' }, fmtChance(score.probability, score.colourThresholds))),
      chanceMeter(score)),
    chanceMeans(score.probability),
    // What the colour in effect means for this enterprise: how it is inspected, not only a word for the risk.
    h('p', { style: 'margin:14px 0 0', 'data-testid': 'colour-means' }, t(`ent.colourMeans.${colourMeant(review?.effectiveColour ?? score.colour)}`)),
    h('p', { class: 'muted small', style: 'margin:6px 0 0' }, t('ent.asOfDate', { date: fmtDate(score.asOf ?? score.computedAt) })),
    technicalDetails(score));
}

/** Where a person stands in the colour: waiting for an officer, confirmed, overridden, or simply in effect. */
function reviewCard(code, review) {
  const d = review.decision;
  const model = review.score ? t(`colour.${review.score.colour}Short`) : '';
  const effective = review.effectiveColour ? t(`colour.${review.effectiveColour}Short`) : '';
  const text = {
    'no-score': t('ent.review.noScore'),
    'in-effect': t('ent.review.inEffect', { colour: model }),
    'awaiting-confirmation': t('ent.review.awaiting', { model, colour: effective }),
    confirmed: t('ent.review.confirmed', { model, date: fmtDate(d?.decidedAt) }),
    overridden: t('ent.review.overridden', { model, colour: effective, date: fmtDate(d?.decidedAt) }),
  }[review.state];
  const rank = { green: 0, yellow: 1, red: 2 };
  const lowered = review.score && review.effectiveColour && rank[review.effectiveColour] < rank[review.score.colour];
  const kind = review.state === 'awaiting-confirmation' ? 'warn' : review.state === 'overridden' ? (lowered ? 'ok' : 'warn') : '';
  const decided = review.state === 'confirmed' || review.state === 'overridden';
  return card(t('ent.review'),
    h('div', { class: `notice ${kind}`, 'data-testid': 'review-state', 'data-state': review.state },
      h('strong', {}, text),
      decided && d?.reasons ? [h('div', { class: 'small', style: 'margin-top:8px' }, t('ent.review.reasons')), h('blockquote', { class: 'reasons' }, d.reasons)] : null,
      decided && d?.appealId ? h('div', { class: 'small', style: 'margin-top:6px' }, h('a', { href: `#/my/appeals/${d.appealId}` }, t('ent.review.fromAppeal', { id: d.appealId }))) : null),
    review.scoreSeq === null ? h('p', { class: 'muted small' }, t('receipt.notYet')) : receiptBox(code, review.scoreSeq, review.scoreArchivedIn));
}

/**
 * The score receipt: a file to keep, what it is, and how anyone can check it. A score whose body was
 * archived still has one (it proves the entry), but the receipt no longer holds the score: the page says
 * where its full record went and whom to ask for it.
 */
function receiptBox(code, seq, archivedIn = null) {
  const file = `tianping-score-receipt-${code}-${seq}.json`;
  const saved = h('div', { class: 'small', role: 'status' });
  const button = downloadButton(t('ent.keepReceipt'), async () => {
    const receipt = await api(`/api/reviews/enterprises/${code}/score-receipt`);
    mount(saved, h('div', { class: 'notice ok', style: 'margin-top:10px' }, t('ent.receiptSaved', { file })));
    return receipt;
  }, file, { id: 'score-receipt' });
  return h('div', { style: 'margin-top:14px' },
    h('div', { class: 'row' }, button, h('span', { class: 'muted small', style: 'flex:1;min-width:220px' }, t('ent.receiptHelp', { seq }))),
    archivedIn ? h('div', { class: 'notice', id: 'score-archived', style: 'margin-top:10px' }, t('ent.receiptArchived', { seq, file: archivedIn })) : null,
    saved,
    h('details', { class: 'receipt-help' }, h('summary', {}, t('ent.receiptWhat')),
      h('p', {}, t(archivedIn ? 'ent.receiptHow1Archived' : 'ent.receiptHow1', { seq })),
      h('p', {}, t('ent.receiptHow2', { key: `${location.origin}/api/audit/public-key` })),
      h('p', {}, t('ent.receiptHow3'))));
}

function appealsCard(review) {
  const appeals = Array.isArray(review.appeals) ? review.appeals : [];
  const open = appeals.find((a) => a.status === 'filed' || a.status === 'in-review');
  const action = open
    ? h('a', { class: 'btn secondary', href: `#/my/appeals/${open.id}` }, t('ent.followAppeal'))
    : h('a', { class: 'btn', href: '#/my/appeals', id: 'file-appeal' }, t('ent.fileAppeal'));
  return card(h('div', { class: 'row', style: 'width:100%' }, h('h2', {}, t('ent.appeals')), h('span', { class: 'spacer' }), review.state === 'no-score' ? null : action),
    h('p', { class: 'muted small', style: 'margin-top:0' }, t('ent.appealsLead')),
    appealsTable(appeals, t('appeals.none')));
}

function colourMeant(colour) {
  return ['green', 'yellow', 'red'].includes(colour) ? colour : 'none';
}

function chipBig(colour) {
  const el = chip(colour);
  el.classList.add('big');
  return el;
}

function listOf(texts, emptyText) {
  if (!texts.length) return h('p', { class: 'muted' }, emptyText);
  return h('ul', { class: 'list-plain' }, texts.map((text, i) => h('li', {}, h('span', { class: 'num' }, i + 1), h('span', {}, text))));
}

export async function renderMyRecords(ctx) {
  const body = h('div');
  // A record that looks wrong has a way out: the appeal form, where each record can be challenged.
  mount(ctx.main, pageHead(t('ent.file'), [t('ent.recordsLead'), ' ', h('a', { href: '#/my/appeals', id: 'challenge-records' }, t('ent.challengeRecords'))], printButton()), body);
  await section(body, () => api(`/api/enterprises/${ctx.me.creditCode}`), (file) => h('div', { class: 'stack' },
    card(t('ent.subject'), subjectFacts(file.subject)),
    card(t('ent.inspections'), casesTable(file.cases, t('ent.noInspections'))),
    card(t('ent.complaints'), cluesTable(file.clues, t('ent.noComplaints')))), 'intake');
}

export function subjectFacts(subject) {
  const live = ['存续', '在业'].includes(subject.status);
  const gone = ['注销', '吊销'].includes(subject.status);
  return h('dl', { class: 'kv' },
    h('dt', {}, t('field.name')), h('dd', {}, subject.name),
    h('dt', {}, t('field.creditCode')), h('dd', { class: 'mono' }, subject.creditCode),
    h('dt', {}, t('field.industry')), h('dd', {}, industryLabel(subject.industryCode)),
    h('dt', {}, t('field.region')), h('dd', {}, regionCell(subject.regionCode)),
    h('dt', {}, t('field.address')), h('dd', {}, subject.address ?? '—'),
    h('dt', {}, t('field.established')), h('dd', {}, fmtDate(subject.establishedOn)),
    h('dt', {}, t('field.employees')), h('dd', {}, subject.employees ?? '—'),
    h('dt', {}, t('field.status')), h('dd', { class: 'row', style: 'gap:6px' },
      subject.status ? badge(valueLabel('subjectStatus', subject.status), live ? 'ok' : gone ? 'bad' : '') : '—',
      subject.abnormalListed ? badge(t('ent.abnormalListed'), 'bad') : null),
    h('dt', {}, t('ent.legalRepId')), h('dd', { class: 'mono' }, subject.legalRepIdMasked ?? '—'));
}

/** A department by name, its code kept for whoever needs it. */
export function departmentCell(code) {
  return code ? h('span', { title: code }, valueLabel('dept', code)) : '—';
}

export function casesTable(cases, empty) {
  return table([
    [t('field.date'), (c) => h('span', { style: 'white-space:nowrap' }, fmtDate(c.date))],
    [t('field.caseNo'), (c) => h('span', { class: 'mono' }, c.caseNo)],
    [t('field.department'), (c) => departmentCell(c.department)],
    [t('field.kind'), (c) => [valueLabel('caseKind', c.kind), c.origin ? h('div', { class: 'small muted' }, valueLabel('caseOrigin', c.origin)) : null]],
    [t('field.result'), (c) => h('span', {}, caseResult(c), c.violation ? h('div', { class: 'small muted' }, c.violation) : null)],
    [t('field.penalty'), (c) => (c.penaltyYuan ? fmtNumber(c.penaltyYuan, 2) : '—')],
  ], cases, { empty, pageSize: 8, stacked: true });
}

/** A penalty (处罚) has no inspection result of its own, only the violation it punished: said so, not shown as a red "—". */
function caseResult(c) {
  if (c.result) return badge(valueLabel('caseResult', c.result), c.violationFound ? 'bad' : 'ok');
  return c.violationFound ? badge(t('field.violationNoResult'), 'bad') : '—';
}

/** The complaints in a file. The enterprise's own file has no channel (it could point to who complained). */
export function cluesTable(clues, empty) {
  const kind = { pending: 'blue', handled: 'ok', closed: '' };
  const withChannel = (clues ?? []).some((c) => c.channel !== undefined);
  return table([
    [t('field.clueRef'), clueRefCell],
    [t('field.date'), (c) => h('span', { style: 'white-space:nowrap' }, fmtDate(c.receivedOn ?? c.receivedAt))],
    ...(withChannel ? [[t('field.channel'), (c) => valueLabel('channel', c.channel)]] : []),
    [t('field.category'), (c) => valueLabel('category', c.category)],
    [t('field.department'), (c) => departmentCell(c.department)],
    [t('field.verified'), (c) => (c.verified ? t('common.yes') : t('common.no'))],
    [t('field.status'), (c) => badge(valueLabel('clueStatus', c.status), kind[c.status] ?? '')],
  ], clues, { empty, pageSize: 8, stacked: true });
}

/** The reference the enterprise names the complaint by (on the phone, in an appeal); the bureau sees the platform's id under it. */
function clueRefCell(c) {
  return h('span', { class: 'mono', 'data-clue-ref': c.ref ?? '' }, c.ref ?? '—', c.clueId ? h('div', { class: 'small muted' }, c.clueId) : null);
}

export async function renderMyVisits(ctx) {
  const body = h('div');
  const orders = h('div', { 'data-case-orders': '' });
  mount(ctx.main, pageHead(t('ent.visits'), t('ent.visitsLead')), body, orders);
  await Promise.all([
    section(body, () => api(`/api/enterprises/${ctx.me.creditCode}/visits`), (visits) =>
      visits.length === 0 ? card(null, emptyState(t('ent.noVisits'))) : h('div', { class: 'stack' }, visits.map((v) => visitCard(v))), 'dispatch'),
    // Orders to rectify from the platform's cases, with the same application for more time; nothing when there are none.
    section(orders, () => api(`/api/enterprises/${ctx.me.creditCode}/case-orders`), (list) =>
      !Array.isArray(list) || list.length === 0 ? null : h('section', { 'aria-labelledby': 'case-orders-title', style: 'margin-top:16px' },
        h('h2', { id: 'case-orders-title' }, t('caseOrder.title')), h('p', { class: 'muted' }, t('caseOrder.lead')),
        h('div', { class: 'stack' }, list.map(caseOrderCard))), 'dispatch'),
  ]);
}

/** An order to rectify from a platform case: the case, the department, the deadline now, and the application for more time. */
function caseOrderCard(o) {
  return card(h('div', { class: 'row' }, h('h3', { style: 'margin:0' }, fmtDate(o.date)), badge(t('caseOrder.badge'), 'warn')),
    h('dl', { class: 'kv' },
      h('dt', {}, t('caseOrder.no')), h('dd', { class: 'mono', 'data-case-no': o.caseNo }, o.caseNo),
      h('dt', {}, t('field.department')), h('dd', {}, valueLabel('dept', o.department))),
    rectifyNote(o.rectifyBy, 'myVisit.rectifyBy', o.originalRectifyBy, 'myVisit.extended'),
    caseApplicationPanel(o));
}

function visitCard(v) {
  const rating = h('div');
  const status = v.status === 'done' ? badge(t('visit.done'), 'ok') : v.status === 'cancelled' ? badge(t('visit.cancelled')) : badge(t('visit.scheduled'), 'blue');
  if (v.rating) mount(rating, h('p', { class: 'muted' }, plural('ent.rated', v.rating.stars), v.rating.comment ? ` · ${v.rating.comment}` : ''));
  else if (v.canRate) mount(rating, ratingForm(v.visitId, rating));
  // Once it took place, each item with what it found: the enterprise must know what to put right.
  const checked = v.results
    ? h('ul', { class: 'cell-list', 'data-results': v.visitId }, v.results.map((r) => h('li', { 'data-item': r.item, 'data-result': r.revokedOnAppeal ? 'revoked' : r.result },
      // A finding revoked on appeal (撤销) orders nothing any more: said so in place of what it found.
      checklistItem(r.item), ' ', r.revokedOnAppeal ? badge(t('caseResult.revoked', { appeal: r.revokedOnAppeal })) : resultBadge(r.result), r.violation ? h('div', { class: 'small muted' }, r.violation) : null)))
    : (v.checklist ?? []).map((item) => [badge(checklistItem(item)), ' ']);
  return card(h('div', { class: 'row', 'data-visit-status': v.status }, h('h2', { style: 'margin:0' }, fmtDate(v.date)), status),
    visitChangeNotice(v),
    h('dl', { class: 'kv' },
      v.visitNo ? [h('dt', {}, t('visit.no')), h('dd', { class: 'mono', 'data-visit-no': v.visitNo }, v.visitNo)] : null,
      h('dt', {}, t('field.department')), h('dd', {}, (v.departments ?? []).map((d) => valueLabel('dept', d)).join(' · ')),
      reInspectionLines(v),
      h('dt', {}, v.results ? t('field.result') : t('field.checklist')), h('dd', {}, checked)),
    rectifyNote(v.rectifyBy, 'myVisit.rectifyBy', v.originalRectifyBy, 'myVisit.extended'),
    applicationPanel(v),
    rating);
}

function ratingForm(visitId, container) {
  // The choice is told by shape (★ chosen, ☆ not), by a line of text and to screen readers by the
  // pressed button, not by the stars' colour alone.
  let stars = 0;
  const chosen = h('span', { class: 'small stars-chosen', 'aria-live': 'polite' });
  const pick = (n) => {
    stars = n;
    buttons.forEach((b, i) => { b.classList.toggle('on', i < n); b.textContent = i < n ? '★' : '☆'; b.setAttribute('aria-pressed', String(i === n - 1)); });
    chosen.textContent = plural('ent.starsChosen', n);
  };
  const buttons = [1, 2, 3, 4, 5].map((n) => h('button', { type: 'button', 'aria-label': plural('ent.stars', n), 'aria-pressed': 'false', onclick: () => pick(n) }, '☆'));
  const heading = `rate-${visitId}`;
  const comment = h('input', { name: 'comment', maxlength: 500 });
  const message = h('div');
  const form = h('form', { class: 'stack', style: 'margin-top:12px' },
    h('h3', { id: heading }, t('ent.rate')), h('div', { class: 'stars', role: 'group', 'aria-labelledby': heading }, buttons, chosen), field(t('ent.comment'), comment), message,
    h('div', {}, h('button', { class: 'btn', type: 'submit' }, t('common.save'))));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (!stars) { mount(message, h('div', { class: 'notice bad', role: 'alert' }, t('ent.pickStars'))); buttons[0].focus(); return; }
    if (comment.value.length > 500) { mount(message, h('div', { class: 'notice bad', role: 'alert' }, t('ent.commentLong'))); return; }
    try {
      await api(`/api/visits/${visitId}/rating`, { method: 'POST', body: { stars, ...(comment.value ? { comment: comment.value } : {}) } });
      const thanks = h('div', { class: 'notice ok', role: 'status', tabindex: -1 }, t('ent.thanks'));
      mount(container, thanks);
      thanks.focus();
    } catch (error) {
      mount(message, h('div', { class: 'notice bad' }, errorText(error)));
    }
  });
  return form;
}

export { fmtDateTime };
