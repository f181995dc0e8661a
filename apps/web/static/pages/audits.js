// Algorithm audits for oversight: pick a period, read fairness, accuracy and drift as charts, and
// keep the result as a stored, logged report that can be published.
import { api } from '../api.js';
import { fmtDate, fmtDateTime, fmtPeriod, t } from '../i18n.js';
import { badge, errorState, field, h, mount, pageHead, progressPanel, section, select, table } from '../ui.js';
import { accuracyFigures, driftFigures, fairnessFigures, headlineAuc } from './audit-figures.js';
import { addDays, isoDay } from '../days.js';

function quarterStart(day) {
  const month = Math.floor((Number(day.slice(5, 7)) - 1) / 3) * 3 + 1;
  return `${day.slice(0, 4)}-${String(month).padStart(2, '0')}-01`;
}

/** The periods offered at a click; "custom" keeps whatever dates were typed. */
export function presetPeriod(name, today = isoDay(0), plan = null) {
  const start = quarterStart(today);
  switch (name) {
    case 'quarter': return { from: start, to: today };
    // Never past today: the audits measure what was drawn and found, and a plan ahead has found nothing yet.
    case 'withPlan': return plan ? { from: plan.from < start ? plan.from : start, to: today } : null;
    case 'lastQuarter': { const end = addDays(start, -1); return { from: quarterStart(end), to: end }; }
    case 'year': return { from: addDays(today, -364), to: today };
    default: return null;
  }
}

/**
 * The published plans' windows. Audits measure draws and their results, and plans are drawn for dates ahead,
 * so this quarter so far can hold no draw at all.
 */
async function publishedPlanWindows() {
  const draws = await api('/api/draws', { query: { limit: 20 } }).catch(() => []);
  return (Array.isArray(draws) ? draws : []).filter((d) => d.status === 'published').map((d) => d.window);
}

export async function renderAudits(ctx) {
  const windows = await publishedPlanWindows();
  const quarter = presetPeriod('quarter');
  // The latest plan that has begun: one drawn ahead has nothing to measure yet.
  const plan = windows.filter((w) => w.from <= quarter.to).sort((a, b) => (a.to < b.to ? 1 : -1))[0] ?? null;
  // Open on a period the audits can measure: this quarter so far when any plan falls in it, else stretched back to the latest plan.
  const inQuarter = windows.some((w) => w.from <= quarter.to && w.to >= quarter.from);
  const start = plan && !inQuarter ? 'withPlan' : 'quarter';
  const period = presetPeriod(start, undefined, plan);
  const presets = ['quarter', ...(plan ? ['withPlan'] : []), 'lastQuarter', 'year', 'custom'];
  const preset = select('preset', presets.map((p) => [p, t(`audits.preset.${p}`)]), start);
  const from = h('input', { type: 'date', name: 'from', value: period.from, required: true });
  const to = h('input', { type: 'date', name: 'to', value: period.to, required: true });
  const flag = select('flag', [['red', t('audits.flagRed')], ['yellow', t('audits.flagYellow')]], 'red');
  const minGroupSize = h('input', { type: 'number', name: 'minGroupSize', min: 1, max: 100000, value: 30, style: 'width:110px' });
  const problem = h('div');
  const form = h('form', { class: 'filters', id: 'period-form', novalidate: true },
    field(t('audits.period'), preset), field(t('audits.from'), from), field(t('audits.to'), to),
    field(t('audits.flag'), flag), field(t('audits.minGroup'), minGroupSize),
    h('button', { class: 'btn', type: 'submit', id: 'period-submit' }, t('audits.compute')));
  preset.addEventListener('change', () => {
    const next = presetPeriod(preset.value, undefined, plan);
    if (next) { from.value = next.from; to.value = next.to; }
  });
  for (const input of [from, to]) input.addEventListener('input', () => (preset.value = 'custom'));

  const shown = h('p', { class: 'muted small', id: 'period-shown', style: 'margin:10px 0 0' });
  const why = start === 'withPlan' ? h('p', { class: 'small', id: 'period-why', style: 'margin:10px 0 0' }, t('audits.whyWithPlan', { from: fmtDate(plan.from), to: fmtDate(plan.to) })) : null;
  const fairness = h('div');
  const accuracy = h('div');
  const drift = h('div');
  const reports = h('div');
  const sectionCard = (id, title, lead, body) => h('section', { class: 'card', id }, h('div', { class: 'card-head' }, h('h2', {}, title)), h('p', { class: 'muted small', style: 'margin-top:0' }, lead), body);
  mount(ctx.main, pageHead(t('audits.title'), t('audits.lead'), h('a', { class: 'btn secondary', href: '/register.html', target: '_blank', rel: 'noopener' }, t('audits.publicPage'))),
    h('div', { class: 'stack' },
      h('section', { class: 'card' }, form, problem, shown, why),
      sectionCard('fairness', t('fair.title'), t('fair.lead'), fairness),
      sectionCard('accuracy', t('acc.title'), t('acc.lead'), accuracy),
      sectionCard('drift', t('drift.title'), t('drift.leadCard'), drift),
      reports));

  const loadFairness = loader(fairness, t('fair.running'), [t('fair.step1'), t('fair.step2'), t('fair.step3')],
    (q) => api('/api/audits/fairness', { query: { ...q.period, flag: q.flag, minGroupSize: q.minGroupSize } }), fairnessFigures);
  const loadAccuracy = loader(accuracy, t('acc.running'), [t('acc.step1'), t('acc.step2')], (q) => api('/api/audits/accuracy', { query: q.period }), accuracyFigures);
  const loadDrift = loader(drift, t('drift.running'), [t('drift.step1'), t('drift.step2')], (q) => api('/api/audits/drift', { query: q.period }), driftFigures);
  const current = () => ({ period: { from: from.value, to: to.value }, flag: flag.value, minGroupSize: Number(minGroupSize.value) || 30 });
  const run = () => {
    const q = current();
    if (!q.period.from || !q.period.to || q.period.from > q.period.to) {
      mount(problem, h('div', { class: 'notice bad', role: 'alert', style: 'margin-top:12px' }, t('audits.badPeriod')));
      return;
    }
    mount(problem);
    shown.textContent = t('audits.shown', { from: fmtDate(q.period.from), to: fmtDate(q.period.to), preset: preset.selectedOptions[0]?.textContent ?? '' });
    loadFairness(q);
    loadAccuracy(q);
    loadDrift(q);
  };
  form.addEventListener('submit', (event) => { event.preventDefault(); run(); });
  run();
  await reportsCard(ctx, reports, () => current().period);
}

/** Loads one audit into its card with a progress panel; a newer request wins over a slower older one. */
function loader(container, message, steps, call, render) {
  let generation = 0;
  const load = async (q) => {
    const mine = ++generation;
    const progress = progressPanel(steps, message);
    mount(container, progress.element);
    try {
      const data = await call(q);
      if (mine !== generation) return;
      progress.finish();
      mount(container, render(data));
    } catch (error) {
      if (mine !== generation) return;
      progress.finish();
      mount(container, errorState(error, () => load(q), 'oversight'));
    }
  };
  return load;
}

/** Stored reports, newest first, and the act that makes one now for the chosen period. */
async function reportsCard(ctx, container, period) {
  const list = h('div');
  const outcome = h('div');
  const runButton = h('button', { class: 'btn', type: 'button', id: 'run-report' }, t('reports.run'));
  const load = () => section(list, () => api('/api/audits/reports', { query: { limit: 50 } }), (rows) => table([
    [t('reports.period'), (r) => h('a', { href: `#/audits/reports/${r.id}`, 'data-report': r.id }, fmtPeriod(r.period.from, r.period.to))],
    [t('reports.trigger'), (r) => badge(t(`reports.trigger.${r.trigger}`), r.trigger === 'scheduled' ? 'blue' : '')],
    [t('reports.createdAt'), (r) => fmtDateTime(r.createdAt)],
    [t('reports.requestedBy'), (r) => r.requestedBy],
    // As the server read them: an AUC on too few inspections, a PSI against a baseline inside the period, is no figure.
    [t('report.randomAuc'), (r) => headlineAuc(r.headline)],
    [t('drift.scorePsi'), (r) => (r.headline?.driftComparable === false ? t('drift.notComparableValue') : r.headline?.scorePsi?.toFixed?.(3) ?? '—')],
    [t('reports.public'), (r) => (r.publication ? h('a', { href: `/register.html#/reports/${r.id}`, target: '_blank', rel: 'noopener' }, badge(t('reports.published'), 'ok')) : badge(t('reports.notPublished')))],
    ['', (r) => h('a', { class: 'btn secondary', href: `#/audits/reports/${r.id}` }, t('common.view'))],
  ], rows, { empty: t('reports.none'), pageSize: 8 }), 'oversight');
  runButton.addEventListener('click', async () => {
    const p = period();
    runButton.disabled = true;
    const progress = progressPanel([t('reports.step1'), t('reports.step2'), t('reports.step3'), t('reports.step4')], t('reports.running', { from: fmtDate(p.from), to: fmtDate(p.to) }));
    mount(outcome, progress.element);
    try {
      const report = await api('/api/audits/reports', { method: 'POST', body: p });
      progress.finish();
      mount(outcome, h('div', { class: 'notice ok', id: 'report-made', 'data-report': report.id },
        t('reports.made', { from: fmtDate(report.period.from), to: fmtDate(report.period.to), seq: report.auditSeq }), ' ',
        h('a', { href: `#/audits/reports/${report.id}`, id: 'open-new-report' }, t('reports.open'))));
      await load();
    } catch (error) {
      progress.finish();
      mount(outcome, errorState(error, null, 'oversight'));
    } finally {
      runButton.disabled = false;
    }
  });
  mount(container, h('section', { class: 'card', id: 'reports' },
    h('div', { class: 'card-head' }, h('h2', {}, t('reports.title')), runButton),
    h('p', { class: 'muted small', style: 'margin-top:0' }, t('reports.lead')),
    outcome, h('div', { style: 'margin-top:12px' }, list)));
  await load();
}
