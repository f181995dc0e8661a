// The three audits drawn from their figures: fairness by group, accuracy on the random share, drift.
// Pure rendering: the audits page, a stored report and the public copy all draw the same way.
import { binsChart, legend, pct, psiChart, rateChart } from '../audit-charts.js';
import { currentLang, factorName, fmtDate, fmtNumber, t } from '../i18n.js';
import { badge, h, mount, state, tabList } from '../ui.js';
import { regionName } from '../regions.js';
import { FAMILY, hiddenWhy, withheldNote, withheldText } from './audit-withheld.js';
import { accuracyFigures } from './audit-accuracy.js';
import { points, tile } from './audit-tiles.js';

export { accuracyFigures };

const METRICS = [
  ['selectionRate', (g) => g.selectionRate],
  ['flaggedRate', (g) => g.flaggedRate],
  ['violationFoundRate', (g) => g.violationFoundRate],
  ['truePositiveRate', (g) => g.sample.truePositiveRate],
  ['falsePositiveRate', (g) => g.sample.falsePositiveRate],
];

/** A group's name for people: industry sections and districts by name, bands in words. */
export function groupLabel(dimension, group) {
  if (group === 'unknown') return t('group.unknown');
  if (dimension === 'industry') return /^[A-T]$/.test(group) ? `${group} ${t(`industry.${group}`)}` : group;
  if (dimension === 'size') return t('group.size', { band: group.replace('-', '–') });
  if (dimension === 'age') return t(`group.age.${group}`) === `group.age.${group}` ? group : t(`group.age.${group}`);
  if (dimension === 'district' && regionName(group)) return `${regionName(group)} ${group}`;
  return group;
}

// ---------------------------------------------------------------- fairness

/** `view` (audit-withheld viewOf): on a public copy, withheld figures say so; for officers, those the public copy withholds are marked †. */
export function fairnessFigures(f, view = { k: null, hidden: null }) {
  if (f.overall.population === 0) return h('div', { id: 'fairness-figures', 'data-empty': 'no-scores' }, state('empty', t('fair.noScores'), t('fair.noScoresHelp')));
  let metric = 'selectionRate';
  const body = h('div', { id: 'fairness-metric-panel' });
  const flagName = f.flaggedColours.includes('yellow') ? t('fair.flaggedYellow') : t('fair.flaggedRed');
  const tabs = tabList(METRICS.map(([name]) => name), metric, { label: (name) => (name === 'flaggedRate' ? flagName : t(`fair.metric.${name}`)), attrs: (name) => ({ 'data-metric': name }),
    panel: body, name: t('fair.metricTabs'), onPick: (name) => { metric = name; draw(); } });
  const draw = () => {
    const pick = METRICS.find(([name]) => name === metric)[1];
    const reference = pick(f.overall)?.rate ?? null;
    mount(body,
      h('p', { class: 'muted small', style: 'margin-top:0' }, t(`fair.means.${metric}`, { n: f.minGroupSize })),
      h('div', { class: 'stack' }, f.dimensions.map((d) => dimensionCard(d, metric, pick, reference, f.minGroupSize, view))));
  };
  draw();
  const o = f.overall;
  const withheld = (family) => withheldText(o.withheld?.[family], view.k);
  const shareTile = (label, p, family) => (p ? tile(label, pct(p.rate, 1), t('fair.ofN', { count: fmtNumber(p.count), total: fmtNumber(p.total) })) : tile(label, withheld(family), '', '', { 'data-withheld': family }));
  return h('div', { id: 'fairness-figures' },
    h('div', { class: 'tiles tiles-4' },
      o.population === null ? tile(t('fair.population'), withheld('population'), '', '', { 'data-withheld': 'population' }) : tile(t('fair.population'), fmtNumber(o.population)),
      shareTile(t('fair.selected'), o.selectionRate, 'population'),
      flaggedTile(shareTile(flagName, o.flaggedRate, 'population'), f.redAwaitingConfirmation),
      o.violationFoundRate
        ? tile(t('fair.inspections'), fmtNumber(o.violationFoundRate.total), o.violationFoundRate.total ? t('fair.found', { rate: pct(o.violationFoundRate.rate, 1) }) : t('fair.noInspections'))
        : tile(t('fair.inspections'), withheld('inspections'), '', '', { 'data-withheld': 'inspections' })),
    o.selectionRate?.count === 0 ? h('div', { class: 'notice warn', style: 'margin-top:14px', id: 'fair-no-draws' }, t('fair.noDraws')) : null,
    withheldNote(view),
    h('div', { style: 'margin-top:16px' }, tabs), body);
}

/** The red-rate tile says how many of its reds await oversight's confirmation (the server's count), when any do. */
function flaggedTile(element, awaiting) {
  element.setAttribute('id', 'fair-flagged');
  if (awaiting) element.append(h('span', { class: 'muted small', 'data-red-awaiting': String(awaiting) }, t('fair.awaiting', { n: fmtNumber(awaiting) })));
  return element;
}

const NOTHING = { count: null, total: null, rate: null, interval: null };

function dimensionCard(d, metric, pick, reference, minGroupSize, view) {
  const lang = currentLang();
  const family = FAMILY[metric];
  const rows = d.groups.map((g) => {
    const p = pick(g);
    const why = g.withheld?.[family];
    const hidden = hiddenWhy(view, d.dimension, g.group, family);
    const label = `${groupLabel(d.dimension, g.group)}${hidden ? ' †' : ''}`;
    return { key: g.group, label, p: p ?? NOTHING, small: p ? p.total < minGroupSize : false, withheld: why ? withheldText(why, view.k) : null, hidden };
  });
  const gap = d.gaps.find((g) => g.metric === metric);
  const narrow = matchMedia('(max-width: 640px)').matches;
  return h('section', { class: 'subcard', id: `fairness-${d.dimension}`, 'data-dimension': d.dimension, 'data-metric': metric },
    h('h3', {}, d.label[lang] ?? d.label.zh),
    h('div', { class: 'grid grid-main' },
      // Drawn 720 wide, a phone shrinks it to 40 %, letters to 5 px: there it is drawn narrower and scrolls sideways if need be.
      h('div', { class: 'chart-scroll' }, rateChart(rows, { reference, width: narrow ? 440 : 720, labelWidth: narrow ? 140 : 230, ariaLabel: `${d.label[lang] ?? d.label.zh} · ${t(`fair.metric.${metric}`)}`, attrs: { 'data-chart': 'fairness' } })),
      h('div', {}, gapCallout(d.dimension, gap, metric, minGroupSize))),
    rows.some((r) => r.hidden) ? h('p', { class: 'muted small', 'data-hidden-mark': 'true' }, t('withheld.dagger', { k: view.k })) : null,
    groupTable(d, view));
}

/**
 * The widest gap between groups big enough to compare, its interval, and the four-fifths ratio, read as
 * the server's `finding` says: red only for `act` (significant and under four fifths). A ratio the server
 * does not judge (interval includes 0) is shown plainly with its counts and why it is not acted on.
 */
function gapCallout(dimension, gap, metric, minGroupSize) {
  if (!gap || gap.groupsCompared < 2 || gap.difference === null) {
    return h('div', { class: 'callout muted-callout', 'data-gap': 'none' }, t('fair.gapNone', { n: fmtNumber(minGroupSize) }));
  }
  if (gap.highest.value === 0) return h('div', { class: 'callout muted-callout', 'data-gap': '0' }, t('fair.gapAllZero', { n: fmtNumber(gap.groupsCompared) }));
  const high = groupLabel(dimension, gap.highest.group);
  const low = groupLabel(dimension, gap.lowest.group);
  // A stored report from before findings were recorded has none: its gap is shown without a verdict.
  const finding = gap.finding ?? null;
  const significant = finding === 'act' || finding === 'watch' ? true : finding === 'not-significant' ? false : null;
  return h('div', { class: `callout ${finding === 'act' ? 'bad' : ''}`, 'data-gap': gap.difference.toFixed(6), 'data-ratio': gap.ratio === null ? '' : gap.ratio.toFixed(4), 'data-finding': finding ?? '' },
    h('div', {}, t('fair.gapLine', { high, highValue: pct(gap.highest.value, 1), low, lowValue: pct(gap.lowest.value, 1), diff: points(gap.difference) })),
    h('div', { class: 'row', style: 'gap:8px;margin-top:6px' },
      gap.interval ? h('span', { class: 'small' }, t('fair.gapInterval', { low: points(gap.interval.low), high: points(gap.interval.high) })) : null,
      significant === null ? null : badge(t(significant ? 'fair.significant' : 'fair.notSignificant'), significant ? 'warn' : ''),
      ratioBadge(gap, finding)),
    gap.lowest.total !== undefined ? h('div', { class: 'muted small', style: 'margin-top:4px', 'data-gap-counts': 'true' },
      t('fair.ratioCounts', { lowCount: fmtNumber(gap.lowest.count), lowTotal: fmtNumber(gap.lowest.total), highCount: fmtNumber(gap.highest.count), highTotal: fmtNumber(gap.highest.total) })) : null,
    h('div', { class: 'muted small', style: 'margin-top:4px' }, t('fair.compared', { n: fmtNumber(gap.groupsCompared) })),
    gapAdvice(finding));
}

/** The four-fifths ratio: red for `act`, green for `watch`, plain (saying why, under 0.8) when the gap is not significant. */
function ratioBadge(gap, finding) {
  if (gap.ratio === null) return badge(t('fair.ratioNone'));
  const ratio = gap.ratio.toFixed(2);
  if (finding === 'act') return badge(t('fair.ratioFails', { ratio }), 'bad', { 'data-ratio-badge': 'act' });
  if (finding === 'watch') return badge(t('fair.ratioPasses', { ratio }), 'ok', { 'data-ratio-badge': 'watch' });
  return badge(t(gap.ratio < 0.8 ? 'fair.ratioUnjudged' : 'fair.ratioPasses', { ratio }), '', { 'data-ratio-badge': 'unjudged' });
}

/** What the gap means and what to do about it, as the server found it. */
function gapAdvice(finding) {
  const advice = { 'not-significant': 'tooFew', act: 'act', watch: 'watch' }[finding];
  if (!advice) return null;
  return h('p', { class: 'small', style: 'margin:8px 0 0', 'data-advice': advice }, t(`fair.advice.${advice}`));
}

function groupTable(d, view) {
  const marked = (text, g, family) => (hiddenWhy(view, d.dimension, g.group, family) ? `${text} †` : text);
  const cell = (g, family, p) => {
    if (g.withheld?.[family]) return h('td', { 'data-withheld': g.withheld[family] }, withheldText(g.withheld[family], view.k));
    return h('td', {}, marked(p.rate === null ? '—' : `${pct(p.rate, 1)} (${fmtNumber(p.count)}/${fmtNumber(p.total)})`, g, family));
  };
  const count = (g, family, n) => (g.withheld?.[family] ? cell(g, family) : h('td', {}, marked(String(n), g, family)));
  return h('details', { class: 'numbers' }, h('summary', {}, t('fair.numbers')),
    h('div', { class: 'table-wrap' }, h('table', { class: 'compact' },
      h('thead', {}, h('tr', {}, [t('fair.group'), t('fair.population'), t('fair.metric.selectionRate'), t('fair.metric.flaggedRate'), t('fair.metric.violationFoundRate'), t('fair.sampleInspections')].map((c) => h('th', {}, c)))),
      h('tbody', {}, d.groups.map((g) => h('tr', { 'data-group': g.group },
        h('td', {}, groupLabel(d.dimension, g.group)), count(g, 'population', g.population), cell(g, 'population', g.selectionRate), cell(g, 'population', g.flaggedRate),
        cell(g, 'inspections', g.violationFoundRate), count(g, 'sample', g.sample.inspections)))))));
}

// ---------------------------------------------------------------- drift

export function driftFigures(d, view = { k: null, hidden: null }) {
  if (d.factors.length === 0 && !d.score) {
    return h('div', { id: 'drift-figures', 'data-empty': 'no-scores' }, state('empty', t('drift.none'), d.modelVersion ? t('drift.noneHelp') : t('drift.noModel')));
  }
  const sorted = [...d.factors].sort((a, b) => (b.psi ?? -1) - (a.psi ?? -1));
  const byKey = new Map([['score', d.score], ...sorted.map((f) => [f.factor, f])]);
  let selected = d.largestFactorShift?.psi > 0 ? d.largestFactorShift.factor : d.score ? 'score' : sorted[0]?.factor;
  const chart = h('div', { id: 'drift-chart' });
  const detail = h('div', { id: 'drift-bins' });
  const label = (key) => (key === 'score' ? t('drift.score') : factorName(key));
  const overlapping = baselineInPeriod(d);
  // A baseline inside the period compares the period with itself: no row says "stable" then either.
  const verdictShown = (verdict) => (overlapping ? 'not-comparable' : verdict);
  const rows = [...(d.score ? [{ key: 'score', label: label('score'), psi: d.score.psi, verdict: verdictShown(d.score.verdict), emphasised: true }] : []),
    ...sorted.map((f) => ({ key: f.factor, label: label(f.factor), psi: f.psi, verdict: verdictShown(f.verdict) }))];
  const draw = () => {
    mount(chart, psiChart(rows, { ariaLabel: t('drift.title'), selected, onSelect: (key) => { selected = key; draw(); } }));
    const f = byKey.get(selected);
    const hiddenBins = view.hidden?.driftFactors?.includes(selected);
    mount(detail, f ? h('section', { class: 'subcard' },
      h('h3', {}, t('drift.binsTitle', { factor: label(selected) })),
      h('p', { class: 'muted small', style: 'margin-top:0' }, t('drift.binsLead', { psi: f.psi === null ? '—' : f.psi.toFixed(3), baseline: fmtNumber(f.baselineCount), current: fmtNumber(f.currentCount) })),
      f.binsWithheld
        ? h('div', { class: 'notice', 'data-withheld': 'bins' }, t('withheld.driftBins', { k: view.k }))
        : [hiddenBins ? h('p', { class: 'muted small', 'data-hidden-mark': 'bins' }, t('withheld.driftBinsOfficer', { k: view.k })) : null,
          binsChart(f.bins, { ariaLabel: label(selected), labelOf: (b) => binLabel(selected, b) })]) : null);
  };
  draw();
  const score = d.score;
  // A baseline inside the period compares the period with itself: no figure large, no verdict, above all no green "stable".
  const kindOf = (verdict) => (overlapping ? '' : verdictKind(verdict));
  const baseline = d.baselines.factors ?? d.baselines.score;
  const notComparable = (label, attrs) => tile(label, t('drift.notComparableValue'), baseline ? t('drift.notComparableSub', { from: fmtDate(baseline.from), to: fmtDate(baseline.to) }) : '', 'unmeasured', { 'data-comparable': 'false', ...attrs });
  const watched = d.factors.filter((f) => f.verdict === 'moderate-shift').length;
  const acted = d.factors.filter((f) => f.verdict === 'significant-shift').length;
  const tiles = overlapping
    ? [notComparable(t('drift.scorePsi'), { id: 'score-psi' }), notComparable(t('drift.largest'), { id: 'largest-psi' }), notComparable(t('drift.watch')), notComparable(t('drift.act'))]
    : [tile(t('drift.scorePsi'), score?.psi === null || !score ? '—' : score.psi.toFixed(3), score?.verdict ? t(`drift.verdict.${score.verdict}`) : '', kindOf(score?.verdict), { id: 'score-psi' }),
      tile(t('drift.largest'), d.largestFactorShift ? d.largestFactorShift.psi.toFixed(3) : '—', d.largestFactorShift ? factorName(d.largestFactorShift.factor) : '', kindOf(d.largestFactorShift ? verdictOf(d.largestFactorShift.psi) : null), { id: 'largest-psi' }),
      tile(t('drift.watch'), String(watched), t('drift.watchSub'), watched ? 'warn' : ''),
      tile(t('drift.act'), String(acted), t('drift.actSub'), acted ? 'bad' : '')];
  return h('div', { id: 'drift-figures', 'data-comparable': String(!overlapping) },
    h('div', { class: 'tiles tiles-4' }, tiles),
    h('p', { class: 'small', style: 'margin:12px 0 0' }, baselineLine(d)),
    overlapping ? h('div', { class: 'notice warn', style: 'margin-top:10px', id: 'drift-overlap' }, overlapText(d, baseline)) : null,
    h('p', { class: 'muted small' }, t('drift.lead')),
    chart,
    legend([['#2e9d57', t('drift.legendStable')], ['#e0a100', t('drift.legendWatch')], ['#d93a2b', t('drift.legendAct')]]),
    h('div', { style: 'margin-top:16px' }, detail));
}

/** Why the period cannot be compared, and from which day (the server's) a period could be. */
function overlapText(d, baseline) {
  const from = d.comparison?.comparableFrom;
  if (!from || !baseline) return t('drift.overlap');
  return t('drift.overlapFrom', { from: fmtDate(baseline.from), to: fmtDate(baseline.to), comparableFrom: fmtDate(from) });
}

function verdictOf(psi) {
  return psi < 0.1 ? 'stable' : psi < 0.25 ? 'moderate-shift' : 'significant-shift';
}

function verdictKind(verdict) {
  return verdict === 'significant-shift' ? 'bad' : verdict === 'moderate-shift' ? 'warn' : verdict === 'stable' ? 'good' : '';
}

function baselineLine(d) {
  const b = d.baselines.factors ?? d.baselines.score;
  if (!b) return t('drift.noBaseline');
  return t(b.kind === 'training-window' ? 'drift.baselineWindow' : 'drift.baselineFirst', { from: fmtDate(b.from), to: fmtDate(b.to), n: fmtNumber(b.enterprises), current: fmtNumber(d.current.factors || d.current.score), model: d.modelVersion ?? '—' });
}

const NUMBER = /\d+(\.\d+)?(e-?\d+)?/g;

function binLabel(factor, bin) {
  if (bin.bin === 'null') return t('group.unknown');
  // Scores and failure rates are shares: read as percentages.
  if (factor === 'score' || factor === 'inspection_fail_rate') return bin.label.replace(NUMBER, (n) => pct(Number(n), 1));
  if (bin.bin === 'level:true') return t('common.yes');
  if (bin.bin === 'level:false') return t('common.no');
  if (factor === 'industry' && /^level:[A-T]$/.test(bin.bin)) return groupLabel('industry', bin.bin.slice(6));
  // Deciles of a measured quantity (years in operation) are cut at six significant digits: three say as much
  // to a reader (1.21561 → 1.22), whole numbers from 100 up are rounded; no thousands separator, "[1,000, 2,000)" reads as four numbers.
  return bin.label.replace(NUMBER, (n) => String(Math.abs(Number(n)) >= 100 ? Math.round(Number(n)) : Number(Number(n).toPrecision(3))));
}

/**
 * Whether drift was measured against a baseline inside its own period, as the server's `comparison`
 * says; a stored report from before the server said so is read from its baselines.
 */
function baselineInPeriod(d) {
  if (d?.comparison) return !d.comparison.comparable;
  return [d?.baselines?.factors, d?.baselines?.score].some((b) => b && b.from <= d.period.to && b.to >= d.period.from);
}

// ---------------------------------------------------------------- a report's headline

/** The report's four headline figures; `drift` (the report's) says whether its PSI may be given a verdict. */
export function headlineTiles(headline, drift) {
  const hl = headline ?? {};
  const comparable = !baselineInPeriod(drift);
  const psiVerdict = hl.scorePsi === null || hl.scorePsi === undefined ? '' : t(`drift.verdict.${verdictOf(hl.scorePsi)}`);
  const random = hl.randomShare ?? {};
  const gap = hl.widestSelectionGap;
  const notComparable = (label, attrs = {}) => tile(label, t('drift.notComparableValue'), t('drift.notComparable'), 'unmeasured', { 'data-comparable': 'false', ...attrs });
  return h('div', { class: 'tiles tiles-4', id: 'report-headline' },
    random.aucMeasured === false
      ? tile(t('report.randomAuc'), t('acc.tooFewShort'), t('report.randomN', { n: fmtNumber(random.inspections ?? 0) }), 'unmeasured', { 'data-auc': 'too-few' })
      : tile(t('report.randomAuc'), random.auc === null || random.auc === undefined ? '—' : random.auc.toFixed(3), t('report.randomN', { n: fmtNumber(random.inspections ?? 0) })),
    tile(t('report.widestGap'), gap ? `${points(gap.difference)} ${t('report.points')}` : '—', gap ? t(`dimension.${gap.dimension}`) : t('report.noGap')),
    comparable ? tile(t('drift.scorePsi'), hl.scorePsi === null || hl.scorePsi === undefined ? '—' : hl.scorePsi.toFixed(3), psiVerdict, '', { id: 'headline-score-psi' }) : notComparable(t('drift.scorePsi'), { id: 'headline-score-psi' }),
    comparable ? tile(t('drift.largest'), hl.largestFactorShift ? hl.largestFactorShift.psi.toFixed(3) : '—', hl.largestFactorShift ? factorName(hl.largestFactorShift.factor) : '') : notComparable(t('drift.largest')));
}

/** A report's random-share AUC in a list: words, not a figure, when the server found too few inspections to measure it. */
export function headlineAuc(headline) {
  return headline?.randomShare?.aucMeasured === false ? t('acc.tooFewShort') : headline?.randomShare?.auc?.toFixed?.(3) ?? '—';
}

/** All three audits of a stored report or its public copy, one after another; `view` as for fairnessFigures. */
export function reportFigures(report, view) {
  return h('div', { class: 'stack' },
    h('section', { class: 'card', id: 'report-fairness' }, h('div', { class: 'card-head' }, h('h2', {}, t('fair.title'))), fairnessFigures(report.fairness, view)),
    h('section', { class: 'card', id: 'report-accuracy' }, h('div', { class: 'card-head' }, h('h2', {}, t('acc.title'))), accuracyFigures(report.accuracy)),
    h('section', { class: 'card', id: 'report-drift' }, h('div', { class: 'card-head' }, h('h2', {}, t('drift.title'))), driftFigures(report.drift, view)),
    report.method ? h('section', { class: 'card' }, h('div', { class: 'card-head' }, h('h2', {}, t('report.method'))), h('p', { class: 'small', style: 'margin:0' }, report.method[currentLang()] ?? report.method.zh)) : null);
}
