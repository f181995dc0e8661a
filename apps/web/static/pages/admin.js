// Administrators: accounts. Oversight and administrators: who viewed personal data.
import { api } from '../api.js';
import { fmtDateTime, t } from '../i18n.js';
import { badge, card, errorState, field, h, mount, pageHead, section, select, table } from '../ui.js';

export async function renderAccounts(ctx) {
  const list = h('div');
  mount(ctx.main, pageHead(t('accounts.title'), t('accounts.lead')), h('div', { class: 'stack' }, createForm(() => load()), list));
  const load = () => section(list, () => api('/api/accounts', { query: { limit: 200 } }), (rows) => card(t('accounts.title'), table([
    [t('login.username'), (a) => h('strong', {}, a.username)],
    [t('accounts.role'), (a) => badge(t(`role.${a.role}`), 'blue')],
    [t('accounts.binding'), (a) => h('span', { class: 'mono' }, a.creditCode ?? a.department ?? '—')],
    [t('field.status'), (a) => (a.disabled ? badge(t('accounts.disabled'), 'bad') : badge(t('accounts.active'), 'ok'))],
    ['', (a) => (a.disabled || a.username === ctx.me.username ? '' : h('button', { class: 'btn secondary', onclick: async () => { await api(`/api/accounts/${a.username}/disable`, { method: 'POST' }); load(); } }, t('accounts.disable')))],
  ], rows, { pageSize: 15 })));
  await load();
}

function createForm(reload) {
  const username = h('input', { name: 'username', required: true, pattern: '[a-z0-9][a-z0-9._\\-]{2,63}', size: 16 });
  const password = h('input', { name: 'password', type: 'password', required: true, minlength: 10, autocomplete: 'new-password', size: 16 });
  const role = select('role', ['enterprise', 'department', 'dispatcher', 'oversight', 'admin'].map((r) => [r, t(`role.${r}`)]), 'department');
  const binding = h('input', { name: 'binding', placeholder: 'SAMR / 9144…', size: 20 });
  const message = h('div', { style: 'margin-top:12px' });
  const form = h('form', { class: 'filters' }, field(t('login.username'), username), field(t('login.password'), password), field(t('accounts.role'), role), field(t('accounts.binding'), binding), h('button', { class: 'btn', type: 'submit' }, t('accounts.create')));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const body = { username: username.value.trim(), password: password.value, role: role.value };
    if (role.value === 'enterprise') body.creditCode = binding.value.trim();
    if (role.value === 'department') body.department = binding.value.trim().toUpperCase();
    try {
      await api('/api/accounts', { method: 'POST', body });
      mount(message, h('div', { class: 'notice ok' }, t('accounts.created')));
      form.reset();
      reload();
    } catch (error) {
      mount(message, error.status === 400 || error.status === 409 ? h('div', { class: 'notice bad' }, error.message) : errorState(error));
    }
  });
  return card(t('accounts.create'), form, message);
}

export async function renderAccessLog(ctx) {
  const list = h('div');
  mount(ctx.main, pageHead(t('access.title'), t('access.lead')), list);
  await section(list, () => api('/api/access-log', { query: { limit: 500 } }), (rows) => card(null, table([
    [t('field.recordedAt'), (r) => fmtDateTime(r.at)],
    [t('login.username'), (r) => r.username],
    [t('accounts.role'), (r) => t(`role.${r.role}`)],
    [t('field.creditCode'), (r) => h('span', { class: 'mono' }, r.creditCode)],
    [t('access.shown'), (r) => badge(r.shown === 'full' ? t('access.full') : t('access.masked'), r.shown === 'full' ? 'bad' : '')],
    ['Route', (r) => h('span', { class: 'mono' }, r.route)],
  ], rows, { pageSize: 20, empty: t('access.none') })));
}
