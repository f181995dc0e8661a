// How an enterprise's score came to be what it is (评分变化): stretches of days over which the score stayed
// the same, newest first, each with what moved it from the stretch before. The enterprise reads it on its
// own page, officers on the enterprise's file.
import { api } from '../api.js';
import { factorName, fmtChance, fmtDate, fmtNumber, t } from '../i18n.js';
import { card, chip, emptyState, h, section } from '../ui.js';
import { factorValueText } from './reasons.js';

const SHOWN = 8;
/** Factors named under a stretch; the rest are counted. */
const FACTORS_NAMED = 3;

export function scoreHistoryCard(code) {
  const body = h('div');
  section(body, () => api(`/api/scores/${encodeURIComponent(code)}/history`, { query: { limit: SHOWN } }), historyBody, 'scoring');
  return card(t('history.title'), h('p', { class: 'muted small', style: 'margin-top:0' }, t('history.lead')), body);
}

function historyBody(history) {
  const periods = Array.isArray(history?.periods) ? history.periods : [];
  if (periods.length === 0) return emptyState(t('history.none'));
  return h('div', {},
    h('ol', { class: 'history', id: 'score-history' }, periods.map((p) => h('li', { 'data-period': p.scoreId },
      h('div', { class: 'row', style: 'gap:8px;flex-wrap:wrap' },
        h('strong', {}, p.from === p.to ? fmtDate(p.from) : t('history.range', { from: fmtDate(p.from), to: fmtDate(p.to) })),
        chip(p.colour, true), h('span', {}, fmtChance(p.probability)),
        p.scores > 1 ? h('span', { class: 'muted small' }, t('history.scores', { n: fmtNumber(p.scores) })) : null),
      changeText(p.change)))),
    history.more || history.complete === false ? h('p', { class: 'muted small', style: 'margin:8px 0 0' }, t('history.older')) : null);
}

/** What moved the score at the start of a stretch: a new model or colour rule, and the factors, largest effect first. */
function changeText(change) {
  if (!change) return h('div', { class: 'muted small' }, t('history.earliest'));
  const factors = Array.isArray(change.factors) ? change.factors : [];
  const notes = [change.model ? t('history.model') : null, change.colourPolicy ? t('history.policy') : null].filter(Boolean);
  const named = factors.slice(0, FACTORS_NAMED).map((f) => h('li', { 'data-moved': f.factor },
    t('history.moved', { factor: factorName(f.factor), from: valueText(f.factor, f.from), to: valueText(f.factor, f.to) }), ' ',
    h('span', { class: f.contributionChange > 0 ? 'bad-text small' : 'ok-text small' }, t(f.contributionChange > 0 ? 'history.up' : 'history.down'))));
  const rest = factors.length - named.length;
  return h('div', { class: 'small' },
    notes.length ? h('div', { class: 'muted' }, notes.join(t('common.listSep'))) : null,
    named.length ? h('ul', { class: 'list-plain history-moved' }, named) : null,
    rest > 0 ? h('div', { class: 'muted' }, t('history.moreFactors', { n: fmtNumber(rest) })) : null,
    !notes.length && !named.length ? h('div', { class: 'muted' }, t('history.noDetail')) : null);
}

function valueText(factor, value) {
  return value === undefined ? '—' : factorValueText(factor, value);
}
