// Charts as inline SVG: no library, readable without colour (labels carry the numbers).
import { factorName, fmtNumber, t } from './i18n.js';
import { h, mount, s } from './ui.js';

function lineStart(label, lang) {
  return lang === 'en' && label ? label.charAt(0).toUpperCase() + label.slice(1) : label;
}

/**
 * Factor contributions as horizontal bars around zero: red raises risk, blue lowers it. Labels are
 * plain words (the factor's name), and each bar says how much it moves the odds of a finding against
 * the average enterprise (a contribution is in log-odds: e^c is the factor by which it multiplies them).
 * The chart is drawn for the width it has, so its text stays legible on a phone.
 */
export function contributionChart(contributions, reasons = [], { lang = 'zh', factors = [] } = {}) {
  const sentence = new Map(reasons.map((r) => [r.factor, lang === 'en' ? r.en : r.zh]));
  const labels = new Map(factors.filter((f) => f.label).map((f) => [f.factor, typeof f.label === 'string' ? f.label : f.label[lang] ?? f.label.zh]));
  const rows = [...contributions].filter((c) => Math.abs(c.contribution) > 1e-9).sort((a, b) => Math.abs(b.contribution) - Math.abs(a.contribution));
  if (rows.length === 0) return h('p', { class: 'muted' }, t('state.empty'));
  // A factor's label begins its line: in English with a capital, as the factor tables write it.
  const named = rows.map((row) => ({ ...row, label: lineStart(labels.get(row.factor) ?? factorName(row.factor), lang), title: sentence.get(row.factor) }));
  const box = h('div', { class: 'contrib-chart' });
  // The bars in words, for screen readers (the drawing itself is hidden from them): every factor,
  // which way it pulls and by how much, not only the chart's title.
  const words = h('ul', { class: 'visually-hidden', 'data-chart-text': '' }, named.map((row) => h('li', {},
    t('chart.factorLine', { factor: row.label, direction: t(row.contribution > 0 ? 'chart.raisesRisk' : 'chart.lowersRisk'), effect: oddsEffect(row.contribution) }))));
  let drawnAt = 0;
  const draw = (width) => {
    if (Math.abs(width - drawnAt) < 8) return;
    drawnAt = width;
    mount(box, contributionSvg(named, width, lang), words);
  };
  draw(760);
  if (typeof ResizeObserver === 'function') new ResizeObserver(([entry]) => entry.contentRect.width > 0 && draw(Math.round(entry.contentRect.width))).observe(box);
  return box;
}

/**
 * How a contribution moves the odds against the average enterprise (e^c multiplies them): `times`
 * ("2.2") once they double, `negligible` when the change rounds to 0 %, else `pct` ("19%") with
 * `raises` saying which way. One figure for the chart's bars and the reasons' sentences, so both say
 * the same number.
 */
export function oddsChange(contribution) {
  const times = Math.exp(contribution);
  if (times >= 2) return { times: times.toFixed(times < 10 ? 1 : 0) };
  const pct = Math.round(Math.abs(times - 1) * 100);
  if (pct === 0) return { negligible: true };
  return { pct: `${pct}%`, raises: contribution > 0 };
}

/** How a contribution moves the odds, in words of size: +19%, −12%, ×2.2 once they double, <1% when it hardly does. */
export function oddsEffect(contribution) {
  const change = oddsChange(contribution);
  if (change.times) return t('chart.timesOdds', { x: change.times });
  if (change.negligible) return t('chart.negligible');
  return t(change.raises ? 'chart.raisesPct' : 'chart.lowersPct', { pct: change.pct });
}

function contributionSvg(rows, width, lang) {
  // Under 560 px each label sits on its own line above its bar; wider, labels are beside the bars.
  const stacked = width < 560;
  const labelWidth = stacked ? 0 : Math.min(300, Math.round(width * 0.38));
  const rowHeight = stacked ? 48 : 34;
  const barTop = stacked ? 20 : 0;
  const valueRoom = 58;
  const plot = width - labelWidth - 2 * valueRoom;
  const max = Math.max(...rows.map((r) => Math.abs(r.contribution)));
  const zero = labelWidth + valueRoom + plot / 2;
  const scale = plot / 2 / max;
  const height = rows.length * rowHeight + 30;
  const svg = s('svg', { viewBox: `0 0 ${width} ${height}`, width: '100%', class: 'chart', 'aria-hidden': 'true' });
  svg.append(s('line', { x1: zero, x2: zero, y1: 4, y2: height - 22, class: 'axis' }));
  rows.forEach((row, i) => {
    const y = i * rowHeight + 8;
    const w = Math.max(2, Math.abs(row.contribution) * scale);
    const up = row.contribution > 0;
    const title = `${row.title ?? row.label} · log-odds ${up ? '+' : '−'}${Math.abs(row.contribution).toFixed(2)}`;
    svg.append(
      stacked
        ? s('text', { x: 0, y: y + 8, 'font-weight': 600 }, fit(row.label, Math.floor(width / 7)))
        : s('text', { x: labelWidth - 12, y: y + 15, 'text-anchor': 'end', 'font-weight': 600 }, fit(row.label, Math.floor(labelWidth / 6.5))),
      s('rect', { x: up ? zero : zero - w, y: y + barTop, width: w, height: stacked ? 16 : 20, rx: 4, class: up ? 'bar-up' : 'bar-down' }, s('title', {}, title)),
      s('text', { x: up ? zero + w + 6 : zero - w - 6, y: y + barTop + (stacked ? 13 : 15), 'text-anchor': up ? 'start' : 'end' }, oddsEffect(row.contribution)),
    );
  });
  svg.append(
    s('text', { x: zero - 8, y: height - 6, 'text-anchor': 'end', fill: '#2f6ea8' }, lang === 'en' ? '← lowers risk' : '← 降低风险'),
    s('text', { x: zero + 8, y: height - 6, fill: '#c4412f' }, lang === 'en' ? 'raises risk →' : '升高风险 →'),
  );
  return svg;
}

/** Shortens a label to the room it has: a CJK character takes about twice the width of a Latin one. */
export function fit(text, room) {
  let used = 0;
  for (let i = 0; i < text.length; i++) {
    used += /[\u2e80-\uffff]/.test(text[i]) ? 2 : 1;
    if (used > room) return `${text.slice(0, i - 1)}…`;
  }
  return text;
}

const COLOURS = { green: '#2e9d57', yellow: '#e0a100', red: '#d93a2b', none: '#9aa4b2' };

/** A stop's mark on a route sketch; the current stop's is drawn two larger. */
const STOP_RADIUS = 7;

/** Whether a point has coordinates to be drawn at. */
export const hasCoordinates = (p) => Number.isFinite(p.lng) && Number.isFinite(p.lat);

/**
 * Longitude and latitude to a box's x and y, the points' extent filling it (at least 0.01° across,
 * so one point, or a row of them, sits in the middle). A degree of longitude is shortened by the
 * cosine of the latitude, so distances look alike in every direction.
 */
function fitToBox(located, width, height, pad) {
  const around = (values) => {
    const [lo, hi] = [Math.min(...values), Math.max(...values)];
    const half = Math.max(hi - lo, 0.01) / 2;
    return [(lo + hi) / 2 - half, 2 * half];
  };
  const [minY, spanY] = around(located.map((p) => p.lat));
  const shrink = Math.cos(((minY + spanY / 2) * Math.PI) / 180);
  const [minX, spanX] = around(located.map((p) => p.lng * shrink));
  const k = Math.min((width - 2 * pad) / spanX, (height - 2 * pad) / spanY);
  return {
    x: (lng) => pad + (lng * shrink - minX) * k + (width - 2 * pad - spanX * k) / 2,
    y: (lat) => height - pad - (lat - minY) * k - (height - 2 * pad - spanY * k) / 2,
  };
}

/**
 * A day's route as a sketch: its located stops numbered in the order the team visits them, joined
 * by the path they walk or drive; stops without coordinates are left out of it (the caller says how
 * many). The stop marked `current` is drawn larger, in red: "you are here" on a visit's page.
 * Stops at one address, or too close to tell apart at this scale, are fanned out around a dot where
 * they are, each joined to it, and named under the sketch, so no number hides another.
 */
export function routeSketch(stops) {
  const located = stops.map((p, i) => ({ ...p, label: p.label ?? i + 1 })).filter(hasCoordinates);
  if (located.length === 0) return null;
  const width = 200;
  const height = 120;
  const { x, y } = fitToBox(located, width, height, 14);
  const marks = located.map((p) => ({ p, r: p.current ? STOP_RADIUS + 2 : STOP_RADIUS, x: x(p.lng), y: y(p.lat) }));
  const groups = fanOut(marks, width, height);
  const svg = s('svg', { viewBox: `0 0 ${width} ${height}`, width, height, class: 'chart route-sketch', role: 'img', 'aria-label': t('plans.routeSketch') });
  for (const group of groups.filter((g) => g.marks.length > 1)) {
    for (const m of group.marks) svg.append(s('line', { x1: group.x.toFixed(1), y1: group.y.toFixed(1), x2: m.x.toFixed(1), y2: m.y.toFixed(1), stroke: '#8a94a3', 'stroke-width': 1 }));
    svg.append(s('circle', { cx: group.x.toFixed(1), cy: group.y.toFixed(1), r: 2.5, fill: '#1f2329', class: 'shared-spot' }));
  }
  if (marks.length > 1) {
    svg.append(s('polyline', { points: marks.map((m) => `${m.x.toFixed(1)},${m.y.toFixed(1)}`).join(' '), fill: 'none', stroke: '#3b82c4', 'stroke-width': 1.5 }));
  }
  marks.forEach(({ p, r, x: mx, y: my }, i) => {
    const [cx, cy] = [mx.toFixed(1), my.toFixed(1)];
    const ink = p.current ? COLOURS.red : '#1f5f99';
    const filled = p.current || i === 0;
    svg.append(
      s('circle', { cx, cy, r, fill: filled ? ink : '#fff', stroke: ink, 'stroke-width': 1.5, class: p.current ? 'current stop-mark' : 'stop-mark', 'data-stop': p.label }, s('title', {}, p.title ?? '')),
      s('text', { x: cx, y: (my + 3.5).toFixed(1), 'text-anchor': 'middle', style: `font-size:9px;fill:${filled ? '#fff' : ink}` }, String(p.label)),
    );
  });
  const shared = groups.filter((g) => g.marks.length > 1).map((g) => g.marks.map((m) => m.p.label).join(t('common.listSep')));
  return h('div', {}, h('div', { class: 'map-wrap', style: 'display:inline-block' }, svg),
    shared.length ? h('div', { class: 'muted small shared-stops' }, shared.map((stops) => h('div', {}, t('plans.sameSpot', { stops })))) : null);
}

/**
 * Marks whose circles would touch are gathered (one address, or neighbours at this scale); each
 * group of two or more is laid on a ring around where it is, wide enough that no two touch and
 * moved inward where the ring would leave the box. A ring that then touches another mark or ring
 * takes it in and is laid again. Returns the groups with their centres; the marks' x and y move.
 */
function fanOut(marks, width, height) {
  const gap = 2;
  // Laid out alike whichever stop is the larger "you are here" one: which stops share a place is a fact of
  // the route, the same on every page that draws it (my route, each of its visits).
  const r = STOP_RADIUS + 2;
  const at = new Map(marks.map((m) => [m, [m.x, m.y]]));
  const lay = (group) => {
    const n = group.marks.length;
    // Neighbours on a ring of radius ρ stand 2ρ·sin(π/n) apart: at least two radii and the gap.
    const ring = Math.max(r + gap + 3, (r + gap / 2) / Math.sin(Math.PI / n));
    const edge = ring + r + 1;
    group.x = Math.min(Math.max(group.marks.reduce((sum, m) => sum + at.get(m)[0], 0) / n, edge), width - edge);
    group.y = Math.min(Math.max(group.marks.reduce((sum, m) => sum + at.get(m)[1], 0) / n, edge), height - edge);
    group.reach = ring + STOP_RADIUS;
    group.marks.forEach((m, k) => {
      const angle = -Math.PI / 2 + (2 * Math.PI * k) / n;
      m.x = group.x + ring * Math.cos(angle);
      m.y = group.y + ring * Math.sin(angle);
    });
  };
  const groups = marks.map((m) => ({ marks: [m], x: m.x, y: m.y, reach: STOP_RADIUS }));
  for (;;) {
    const pair = groups.flatMap((a, i) => groups.slice(i + 1).map((b) => [a, b])).find(([a, b]) => Math.hypot(a.x - b.x, a.y - b.y) < a.reach + b.reach + gap);
    if (!pair) return groups;
    const [a, b] = pair;
    a.marks.push(...b.marks);
    a.marks.sort((m, n) => marks.indexOf(m) - marks.indexOf(n));
    groups.splice(groups.indexOf(b), 1);
    lay(a);
  }
}

/**
 * A risk colour as a mark whose shape tells it too (red ▲, yellow ■, green ●, unscored ○), with a dark
 * outline, so it reads for colour-blind eyes and stands out from the map's pale ground (yellow alone is 2:1).
 */
function riskMark(colour, cx, cy, attrs = {}) {
  const known = ['red', 'yellow', 'green'].includes(colour) ? colour : 'none';
  const paint = { fill: known === 'none' ? '#fff' : COLOURS[known], stroke: known === 'none' ? '#646a73' : '#1f2329', 'stroke-width': 1, 'data-colour': known, ...attrs };
  if (known === 'red') return s('polygon', { points: `${cx},${cy - 7} ${cx + 7},${cy + 5} ${cx - 7},${cy + 5}`, ...paint });
  if (known === 'yellow') return s('rect', { x: cx - 5, y: cy - 5, width: 10, height: 10, ...paint });
  return s('circle', { cx, cy, r: 5, ...paint });
}

/** Enterprises as marks by longitude and latitude, coloured and shaped by risk; the extent fits the points. */
export function riskMap(points, { onSelect } = {}) {
  const located = points.filter(hasCoordinates);
  if (located.length === 0) return h('p', { class: 'muted' }, t('bureau.noLocation'));
  const width = 520;
  const height = 360;
  const { x, y } = fitToBox(located, width, height, 24);
  const svg = s('svg', { viewBox: `0 0 ${width} ${height}`, width: '100%', class: 'chart', role: 'img', 'aria-label': t('bureau.mapTitle') });
  for (let i = 1; i < 6; i++) {
    svg.append(s('line', { x1: (width * i) / 6, x2: (width * i) / 6, y1: 0, y2: height, stroke: '#e8ecf2' }), s('line', { x1: 0, x2: width, y1: (height * i) / 6, y2: (height * i) / 6, stroke: '#e8ecf2' }));
  }
  const order = { none: 0, green: 1, yellow: 2, red: 3 };
  for (const p of [...located].sort((a, b) => order[a.colour ?? 'none'] - order[b.colour ?? 'none'])) {
    const dot = riskMark(p.colour, Number(x(p.lng).toFixed(1)), Number(y(p.lat).toFixed(1)), { style: onSelect ? 'cursor:pointer' : '' });
    dot.append(s('title', {}, `${p.name ?? ''} ${p.creditCode}`));
    if (onSelect) dot.addEventListener('click', () => onSelect(p));
    svg.append(dot);
  }
  const legend = h('div', { class: 'legend' }, ['red', 'yellow', 'green', 'none'].map((c) => h('span', { class: 'row', style: 'gap:6px' },
    s('svg', { viewBox: '0 0 16 16', width: 14, height: 14, 'aria-hidden': 'true' }, riskMark(c, 8, 8)), c === 'none' ? t('colour.none') : t(`colour.${c}Short`))));
  return h('div', {}, h('div', { class: 'map-wrap' }, svg), legend);
}

/** One stacked bar of the colour mix with counts. */
/** The model's colours as a bar; `redAwaiting` (oversight's count) says how many reds still await confirmation. */
export function colourMix(counts, { redAwaiting = 0 } = {}) {
  const total = (counts.red ?? 0) + (counts.yellow ?? 0) + (counts.green ?? 0);
  if (!total) return h('p', { class: 'muted' }, t('state.empty'));
  const bar = h('div', { style: 'display:flex;height:14px;border-radius:7px;overflow:hidden;border:1px solid #e5e6eb' },
    ['red', 'yellow', 'green'].map((c) => h('div', { title: `${t(`colour.${c}Short`)}: ${fmtNumber(counts[c] ?? 0)}`, style: `width:${((counts[c] ?? 0) / total) * 100}%;background:${COLOURS[c]}` })));
  const awaiting = (c) => (c === 'red' && redAwaiting > 0 ? t('bureau.summary.awaiting', { n: fmtNumber(redAwaiting) }) : '');
  const labels = h('div', { class: 'legend' }, ['red', 'yellow', 'green'].map((c) => h('span', { 'data-colour': c }, `${t(`colour.${c}Short`)} ${fmtNumber(counts[c] ?? 0)}${awaiting(c)} (${(((counts[c] ?? 0) / total) * 100).toFixed(1)}%)`)));
  const why = redAwaiting > 0 ? h('p', { class: 'muted small', style: 'margin:6px 0 0', 'data-red-awaiting': String(redAwaiting) }, t('bureau.summary.awaitingWhy', { n: fmtNumber(redAwaiting) })) : null;
  return h('div', {}, bar, labels, why);
}
