// Rectification tracking (整改跟踪): every order to rectify not re-inspected yet, where it stands, the
// re-inspection that holds it, and for a platform case's order the fold-away extension (延期整改).
import { api } from '../api.js';
import { fmtDate, fmtNumber, t } from '../i18n.js';
import { badge, card, field, h, mount, pageHead, section, select, table } from '../ui.js';
import { DEPARTMENTS, departmentLabel, departmentName, enterpriseCell, enterpriseFields, enterprisesNamed, nameAll } from './bureau-calendar.js';
import { latestRectifyBy } from './follow-up.js';
import { extensionForm } from './rectify-extension.js';

/** The most orders the page asks for at once (dispatch's limit). */
const TRACKING_LIMIT = 2000;
const STATUSES = ['waiting', 'due', 'scheduled', 'missed', 'overdue', 'stale'];
const STATUS_KIND = { waiting: 'blue', due: 'warn', scheduled: 'ok', missed: 'bad', overdue: 'bad', stale: '' };

const statusBadge = (status) => badge(t(`track.status.${status}`), STATUS_KIND[status]);
const dayCell = (day) => h('span', { style: 'white-space:nowrap' }, fmtDate(day));

/**
 * The inspection that gave the order and its day: a visit linked to its page (which has the extension card), a case
 * by its number. One column for both keeps the table inside its card, the extension form included.
 */
function inspectionCell(row) {
  const ref = row.source === 'visit' && row.visitId ? h('a', { class: 'mono small', href: `#/visits/${row.visitId}` }, row.inspectionRef) : h('span', { class: 'mono small' }, row.inspectionRef);
  return h('div', { 'data-inspection-ref': row.inspectionRef }, ref,
    h('div', { class: 'muted small' }, t(row.source === 'visit' ? 'track.fromVisit' : 'track.fromCase'), ' · ', dayCell(row.inspectedOn)));
}

/** The department by name on one line, its code below: "SAMR 市场监督管理" no longer wraps a character a line. */
function departmentCell(code) {
  const name = departmentName(code);
  return name === code ? code : h('span', {}, h('span', { style: 'white-space:nowrap' }, name), h('div', { class: 'mono small muted' }, code));
}

/** The deadline, and below it the first day of the re-inspection: the day after, the deadline day being the enterprise's. */
function deadlineCell(row) {
  return h('span', { 'data-rectify-by': row.rectifyBy }, dayCell(row.rectifyBy), row.extended ? [' ', badge(t('track.extended'), 'warn')] : null,
    h('div', { class: 'muted small', 'data-not-before': row.notBefore }, t('track.notBefore', { day: fmtDate(row.notBefore) })));
}

/** The due day; a missed re-inspection past it says so, since it is not counted overdue apart. */
function dueCell(row, on) {
  const late = row.status === 'missed' && row.dueBy < on;
  return h('span', {}, dayCell(row.dueBy), late ? h('div', { class: 'small', style: 'color:var(--red)', 'data-past-due': '' }, t('track.pastDue')) : null);
}

/** The visit holding the re-inspection; one whose day passed with no results says what to do. */
function scheduledCell(row) {
  const v = row.scheduled;
  if (!v) return '—';
  return h('span', { 'data-scheduled-visit': v.number, ...(row.status === 'missed' ? { 'data-missed-visit': v.number } : {}) },
    h('a', { class: 'mono small', href: `#/visits/${v.id}` }, v.number), ' ', dayCell(v.date),
    row.status === 'missed' ? h('div', { class: 'small', style: 'color:var(--red)', title: t('track.missedWhy') }, t('track.missed')) : null);
}

/** A platform case's order may be extended here; a visit's on its page. `onExtended(said)` reads the list again. */
function extendCell(ctx, row, i, onExtended) {
  if (row.source === 'visit') return row.visitId ? h('a', { href: `#/visits/${row.visitId}`, class: 'small', style: 'white-space:nowrap' }, t('track.onVisit')) : '—';
  const mine = ctx.me.role === 'dispatcher' || row.department === ctx.me.department;
  const latest = latestRectifyBy(row.inspectedOn);
  if (!mine || row.rectifyBy >= latest) return '—';
  const path = `/api/cases/${encodeURIComponent(row.inspectionRef)}/rectification-extensions`;
  return h('div', { 'data-case-extension': row.inspectionRef, style: 'min-width:10em' }, extensionForm({ path, rectifyBy: row.rectifyBy }, latest, onExtended, `-${i}`));
}

/** One button per status with its count: choosing one narrows the list to it. */
function countsBar(counts, current, choose) {
  return h('div', { class: 'row', id: 'tracking-counts', role: 'group', 'aria-label': t('track.countsLabel') }, STATUSES.map((s) =>
    h('button', { type: 'button', class: `btn ${current === s ? '' : 'secondary'}`, 'data-count': s, 'aria-pressed': String(current === s), onclick: () => choose(s) },
      `${t(`track.status.${s}`)} · ${fmtNumber(counts[s] ?? 0)}`)));
}

export async function renderTracking(ctx) {
  const officer = ctx.me.role === 'department';
  const status = select('status', [['', t('track.status.all')], ...STATUSES.map((s) => [s, t(`track.status.${s}`)])], '');
  // The server gives a department officer its own department's only: the choice is shown, not offered.
  const own = officer ? ctx.me.department ?? '' : '';
  const department = select('department', [['', t('common.all')], ...[...new Set([...DEPARTMENTS, own].filter(Boolean))].map((d) => [d, departmentLabel(d)])], own);
  department.disabled = officer;
  const form = h('form', { class: 'filters', novalidate: true }, field(t('field.status'), status), field(t('field.department'), department), h('button', { class: 'btn', type: 'submit' }, t('common.search')));
  const counts = h('div', { style: 'margin-top:12px' });
  const said = h('div', { 'data-tracking-message': '' });
  const list = h('div');
  mount(ctx.main, pageHead(t('track.title'), t('track.lead')), h('div', { class: 'stack' },
    card(null, form, officer ? h('p', { class: 'small muted' }, t('track.ownDepartment')) : null, counts), said, list));
  const load = () => section(list, async () => {
    const answer = await api('/api/follow-ups', { query: { status: status.value, department: department.value, limit: TRACKING_LIMIT } });
    nameAll(answer.rows.map((r) => r.creditCode));
    mount(counts, countsBar(answer.counts, status.value, (s) => { status.value = status.value === s ? '' : s; load(); }));
    return answer;
  }, (answer) => card(`${t('track.title')} · ${fmtNumber(answer.rows.length)}${answer.truncated ? '+' : ''}`,
    answer.truncated ? h('div', { class: 'notice warn', id: 'tracking-capped', style: 'margin-bottom:12px' }, t('track.capped', { n: fmtNumber(TRACKING_LIMIT) })) : null,
    table([
      [t('visit.enterprise'), (r) => enterpriseCell(r.creditCode, `#/enterprises/${r.creditCode}`), enterpriseFields((r) => r.creditCode)],
      [t('field.department'), (r) => departmentCell(r.department), (r) => departmentLabel(r.department)],
      [t('track.inspection'), inspectionCell, { [t('track.inspection')]: (r) => r.inspectionRef, [t('track.inspectedOn')]: (r) => r.inspectedOn }],
      [t('track.deadline'), deadlineCell, { [t('track.deadline')]: (r) => `${r.rectifyBy}${r.extended ? ` (${t('track.extended')})` : ''}`, [t('track.notBeforeField')]: (r) => r.notBefore }],
      [t('track.dueBy'), (r) => dueCell(r, answer.on), (r) => r.dueBy],
      [t('field.status'), (r) => statusBadge(r.status), (r) => t(`track.status.${r.status}`)],
      [t('track.reInspection'), scheduledCell, (r) => (r.scheduled ? `${r.scheduled.number} ${r.scheduled.date}` : '')],
      [t('track.extend'), (r) => extendCell(ctx, r, answer.rows.indexOf(r), onExtended), false],
    ], answer.rows, { pageSize: 15, empty: t('track.none'), stacked: true, download: { name: `tianping-rectification-tracking-${status.value || 'all'}`, ready: enterprisesNamed } })), 'dispatch');
  const onExtended = async (text) => {
    await load();
    mount(said, h('div', { class: 'notice ok', role: 'status', id: 'tracking-extended' }, text));
  };
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    mount(said);
    load();
  });
  await load();
}
