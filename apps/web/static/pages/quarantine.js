// Administrators: the records intake refused, what they are held for, and the list to work through.
// One record, to correct and replay or to discard, is quarantine-record.js.
import { api } from '../api.js';
import { currentLang, fmtDateTime, fmtNumber, plural, t, tKnown } from '../i18n.js';
import { badge, card, emptyState, field, h, mount, pageHead, pager, section, select } from '../ui.js';
import { runsCard } from './quarantine-runs.js';

export const KINDS = ['subjects', 'cases', 'officers', 'clues'];
const STATUSES = ['open', 'replayed', 'discarded', 'superseded'];
const PAGE = 20;

/** The filters outlive a visit to one record, so "back" returns to the same list. */
const chosen = { kind: '', status: 'open' };

/** A contract field in words (as the export's header says it); an unknown key as it is. */
export function fieldName(kind, key) {
  return tKnown(`qfield.${kind}.${key}`) ?? tKnown(`qfield.${key}`) ?? key;
}

export function kindName(kind) {
  return tKnown(`quarantine.kind.${kind}`) ?? kind;
}

/** A missing column is reported on the file; its message names the column's key in brackets. */
export function missingColumnKey(reason) {
  return reason.code === 'missing_column' ? (/\(([a-z0-9_]+)\)\s*$/.exec(reason.message ?? '')?.[1] ?? null) : null;
}

/** What is wrong, without the field's name (beside the field) or with it (in a list). */
export function problemWords(kind, reason) {
  const column = missingColumnKey(reason);
  if (column) return t('qreason.missing_column', { column: fieldName(kind, column) });
  return `${tKnown(`qreason.${reason.code}`) ?? t('qreason.other', { code: reason.code })}${limitWords(reason)}`;
}

/**
 * What the field would take: "not an allowed value" alone leaves the person guessing what to type.
 * Intake says it in `expected`; a record quarantined before it did is read from intake's own words
 * ("must be one of A, B", "must be at least 0", "must be between 1 and 9").
 */
const INT_MAX = 2147483647;

function limitWords(reason) {
  const { allowed, min, max } = reason.expected ?? legacyExpected(reason);
  if (allowed?.length) {
    const named = (v) => (currentLang() === 'zh' ? `${v}（${t(`dept.${v}`)}）` : `${v} (${t(`dept.${v}`)})`);
    const values = allowed.map((v) => (tKnown(`dept.${v}`) ? named(v) : v));
    return t('qreason.allowed', { values: values.join(t('common.listSep')) });
  }
  // The largest whole number a column holds (2147483647) is the database's limit, not one a person sets.
  if (min !== undefined && max !== undefined && Number(max) < INT_MAX) return t('qreason.between', { min, max });
  return min !== undefined ? t('qreason.atLeast', { min }) : '';
}

function legacyExpected(reason) {
  const message = String(reason.message ?? '');
  const oneOf = reason.code === 'enum' ? /must be one of (.+)$/.exec(message) : null;
  if (oneOf) return { allowed: oneOf[1].split(', ') };
  if (reason.code !== 'range') return {};
  const between = /must be between (\S+) and (\S+)$/.exec(message);
  if (between) return { min: between[1], max: between[2] };
  const atLeast = /must be at least (\S+)$/.exec(message);
  return atLeast ? { min: atLeast[1] } : {};
}

export function reasonWords(kind, reason) {
  if (missingColumnKey(reason)) return problemWords(kind, reason);
  // In English the field is named in quotes, so a plural name ("Checklist items") still reads with "is …".
  return currentLang() === 'zh' ? `${fieldName(kind, reason.field)}：${problemWords(kind, reason)}` : `“${fieldName(kind, reason.field)}” ${problemWords(kind, reason)}`;
}

/** Where the record came from: the file's name (the full source on hover) and its line. */
export function sourceText(record) {
  const name = String(record.source ?? '').split(/[\\/]/).pop() || '—';
  return record.line > 0 ? `${name} · ${t('quarantine.line', { line: record.line })}` : name;
}

export function statusBadge(status) {
  return badge(t(`quarantine.status.${status}`), status === 'open' ? 'warn' : status === 'replayed' || status === 'superseded' ? 'ok' : '');
}

export async function renderQuarantine(ctx) {
  const summary = h('div', { id: 'quarantine-summary' });
  const outcome = h('div');
  const list = h('div');
  const kind = select('kind', [['', t('quarantine.allKinds')], ...KINDS.map((k) => [k, kindName(k)])], chosen.kind);
  const status = select('status', STATUSES.map((s) => [s, t(`quarantine.status.${s}`)]), chosen.status);
  const form = h('form', { class: 'filters', id: 'quarantine-filter' }, field(t('quarantine.kind'), kind), field(t('quarantine.status'), status), h('button', { class: 'btn secondary', type: 'submit' }, t('common.search')));
  mount(ctx.main, pageHead(t('quarantine.title'), t('quarantine.lead')), h('div', { class: 'stack' }, outcome, summary, card(t('quarantine.list'), form, h('div', { style: 'margin-top:14px' }, list))));
  const cursors = [0];
  let page = 0;
  const load = () => section(list, () => api('/api/quarantine', { query: { kind: chosen.kind, status: chosen.status, after: cursors[page], limit: PAGE + 1 } }), (rows) => {
    const shown = rows.slice(0, PAGE);
    if (shown.length) cursors[page + 1] = shown[shown.length - 1].id;
    if (shown.length === 0 && page === 0) return emptyState(t('quarantine.empty'));
    return h('div', {}, recordsTable(shown), pager(page, Infinity, undefined, (p) => { page = p; load(); }, { hasMore: rows.length > PAGE }));
  }, 'intake');
  const refilter = () => { chosen.kind = kind.value; chosen.status = status.value; cursors.length = 1; page = 0; load(); };
  form.addEventListener('submit', (event) => { event.preventDefault(); refilter(); });
  kind.addEventListener('change', refilter);
  status.addEventListener('change', refilter);
  const loadSummary = () => section(summary, () => api('/api/quarantine/summary'), (s) => h('div', { class: 'stack' }, summaryCard(s), runsCard(s.openRuns ?? [], discardedRun)), 'intake');
  // A whole load discarded: its outcome said above the counts, which are read again with the list.
  const discardedRun = async (notice) => {
    mount(outcome, notice);
    cursors.length = 1;
    page = 0;
    await Promise.all([loadSummary(), load()]);
    notice.focus();
  };
  await Promise.all([loadSummary(), load()]);
}

function recordsTable(rows) {
  return h('div', { class: 'table-wrap' }, h('table', { id: 'quarantine-list' },
    h('thead', {}, h('tr', {}, [t('quarantine.col.id'), t('quarantine.kind'), t('quarantine.col.source'), t('quarantine.col.reasons'), t('quarantine.col.createdAt'), t('quarantine.status')].map((c) => h('th', {}, c)))),
    h('tbody', {}, rows.map((r) => h('tr', { 'data-id': r.id },
      h('td', {}, h('a', { href: `#/quarantine/${r.id}`, 'data-record': r.id, 'aria-label': t('quarantine.openRecord', { id: r.id }) }, `#${r.id}`)),
      h('td', {}, kindName(r.kind)),
      h('td', { class: 'small', title: r.source }, sourceText(r)),
      h('td', { class: 'small' }, reasonList(r)),
      h('td', { class: 'small' }, fmtDateTime(r.createdAt)),
      h('td', {}, statusBadge(r.status)))))));
}

/** Up to three reasons in words; the rest counted. */
function reasonList(record) {
  const reasons = Array.isArray(record.reasons) ? record.reasons : [];
  const more = reasons.length - 3;
  return h('ul', { class: 'list-plain', style: 'margin:0' }, reasons.slice(0, 3).map((r) => h('li', {}, reasonWords(record.kind, r))), more > 0 ? h('li', { class: 'muted' }, `+${more}`) : null);
}

function summaryCard({ byStatus = [], reasons = [] }) {
  const count = (kind, status) => byStatus.filter((row) => (!kind || row.kind === kind) && row.status === status).reduce((n, row) => n + row.count, 0);
  const tile = (status, kind = '') => {
    const n = count('', status);
    return h('div', { class: `tile ${n > 0 ? kind : ''}`, 'data-status': status, 'data-count': n }, h('span', { class: 'value' }, fmtNumber(n)), h('span', { class: 'label' }, t(`quarantine.status.${status}`)));
  };
  const kinds = KINDS.filter((k) => byStatus.some((row) => row.kind === k));
  const byKind = kinds.length === 0 ? emptyState(t('quarantine.nothingYet')) : h('div', { class: 'table-wrap' }, h('table', { id: 'quarantine-by-kind' },
    h('thead', {}, h('tr', {}, h('th', {}, t('quarantine.kind')), STATUSES.map((s) => h('th', { style: 'text-align:right' }, t(`quarantine.status.${s}`))))),
    h('tbody', {}, kinds.map((k) => h('tr', { 'data-kind': k }, h('td', {}, kindName(k)), STATUSES.map((s) => h('td', { style: 'text-align:right' }, fmtNumber(count(k, s))))))),
    h('tfoot', {}, h('tr', {}, h('th', {}, t('quarantine.total')), STATUSES.map((s) => h('th', { style: 'text-align:right' }, fmtNumber(count('', s))))))));
  const top = reasons.length === 0
    ? h('p', { class: 'muted small' }, t('quarantine.noneOpen'))
    : h('ol', { id: 'quarantine-top-reasons', style: 'margin:0;padding-left:20px' }, reasons.slice(0, 8).map((r) => h('li', { class: 'small', style: 'margin-bottom:4px' },
      h('strong', {}, reasonWords(r.kind, r)), ' ', h('span', { class: 'muted' }, `${kindName(r.kind)} · ${plural('quarantine.records', r.count)}`))));
  return card(t('quarantine.summary'),
    h('div', { class: 'tiles tiles-4' }, tile('open', 'warn'), tile('replayed'), tile('discarded'), tile('superseded')),
    h('div', { class: 'grid grid-2', style: 'margin-top:16px' }, h('div', {}, byKind), h('div', {}, h('h3', { style: 'margin-top:0' }, t('quarantine.topReasons')), top)));
}
