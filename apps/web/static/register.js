// The public page (no sign-in): the algorithm's register entry (算法公示) and the audit reports
// published for outside scrutiny, each checkable against its fingerprint in this browser.
import { api } from './api.js';
import { currentLang, factorName, fmtDate, fmtDateTime, fmtNumber, fmtPeriod, setLang, t } from './i18n.js';
import { badge, card, downloadButton, errorState, h, loading, mount, pageHead, table, watchScrollers } from './ui.js';
import { headlineAuc, headlineTiles, reportFigures } from './pages/audit-figures.js';
import { viewOf } from './pages/audit-withheld.js';
import { inspectionsPage } from './pages/public-inspections.js';

const main = document.getElementById('main');
watchScrollers(main);

/** The standard's attributes, grouped the way a reader asks about them. */
const SECTIONS = [
  ['purpose', ['goal', 'decision_making_process', 'impact', 'proportionality', 'lawful_basis', 'domain', 'area']],
  ['data', ['source_data', 'training_data', 'data_bias', 'connected_data_sources']],
  ['model', ['description', 'methods_and_models', 'algorithm_type', 'type', 'performance']],
  ['oversight', ['risks', 'risk_category', 'monitoring', 'human_intervention', 'objection_procedure', 'rollback']],
  ['contact', ['organization', 'contact_email']],
];

/** Deployment settings (body, contact, area) come as { value } when the bureau set them, as a bare text when not. */
const DEPLOYMENT = ['organization', 'contact_email', 'area'];
const unset = (key, field) => DEPLOYMENT.includes(key) && field && field.value === undefined;

function text(field) {
  if (!field) return '—';
  return field[currentLang()] ?? field.zh ?? field.value ?? '—';
}

function header() {
  const en = currentLang() === 'en';
  mount(document.getElementById('topbar'),
    h('a', { class: 'brand', href: '/register.html#/' }, h('span', { class: 'brand-mark' }, '平'), h('span', {}, '天平 Tianping'), h('span', { class: 'brand-sub' }, t('register.sub'))),
    h('nav', { class: 'nav', 'aria-label': 'main' }, [['#/', t('register.nav'), !/^#\/(reports|inspections)/.test(location.hash)], ['#/inspections', t('disclose.nav'), inspectionsShown()]].map(([href, label, current]) =>
      h('a', { href, class: current ? 'active' : '', 'aria-current': current ? 'page' : null }, label))),
    h('div', { class: 'who' },
      h('button', { class: 'linkish lang', id: 'lang-toggle', onclick: () => { setLang(en ? 'zh' : 'en'); route(); } }, t('nav.lang')),
      h('a', { class: 'linkish', href: '/', style: 'color:inherit' }, t('register.staff'))));
  mount(document.getElementById('footer'), t('register.footer'), ' · ', h('a', { href: '/api/register' }, '/api/register (JSON)'));
}

const inspectionsShown = () => location.hash.startsWith('#/inspections');
/** Counts routings: a page that finishes loading after the reader went elsewhere shows nothing. */
let routed = 0;

async function route() {
  const turn = ++routed;
  const show = (...children) => {
    if (turn === routed) mount(main, ...children);
  };
  header();
  const inspections = inspectionsShown();
  document.title = `${t(inspections ? 'disclose.title' : 'register.sub')} · 天平 Tianping`;
  const report = /^#\/reports\/([0-9a-f-]{36})$/i.exec(location.hash);
  show(loading());
  try {
    if (report) await reportPage(show, report[1]);
    else if (inspections) await inspectionsPage(show);
    else await entryPage(show);
  } catch (error) {
    show(errorState(error, route, inspections ? 'dispatch' : 'oversight'));
  }
  if (turn === routed) main.dataset.page = report ? 'public-report' : inspections ? 'public-inspections' : 'register';
}

async function entryPage(show) {
  const [entry, reports] = await Promise.all([api('/api/register'), api('/api/public/audit-reports', { query: { limit: 50 } }).catch(() => null)]);
  const facts = (key) => entry[key]?.facts ?? null;
  const running = entry.status?.value === 'operational' && !facts('human_intervention')?.killSwitch?.suspended;
  show(
    h('section', { class: 'card register-hero', id: 'register-entry' },
      h('div', { class: 'row' }, badge(text(entry.status), running ? 'ok' : 'warn'), badge(text(entry.risk_category), 'bad'), badge(text(entry.algorithm_type), 'blue'), badge(text(entry.type), 'blue')),
      h('h1', { style: 'margin-top:12px' }, text(entry.name)),
      h('p', { class: 'lead' }, text(entry.description_short)),
      h('p', { class: 'muted small', style: 'margin-bottom:0' }, t('register.generated', { date: fmtDateTime(entry.generated_at), change: fmtDate(entry.last_change_date), version: entry.standard_version }))),
    keyFacts(entry, facts),
    h('div', { class: 'stack', style: 'margin-top:20px' },
      publishedCard(reports),
      SECTIONS.map(([name, keys]) => card(t(`register.section.${name}`), h('dl', { class: 'register-list' }, keys.filter((k) => entry[k] && !(k === 'area' && unset(k, entry[k]))).map((k) => [
        h('dt', {}, t(`register.attr.${k}`)),
        h('dd', { 'data-attr': k }, unset(k, entry[k]) ? h('div', { class: 'muted' }, t('register.notSet')) : h('div', {}, text(entry[k])), factsOf(k, entry[k].facts)),
      ]))))));
}

function keyFacts(entry, facts) {
  const model = facts('methods_and_models');
  const scoring = facts('source_data')?.scoring;
  const policy = facts('human_intervention')?.colourPolicy;
  const kill = facts('human_intervention')?.killSwitch;
  const draws = facts('rollback')?.draws;
  const bias = facts('data_bias');
  const latest = facts('monitoring')?.latestPublishedReport;
  const fact = (label, value, sub) => h('div', { class: 'tile' }, h('span', { class: 'value small-value' }, value), h('span', { class: 'label' }, label), sub ? h('span', { class: 'muted small' }, sub) : null);
  return h('div', { class: 'tiles tiles-3', id: 'register-facts', style: 'margin-top:20px' },
    fact(t('register.fact.model'), model ? (model.approved ? t('register.approved') : t('register.notApproved')) : t('register.noModel'), model ? model.modelVersion : ''),
    fact(t('register.fact.scored'), scoring ? fmtNumber(scoring.enterprises) : '—', scoring?.latestAsOf ? t('register.asOf', { date: fmtDate(scoring.latestAsOf) }) : ''),
    fact(t('register.fact.thresholds'), policy ? t('models.thresholdText', { yellow: `${policy.thresholds.yellow * 100}%`, red: `${policy.thresholds.red * 100}%` }) : '—', policy ? policy.version : ''),
    fact(t('register.fact.killSwitch'), kill?.suspended ? t('register.suspended') : t('register.notSuspended'), kill?.since ? t('register.since', { date: fmtDate(kill.since) }) : t('register.killMeans')),
    fact(t('register.fact.draws'), fmtNumber(draws?.lastYear), bias?.latestExplorationShare !== null && bias?.latestExplorationShare !== undefined ? t('register.exploration', { share: `${Math.round(bias.latestExplorationShare * 100)}%`, n: fmtNumber(bias.randomShareInspections) }) : ''),
    fact(t('register.fact.audit'), latest ? fmtPeriod(latest.period.from, latest.period.to) : t('register.noAudit'), latest ? h('a', { href: `#/reports/${latest.id}` }, t('register.read')) : t('register.quarterly')));
}

/** The live facts behind an attribute, in words where a reader needs them. */
function factsOf(key, facts) {
  if (!facts) return null;
  const line = (...parts) => h('div', { class: 'facts' }, parts);
  switch (key) {
    case 'source_data':
      return line(t('register.factors', { n: fmtNumber(facts.factors.length) }), ' ', facts.factors.map((f) => [h('span', { class: 'badge' }, factorName(f)), ' ']));
    case 'training_data':
      return line(t('register.training', { from: fmtDate(facts.trainingWindow?.from), to: fmtDate(facts.trainingWindow?.to), rows: fmtNumber(facts.trainRows), positives: fmtNumber(facts.trainPositives) }), h('div', { class: 'mono small' }, facts.dataFingerprint));
    case 'data_bias':
      return facts.latestExplorationShare === null ? null : line(t('register.exploration', { share: `${Math.round(facts.latestExplorationShare * 100)}%`, n: fmtNumber(facts.randomShareInspections) }));
    case 'methods_and_models':
      return line(h('span', { class: 'mono' }, facts.modelVersion), ' ', badge(facts.approved ? t('register.approved') : t('register.notApproved'), facts.approved ? 'ok' : 'warn'), facts.activatedAt ? ` ${t('register.activated', { date: fmtDate(facts.activatedAt) })}` : '');
    case 'performance':
      return facts.validation?.validationAuc === undefined ? null : line(t('register.validation', { auc: facts.validation.validationAuc.toFixed(3), rows: fmtNumber(facts.validation.validationRows) }));
    case 'objection_procedure': {
      const recorded = facts.appealsRecorded ?? {};
      return recorded.filed ? line(t('register.appealsRecorded', { filed: fmtNumber(recorded.filed), decided: fmtNumber(recorded.decided ?? 0), withdrawn: fmtNumber(recorded.withdrawn ?? 0) })) : null;
    }
    case 'monitoring':
      return facts.latestPublishedReport ? line(h('a', { href: `#/reports/${facts.latestPublishedReport.id}` }, t('register.latestPublished', facts.latestPublishedReport.period))) : null;
    default:
      return null;
  }
}

function publishedCard(reports) {
  if (reports === null) return null;
  return h('section', { class: 'card', id: 'published-reports' }, h('div', { class: 'card-head' }, h('h2', {}, t('register.reports'))),
    h('p', { class: 'muted small', style: 'margin-top:0' }, t('register.reportsLead')),
    table([
      [t('reports.period'), (r) => h('a', { href: `#/reports/${r.id}`, 'data-report': r.id }, fmtPeriod(r.period.from, r.period.to))],
      [t('reports.trigger'), (r) => t(`reports.trigger.${r.trigger}`)],
      [t('register.publishedAt'), (r) => fmtDate(r.publication.publishedAt)],
      [t('report.randomAuc'), (r) => headlineAuc(r.headline)],
      ['SHA-256', (r) => h('span', { class: 'mono' }, `${r.sha256.slice(0, 16)}…`)],
      ['', (r) => h('a', { class: 'btn secondary', href: `#/reports/${r.id}` }, t('register.read'))],
    ], reports, { empty: t('register.noReports'), pageSize: 10 }));
}

async function reportPage(show, id) {
  const r = await api(`/api/public/audit-reports/${encodeURIComponent(id)}`);
  const check = h('div', { id: 'fingerprint-check' }, h('span', { class: 'muted small' }, t('register.checking')));
  show(
    pageHead(t('report.title', { from: fmtDate(r.period.from), to: fmtDate(r.period.to) }), t('register.publishedOn', { date: fmtDateTime(r.publication.publishedAt) }),
      downloadButton(t('report.download'), async () => r.report, `audit-report-${r.period.from}-${r.period.to}.json`),
      h('a', { class: 'btn secondary', href: '#/' }, t('register.back'))),
    h('div', { class: 'stack', 'data-report': r.id },
      card(t('register.verify'),
        h('p', { class: 'small', style: 'margin-top:0' }, t('register.verifyLead', { seq: r.auditSeq, copySeq: r.publication.publicCopySeq, k: r.publication.minGroupSize })),
        h('dl', { class: 'kv' }, h('dt', {}, 'SHA-256'), h('dd', { class: 'mono' }, r.sha256), h('dt', {}, t('register.fullSha')), h('dd', { class: 'mono' }, r.reportSha256)),
        h('div', { style: 'margin-top:10px' }, check)),
      headlineTiles(r.headline, r.report.drift),
      reportFigures(r.report, viewOf(r.report))));
  mount(check, await fingerprintCheck(r));
}

/** Recomputes the report's SHA-256 here, from the same canonical JSON the record's hash covers. */
async function fingerprintCheck(r) {
  if (!globalThis.crypto?.subtle) return h('span', { class: 'muted small' }, t('register.cannotCheck'));
  const bytes = new TextEncoder().encode(canonicalJson(r.report));
  const digest = [...new Uint8Array(await crypto.subtle.digest('SHA-256', bytes))].map((b) => b.toString(16).padStart(2, '0')).join('');
  const same = digest === r.sha256;
  return h('div', { class: `notice ${same ? 'ok' : 'bad'}`, 'data-matches': String(same) }, t(same ? 'register.matches' : 'register.differs', { digest }));
}

/** Keys sorted, no whitespace, numbers and strings as JSON writes them (libs/audit-log canonicalJson). */
function canonicalJson(value) {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  return `{${Object.keys(value).sort().filter((k) => value[k] !== undefined).map((k) => `${JSON.stringify(k)}:${canonicalJson(value[k])}`).join(',')}}`;
}

window.addEventListener('hashchange', route);
await route();
