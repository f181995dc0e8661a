// The officers' calendar of joint visits and the form that records a visit's results.
import { api } from '../api.js';
import { currentLang, fmtDate, fmtNumber, plural, t, valueLabel } from '../i18n.js';
import { hasCoordinates, routeSketch } from '../charts.js';
import { districtsAround, regionCell, regionCodeOf, regionOptions } from '../regions.js';
import { itemName, resultBadge } from '../items.js';
import { asTypedCode } from '../credit-code.js';
import { badge, card, field, fieldProblem, h, mount, pageHead, printButton, section, select, table } from '../ui.js';
import { extensionCard } from './rectify-extension.js';
import { pendingApplicationsNotice } from './rectify-application.js';
import { teamChangeCard } from './team-change.js';
import { followUpLines, reInspectionLines, rectifyNote } from './follow-up.js';
import { resultsForm } from './visit-results.js';
import { routeLength, unlocatedNote } from './route-words.js';
import { isoDay } from '../days.js';

/** The most visits the calendar asks for at once (dispatch's limit). */
const CALENDAR_LIMIT = 2000;
/** How far back the calendar looks for visits still waiting for their results. */
const OVERDUE_DAYS = 30;

/** Enforcement departments the checklists name, by code. */
export const DEPARTMENTS = ['SAMR', 'ENV', 'EMG', 'FIRE', 'HEALTH', 'HRSS', 'CITY', 'AGRI'];

/** A department's name; an unknown code is shown as it is. */
export const departmentName = (code) => valueLabel('dept', code);

export const departmentLabel = (code) => (departmentName(code) === code ? code : `${code} ${departmentName(code)}`);

/** A checklist item such as SAMR-01 with what it asks, else with its department's name. */
export const checklistItem = (item) => {
  const name = itemName(item);
  if (name) return `${item} ${name}`;
  const code = String(item).split('-')[0];
  if (departmentName(code) === code) return item;
  return currentLang() === 'en' ? `${item} (${departmentName(code)})` : `${item}（${departmentName(code)}）`;
};

/** Why an enterprise was drawn (complaint, risk, exploration…), in words. */
export const reasonLabel = (reason) => valueLabel('reason', reason);

/** Officers are shown by certificate number only: their names are personal data. */
export function officerBadges(ids) {
  if (!ids?.length) return '—';
  return h('span', { title: t('visit.certHelp') }, h('span', { class: 'muted small' }, `${t('visit.certNos')} `), ids.map((o) => [badge(o, 'blue'), ' ']));
}

const summaries = new Map();
/** Codes asked for while a page is drawn, looked up together once it is: [code, resolve] pairs. */
let wanted = [];
/** As many codes as intake takes in one look-up. */
const CODES_PER_ASK = 200;

/**
 * The enterprise's search row from intake (name, registered address, coordinates; no personal data),
 * asked once per code in this session, and in one request for all the codes a page names.
 */
function summaryOf(code) {
  if (!summaries.has(code)) {
    summaries.set(code, new Promise((resolve) => {
      if (wanted.length === 0) setTimeout(askWanted);
      wanted.push([code, resolve]);
    }));
  }
  return summaries.get(code);
}

function askWanted() {
  const asked = wanted;
  wanted = [];
  enterprisesByCode(asked.map(([code]) => code))
    .then((found) => { for (const [code, resolve] of asked) resolve(found.get(code) ?? null); })
    .catch(() => {
      // A failed look-up is forgotten, so the next page asks again.
      for (const [code, resolve] of asked) { summaries.delete(code); resolve(null); }
    });
}

/** Intake's search rows of the named enterprises, by credit code, asked CODES_PER_ASK at a time; fails when intake does. */
export async function enterprisesByCode(codes) {
  const unique = [...new Set(codes)];
  const found = new Map();
  for (let i = 0; i < unique.length; i += CODES_PER_ASK) {
    const rows = await api('/api/enterprises', { query: { codes: unique.slice(i, i + CODES_PER_ASK).join(',') } });
    for (const row of Array.isArray(rows) ? rows : []) found.set(row.creditCode, row);
  }
  return found;
}

/**
 * Asks for every enterprise a list names, not only those on the page shown: a printed list draws all its
 * rows at once, and a name still being fetched would print blank.
 */
export function nameAll(codes) {
  for (const code of new Set(codes)) summaryOf(code);
}

/** Once every enterprise asked for so far is known (or known to be unknown): what a table's export waits for. */
export function enterprisesNamed() {
  return Promise.all([...summaries.values()]);
}

/** The enterprise's name, filled in when intake answers. */
export function enterpriseName(code) {
  const span = h('span', { class: 'ent-name', 'data-name-of': code });
  summaryOf(code).then((row) => { span.textContent = row?.name ?? ''; });
  return span;
}

/** Where the enterprise is registered: the address an officer goes to. */
export function enterpriseAddress(code) {
  const span = h('span', { class: 'ent-address muted small', 'data-address-of': code });
  summaryOf(code).then((row) => { span.textContent = row?.address ?? ''; });
  return span;
}

/**
 * A route's enterprises (in visiting order) drawn once intake has said where they are; stops it has no
 * coordinates for are counted under the drawing. `current` marks the stop of the page it is on.
 */
export function routeSketchOf(creditCodes, current = -1) {
  const box = h('div', { class: 'route-sketch-cell' });
  Promise.all(creditCodes.map(summaryOf)).then((rows) => {
    const stops = rows.map((row, i) => ({
      lng: Number(row?.lng ?? NaN),
      lat: Number(row?.lat ?? NaN),
      label: i + 1,
      title: `${i + 1}. ${row?.name ?? creditCodes[i]}`,
      current: i === current,
    }));
    const note = unlocatedNote(stops.filter((p) => !hasCoordinates(p)).map((p) => p.label), stops.length);
    mount(box, routeSketch(stops), note ? h('div', { class: 'muted small', 'data-unlocated': '' }, note) : null);
    box.dataset.drawn = 'true';
  });
  return box;
}

/** An enterprise in a table's file: its name, address and credit code in columns of their own. */
export function enterpriseFields(codeOf) {
  return {
    [t('field.name')]: (row) => enterpriseName(codeOf(row)),
    [t('field.address')]: (row) => enterpriseAddress(codeOf(row)),
    [t('field.creditCode')]: (row) => codeOf(row),
  };
}

/** Name over address over code, the code linking where the caller says. */
export function enterpriseCell(code, href) {
  return h('div', {}, h('div', {}, enterpriseName(code)), h('div', {}, enterpriseAddress(code)), h('a', { class: 'mono small', href }, code));
}

/** Where a visit falls on its team's route that day, and the length of the route. */
function routeText(visit) {
  const r = visit.route;
  if (!r) return '—';
  // A route of one stop has no distance to speak of: "about 0.0 km in all" reads as a fault.
  if (r.visitIds.length === 1) return routeLength(1);
  return t('visit.routeText', { n: fmtNumber(r.visitIds.indexOf(visit.id) + 1), of: fmtNumber(r.visitIds.length), km: typeof r.distanceKm === 'number' ? r.distanceKm.toFixed(1) : '—' });
}

/**
 * The stops before and after this one on the route, for an officer on its team: at the door, the next
 * address is one tap away rather than back on "my route".
 */
function stopLinks(ctx, visit) {
  const route = visit.route;
  const at = route?.visitIds?.indexOf(visit.id) ?? -1;
  if (at < 0 || !ctx.me.officerId || !(route.officerIds ?? visit.officerIds ?? []).includes(ctx.me.officerId)) return null;
  const stop = (i, key, rel) => (i < 0 || i >= route.visitIds.length ? null
    : h('a', { class: 'btn secondary', href: `#/visits/${route.visitIds[i]}`, rel, 'data-stop': rel }, `${t(key)} · ${i + 1}. `, enterpriseName(route.creditCodes[i])));
  const links = [stop(at - 1, 'visit.prevStop', 'prev'), stop(at + 1, 'visit.nextStop', 'next')].filter(Boolean);
  return links.length ? h('nav', { class: 'row', id: 'visit-stops', 'aria-label': t('visit.stopNav'), style: 'margin:8px 0' }, links) : null;
}

export async function renderCalendar(ctx) {
  // From today: what is still to do comes first. Past visits still waiting for results are counted apart, below.
  const from = h('input', { type: 'date', name: 'from', value: isoDay(0) });
  const to = h('input', { type: 'date', name: 'to', value: isoDay(60) });
  // A district by name or code, as on the enterprises page: the names of the districts around the listed visits are offered.
  const region = h('input', { name: 'region', placeholder: t('bureau.regionHint'), list: 'calendar-regions', size: 12, autocomplete: 'off' });
  const status = select('status', [['', t('common.all')], ['scheduled', t('visit.scheduled')], ['done', t('visit.done')]], '');
  // A department officer starts at the visits its department is on, and may widen to every department.
  const own = ctx.me.role === 'department' ? ctx.me.department ?? '' : '';
  const departments = [...new Set([...DEPARTMENTS, own].filter(Boolean))];
  const department = select('department', [['', t('common.all')], ...departments.map((d) => [d, departmentLabel(d)])], own);
  const form = h('form', { class: 'filters', novalidate: true }, field(t('plans.from'), from), field(t('plans.to'), to), field(t('field.region'), region), field(t('field.department'), department), field(t('field.status'), status), h('button', { class: 'btn', type: 'submit' }, t('common.search')));
  const suggestions = h('div');
  const problem = h('div');
  const overdue = h('div');
  const list = h('div');
  const seenRegions = new Set();
  mount(ctx.main, pageHead(t('cal.title'), t('cal.lead')), h('div', { class: 'stack' }, card(null, form, suggestions, problem, overdue, pendingApplicationsNotice(ctx), openByNumber(ctx)), list));
  // Visits whose day has passed with no results recorded (of the officer's own department, for a department
  // officer): the ones to chase, counted once as the page opens, whatever dates are chosen after.
  const countOverdue = async () => {
    const rows = await api('/api/visits', { query: { from: isoDay(-OVERDUE_DAYS), to: isoDay(-1), department: department.value, status: 'scheduled', limit: CALENDAR_LIMIT } }).catch(() => []);
    const show = () => {
      from.value = isoDay(-OVERDUE_DAYS);
      to.value = isoDay(-1);
      status.value = 'scheduled';
      form.requestSubmit();
    };
    mount(overdue, rows.length === 0 ? null : h('div', { class: 'notice warn row', id: 'calendar-overdue', 'data-overdue': rows.length, style: 'margin-top:12px' },
      h('span', {}, plural('cal.overdue', rows.length, { days: OVERDUE_DAYS })), h('button', { type: 'button', class: 'btn secondary', onclick: show }, t('cal.showOverdue'))));
  };
  const load = (regionCode) => section(list, async () => {
    const rows = await api('/api/visits', { query: { from: from.value, to: to.value, region: regionCode, department: department.value, status: status.value, limit: CALENDAR_LIMIT } });
    for (const v of rows) if (v.regionCode) seenRegions.add(v.regionCode);
    nameAll(rows.map((v) => v.creditCode));
    mount(suggestions, regionOptions('calendar-regions', districtsAround([...seenRegions])));
    return rows;
  }, (rows) => card(`${t('field.visits')} · ${fmtNumber(rows.length)}${rows.length === CALENDAR_LIMIT ? '+' : ''}`,
    // A full page is the server's limit, not the count: say so rather than let the figure pass for the period's total.
    rows.length === CALENDAR_LIMIT ? h('div', { class: 'notice warn', id: 'calendar-capped', style: 'margin-bottom:12px' }, t('cal.capped', { n: fmtNumber(CALENDAR_LIMIT) })) : null,
    table([
    [t('field.date'), (v) => h('span', { style: 'white-space:nowrap' }, fmtDate(v.date)), (v) => v.date],
    [t('visit.no'), (v) => h('span', { class: 'mono small', style: 'white-space:nowrap' }, v.visitNo ?? '—'), (v) => v.visitNo ?? ''],
    [t('visit.enterprise'), (v) => enterpriseCell(v.creditCode, `#/visits/${v.id}`), enterpriseFields((v) => v.creditCode)],
    [t('field.region'), (v) => regionCell(v.regionCode)],
    [t('field.department'), (v) => (v.departments ?? []).map(departmentLabel).join(' · ')],
    [t('visit.teamCerts'), (v) => (v.officerIds ?? []).join(', ')],
    [t('field.status'), (v) => badge(t(`visit.${v.status}`), v.status === 'done' ? 'ok' : 'blue')],
    [t('field.reasons'), (v) => (v.reasons ?? []).map((r) => [badge(reasonLabel(r)), ' '])],
  ], rows, { pageSize: 15, empty: t('cal.noVisits'), onRow: (v) => ctx.go(`#/visits/${v.id}`), stacked: true, download: { name: `tianping-visits-${from.value}-${to.value}`, ready: enterprisesNamed } })), 'dispatch');
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    // Checked here and said in words: the server takes one six-digit district code and a window in order.
    const text = region.value.trim();
    const code = text ? regionCodeOf(text, districtsAround([...seenRegions])) : '';
    const wrong = !from.value || !to.value ? [t('plans.needDates'), from] : to.value < from.value ? [t('plans.toBeforeFrom'), to] : code === null || (code && !/^\d{6}$/.test(code)) ? [t('cal.badRegion'), region] : null;
    if (wrong) {
      mount(problem, fieldProblem(wrong[1], h('div', { class: 'notice bad', role: 'alert', id: 'calendar-invalid', style: 'margin-top:12px' }, wrong[0])));
      return;
    }
    mount(problem);
    load(code);
  });
  await Promise.all([load(''), countOverdue()]);
}

/** A visit opened by the number someone quotes (on the phone, on a notice), typed as it comes: lower case, full-width, spaced. */
function openByNumber(ctx) {
  const input = h('input', { id: 'visit-no-input', name: 'visitNo', placeholder: 'TP-2026-000123', size: 16, autocomplete: 'off' });
  const problem = h('div', { class: 'small bad-text', role: 'alert' });
  const form = h('form', { class: 'row', id: 'open-visit-no', novalidate: true, style: 'margin-top:12px' },
    h('label', { class: 'muted small', for: 'visit-no-input' }, t('cal.openNo')), input, h('button', { class: 'btn secondary', type: 'submit' }, t('cal.openNoButton')), problem);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const number = asTypedCode(input.value);
    if (!/^TP-\d{4}-\d{6,}$/.test(number)) {
      mount(problem, fieldProblem(input, h('span', {}, t('cal.badNo'))));
      return;
    }
    mount(problem);
    ctx.go(`#/visits/${number}`);
  });
  return form;
}

/** One visit; `replace` (from the conflicts list) opens the dispatcher's team change on that officer. */
export async function renderVisit(ctx, id, replace = null) {
  const body = h('div');
  const head = h('div');
  const changed = h('div', { 'data-team-changed': '' });
  mount(ctx.main, head, changed, body);
  // An officer bound to a certificate number comes here from their own route, and goes back to it.
  const back = () => h('a', { class: 'btn secondary', href: ctx.me.officerId ? '#/today' : '#/calendar' }, t('common.back'));
  mount(head, pageHead(t('visit.title'), null, back()));
  // After a team change the visit is read again: its team, route and forms all move with it.
  const onChanged = (said) => {
    mount(changed, h('div', { class: 'notice ok', role: 'status' }, said));
    show(null);
  };
  const show = (officer) => section(body, () => api(`/api/visits/${id}`), (visit) => {
    mount(head, pageHead(h('span', {}, t('visit.titleOf'), enterpriseName(visit.creditCode)), t('visit.sub', { date: fmtDate(visit.date), code: visit.creditCode }), printButton(), back()));
    return visitBody(ctx, visit, teamChangeCard(ctx, visit, { onChanged, officer, today: isoDay(0) }), extensionCard(ctx, visit, { onExtended: onChanged, label: departmentLabel }), onChanged);
  }, 'dispatch');
  await show(replace);
}

function visitBody(ctx, visit, teamCard, extension, onRecorded) {
  return h('div', { class: 'stack' },
    h('div', { class: 'grid grid-2' },
      card(h('div', { class: 'row' }, h('h2', { style: 'margin:0' }, fmtDate(visit.date)), badge(t(`visit.${visit.status}`), visit.status === 'done' ? 'ok' : 'blue'), badge(visit.noticeAllowed ? t('visit.notice') : t('visit.unannounced'))),
        h('dl', { class: 'kv' },
          h('dt', {}, t('visit.no')), h('dd', { class: 'mono', id: 'visit-no' }, visit.visitNo ?? '—'),
          h('dt', {}, t('visit.enterprise')), h('dd', {}, enterpriseName(visit.creditCode), ' ', h('a', { class: 'mono small', href: `#/enterprises/${visit.creditCode}` }, visit.creditCode),
            h('div', {}, enterpriseAddress(visit.creditCode))),
          h('dt', {}, t('field.region')), h('dd', {}, regionCell(visit.regionCode)),
          h('dt', {}, t('field.team')), h('dd', {}, officerBadges(visit.officerIds)),
          h('dt', {}, t('field.reasons')), h('dd', {}, (visit.reasons ?? []).map(reasonLabel).join(t('common.listSep')) || '—', followUpLines(visit.followUps, visit)),
          h('dt', {}, t('visit.route')), h('dd', {}, routeText(visit), stopLinks(ctx, visit), visit.route?.creditCodes ? routeSketchOf(visit.route.creditCodes, visit.route.visitIds.indexOf(visit.id)) : null))),
      card(t('field.checklist'), h('ul', { class: 'list-plain', id: 'visit-checklist' }, (visit.checklist ?? []).map((group) => h('li', {}, h('strong', { style: 'min-width:70px' }, departmentLabel(group.department)),
        h('div', {}, group.items.map((item) => h('div', { 'data-item': item }, h('span', { class: 'mono small' }, item), ' ', itemName(item) ?? ''))))))),
    ),
    teamCard,
    visit.status === 'scheduled' ? resultsForm(ctx, visit, { label: departmentLabel, onRecorded }) : card(t('field.result'), table([
      [t('field.checklist'), (r) => checklistItem(r.item)],
      [t('field.department'), (r) => departmentLabel(r.department)],
      [t('field.result'), (r) => resultBadge(r.result)],
      [t('cal.violation'), (r) => r.violation ?? '—'],
    ], visit.results ?? [], { paged: false }), rectifyNote(visit.rectifyBy, 'rectify.shown', visit.originalRectifyBy), reInspectionLines(visit.reInspections)),
    extension,
  );
}
