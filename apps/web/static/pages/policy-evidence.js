// What past inspections found in each colour under a proposed colour policy, beside the active one:
// the evidence a legal reviewer weighs before signing thresholds off. Random draws are the fair reading.
import { fmtNumber, fmtPercent, fmtPeriod, t } from '../i18n.js';
import { card, chip, h, mount, tabList } from '../ui.js';

const COLOURS = ['red', 'yellow', 'green'];
/** Fewer inspections than this in a colour: its share is shown, but read with care. */
const FEW = 30;

/** A card for the approval page; null when the record could not answer. */
export function evidenceCard(evidence) {
  if (!evidence) return null;
  const body = h('div', { id: 'policy-evidence-panel' });
  // The random draws are the fair reading, once there are enough of them to read.
  const { random, all } = evidence.samples;
  const first = random.scored >= FEW || random.scored >= all.scored ? 'random' : 'all';
  const tabs = tabList(['random', 'all'], first, {
    label: (name) => t(`evidence.sample.${name}`, { n: fmtNumber(evidence.samples[name].scored, 0) }),
    attrs: (name) => ({ 'data-sample': name }),
    panel: body,
    name: t('evidence.sample'),
    onPick: (name) => mount(body, sampleView(evidence, name)),
  });
  mount(body, sampleView(evidence, first));
  const view = card(t('evidence.title'),
    h('p', { class: 'muted small', style: 'margin-top:0' }, t('evidence.lead', { period: fmtPeriod(evidence.period.from, evidence.period.to) })),
    tabs, body,
    h('p', { class: 'muted small', style: 'margin-bottom:0' }, t('evidence.note')));
  view.id = 'policy-evidence';
  return view;
}

function sampleView(evidence, name) {
  const s = evidence.samples[name];
  if (s.scored === 0) return h('p', { class: 'notice', 'data-evidence-empty': name }, t(name === 'random' ? 'evidence.noRandom' : 'evidence.none'));
  const compare = s.active && evidence.active && evidence.active.version !== evidence.version;
  const cell = (p) => (p.total === 0
    ? h('span', { class: 'muted' }, t('evidence.noneInColour'))
    : [h('strong', {}, fmtPercent(p.rate, 0)),
      h('span', { class: 'muted small' }, t('evidence.ofN', { n: fmtNumber(p.total, 0) })),
      p.total < FEW ? h('span', { class: 'muted small', 'data-few': 'true', title: t('evidence.few', { n: FEW }) }, ' *') : null,
      p.interval ? h('div', { class: 'muted small' }, t('evidence.interval', { low: fmtPercent(p.interval.low, 0), high: fmtPercent(p.interval.high, 0) })) : null]);
  const head = [t('field.colour'), t('impact.then'), compare ? t('impact.now') : null].filter(Boolean);
  return h('div', { 'data-sample-view': name },
    h('p', { class: 'small', style: 'margin:0 0 6px' }, t(s.unscored ? 'evidence.scoredSome' : 'evidence.scored', { n: fmtNumber(s.scored, 0), unscored: fmtNumber(s.unscored, 0) })),
    h('div', { class: 'table-wrap' }, h('table', { id: 'policy-evidence-table' },
      h('thead', {}, h('tr', {}, head.map((c) => h('th', {}, c)))),
      h('tbody', {}, COLOURS.map((colour) => h('tr', { 'data-colour-row': colour },
        h('td', {}, chip(colour)),
        h('td', { 'data-found': 'proposed' }, cell(s.proposed[colour])),
        compare ? h('td', { 'data-found': 'active' }, cell(s.active[colour])) : null))))),
    COLOURS.some((c) => s.proposed[c].total > 0 && s.proposed[c].total < FEW || (compare && s.active[c].total > 0 && s.active[c].total < FEW))
      ? h('p', { class: 'muted small', style: 'margin:6px 0 0' }, `* ${t('evidence.few', { n: FEW })}`)
      : null,
    orderNotice(s.proposed));
}

/**
 * Red should find more than yellow and yellow more than green; where the shares say otherwise (on
 * enough inspections to mean something), the reviewer is told so in words.
 */
function orderNotice(found) {
  const known = COLOURS.filter((c) => found[c].total >= FEW);
  const inverted = known.some((c, i) => known.slice(i + 1).some((lower) => found[lower].rate > found[c].rate));
  if (inverted) return h('div', { class: 'notice warn', id: 'evidence-inverted', style: 'margin-top:10px' }, t('evidence.inverted'));
  return known.length === 3 ? h('div', { class: 'notice ok', id: 'evidence-ordered', style: 'margin-top:10px' }, t('evidence.ordered')) : null;
}
