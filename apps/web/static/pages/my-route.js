// An officer's own route (我的行程), for the phone in their pocket: the joint visits of the coming days
// that name their certificate number, one card per day and team in visiting order, each stop opening
// its visit; and the past week's visits whose results are still to be recorded, first.
import { api } from '../api.js';
import { currentLang, fmtDate, fmtNumber, t } from '../i18n.js';
import { badge, card, h, mount, pageHead, printButton, section, state } from '../ui.js';
import { departmentLabel, enterpriseAddress, enterpriseName, routeSketchOf } from './bureau-calendar.js';
import { isoDay } from '../days.js';
import { routeLength } from './route-words.js';

const DAYS_AHEAD = 14;
const DAYS_BACK = 7;

export async function renderMyRoute(ctx) {
  const officer = ctx.me.officerId;
  if (!officer) {
    // Only a department officer's account carries a certificate number: a dispatcher plans others' routes.
    const [title, help] = ctx.me.role === 'dispatcher' ? ['route.dispatcher', 'route.dispatcherHelp'] : ['route.unbound', 'route.unboundHelp'];
    mount(ctx.main, pageHead(t('route.title')), state('empty', t(title), t(help), h('a', { class: 'btn', href: '#/calendar' }, t('nav.calendar'))));
    return;
  }
  const body = h('div', { id: 'my-route' });
  mount(ctx.main, pageHead(t('route.title'), t('route.lead', { cert: officer, days: DAYS_AHEAD }), printButton()), body);
  const load = () => Promise.all([
    api('/api/visits', { query: { officer, from: isoDay(-DAYS_BACK), to: isoDay(DAYS_AHEAD), limit: 2000 } }),
    // The officer's own leave, training or time away in the fortnight (the gateway answers only its own).
    api('/api/absences', { query: { officer, from: isoDay(0), to: isoDay(DAYS_AHEAD) } }).catch(() => []),
  ]);
  await section(body, load, ([rows, absences]) => h('div', { class: 'stack' }, absenceNotice(absences), routeDays(rows, isoDay(0))), 'dispatch');
}

/** Days the bureau entered the officer as away: no new visit is drawn on them, and one still scheduled will be reassigned. */
function absenceNotice(absences) {
  if (!absences.length) return null;
  return h('div', { class: 'notice', id: 'route-absences', role: 'status' },
    h('strong', {}, t('route.away')),
    h('ul', { style: 'margin:6px 0 0;padding-left:18px' }, absences.map((a) => h('li', { 'data-absence': a.id },
      t('route.awayDays', { kind: t(`absence.kind.${a.kind}`), from: fmtDate(a.from), to: fmtDate(a.to) }),
      a.scheduledVisits.length ? h('span', { class: 'muted' }, ` ${t('route.awayStillSent', { n: fmtNumber(a.scheduledVisits.length) })}`) : null))));
}

/** Overdue results first, then today, then the days ahead; an empty fortnight says so. */
function routeDays(rows, today) {
  const overdue = rows.filter((v) => v.date < today && v.status === 'scheduled');
  const ahead = rows.filter((v) => v.date >= today);
  const parts = [];
  if (overdue.length) {
    parts.push(card(t('route.overdue', { n: fmtNumber(overdue.length) }), h('p', { class: 'muted small' }, t('route.overdueHelp')), stopList(overdue, { withDate: true })));
  }
  if (ahead.length === 0) {
    parts.push(state('empty', t('route.none', { days: DAYS_AHEAD }), t('route.noneHelp'), h('a', { class: 'btn secondary', href: '#/calendar' }, t('nav.calendar'))));
  } else if (!ahead.some((v) => v.date === today)) {
    parts.push(h('div', { class: 'notice', id: 'route-free-today' }, t('route.freeToday')));
  }
  for (const route of routesOf(ahead)) parts.push(routeCard(route, today));
  return h('div', { class: 'stack' }, parts);
}

/** Visits grouped by day and team route, in the order the list comes (day, then route order). */
function routesOf(visits) {
  const routes = new Map();
  for (const v of visits) {
    const key = `${v.date}|${v.drawId}|${v.routeKey}`;
    if (!routes.has(key)) routes.set(key, { date: v.date, officers: v.officerIds, visits: [] });
    routes.get(key).visits.push(v);
  }
  return [...routes.values()];
}

function routeCard(route, today) {
  const title = h('div', { class: 'row' },
    h('h2', { style: 'margin:0' }, dayTitle(route.date)),
    route.date === today ? badge(t('route.today'), 'blue') : null,
    h('span', { class: 'muted small', 'data-route-length': '' }, routeLength(route.visits.length)));
  return h('section', { class: 'card route-day', 'data-date': route.date },
    h('div', { class: 'card-head' }, title),
    h('div', { class: 'muted small' }, t('route.team', { team: (route.officers ?? []).join(t('common.listSep')) })),
    h('div', { class: 'route-day-body' }, routeSketchOf(route.visits.map((v) => v.creditCode)), stopList(route.visits)));
}

/** Each stop a large link to its visit: number, enterprise, address, departments, status. */
function stopList(visits, { withDate = false } = {}) {
  return h('ol', { class: 'stops' }, visits.map((v, i) =>
    h('li', {},
      h('a', { class: 'stop', href: `#/visits/${v.id}`, 'data-visit': v.id },
        h('span', { class: 'stop-no' }, withDate ? '!' : String(i + 1)),
        h('span', { class: 'stop-text' },
          h('span', { class: 'stop-name' }, enterpriseName(v.creditCode), withDate ? h('span', { class: 'muted small' }, ` · ${dayTitle(v.date)}`) : null),
          enterpriseAddress(v.creditCode),
          h('span', { class: 'muted small' }, (v.departments ?? []).map(departmentLabel).join(' · ')),
          v.visitNo ? h('span', { class: 'muted small mono', style: 'white-space:nowrap', 'data-visit-no': v.visitNo }, v.visitNo) : null),
        badge(t(`visit.${v.status}`), v.status === 'done' ? 'ok' : 'blue')))));
}

/** "12月7日周一" / "Mon 7 Dec": the day an officer thinks in. */
function dayTitle(iso) {
  const d = new Date(`${iso}T00:00:00Z`);
  return d.toLocaleDateString(currentLang() === 'zh' ? 'zh-CN' : 'en-GB', { timeZone: 'UTC', month: 'short', day: 'numeric', weekday: 'short' });
}
