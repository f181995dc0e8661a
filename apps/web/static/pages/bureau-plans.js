// Plans: draw a window (a long operation, shown with progress), recent draws, and one draw in full.
import { api } from '../api.js';
import { addDays, isoDay } from '../days.js';
import { fmtDate, fmtDateTime, fmtNumber, fmtPercent, fmtPeriod, plural, t, tKnown } from '../i18n.js';
import { badge, card, chip, confirmStep, emptyState, errorState, field, h, mount, pageHead, printButton, progressPanel, section, table } from '../ui.js';
import { followUpOfTask } from './follow-up.js';
import { checklistItem, departmentLabel, enterpriseAddress, enterpriseCell, enterpriseFields, enterpriseName, enterprisesNamed, nameAll, officerBadges, reasonLabel, routeSketchOf } from './bureau-calendar.js';
import { FILTERS, filtersOf, filtersText, planFiltersForm } from './plan-filters.js';
import { conflictsListCard } from './conflicts.js';
import { planSettings } from './plan-settings.js';

/** The independent check's verdict: a tick when it found nothing wrong, else the number of problems. */
function checkerBadge(draw) {
  if (draw.violationCount === 0) return badge('✓', 'ok');
  if (draw.violationCount === null || draw.violationCount === undefined) return '—';
  return badge(`✗ ${draw.violationCount}`, 'bad');
}

function statusBadge(status, cutFrom = null) {
  if (status === 'published' && cutFrom) return badge(t('plans.cutFrom', { date: fmtDate(cutFrom) }), 'ok');
  if (status === 'published') return badge(t('plans.published'), 'ok');
  if (status === 'rejected') return badge(t('plans.rejectedState'), 'bad');
  if (status === 'superseded') return badge(t('plans.superseded'));
  return badge(status ?? '—');
}

/** Why there is no draw form: the dispatcher (调度员) draws; a department sets its own plan below and reads the draws. */
function whoDraws(ctx) {
  if (ctx.me.role !== 'department') return null;
  return h('div', { class: 'notice', role: 'note' }, t('plans.whoDraws'));
}

export async function renderPlans(ctx) {
  const canDraw = ctx.me.role === 'dispatcher';
  const drawBox = h('div');
  const recent = h('div');
  const departments = h('div');
  mount(ctx.main, pageHead(t('plans.title'), t('plans.lead')), h('div', { class: 'stack' }, canDraw ? drawBox : whoDraws(ctx), recent, ctx.me.role === 'department' ? null : conflictsListCard(ctx), ctx.me.role === 'oversight' ? null : departments));
  const draw = canDraw ? drawForm(ctx, () => loadRecent()) : null;
  const loadRecent = () => section(recent, async () => {
    const draws = await api('/api/draws', { query: { limit: 50 } });
    draw?.knowPublished(draws.filter((d) => d.status === 'published'));
    return draws;
  }, (draws) => card(t('plans.recent'), table([
    [t('field.window'), (d) => h('a', { href: `#/plans/${d.id}` }, fmtPeriod(d.window.from, d.window.to))],
    [t('field.status'), (d) => statusBadge(d.status, d.cutFrom)],
    [t('field.visits'), (d) => fmtNumber(d.figures?.visits)],
    [t('plans.checker'), (d) => checkerBadge(d)],
    [t('field.seed'), (d) => h('span', { class: 'mono' }, d.seed)],
    [t('field.recordedAt'), (d) => fmtDateTime(d.createdAt)],
  ], draws, { empty: t('plans.noDraws'), onRow: (d) => ctx.go(`#/plans/${d.id}`) })), 'dispatch');
  if (draw) mount(drawBox, draw.element);
  if (ctx.me.role !== 'oversight') {
    const loadDepartments = () => section(departments, () => api('/api/plans'), (plans) => card(t('plans.departments'), table([
      [t('field.department'), (p) => h('strong', {}, departmentLabel(p.department))],
      [t('plans.ratios'), (p) => `${fmtPercent(p.annualRatios?.red ?? 0)} / ${fmtPercent(p.annualRatios?.yellow ?? 0)} / ${fmtPercent(p.annualRatios?.green ?? 0)}`],
      [t('field.checklist'), (p) => (p.checklist ?? []).map((item) => h('div', { class: 'small' }, checklistItem(item)))],
      [t('visit.notice'), (p) => (p.advanceNotice ? t('common.yes') : t('common.no'))],
    ], plans, { pageSize: 10 })), 'dispatch');
    loadDepartments();
    departments.after(planSettings(ctx, loadDepartments) ?? '');
  }
  await loadRecent();
}

/** The last day a published plan still covers: the day before a newer plan cut it, else its window's end. */
function lastDay(draw) {
  return draw.cutFrom ? addDays(draw.cutFrom, -1) : draw.window.to;
}

/**
 * The draw form. Its window starts where the published plans end (tomorrow when none lies ahead), so the
 * next draw continues them; a window that overlaps one is confirmed with what it replaces.
 */
function drawForm(ctx, reload) {
  const today = isoDay(0);
  const from = h('input', { type: 'date', name: 'from', value: isoDay(1), min: today, required: true });
  const to = h('input', { type: 'date', name: 'to', value: isoDay(30), min: today, required: true });
  let published = [];
  let edited = false;
  from.addEventListener('change', () => { edited = true; to.min = from.value && from.value > today ? from.value : today; });
  to.addEventListener('change', () => { edited = true; });
  const knowPublished = (draws) => {
    published = draws;
    const latest = [...draws].sort((a, b) => lastDay(a).localeCompare(lastDay(b))).pop();
    const next = latest ? addDays(lastDay(latest), 1) : null;
    if (edited || !next || next <= from.value) return;
    // The next window is as long as the latest plan's, so a bureau drawing fortnights keeps drawing fortnights.
    from.value = next;
    to.value = addDays(next, daysBetween(latest.window.from, latest.window.to));
  };
  const confirmBox = h('div');
  const seed = h('input', { name: 'seed', maxlength: 200, placeholder: t('plans.seedPlaceholder'), size: 26 });
  const submit = h('button', { class: 'btn', type: 'submit', id: 'draw-submit' }, t('plans.draw'));
  const out = h('div', { style: 'margin-top:16px' });
  const form = h('form', { class: 'filters', id: 'draw-form', novalidate: true }, field(t('plans.from'), from), field(t('plans.to'), to), field(t('plans.seed'), seed), submit);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const problem = windowProblem(from.value, to.value, isoDay(0));
    if (problem) {
      mount(out, h('div', { class: 'notice bad', role: 'alert', id: 'draw-invalid' }, problem));
      return;
    }
    mount(out);
    submit.disabled = true;
    const overlapped = published.filter((d) => d.window.from <= to.value && lastDay(d) >= from.value);
    const replaced = overlapped.filter((d) => d.window.from >= from.value);
    const cut = overlapped.filter((d) => d.window.from < from.value);
    const windows = (draws) => draws.map((d) => fmtPeriod(d.window.from, lastDay(d))).join(t('common.listSep'));
    const message = [t('plans.confirmDraw', { from: fmtDate(from.value), to: fmtDate(to.value) })];
    if (replaced.length) message.push(' ', h('strong', { 'data-replaces': replaced.length }, t('plans.confirmReplaces', { windows: windows(replaced) })));
    if (cut.length) message.push(' ', h('strong', { 'data-cuts': cut.length }, t('plans.confirmCuts', { windows: windows(cut), from: fmtDate(from.value) })));
    const unset = await unsetCalendarYears(from.value, to.value);
    if (unset.length) message.push(' ', h('strong', { 'data-calendar-unset': unset.join(',') }, calendarUnsetText(unset)));
    const sure = await confirmStep(confirmBox, message, t('plans.confirmDrawYes'));
    if (!sure) {
      submit.disabled = false;
      return;
    }
    const progress = progressPanel([t('plans.step1'), t('plans.step2'), t('plans.step3'), t('plans.step4')], t('plans.running'));
    mount(out, progress.element);
    try {
      const outcome = await api('/api/draws', { method: 'POST', body: { from: from.value, to: to.value, ...(seed.value.trim() ? { seed: seed.value.trim() } : {}) } });
      progress.finish();
      const ok = outcome.status === 'published';
      mount(out, h('div', { class: `notice ${ok ? 'ok' : 'bad'}`, 'data-draw-id': outcome.id, id: 'draw-outcome' },
        h('strong', {}, ok ? t('plans.done', { visits: fmtNumber(outcome.visits), tasks: fmtNumber(outcome.tasks) }) : t('plans.rejected', { n: fmtNumber(outcome.checker?.violations ?? 0) })),
        ' ', h('a', { href: `#/plans/${outcome.id}` }, t('common.view')), h('div', { class: 'mono', style: 'margin-top:6px' }, `${t('field.seed')}: ${outcome.seed}`)),
        calendarUnset(outcome, 'margin-top:8px'), staleComplaints(outcome, 'margin-top:8px'), staleFollowUps(outcome, 'margin-top:8px'));
      reload();
    } catch (error) {
      // Holidays are known to the server's calendar only: its refusal is said in the page's words.
      mount(out, error.body?.reason === 'no-working-day'
        ? h('div', { class: 'notice bad', role: 'alert', id: 'draw-invalid' }, t('plans.noWorkingDay'))
        : errorState(error, null, 'dispatch'));
    } finally {
      submit.disabled = false;
    }
  });
  return { element: card(t('plans.draw'), form, confirmBox, out), knowPublished };
}

/** Dispatch's limits on a window: how far ahead it may start, and how many days it may span. */
const MAX_DAYS_AHEAD = 366;
const MAX_WINDOW_DAYS = 366;

/** The page's own check of the window, in the page's language, before the server is asked. */
function windowProblem(from, to, today) {
  if (!from || !to) return t('plans.needDates');
  if (from < today) return t('plans.fromPast', { today: fmtDate(today) });
  // As the server refuses them: a mistyped year (2207 for 2027), or a window longer than a year.
  if (from > isoDay(MAX_DAYS_AHEAD)) return t('plans.farAhead', { latest: fmtDate(isoDay(MAX_DAYS_AHEAD)) });
  if (to < from) return t('plans.toBeforeFrom');
  if (Date.parse(to) - Date.parse(from) >= MAX_WINDOW_DAYS * 86_400_000) return t('plans.tooLong', { days: fmtNumber(MAX_WINDOW_DAYS) });
  if (weekendsOnly(from, to)) return t('plans.noWorkingDay');
  return null;
}

/** Whether every day of the window is a Saturday or Sunday (days as UTC dates: no time zone moves them). */
function weekendsOnly(from, to) {
  for (let day = new Date(`${from}T00:00:00Z`); day <= new Date(`${to}T00:00:00Z`); day.setUTCDate(day.getUTCDate() + 1)) {
    if (day.getUTCDay() !== 0 && day.getUTCDay() !== 6) return false;
  }
  return true;
}

export async function renderDraw(ctx, id, search = '') {
  const filters = filtersOf(search);
  const head = h('div');
  const facts = h('div');
  const filterBox = h('div');
  const tasks = h('div');
  const visits = h('div');
  mount(ctx.main, head, h('div', { class: 'stack' }, facts, filterBox, tasks, visits));
  const back = () => h('a', { class: 'btn secondary', href: '#/plans' }, t('common.back'));
  mount(head, pageHead(t('plans.detailTitle'), null, back()));
  let draw = null;
  await section(facts, () => api(`/api/draws/${id}`), (found) => {
    draw = found;
    mount(head, pageHead(t('plans.detailTitleOf', { from: fmtDate(draw.window.from), to: fmtDate(draw.window.to) }), t('plans.drawnAt', { at: fmtDateTime(draw.createdAt) }), printButton(), back()));
    return drawFacts(ctx, draw);
  }, 'dispatch');
  if (!draw) return;
  const seenRegions = new Set();
  const form = planFiltersForm(ctx, draw, filters, () => [...seenRegions]);
  mount(filterBox, card(t('planFilter.title'), h('p', { class: 'muted small', style: 'margin-top:0' }, t('planFilter.lead')), form.element));
  const seen = (rows) => {
    for (const row of rows) if (row.regionCode) seenRegions.add(row.regionCode);
    if (ctx.me.role !== 'oversight') nameAll(rows.map((row) => row.creditCode));
    form.knowRegions();
    return rows;
  };
  await Promise.all([
    section(tasks, () => api(`/api/draws/${id}/tasks`, { query: filters }).then(seen), (rows) => tasksCard(ctx, draw, rows, filters), 'dispatch'),
    ctx.me.role === 'oversight' ? null : section(visits, () => api('/api/visits', { query: { draw: id, limit: 2000, from: '2000-01-01', to: '2100-12-31', ...filters } }).then(seen), (rows) => teamsCard(ctx, draw, rows, filters), 'dispatch'),
  ]);
}

/**
 * How many tasks random exploration drew, and their share of the tasks drawn by risk and exploration: the
 * share the policy sets applies to those, not to complaints, follow-ups and departments' random checks.
 */
function explorationFigure(tasks) {
  const explored = tasks.filter((task) => task.reason === 'exploration').length;
  const drawn = explored + tasks.filter((task) => task.reason === 'risk').length;
  return t('plans.tasksFigure', { n: fmtNumber(explored), share: fmtPercent(drawn === 0 ? 0 : explored / drawn) });
}

function drawFacts(ctx, draw) {
  const f = draw.figures ?? {};
  const redraw = h('div');
  const canCheck = ctx.me.role === 'dispatcher' || ctx.me.role === 'oversight';
  return h('div', { class: 'stack' },
    h('div', { class: 'grid grid-3' },
      card(null, tile(t('plans.jointVisits'), fmtNumber(f.visits)), h('p', { class: 'muted small' }, t('plans.visitsFigure', { checks: fmtNumber(f.checks), reduction: fmtPercent(f.visitReduction ?? 0) }))),
      card(null, tile(t('field.tasks'), fmtNumber((draw.tasks ?? []).length)), h('p', { class: 'muted small' }, explorationFigure(draw.tasks ?? []))),
      card(null, tile(t('plans.checker'), draw.violationCount === 0 ? '✓' : `✗ ${draw.violationCount}`), h('p', { class: 'muted small' }, t(draw.violationCount === 0 ? 'plans.checkerOk' : 'plans.checkerBad')))),
    calendarUnset(draw),
    staleComplaints(draw),
    staleFollowUps(draw),
    unassignedTasks(draw),
    card(h('div', { class: 'row' }, h('h2', { style: 'margin:0' }, t('plans.windowText', { from: fmtDate(draw.window.from), to: fmtDate(draw.window.to) })), statusBadge(draw.status, draw.cutFrom), draw.suspended ? badge(t('plans.suspended'), 'bad') : null, draw.backfill ? badge(t('plans.backfill'), 'warn') : null),
      h('dl', { class: 'kv' },
        h('dt', {}, t('plans.drawnAtLabel')), h('dd', {}, fmtDateTime(draw.createdAt)),
        h('dt', {}, t('plans.model')), h('dd', { class: 'mono small' }, draw.suspended ? t('plans.suspended') : draw.modelVersion ?? '—')),
      h('details', { style: 'margin-top:10px' }, h('summary', {}, t('plans.technical')),
        h('p', { class: 'muted small' }, t('plans.technicalLead')),
        h('dl', { class: 'kv' },
          h('dt', {}, t('field.seed')), h('dd', { class: 'mono', id: 'draw-seed' }, draw.seed),
          h('dt', {}, t('plans.inputs')), h('dd', { class: 'mono' }, draw.inputsFingerprint),
          h('dt', {}, t('plans.result')), h('dd', { class: 'mono' }, draw.resultFingerprint),
          h('dt', {}, t('plans.checkerName')), h('dd', { class: 'mono' }, draw.checker ?? '—'),
          h('dt', {}, t('plans.drawId')), h('dd', { class: 'mono' }, draw.id))),
      canCheck ? h('div', { style: 'margin-top:14px' }, h('button', { class: 'btn secondary', onclick: () => runRedraw(draw.id, redraw) }, t('plans.redraw')), redraw) : null),
  );
}

/** Whole days from one ISO day to another. */
function daysBetween(from, to) {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** The years of a window with no day in the work calendar, asked of the calendar before a draw; none when it cannot say. */
async function unsetCalendarYears(from, to) {
  const years = [];
  for (let y = Number(from.slice(0, 4)); y <= Number(to.slice(0, 4)); y++) years.push(y);
  try {
    const days = await Promise.all(years.map((year) => api('/api/calendar', { query: { year } })));
    return years.filter((_, i) => days[i].length === 0);
  } catch {
    return [];
  }
}

function calendarUnsetText(years) {
  return t('plans.calendarUnset', { years: years.join(t('common.listSep')) });
}

/**
 * The years of the plan's window nobody had entered in the work calendar when it was drawn: only the public
 * holidays the law fixes by date were kept off (元旦, 劳动节, 国庆节); the rest were unknown to it.
 */
function calendarUnset(draw, style) {
  const years = draw.figures?.calendarUnsetYears ?? [];
  if (!years.length) return null;
  return h('div', { class: 'notice warn', id: 'calendar-unset', 'data-years': years.join(','), style }, calendarUnsetText(years));
}

/**
 * The verified complaints the draw left out as older than the policy's look-back, with the day that
 * look-back began; nothing when none were (or the draw was made before there was a look-back).
 */
function staleComplaints(draw, style) {
  const { staleComplaints: n, complaintLookbackDays: days } = draw.figures ?? {};
  if (!n || !days) return null;
  const since = fmtDate(addDays(draw.window.from, -days));
  return h('div', { class: 'notice warn', id: 'stale-complaints', 'data-stale': n, style }, plural('plans.staleComplaints', n, { days, since }));
}

/** Likewise the orders to rectify never re-inspected whose deadline came before the policy's look-back (整改复查). */
function staleFollowUps(draw, style) {
  const { staleFollowUps: n, followUpLookbackDays: days } = draw.figures ?? {};
  if (!n || !days) return null;
  const since = fmtDate(addDays(draw.window.from, -days));
  return h('div', { class: 'notice warn', id: 'stale-follow-ups', 'data-stale': n, style }, plural('plans.staleFollowUps', n, { days, since }));
}

/**
 * The tasks no team could take, counted by department with why: a dispatcher sees at once that, say, no
 * officer certified for fire safety was free, instead of finding "not scheduled" rows in the task list.
 */
function unassignedTasks(draw) {
  const tasks = draw.unassigned ?? [];
  if (tasks.length === 0) return null;
  const byDepartment = new Map();
  for (const task of tasks) {
    const reasons = byDepartment.get(task.department) ?? new Map();
    reasons.set(task.reason, (reasons.get(task.reason) ?? 0) + 1);
    byDepartment.set(task.department, reasons);
  }
  const parts = [...byDepartment].map(([department, reasons]) => t('plans.unassignedPart', {
    department: departmentLabel(department),
    n: [...reasons.values()].reduce((a, b) => a + b, 0),
    reasons: [...reasons.keys()].map((reason) => tKnown(`unassigned.${reason}`) ? t(`unassigned.${reason}`) : reason).join(t('common.listSep')),
  }));
  return h('div', { class: 'notice warn', id: 'unassigned-tasks', 'data-unassigned': tasks.length }, plural('plans.unassigned', tasks.length, { parts: parts.join(t('plans.unassignedSep')) }));
}

/** The plan's tasks (those the filters keep), each with the day and team of the visit carrying it. */
function tasksCard(ctx, draw, rows, filters) {
  const total = (draw.tasks ?? []).length;
  const narrowed = Object.keys(filters).length > 0;
  const title = narrowed ? t('planFilter.tasksTitle', { n: fmtNumber(rows.length), total: fmtNumber(total), filters: filtersText(filters) }) : t('plans.tasksTitle', { n: fmtNumber(total) });
  return card(title, h('p', { class: 'muted small', style: 'margin-top:0' }, t('plans.tasksLead')), table([
    [t('field.department'), (task) => departmentLabel(task.department)],
    [t('visit.enterprise'), (task) => (ctx.me.role === 'oversight' ? h('span', { class: 'mono' }, task.creditCode) : enterpriseCell(task.creditCode, `#/enterprises/${task.creditCode}`)), ctx.me.role === 'oversight' ? undefined : enterpriseFields((task) => task.creditCode)],
    [t('planFilter.day.col'), (task) => (task.date ? (ctx.me.role === 'oversight' ? fmtDate(task.date) : h('a', { href: `#/visits/${task.visitId}` }, fmtDate(task.date))) : h('span', { class: 'muted' }, t('planFilter.noVisit'))), (task) => task.date ?? t('planFilter.noVisit')],
    [t('field.team'), (task) => officerBadges(task.officerIds)],
    [t('field.checklist'), (task) => (task.items?.length ? task.items.map((item) => h('div', { class: 'small' }, checklistItem(item))) : '—')],
    [t('field.reasons'), (task) => [badge(reasonLabel(task.reason)), task.colour ? [' ', chip(task.colour, true)] : null, followUpOfTask(task)]],
  ], rows, { pageSize: 10, stacked: true, empty: t('planFilter.noTasks'), download: { name: planFileName(draw, 'tasks', filters), ready: enterprisesNamed } }));
}

/** A plan's file name: its window, what it holds, and the filters that narrowed it. */
function planFileName(draw, what, filters) {
  const narrowed = FILTERS.filter((name) => filters[name]).map((name) => filters[name]);
  return ['tianping-plan', draw.window.from, draw.window.to, what, ...narrowed].join('-').replace(/[^\w.-]+/g, '_');
}

function tile(label, value) {
  return h('div', { class: 'stat' }, h('span', { class: 'label' }, label), h('span', { class: 'value' }, value));
}

async function runRedraw(id, box) {
  mount(box, h('div', { class: 'progress indeterminate', style: 'margin-top:10px' }, h('div')));
  try {
    const check = await api(`/api/draws/${id}/redraw-check`);
    mount(box, h('div', { class: `notice ${check.identical ? 'ok' : 'bad'}`, style: 'margin-top:10px' }, check.identical ? t('plans.redrawOk') : t('plans.redrawBad')));
  } catch (error) {
    mount(box, errorState(error, null, 'dispatch'));
  }
}

/** The joint visits (those the filters keep) grouped into routes: one team of officers per route and day. */
function teamsCard(ctx, draw, rows, filters = {}) {
  const narrowed = Object.keys(filters).length > 0;
  if (rows.length === 0) return card(t('field.visits'), emptyState(t('cal.noVisits')));
  const routes = new Map();
  for (const v of rows) {
    const key = `${v.date} ${v.routeKey}`;
    if (!routes.has(key)) routes.set(key, { date: v.date, routeKey: v.routeKey, officers: v.officerIds, visits: [] });
    routes.get(key).visits.push(v);
  }
  for (const route of routes.values()) route.visits.sort((a, b) => (a.routeOrder ?? 0) - (b.routeOrder ?? 0));
  const title = narrowed ? t('planFilter.routesTitle', { visits: fmtNumber(rows.length), routes: fmtNumber(routes.size), filters: filtersText(filters) }) : t('plans.routesTitle', { visits: fmtNumber(rows.length), routes: fmtNumber(routes.size) });
  return card(title, h('p', { class: 'muted small', style: 'margin-top:0' }, t('plans.routesLead'), narrowed ? [' ', t('planFilter.routesLead')] : null), table([
    [t('field.date'), (r) => fmtDate(r.date), (r) => r.date],
    [t('field.team'), (r) => officerBadges(r.officers)],
    // A stop keeps its number on the whole route, so a narrowed list does not renumber the day.
    [t('plans.routeVisits'), (r) => r.visits.map((v, i) => h('div', { style: 'margin-bottom:4px' }, h('span', { class: 'muted small' }, `${narrowed ? (v.routeOrder ?? i) + 1 : i + 1}. `), h('a', { href: `#/visits/${v.id}` }, enterpriseName(v.creditCode), ' ', h('span', { class: 'mono small' }, v.creditCode)), ' ', h('span', { class: 'muted small' }, (v.departments ?? []).map(departmentLabel).join(' · ')), h('div', {}, enterpriseAddress(v.creditCode))))],
    [t('plans.routeSketch'), (r) => routeSketchOf(r.visits.map((v) => v.creditCode)), false],
  ], [...routes.values()], { pageSize: 8, stacked: true, download: { name: planFileName(draw, 'routes', filters), ready: enterprisesNamed, ...stopsFile(rows) } }));
}

/** A plan's routes as a file: a line per stop, so a spreadsheet can sort and count them. */
function stopsFile(rows) {
  return {
    rows,
    columns: [
      [t('field.date'), null, (v) => v.date],
      [t('field.team'), null, (v) => (v.officerIds ?? []).join(' ')],
      [t('plans.stop'), null, (v) => (v.routeOrder ?? 0) + 1],
      [t('visit.enterprise'), null, enterpriseFields((v) => v.creditCode)],
      [t('field.department'), null, (v) => (v.departments ?? []).map(departmentLabel).join(' · ')],
    ],
  };
}
