// The shell: who is signed in, role-aware navigation, the language toggle, and hash routing.
// Navigation only hides what a role cannot use; the server checks every call regardless.
import { api } from './api.js';
import { currentLang, setLang, t } from './i18n.js';
import { h, mount, state } from './ui.js';
import { renderLogin } from './pages/login.js';
import { renderMyRisk, renderMyRecords, renderMyVisits } from './pages/enterprise.js';
import { renderEnterpriseFile, renderEnterprises } from './pages/bureau-enterprises.js';
import { renderDraw, renderPlans } from './pages/bureau-plans.js';
import { renderCalendar, renderVisit } from './pages/bureau-calendar.js';
import { renderAudit, renderModels } from './pages/oversight.js';
import { renderAccessLog, renderAccounts } from './pages/admin.js';

const NAV = {
  enterprise: [['#/my', 'nav.enterprise'], ['#/my/records', 'nav.records'], ['#/my/visits', 'nav.visits']],
  department: [['#/enterprises', 'nav.enterprises'], ['#/plans', 'nav.plans'], ['#/calendar', 'nav.calendar']],
  dispatcher: [['#/enterprises', 'nav.enterprises'], ['#/plans', 'nav.plans'], ['#/calendar', 'nav.calendar']],
  oversight: [['#/audit', 'nav.audit'], ['#/models', 'nav.models'], ['#/plans', 'nav.plans'], ['#/access-log', 'nav.accessLog']],
  admin: [['#/accounts', 'nav.accounts'], ['#/access-log', 'nav.accessLog'], ['#/models', 'nav.models']],
};

const ROUTES = [
  [/^#\/login$/, () => renderLogin],
  [/^#\/my$/, () => renderMyRisk],
  [/^#\/my\/records$/, () => renderMyRecords],
  [/^#\/my\/visits$/, () => renderMyVisits],
  [/^#\/enterprises$/, () => renderEnterprises],
  [/^#\/enterprises\/([0-9A-Za-z]{18})$/, (m) => (ctx) => renderEnterpriseFile(ctx, m[1].toUpperCase())],
  [/^#\/plans$/, () => renderPlans],
  [/^#\/plans\/([0-9a-f-]{36})$/, (m) => (ctx) => renderDraw(ctx, m[1])],
  [/^#\/calendar$/, () => renderCalendar],
  [/^#\/visits\/([0-9a-f-]{36})$/, (m) => (ctx) => renderVisit(ctx, m[1])],
  [/^#\/audit$/, () => renderAudit],
  [/^#\/models$/, () => renderModels],
  [/^#\/accounts$/, () => renderAccounts],
  [/^#\/access-log$/, () => renderAccessLog],
];

let me = null;

export function homeOf(role) {
  return NAV[role]?.[0]?.[0] ?? '#/login';
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
  const links = me ? NAV[me.role] ?? [] : [];
  mount(
    document.getElementById('topbar'),
    h('a', { class: 'brand', href: me ? homeOf(me.role) : '#/login' }, h('span', { class: 'brand-mark' }, '平'), h('span', {}, '天平 Tianping'), h('span', { class: 'brand-sub' }, t('app.sub'))),
    h('nav', { class: 'nav', 'aria-label': 'main' }, links.map(([href, key]) => h('a', { href, class: hash === href || (href !== '#/my' && hash.startsWith(`${href}/`)) ? 'active' : '' }, t(key)))),
    h('div', { class: 'who' },
      me ? h('span', {}, me.username) : null,
      me ? h('span', { class: 'role', 'data-role': me.role }, t(`role.${me.role}`)) : null,
      h('a', { class: 'linkish', href: '/docs.html', style: 'color:inherit' }, t('nav.docs')),
      h('button', { class: 'linkish lang', id: 'lang-toggle', onclick: () => { setLang(currentLang() === 'zh' ? 'en' : 'zh'); route(); } }, t('nav.lang')),
      me ? h('button', { class: 'linkish', id: 'sign-out', onclick: signOut }, t('nav.signOut')) : null),
  );
  mount(document.getElementById('footer'), t('app.footer'));
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
    location.hash = homeOf(me.role);
    return;
  }
  renderHeader();
  const found = ROUTES.map(([pattern, make]) => [pattern.exec(hash), make]).find(([m]) => m);
  if (!found) {
    mount(main, state('empty', t('state.notFound'), t('state.notFoundHelp'), h('a', { class: 'btn', href: homeOf(me?.role) }, t('common.back'))));
    return;
  }
  const [match, make] = found;
  const render = make(match);
  const ctx = {
    me,
    main,
    go: (next) => (location.hash = next),
    signedIn: async () => { await whoAmI(); location.hash = homeOf(me?.role); },
  };
  main.replaceChildren();
  await render(ctx);
  main.dataset.page = hash.replace(/^#\//, '').split('/')[0] || 'home';
}

window.addEventListener('hashchange', route);
window.addEventListener('tp:signed-out', () => { me = null; location.hash = '#/login'; });
await whoAmI();
await route();
