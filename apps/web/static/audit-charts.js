// Charts of the algorithm audits as inline SVG: shares with their 95 % intervals, calibration, PSI.
// Every chart carries its numbers as text too, so it reads without colour and without hovering.
import { fit } from './charts.js';
import { fmtNumber, t } from './i18n.js';
import { h, s } from './ui.js';

const BRAND = '#1d4ed8';
const MUTED = '#c9cdd4';
export const COLOUR_FILLS = { red: '#d93a2b', yellow: '#e0a100', green: '#2e9d57' };
const VERDICT_FILLS = { stable: '#2e9d57', 'moderate-shift': '#e0a100', 'significant-shift': '#d93a2b', 'not-comparable': '#9aa4b2' };

/** Axis tops for shares with a round tick step each, smallest first. */
const SHARE_AXES = [[0.01, 0.002], [0.02, 0.005], [0.05, 0.01], [0.1, 0.02], [0.2, 0.05], [0.25, 0.05], [0.3, 0.1], [0.4, 0.1], [0.5, 0.1], [0.6, 0.2], [0.8, 0.2], [1, 0.2]];

function shareAxis(largest) {
  const [top, step] = SHARE_AXES.find(([top]) => top >= largest) ?? SHARE_AXES[SHARE_AXES.length - 1];
  return { top, ticks: Array.from({ length: Math.round(top / step) + 1 }, (_, i) => i * step) };
}

export function pct(x, digits) {
  if (x === null || x === undefined) return '—';
  const d = digits ?? (x !== 0 && Math.abs(x) < 0.1 ? 1 : 0);
  return `${(x * 100).toFixed(d)}%`;
}

function tickLabel(x, step) {
  return pct(x, step < 0.01 ? 1 : 0);
}

/** The vertical grid and its labels under a horizontal plot. */
function grid(svg, { x, ticks, top, bottom, label }) {
  const step = ticks[1] - ticks[0];
  for (const v of ticks) {
    svg.append(s('line', { x1: x(v), x2: x(v), y1: top, y2: bottom, stroke: v === 0 ? '#9aa4b2' : '#eef0f3' }));
    svg.append(s('text', { x: x(v), y: bottom + 14, 'text-anchor': 'middle', class: 'tick' }, label ? label(v) : tickLabel(v, step)));
  }
}

function whisker(svg, x1, x2, y) {
  svg.append(s('line', { x1, x2, y1: y, y2: y, stroke: '#1f2329', 'stroke-width': 1.2 }),
    s('line', { x1, x2: x1, y1: y - 4, y2: y + 4, stroke: '#1f2329', 'stroke-width': 1.2 }),
    s('line', { x1: x2, x2, y1: y - 4, y2: y + 4, stroke: '#1f2329', 'stroke-width': 1.2 }));
}

/**
 * Shares per group as bars with their 95 % Wilson intervals as whiskers and, dashed, the share of
 * everyone. Groups too small to compare are drawn grey and say so; a withheld row says why in words.
 * Rows: { key, label, p, small, fill, withheld }.
 */
export function rateChart(rows, { reference = null, ariaLabel = '', width = 520, labelWidth = 150, attrs = {} } = {}) {
  const valueWidth = 118;
  const rowHeight = 28;
  const plotLeft = labelWidth;
  const plotWidth = width - labelWidth - valueWidth - 10;
  const largest = Math.max(0.001, reference ?? 0, ...rows.map((r) => (r.small ? r.p.rate ?? 0 : r.p.interval?.high ?? r.p.rate ?? 0)));
  const axis = shareAxis(largest);
  const x = (v) => plotLeft + (Math.min(v, axis.top) / axis.top) * plotWidth;
  const top = reference === null ? 6 : 22;
  const bottom = top + rows.length * rowHeight;
  const svg = s('svg', { viewBox: `0 0 ${width} ${bottom + 22}`, width: '100%', class: 'chart', role: 'img', 'aria-label': ariaLabel, ...attrs });
  grid(svg, { x, ticks: axis.ticks, top, bottom });
  rows.forEach((row, i) => {
    const y = top + i * rowHeight + 6;
    const mid = y + 8;
    const { rate, interval, count, total } = row.p;
    svg.append(s('text', { x: labelWidth - 10, y: mid + 4, 'text-anchor': 'end', 'font-weight': 600 }, s('title', {}, row.label), fit(row.label, Math.floor((labelWidth - 14) / 6.8))));
    // A public copy withholds the figures of small groups: the row says so in words, with no bar.
    if (row.withheld) {
      svg.append(s('text', { x: plotLeft + 6, y: mid + 4, class: 'muted-text', 'data-withheld': row.key }, row.withheld));
      return;
    }
    if (rate === null) {
      svg.append(s('text', { x: plotLeft + 6, y: mid + 4, class: 'muted-text' }, t('chart.noData')));
      return;
    }
    const fill = row.small ? MUTED : row.fill ?? BRAND;
    svg.append(s('rect', { x: plotLeft, y, width: Math.max(rate > 0 ? 2 : 1.5, x(rate) - plotLeft), height: 16, rx: 3, fill, 'data-group': row.key, 'data-rate': rate.toFixed(6) },
      s('title', {}, `${row.label}: ${pct(rate, 1)} (${fmtNumber(count)}/${fmtNumber(total)}); 95%: ${pct(interval?.low, 1)} – ${pct(interval?.high, 1)}`)));
    if (interval && !row.small) whisker(svg, x(interval.low), x(interval.high), mid);
    svg.append(s('text', { x: width - valueWidth, y: mid + 4, class: row.small ? 'muted-text' : '' },
      row.small ? `${t('chart.tooFew')} ${fmtNumber(count)}/${fmtNumber(total)}` : `${pct(rate, 1)}  ${fmtNumber(count)}/${fmtNumber(total)}`));
  });
  if (reference !== null) {
    svg.append(s('line', { x1: x(reference), x2: x(reference), y1: top - 6, y2: bottom, stroke: '#4e5969', 'stroke-dasharray': '4 3', 'stroke-width': 1.2 }),
      s('text', { x: x(reference), y: top - 9, 'text-anchor': x(reference) > plotLeft + plotWidth - 60 ? 'end' : 'middle', 'font-weight': 600 }, `${t('chart.everyone')} ${pct(reference, 1)}`));
  }
  return svg;
}

/** Predicted against observed per probability bin, with the diagonal of perfect calibration. */
export function calibrationChart(bins, { ariaLabel = '' } = {}) {
  const filled = bins.filter((b) => b.n > 0 && b.meanPredicted !== null && b.observed.rate !== null);
  const width = 460;
  const height = 340;
  const pad = { left: 54, right: 18, top: 14, bottom: 46 };
  // Every bin's prediction fits; an observed share of a handful of inspections may run off the top and is marked so.
  const sturdy = filled.filter((b) => b.n >= 10);
  const extent = Math.max(0.2, ...filled.map((b) => b.meanPredicted), ...sturdy.map((b) => b.observed.rate));
  const axis = shareAxis(Math.min(1, extent + 0.02));
  const x = (v) => pad.left + (Math.min(v, axis.top) / axis.top) * (width - pad.left - pad.right);
  const y = (v) => height - pad.bottom - (Math.min(v, axis.top) / axis.top) * (height - pad.top - pad.bottom);
  const svg = s('svg', { viewBox: `0 0 ${width} ${height}`, width: '100%', class: 'chart', role: 'img', 'aria-label': ariaLabel, 'data-chart': 'calibration' });
  const step = axis.ticks[1] - axis.ticks[0];
  for (const v of axis.ticks) {
    svg.append(s('line', { x1: pad.left, x2: width - pad.right, y1: y(v), y2: y(v), stroke: v === 0 ? '#9aa4b2' : '#eef0f3' }),
      s('line', { x1: x(v), x2: x(v), y1: pad.top, y2: height - pad.bottom, stroke: v === 0 ? '#9aa4b2' : '#eef0f3' }),
      s('text', { x: pad.left - 6, y: y(v) + 4, 'text-anchor': 'end' }, tickLabel(v, step)),
      s('text', { x: x(v), y: height - pad.bottom + 15, 'text-anchor': 'middle' }, tickLabel(v, step)));
  }
  svg.append(s('line', { x1: x(0), y1: y(0), x2: x(axis.top), y2: y(axis.top), stroke: '#86909c', 'stroke-dasharray': '5 4' }),
    s('text', { x: x(axis.top * 0.7) + 6, y: y(axis.top * 0.7) + 18, 'text-anchor': 'start', class: 'muted-text' }, t('chart.perfect')),
    s('text', { x: (pad.left + width - pad.right) / 2, y: height - 8, 'text-anchor': 'middle', 'font-weight': 600 }, t('chart.predicted')),
    s('text', { x: 14, y: (pad.top + height - pad.bottom) / 2, 'text-anchor': 'middle', 'font-weight': 600, transform: `rotate(-90 14 ${(pad.top + height - pad.bottom) / 2})` }, t('chart.observed')));
  if (filled.length > 1) svg.append(s('polyline', { points: filled.map((b) => `${x(b.meanPredicted)},${y(b.observed.rate)}`).join(' '), fill: 'none', stroke: BRAND, 'stroke-width': 1.5, opacity: 0.5 }));
  const most = Math.max(1, ...filled.map((b) => b.n));
  for (const b of filled) {
    const cx = x(b.meanPredicted);
    if (b.observed.interval) {
      svg.append(s('line', { x1: cx, x2: cx, y1: y(b.observed.interval.low), y2: y(b.observed.interval.high), stroke: BRAND, 'stroke-width': 1.2, opacity: 0.7 }));
    }
    const off = b.observed.rate > axis.top;
    svg.append(s('circle', { cx, cy: y(b.observed.rate), r: (3 + Math.sqrt(b.n / most) * 6).toFixed(1), fill: off ? '#fff' : BRAND, stroke: off ? BRAND : '#fff', 'stroke-width': 1.5, 'data-bin': b.from },
      s('title', {}, t('chart.binTitle', { from: pct(b.from), to: pct(b.to), predicted: pct(b.meanPredicted, 1), observed: pct(b.observed.rate, 1), n: b.n }))));
  }
  return svg;
}

/**
 * Population stability of each factor against its baseline, over shaded bands: below 0.1 stable,
 * 0.1–0.25 watch, above 0.25 act. Rows: { key, label, psi, verdict }, verdict 'not-comparable' for a
 * row measured against a baseline inside its own period (grey, no verdict); a row may be clicked.
 */
export function psiChart(rows, { ariaLabel = '', onSelect, selected } = {}) {
  const width = 1000;
  const labelWidth = 230;
  const valueWidth = 130;
  const rowHeight = 28;
  const plotWidth = width - labelWidth - valueWidth - 10;
  const largest = Math.max(0, ...rows.map((r) => r.psi ?? 0));
  // Past 0.6 every shift calls for action: longer bars are cut at the edge (marked) so the bands stay readable.
  const topValue = Math.max(0.35, Math.min(largest * 1.08, 0.6));
  const x = (v) => labelWidth + (Math.min(v, topValue) / topValue) * plotWidth;
  const top = 26;
  const bottom = top + rows.length * rowHeight;
  const svg = s('svg', { viewBox: `0 0 ${width} ${bottom + 22}`, width: '100%', class: 'chart', role: 'img', 'aria-label': ariaLabel, 'data-chart': 'psi' });
  const zones = [[0, 0.1, '#e6f4ea', 'stable'], [0.1, 0.25, '#fff4d6', 'moderate-shift'], [0.25, topValue, '#fdecea', 'significant-shift']];
  for (const [from, to, fill, verdict] of zones) {
    svg.append(s('rect', { x: x(from), y: top - 4, width: x(to) - x(from), height: bottom - top + 4, fill }),
      s('text', { x: (x(from) + x(to)) / 2, y: top - 10, 'text-anchor': 'middle', fill: VERDICT_FILLS[verdict], 'font-weight': 600 }, t(`drift.verdict.${verdict}`)));
  }
  for (const v of [0, 0.1, 0.25]) {
    svg.append(s('line', { x1: x(v), x2: x(v), y1: top - 4, y2: bottom, stroke: v === 0 ? '#9aa4b2' : '#86909c', 'stroke-dasharray': v === 0 ? '' : '4 3' }),
      s('text', { x: x(v), y: bottom + 14, 'text-anchor': 'middle' }, String(v)));
  }
  svg.append(s('text', { x: x(topValue), y: bottom + 14, 'text-anchor': 'end' }, topValue.toFixed(2)));
  rows.forEach((row, i) => {
    const y = top + i * rowHeight + 5;
    const mid = y + 8;
    const group = s('g', { 'data-factor': row.key, style: onSelect ? 'cursor:pointer' : '' });
    if (row.key === selected) group.append(s('rect', { x: 0, y: y - 4, width, height: rowHeight - 2, fill: '#e8efff', opacity: 0.6, rx: 4 }));
    group.append(s('text', { x: labelWidth - 10, y: mid + 4, 'text-anchor': 'end', 'font-weight': row.emphasised ? 700 : 600 }, s('title', {}, row.label), fit(row.label, Math.floor((labelWidth - 14) / 6.8))));
    if (row.psi === null) {
      group.append(s('text', { x: labelWidth + 6, y: mid + 4, class: 'muted-text' }, t('chart.noData')));
    } else {
      group.append(s('rect', { x: labelWidth, y, width: Math.max(2, x(row.psi) - labelWidth), height: 16, rx: 3, fill: VERDICT_FILLS[row.verdict] ?? BRAND, 'data-psi': row.psi.toFixed(6) }, s('title', {}, `${row.label}: PSI ${row.psi.toFixed(3)}`)),
        s('text', { x: width - valueWidth, y: mid + 4, 'data-verdict': row.verdict }, `${row.psi.toFixed(3)}  ${t(`drift.verdict.${row.verdict}`)}`));
      if (row.psi > topValue) group.append(s('path', { d: `M${x(topValue) - 14},${y - 1} l6,9 l-6,9 M${x(topValue) - 8},${y - 1} l6,9 l-6,9`, stroke: '#fff', 'stroke-width': 2, fill: 'none' }));
    }
    if (onSelect) group.addEventListener('click', () => onSelect(row.key));
    svg.append(group);
  });
  return svg;
}

/** One factor's distribution in the baseline and now, bin by bin. */
export function binsChart(bins, { ariaLabel = '', labelOf = (b) => b.label } = {}) {
  const width = 1000;
  const labelWidth = 230;
  const valueWidth = 170;
  const rowHeight = 26;
  const plotWidth = width - labelWidth - valueWidth - 10;
  const axis = shareAxis(Math.max(0.01, ...bins.flatMap((b) => [b.baselineShare, b.currentShare])));
  const x = (v) => labelWidth + (v / axis.top) * plotWidth;
  const top = 6;
  const bottom = top + bins.length * rowHeight;
  const svg = s('svg', { viewBox: `0 0 ${width} ${bottom + 22}`, width: '100%', class: 'chart', role: 'img', 'aria-label': ariaLabel, 'data-chart': 'bins' });
  grid(svg, { x, ticks: axis.ticks, top, bottom });
  bins.forEach((b, i) => {
    const y = top + i * rowHeight + 4;
    svg.append(s('text', { x: labelWidth - 10, y: y + 13, 'text-anchor': 'end' }, fit(labelOf(b), Math.floor(labelWidth / 7))),
      s('rect', { x: labelWidth, y, width: Math.max(1, x(b.baselineShare) - labelWidth), height: 8, rx: 2, fill: '#9aa4b2' }),
      s('rect', { x: labelWidth, y: y + 9, width: Math.max(1, x(b.currentShare) - labelWidth), height: 8, rx: 2, fill: BRAND }),
      s('text', { x: width - valueWidth, y: y + 13 }, `${pct(b.currentShare, 1)} (${t('drift.baselineShort')} ${pct(b.baselineShare, 1)})`));
  });
  return h('div', {}, svg, legend([['#9aa4b2', t('drift.baseline')], [BRAND, t('drift.current')]]));
}

export function legend(items) {
  return h('div', { class: 'legend' }, items.map(([colour, label]) => h('span', { class: 'row', style: 'gap:6px' }, h('span', { class: 'swatch', style: `background:${colour}` }), label)));
}
