// The shell: who is signed in, role-aware navigation, the language toggle, and hash routing.
// Navigation only hides what a role cannot use; the server checks every call regardless.
import { api } from './api.js';
import { loadRegions } from './regions.js';
import { loadItemNames } from './items.js';
import { currentLang, setLang, t } from './i18n.js';
import { h, loading, mount, state, watchScrollers } from './ui.js';
import { renderLogin } from './pages/login.js';
import { renderMyRisk, renderMyRecords, renderMyVisits } from './pages/enterprise.js';
import { renderEnterpriseFile, renderEnterprises } from './pages/bureau-enterprises.js';
import { renderDraw, renderPlans } from './pages/bureau-plans.js';
import { renderCalendar, renderVisit } from './pages/bureau-calendar.js';
import { renderMyRoute } from './pages/my-route.js';
import { renderAudit } from './pages/oversight.js';
import { renderModels } from './pages/models.js';
import { renderApproval } from './pages/approval.js';
import { renderAudits } from './pages/audits.js';
import { renderAuditReport } from './pages/audit-report.js';
import { renderMyAppeal, renderMyAppeals } from './pages/my-appeals.js';
import { renderReviews } from './pages/reviews.js';
import { renderReviewAppeal } from './pages/review-appeal.js';
import { renderAccessLog, renderAccounts } from './pages/admin.js';
import { renderQuarantine } from './pages/quarantine.js';
import { renderQuarantineRecord } from './pages/quarantine-record.js';
import { renderHealth } from './pages/health.js';
import { renderDeadLetter } from './pages/dead-letter.js';
import { renderOfficers } from './pages/officers.js';
import { renderTracking } from './pages/follow-up-tracking.js';

const NAV = {
  enterprise: [['#/my', 'nav.enterprise'], ['#/my/records', 'nav.records'], ['#/my/appeals', 'nav.appeals'], ['#/my/visits', 'nav.visits']],
  department: [['#/enterprises', 'nav.enterprises'], ['#/plans', 'nav.plans'], ['#/calendar', 'nav.calendar'], ['#/tracking', 'nav.tracking']],
  dispatcher: [['#/enterprises', 'nav.enterprises'], ['#/plans', 'nav.plans'], ['#/calendar', 'nav.calendar'], ['#/tracking', 'nav.tracking'], ['#/officers', 'nav.officers']],
  oversight: [['#/reviews', 'nav.reviews'], ['#/audit', 'nav.audit'], ['#/models', 'nav.models'], ['#/audits', 'nav.audits'], ['#/plans', 'nav.plans'], ['#/access-log', 'nav.accessLog']],
  admin: [['#/accounts', 'nav.accounts'], ['#/health', 'nav.health'], ['#/quarantine', 'nav.quarantine'], ['#/access-log', 'nav.accessLog'], ['#/models', 'nav.models']],
};

const ENTERPRISE = ['enterprise'];
const BUREAU = ['department', 'dispatcher'];
const OVERSIGHT = ['oversight'];
const ADMIN = ['admin'];

/**
 * Each page with the roles whose calls it is made of (the server's route table decides each call; this
 * only spares another role a page of refusals): anyone else gets one notice instead of a half-drawn page.
 */
const ROUTES = [
  [/^#\/login$/, () => renderLogin, null],
  [/^#\/my$/, () => renderMyRisk, ENTERPRISE],
  [/^#\/my\/records$/, () => renderMyRecords, ENTERPRISE],
  [/^#\/my\/visits$/, () => renderMyVisits, ENTERPRISE],
  [/^#\/my\/appeals$/, () => renderMyAppeals, ENTERPRISE],
  [/^#\/my\/appeals\/([A-Za-z0-9-]{1,64})$/, (m) => (ctx) => renderMyAppeal(ctx, m[1]), ENTERPRISE],
  [/^#\/reviews$/, () => renderReviews, OVERSIGHT],
  [/^#\/reviews\/appeals\/([A-Za-z0-9-]{1,64})$/, (m) => (ctx) => renderReviewAppeal(ctx, m[1]), OVERSIGHT],
  [/^#\/enterprises$/, () => renderEnterprises, [...BUREAU, 'oversight']],
  [/^#\/enterprises\/([0-9A-Za-z]{18})$/, (m) => (ctx) => renderEnterpriseFile(ctx, m[1].toUpperCase()), BUREAU],
  [/^#\/plans$/, () => renderPlans, [...BUREAU, 'oversight']],
  [/^#\/plans\/([0-9a-f-]{36})(?:\?(.*))?$/, (m) => (ctx) => renderDraw(ctx, m[1], m[2] ?? ''), [...BUREAU, 'oversight']],
  [/^#\/calendar$/, () => renderCalendar, BUREAU],
  [/^#\/today$/, () => renderMyRoute, BUREAU],
  [/^#\/tracking$/, () => renderTracking, BUREAU],
  [/^#\/officers$/, () => renderOfficers, ['dispatcher', 'oversight']],
  [/^#\/visits\/([0-9a-f-]{36}|TP-\d{4}-\d{6,})$/i, (m) => (ctx) => renderVisit(ctx, m[1]), BUREAU],
  [/^#\/visits\/([0-9a-f-]{36}|TP-\d{4}-\d{6,})\/replace\/([A-Za-z0-9-]{3,40})$/i, (m) => (ctx) => renderVisit(ctx, m[1], m[2]), ['dispatcher']],
  [/^#\/audit$/, () => renderAudit, OVERSIGHT],
  [/^#\/models$/, () => renderModels, ['oversight', 'admin']],
  [/^#\/models\/versions\/([^/]{1,300})$/, (m) => (ctx) => renderApproval(ctx, 'model-version', decodeURIComponent(m[1])), OVERSIGHT],
  [/^#\/models\/colour-policies\/([^/]{1,300})$/, (m) => (ctx) => renderApproval(ctx, 'colour-policy', decodeURIComponent(m[1])), OVERSIGHT],
  [/^#\/audits$/, () => renderAudits, OVERSIGHT],
  [/^#\/audits\/reports\/([0-9a-f-]{36})$/, (m) => (ctx) => renderAuditReport(ctx, m[1]), OVERSIGHT],
  [/^#\/accounts$/, () => renderAccounts, ADMIN],
  [/^#\/access-log$/, () => renderAccessLog, ['oversight', 'admin']],
  [/^#\/quarantine$/, () => renderQuarantine, ADMIN],
  [/^#\/quarantine\/(\d{1,18})$/, (m) => (ctx) => renderQuarantineRecord(ctx, m[1]), ADMIN],
  [/^#\/health$/, () => renderHealth, ADMIN],
  [/^#\/health\/dead-letters\/(\d{1,15})$/, (m) => (ctx) => renderDeadLetter(ctx, m[1]), ADMIN],
];

let me = null;

/** The links a person sees; an officer bound to a certificate number starts at their own route. */
function navOf(who) {
  const links = NAV[who?.role] ?? [];
  return who?.role === 'department' && who.officerId ? [['#/today', 'nav.today'], ...links] : links;
}

function homeOf(who) {
  return navOf(who)[0]?.[0] ?? '#/login';
}

async function whoAmI() {
  try {
    me = await api('/api/auth/me');
  } catch {
    me = null;
  }
}

function renderHeader() {
  const hash = location.hash || '';
  const links = me ? navOf(me) : [];
  const isCurrent = (href) => hash === href || (href !== '#/my' && hash.startsWith(`${href}/`));
  mount(
    document.getElementById('topbar'),
    // The hash router owns the address, so the skip link moves focus itself instead of following #main.
    h('a', { class: 'skip-link', href: '#main', onclick: (event) => { event.preventDefault(); focusPage(); } }, t('nav.skip')),
    h('a', { class: 'brand', href: me ? homeOf(me) : '#/login' }, h('span', { class: 'brand-mark' }, '平'), h('span', {}, '天平', h('span', { class: 'brand-latin' }, ' Tianping')), h('span', { class: 'brand-sub' }, t('app.sub'))),
    h('nav', { class: 'nav', 'aria-label': t('nav.label') }, links.map(([href, key]) => h('a', { href, class: isCurrent(href) ? 'active' : '', 'aria-current': hash === href ? 'page' : isCurrent(href) ? 'true' : null }, t(key)))),
    h('div', { class: 'who' },
      me ? h('span', { class: 'username' }, me.username) : null,
      me ? h('span', { class: 'role', 'data-role': me.role }, t(`role.${me.role}`)) : null,
      h('a', { class: 'linkish docs-link', href: '/docs.html', style: 'color:inherit' }, t('nav.docs')),
      // The toggle names the other language in that language, so it is read in its own voice; it keeps
      // the focus through the redraw, as a keyboard user who pressed it expects.
      h('button', { class: 'linkish lang', id: 'lang-toggle', lang: currentLang() === 'zh' ? 'en' : 'zh-CN', onclick: async () => { setLang(currentLang() === 'zh' ? 'en' : 'zh'); await route(); document.getElementById('lang-toggle')?.focus(); } }, t('nav.lang')),
      me ? h('button', { class: 'linkish', id: 'sign-out', onclick: signOut }, t('nav.signOut')) : null),
  );
  // On a narrow screen the nav scrolls sideways: keep the current page's link in view.
  document.querySelector('#topbar .nav a.active')?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  mount(document.getElementById('footer'), t('app.footer'), ' · ', h('a', { href: '/register.html', id: 'register-link' }, t('nav.register')), ' · ', h('a', { href: '/docs.html' }, t('nav.docs')));
}

/**
 * After a route draws: the window's title names the page, and the focus moves to its heading (the
 * old focus went with the redrawn header or page), so keyboard and screen-reader users start there
 * and hear where they are. A page that placed the focus itself (the login's username) keeps it.
 */
function announcePage(main) {
  const heading = main.querySelector('h1');
  const name = main.querySelector('[data-page-title]')?.dataset.pageTitle ?? heading?.textContent.trim();
  document.title = name ? `${name} · 天平 Tianping` : '天平 Tianping';
  if (main.contains(document.activeElement) && document.activeElement !== main) return;
  focusPage();
}

function focusPage() {
  const main = document.getElementById('main');
  const target = main.querySelector('h1') ?? main;
  if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
  target.focus({ preventScroll: false });
}

async function signOut() {
  await api('/api/auth/logout', { method: 'POST' }).catch(() => undefined);
  me = null;
  location.hash = '#/login';
}

async function route() {
  const main = document.getElementById('main');
  const hash = location.hash || '';
  if (!me && hash !== '#/login') {
    location.hash = '#/login';
    return;
  }
  if (me && (hash === '' || hash === '#/' || hash === '#/login')) {
    location.hash = homeOf(me);
    return;
  }
  renderHeader();
  const found = ROUTES.map(([pattern, make, roles]) => [pattern.exec(hash), make, roles]).find(([m]) => m);
  if (!found) {
    mount(main, state('empty', t('state.notFound'), t('state.notFoundHelp'), h('a', { class: 'btn', href: homeOf(me) }, t('common.back')), 1));
    announcePage(main);
    return;
  }
  const [match, make, roles] = found;
  if (roles && !roles.includes(me?.role)) {
    mount(main, state('forbidden', t('state.forbidden'), t('state.forbiddenHelp'), h('a', { class: 'btn', href: homeOf(me) }, t('state.toHome')), 1));
    main.dataset.page = 'forbidden';
    announcePage(main);
    return;
  }
  const render = make(match);
  const ctx = {
    me,
    main,
    go: (next) => (location.hash = next),
    signedIn: async () => { await whoAmI(); location.hash = homeOf(me); },
  };
  // District and checklist item names are asked once (a page drawn without them shows codes); until
  // they are in, the page says it is loading rather than standing blank.
  mount(main, loading());
  if (me) await Promise.all([loadRegions(), loadItemNames()]);
  if ((location.hash || '') !== hash) return; // moved on meanwhile: the newer route draws
  main.replaceChildren();
  await render(ctx);
  main.dataset.page = hash.replace(/^#\//, '').split('/')[0] || 'home';
  if ((location.hash || '') === hash) announcePage(main);
}

window.addEventListener('hashchange', route);
window.addEventListener('tp:signed-out', () => { me = null; location.hash = '#/login'; });
watchScrollers(document.getElementById('main'));
await whoAmI();
await route();
