// A CSV row with a cell too many (ragged_row): its cells in order under the header's columns, the likely
// split marked, and joins the operator chooses, previewed here and made by intake on the sealed record.
import { plural, t } from '../i18n.js';
import { badge, card, h } from '../ui.js';
import { fieldName } from './quarantine.js';

/** Whether the record is an open ragged row with more cells than its header: one whose cells can be joined. */
export function joinable(record) {
  const layout = record.layout;
  return record.status === 'open' && Array.isArray(layout?.cells) && Array.isArray(layout?.columns) && layout.cells.length > layout.columns.length && typeof record.rawMasked === 'object';
}

/** A cell shown masked: a personal field's, or one a split may have moved a personal value to. */
export function maskedCell(record, key) {
  return Array.isArray(record.maskedCells) && record.maskedCells.includes(key);
}

/**
 * The masked view with the cells at `joins` joined to the next (with the comma that split them, and its
 * space) and moved back into their columns, as intake joins the sealed record. `moved` names the fields
 * whose value changed; `from` the cells each field's value now comes from (a value from a masked cell is
 * shown masked as that cell was; a personal field that moved is not shown at all).
 */
export function joinedView(record, joins) {
  const { cells, spaced = [] } = record.layout;
  const raw = record.rawMasked;
  const at = new Set(joins);
  const values = [];
  const sources = [];
  cells.forEach((key, i) => {
    const text = raw[key] === null || raw[key] === undefined ? '' : String(raw[key]);
    if (i > 0 && at.has(i - 1)) {
      values[values.length - 1] += `${spaced.includes(i) ? ', ' : ','}${text}`;
      sources[sources.length - 1].push(key);
    } else {
      values.push(text);
      sources.push([key]);
    }
  });
  return placedView(record, values, sources);
}

/** Whether the record is an open ragged row with fewer cells than its header: one where empty cells can be put in. */
export function insertable(record) {
  const layout = record.layout;
  return record.status === 'open' && Array.isArray(layout?.cells) && Array.isArray(layout?.columns) && layout.cells.length < layout.columns.length && typeof record.rawMasked === 'object';
}

/** The masked view with an empty cell put in before each cell at `inserts`, every later cell moved right, as intake does on the sealed record. */
export function insertedView(record, inserts) {
  const raw = record.rawMasked;
  const values = [];
  const sources = [];
  record.layout.cells.forEach((key, i) => {
    for (const at of inserts) if (at === i) { values.push(''); sources.push([]); }
    values.push(raw[key] === null || raw[key] === undefined ? '' : String(raw[key]));
    sources.push([key]);
  });
  return placedView(record, values, sources);
}

/** `values` (with the cells each came `from`) put under the header's columns; those beyond it as `_column_<n>`. */
function placedView(record, values, sources) {
  const { cells, columns } = record.layout;
  const raw = record.rawMasked;
  const view = Object.fromEntries(Object.entries(raw).filter(([key]) => !cells.includes(key)));
  const from = {};
  const place = (key, i) => {
    view[key] = i < values.length ? values[i] : '';
    from[key] = sources[i] ?? [];
  };
  columns.forEach((key, i) => { if (key !== null) place(key, i); });
  for (let i = columns.length; i < values.length; i++) place(`_column_${i + 1}`, i);
  const moved = new Set(Object.keys(view).filter((key) => view[key] !== raw[key]));
  return { view, moved, from };
}

/**
 * The row's cells in order: which header column each fell under, what it holds (masked as intake shows it),
 * and per cell a button joining it with the next (pressed: joined, press again to undo).
 */
export function cellsCard(record, kept, redraw) {
  const { cells, columns } = record.layout;
  const extra = cells.length - columns.length;
  const suggested = Array.isArray(record.suggestedJoins) ? record.suggestedJoins : [];
  const joins = kept.joins;
  const left = extra - joins.length;
  const toggle = (i) => {
    kept.joins = joins.includes(i) ? joins.filter((j) => j !== i) : [...joins, i].sort((a, b) => a - b);
    kept.joinReasons = null;
    kept.typed = {};
    kept.outcome = null;
    kept.focus = `#quarantine-cells [data-join="${i}"]`;
    redraw();
  };
  const columnName = (i) => (i < columns.length ? (columns[i] === null ? '—' : fieldName(record.kind, columns[i])) : h('span', { class: 'muted' }, t('quarantine.cells.beyond')));
  const rows = cells.map((key, i) => {
    const joinedIntoPrevious = joins.includes(i - 1);
    const pressed = joins.includes(i);
    const button = i < cells.length - 1 ? h('button', {
      class: pressed ? 'btn' : 'btn secondary', type: 'button', 'data-join': i, 'aria-pressed': pressed ? 'true' : 'false',
      'aria-label': t(pressed ? 'quarantine.cells.undoLabel' : 'quarantine.cells.joinLabel', { a: i + 1, b: i + 2 }), onclick: () => toggle(i),
    }, t(pressed ? 'quarantine.cells.undo' : 'quarantine.cells.join')) : null;
    const value = record.rawMasked[key];
    return h('tr', { 'data-cell': i, style: suggested.includes(i) && !pressed ? 'background:var(--yellow-soft)' : null },
      h('td', { class: 'mono small' }, String(i + 1)),
      h('td', { class: 'small' }, columnName(i), h('div', { class: 'mono small muted' }, key)),
      h('td', { class: 'small', style: 'overflow-wrap:break-word' },
        value === '' || value === null || value === undefined ? h('span', { class: 'muted' }, t('quarantine.blank')) : String(value),
        maskedCell(record, key) ? [' ', badge(t('quarantine.cells.masked'))] : null,
        joinedIntoPrevious ? h('div', {}, badge(t('quarantine.cells.joinedInto', { a: i }), 'blue')) : null,
        suggested.includes(i) && !pressed ? h('div', {}, badge(t('quarantine.cells.likely'), 'bad')) : null),
      h('td', {}, button));
  });
  const suggestion = suggested.length
    ? h('div', { class: 'notice warn', id: 'quarantine-cells-suggestion', style: 'margin:10px 0' },
      suggested.map((i) => t('quarantine.cells.suggest', { a: i + 1, b: i + 2, column: i < columns.length && columns[i] ? fieldName(record.kind, columns[i]) : t('quarantine.cells.beyond') })).join(' '),
      joins.length === 0 ? [' ', h('button', { class: 'btn', type: 'button', id: 'apply-suggested', onclick: () => {
        kept.joins = [...suggested];
        kept.joinReasons = null;
        kept.typed = {};
        kept.outcome = null;
        kept.focus = '#quarantine-cells-status';
        redraw();
      } }, t('quarantine.cells.applySuggested'))] : null)
    : h('div', { class: 'notice', style: 'margin:10px 0' }, t('quarantine.cells.noSuggestion'));
  const status = h('p', { id: 'quarantine-cells-status', role: 'status', tabindex: -1, class: left === 0 ? 'small' : 'small muted', 'data-left': left },
    joins.length === 0 ? t('quarantine.cells.none') : left === 0 ? plural('quarantine.cells.fits', joins.length) : plural('quarantine.cells.left', left, { joined: joins.length }));
  const table = h('div', { class: 'table-wrap' }, h('table', { id: 'quarantine-cells', class: 'form-rows' },
    h('thead', {}, h('tr', {}, [t('quarantine.cells.col.n'), t('quarantine.cells.col.column'), t('quarantine.cells.col.value'), t('quarantine.cells.col.join')].map((c) => h('th', { scope: 'col' }, c)))),
    h('tbody', {}, rows)));
  return card(plural('quarantine.cells.title', extra), h('p', { class: 'small', style: 'margin-top:0' }, t('quarantine.cells.lead')), suggestion, status, table);
}
