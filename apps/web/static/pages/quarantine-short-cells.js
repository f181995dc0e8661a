// A CSV row with cells too few (ragged_row): an export that dropped an empty cell moved every later cell one
// column left. Its cells in order, where an empty cell was likely dropped, and empty cells the operator puts
// back, previewed here and put in by intake on the sealed record.
import { plural, t } from '../i18n.js';
import { badge, card, h } from '../ui.js';
import { fieldName } from './quarantine.js';
import { maskedCell } from './quarantine-cells.js';

/** The row's cells, each with how many empty cells go before it: one more, or one fewer (undo). */
export function shortCellsCard(record, kept, redraw) {
  const { cells, columns } = record.layout;
  const lacking = columns.length - cells.length;
  const suggested = Array.isArray(record.suggestedInsertions) ? record.suggestedInsertions : [];
  const inserts = kept.inserts;
  const left = lacking - inserts.length;
  const change = (next, focus) => {
    kept.inserts = next;
    kept.joinReasons = null;
    kept.typed = {};
    kept.outcome = null;
    kept.focus = focus;
    redraw();
  };
  const before = (i) => inserts.filter((at) => at === i).length;
  // Where cell i lands once the empty cells before it are in.
  const landed = (i) => i + inserts.filter((at) => at <= i).length;
  const columnText = (c) => (c < columns.length && columns[c] ? fieldName(record.kind, columns[c]) : t('quarantine.cells.beyond'));
  const columnName = (c) => (c < columns.length ? (columns[c] === null ? '—' : fieldName(record.kind, columns[c])) : h('span', { class: 'muted' }, t('quarantine.cells.beyond')));
  const rows = cells.map((key, i) => {
    const n = before(i);
    const add = left > 0 ? h('button', { class: 'btn secondary', type: 'button', 'data-insert': i, 'aria-label': t('quarantine.short.insertLabel', { a: i + 1 }), onclick: () => change([...inserts, i].sort((a, b) => a - b), `#quarantine-cells [data-insert="${i}"]`) }, t('quarantine.short.insert')) : null;
    const undo = n > 0 ? h('button', { class: 'btn', type: 'button', 'data-undo-insert': i, 'aria-label': t('quarantine.short.undoLabel', { a: i + 1 }), onclick: () => change(inserts.filter((_, j) => j !== inserts.indexOf(i)), '#quarantine-cells-status') }, t('quarantine.short.undo')) : null;
    const value = record.rawMasked[key];
    return h('tr', { 'data-cell': i, style: suggested.includes(i) && n === 0 ? 'background:var(--yellow-soft)' : null },
      h('td', { class: 'mono small' }, String(i + 1)),
      h('td', { class: 'small' }, columnName(landed(i)), h('div', { class: 'mono small muted' }, key)),
      h('td', { class: 'small', style: 'overflow-wrap:break-word' },
        value === '' || value === null || value === undefined ? h('span', { class: 'muted' }, t('quarantine.blank')) : String(value),
        maskedCell(record, key) ? [' ', badge(t('quarantine.cells.masked'))] : null,
        n > 0 ? h('div', {}, badge(plural('quarantine.short.inserted', n), 'blue')) : null,
        suggested.includes(i) && n === 0 ? h('div', {}, badge(t('quarantine.short.likely'), 'bad')) : null),
      h('td', {}, add, undo ? [' ', undo] : null));
  });
  const suggestion = suggested.length
    ? h('div', { class: 'notice warn', id: 'quarantine-cells-suggestion', style: 'margin:10px 0' },
      [...new Set(suggested)].map((i) => t('quarantine.short.suggest', { a: i + 1, column: columnText(i + suggested.filter((at) => at < i).length) })).join(' '),
      inserts.length === 0 ? [' ', h('button', { class: 'btn', type: 'button', id: 'apply-suggested', onclick: () => change([...suggested], '#quarantine-cells-status') }, t('quarantine.short.applySuggested'))] : null)
    : h('div', { class: 'notice', style: 'margin:10px 0' }, t('quarantine.short.noSuggestion'));
  const status = h('p', { id: 'quarantine-cells-status', role: 'status', tabindex: -1, class: 'small', 'data-left': left },
    inserts.length === 0 ? t('quarantine.short.none') : plural('quarantine.short.made', inserts.length, { left }));
  const table = h('div', { class: 'table-wrap' }, h('table', { id: 'quarantine-cells', class: 'form-rows' },
    h('thead', {}, h('tr', {}, [t('quarantine.cells.col.n'), t('quarantine.cells.col.column'), t('quarantine.cells.col.value'), t('quarantine.short.col.insert')].map((c) => h('th', { scope: 'col' }, c)))),
    h('tbody', {}, rows)));
  return card(plural('quarantine.short.title', lacking), h('p', { class: 'small', style: 'margin-top:0' }, t('quarantine.short.lead')), suggestion, status, table);
}
