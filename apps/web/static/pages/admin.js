// Administrators: accounts. Oversight and administrators: who viewed personal data.
import { api } from '../api.js';
import { fmtDateTime, t } from '../i18n.js';
import { badge, card, confirmStep, errorState, field, h, mount, pageHead, section, select, table } from '../ui.js';
import { DEPARTMENTS, departmentLabel } from './bureau-calendar.js';

const ROLES = ['enterprise', 'department', 'dispatcher', 'oversight', 'admin'];

export async function renderAccounts(ctx) {
  const list = h('div');
  const confirmBox = h('div');
  mount(ctx.main, pageHead(t('accounts.title'), t('accounts.lead')), h('div', { class: 'stack' }, createForm(() => load()), confirmBox, list));
  const load = () => section(list, () => api('/api/accounts', { query: { limit: 200 } }), (rows) => card(t('accounts.title'), table([
    [t('login.username'), (a) => h('strong', {}, a.username)],
    [t('accounts.role'), (a) => badge(t(`role.${a.role}`), 'blue')],
    [t('accounts.binding'), bindingOf],
    [t('field.status'), (a) => (a.disabled ? badge(t('accounts.disabled'), 'bad') : badge(t('accounts.active'), 'ok'))],
    ['', (a) => accountActions(a, ctx, confirmBox, load)],
  ], rows, { pageSize: 15 })), 'web');
  await load();
}

/** What an account is bound to: its enterprise, or its department and the officer's certificate number. */
function bindingOf(account) {
  if (account.creditCode) return h('span', { class: 'mono' }, account.creditCode);
  if (!account.department) return '—';
  return h('span', {}, departmentLabel(account.department), account.officerId ? h('span', { class: 'muted small' }, ` · ${t('accounts.cert')} `, h('span', { class: 'mono' }, account.officerId)) : null);
}

/** Enable a disabled account, or disable another's; set anyone's password (a forgotten or leaked one). */
function accountActions(account, ctx, confirmBox, reload) {
  const toggle = account.disabled ? enableButton(account, confirmBox, reload) : account.username === ctx.me.username ? null : disableButton(account, confirmBox, reload);
  return h('div', { class: 'row', style: 'gap:6px;flex-wrap:nowrap;align-items:flex-start' }, toggle, passwordFold(account, confirmBox));
}

/**
 * A new password the administrator hands to the person, folded away until asked for; setting it signs the account
 * out everywhere, so it is confirmed first.
 */
function passwordFold(account, confirmBox) {
  const input = h('input', { type: 'password', name: 'new-password', autocomplete: 'new-password', minlength: 10, maxlength: 200, size: 14, 'aria-label': t('accounts.newPassword', { username: account.username }) });
  const said = h('div', { 'aria-live': 'polite' });
  const submit = h('button', { class: 'btn', type: 'submit' }, t('accounts.setPassword'));
  const form = h('form', { class: 'stack', style: 'gap:6px;margin-top:6px', novalidate: true, 'data-password-form': account.username }, input, submit, said);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const problem = input.value.length < 10 || input.value.length > 200 ? t('accounts.passwordLength') : !/[A-Za-z]/.test(input.value) || !/\d/.test(input.value) ? t('accounts.passwordMix') : null;
    if (problem) return mount(said, h('div', { class: 'notice bad', role: 'alert' }, problem));
    mount(said);
    submit.disabled = true;
    const sure = await confirmStep(confirmBox, t('accounts.confirmPassword', { username: account.username }), t('accounts.setPassword'), { danger: true });
    submit.disabled = false;
    if (!sure) return undefined;
    try {
      await api(`/api/accounts/${encodeURIComponent(account.username)}/password`, { method: 'POST', body: { password: input.value } });
      form.reset();
      mount(said);
      mount(confirmBox, h('div', { class: 'notice ok', role: 'status', 'data-password-set': account.username }, t('accounts.passwordSet', { username: account.username })));
    } catch (error) {
      mount(said, error.status === 404 ? h('div', { class: 'notice bad', role: 'alert' }, t('accounts.notFound')) : errorState(error));
    }
    return undefined;
  });
  return h('details', { 'data-password': account.username }, h('summary', {}, t('accounts.setPassword')), form);
}

/** Enabling takes effect at once; disabling ends the account's sessions, so it is confirmed first. */
function enableButton(account, confirmBox, reload) {
  return accountAct(account, confirmBox, reload, { act: 'enable', label: t('accounts.enable'), done: 'accounts.enabledDone' });
}

function disableButton(account, confirmBox, reload) {
  const confirm = t('accounts.confirmDisable', { username: account.username, role: t(`role.${account.role}`) });
  return accountAct(account, confirmBox, reload, { act: 'disable', label: t('accounts.disable'), done: 'accounts.disabledDone', confirm });
}

/** A button that posts `act` for the account, after `confirm` when given, and says the outcome in `confirmBox`. */
function accountAct(account, confirmBox, reload, { act, label, done, confirm }) {
  const button = h('button', { class: 'btn secondary', type: 'button', [`data-${act}`]: account.username }, label);
  button.addEventListener('click', async () => {
    button.disabled = true;
    if (confirm) {
      confirmBox.scrollIntoView({ block: 'nearest' });
      if (!(await confirmStep(confirmBox, confirm, label, { danger: true }))) {
        button.disabled = false;
        return;
      }
    }
    try {
      await api(`/api/accounts/${encodeURIComponent(account.username)}/${act}`, { method: 'POST' });
      mount(confirmBox, h('div', { class: 'notice ok', role: 'status' }, t(done, { username: account.username })));
      reload();
    } catch (error) {
      mount(confirmBox, error.status === 404 ? h('div', { class: 'notice bad', role: 'alert' }, t('accounts.notFound')) : errorState(error));
      button.disabled = false;
    }
  });
  return button;
}

const CREDIT_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const CREDIT_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** GB 32100-2015: 18 characters of the code alphabet, the last a check character over the first 17. */
export function isValidCreditCode(code) {
  if (!/^[0-9A-HJ-NPQRTUWXY]{18}$/.test(code)) return false;
  const sum = [...code.slice(0, 17)].reduce((total, c, i) => total + CREDIT_ALPHABET.indexOf(c) * CREDIT_WEIGHTS[i], 0);
  return CREDIT_ALPHABET[(31 - (sum % 31)) % 31] === code[17];
}

/** The server's rules, checked here first so the answer comes in the page's language. */
function accountProblems({ username, password, role, creditCode, department, officerId }) {
  const problems = [];
  if (!/^[a-z0-9][a-z0-9._-]{2,63}$/.test(username)) problems.push(t('accounts.badUsername'));
  if (password.length < 10 || password.length > 200) problems.push(t('accounts.passwordLength'));
  else if (!/[A-Za-z]/.test(password) || !/\d/.test(password)) problems.push(t('accounts.passwordMix'));
  if (role === 'enterprise' && !isValidCreditCode(creditCode)) problems.push(creditCode ? t('accounts.badCreditCode') : t('accounts.needCreditCode'));
  if (role === 'department' && !DEPARTMENTS.includes(department)) problems.push(t('accounts.needDepartment'));
  if (role === 'department' && officerId.length > 64) problems.push(t('accounts.badCert'));
  return problems;
}

function createForm(reload) {
  const username = h('input', { name: 'username', required: true, pattern: '[a-z0-9][a-z0-9._\\-]{2,63}', size: 16, autocomplete: 'off' });
  const password = h('input', { name: 'password', type: 'password', required: true, minlength: 10, maxlength: 200, autocomplete: 'new-password', size: 16 });
  const role = select('role', ROLES.map((r) => [r, t(`role.${r}`)]), 'department');
  const department = select('department', [['', t('accounts.chooseDepartment')], ...DEPARTMENTS.map((d) => [d, departmentLabel(d)])], '');
  const creditCode = h('input', { name: 'creditCode', size: 22, maxlength: 18, placeholder: '91440604…', autocomplete: 'off', style: 'text-transform:uppercase' });
  const officerId = h('input', { name: 'officerId', size: 14, maxlength: 64, placeholder: t('accounts.certOptional'), autocomplete: 'off', inputmode: 'numeric' });
  const departmentField = field(t('field.department'), department);
  const officerField = field(t('accounts.cert'), officerId);
  const creditField = field(t('field.creditCode'), creditCode);
  const showBinding = () => {
    departmentField.hidden = role.value !== 'department';
    officerField.hidden = role.value !== 'department';
    creditField.hidden = role.value !== 'enterprise';
  };
  role.addEventListener('change', showBinding);
  showBinding();
  const message = h('div', { style: 'margin-top:12px' });
  const form = h('form', { class: 'filters', id: 'account-form', novalidate: true },
    field(t('login.username'), username), field(t('login.password'), password), field(t('accounts.role'), role), departmentField, officerField, creditField,
    h('button', { class: 'btn', type: 'submit' }, t('accounts.create')));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const values = { username: username.value.trim(), password: password.value, role: role.value, creditCode: creditCode.value.replace(/\s+/g, '').toUpperCase(), department: department.value, officerId: officerId.value.normalize('NFKC').replace(/\s+/g, '') };
    const problems = accountProblems(values);
    if (problems.length) {
      mount(message, h('div', { class: 'notice bad', role: 'alert', 'data-invalid': '' }, h('ul', { class: 'list-plain' }, problems.map((p) => h('li', {}, p)))));
      return;
    }
    const body = { username: values.username, password: values.password, role: values.role };
    if (values.role === 'enterprise') body.creditCode = values.creditCode;
    if (values.role === 'department') body.department = values.department;
    if (values.role === 'department' && values.officerId) body.officerId = values.officerId;
    try {
      await api('/api/accounts', { method: 'POST', body });
      mount(message, h('div', { class: 'notice ok', role: 'status' }, t('accounts.created')));
      form.reset();
      showBinding();
      reload();
    } catch (error) {
      const text = error.status === 409 ? t('accounts.taken', { username: values.username }) : error.message;
      mount(message, error.status === 400 || error.status === 409 ? h('div', { class: 'notice bad', role: 'alert' }, text) : errorState(error));
    }
  });
  return card(t('accounts.create'), h('p', { class: 'muted small', style: 'margin-top:0' }, t('accounts.rules')), form, message);
}

export async function renderAccessLog(ctx) {
  const oversight = ctx.me.role === 'oversight';
  const shown = select('shown', [['full', t('access.onlyFull')], ['masked', t('access.onlyMasked')], ['', t('common.all')]], oversight ? 'full' : '');
  const form = h('form', { class: 'filters', id: 'access-filter' }, field(t('access.shown'), shown), h('button', { class: 'btn secondary', type: 'submit' }, t('common.search')));
  const list = h('div');
  mount(ctx.main, pageHead(t('access.title'), t('access.lead')), h('div', { class: 'stack' }, card(null, form, h('p', { class: 'muted small', style: 'margin-bottom:0' }, t(oversight ? 'access.purposeLead' : 'access.purposeOversight'))), list));
  const purposes = new Map();
  const load = () => section(list, () => api('/api/access-log', { query: { limit: 500, shown: shown.value } }), (rows) => card(t('access.entries'), table([
    [t('field.recordedAt'), (r) => fmtDateTime(r.at)],
    [t('login.username'), (r) => r.username],
    [t('accounts.role'), (r) => t(`role.${r.role}`)],
    [t('field.creditCode'), (r) => h('span', { class: 'mono' }, r.creditCode)],
    [t('access.shown'), (r) => badge(r.shown === 'full' ? t('access.full') : t('access.masked'), r.shown === 'full' ? 'bad' : '')],
    [t('access.purpose'), (r) => (r.shown !== 'full' ? h('span', { class: 'muted small' }, t('access.noPurposeNeeded')) : oversight ? purposeCell(r, purposes) : h('span', { class: 'muted small' }, t('access.purposeInRecord')))],
    [t('access.route'), (r) => h('span', { class: 'mono small' }, r.route)],
  ], rows, { pageSize: 20, empty: t(shown.value === 'full' ? 'access.noneFull' : 'access.none') })), 'web');
  form.addEventListener('submit', (event) => { event.preventDefault(); load(); });
  shown.addEventListener('change', () => load());
  await load();
}

/**
 * The purpose typed for a full view lives in oversight's tamper-evident record (a personal-data-read
 * entry, logged before the data was served): the entry by the same person for the same enterprise
 * closest before the view.
 */
function purposeCell(row, cache) {
  const cell = h('span', { class: 'small' }, '…');
  if (!cache.has(row.creditCode)) {
    cache.set(row.creditCode, api('/api/audit/entries', { query: { kind: 'personal-data-read', subjectRef: row.creditCode, limit: 200 } }).catch(() => null));
  }
  cache.get(row.creditCode).then((entries) => {
    const at = Date.parse(row.at);
    const match = (entries ?? [])
      .map((e) => ({ seq: e.seq, data: e.body?.data ?? {} }))
      .filter((e) => e.data.actor === row.username && Date.parse(e.data.at) <= at + 1000)
      .sort((a, b) => Date.parse(b.data.at) - Date.parse(a.data.at))[0];
    mount(cell, match ? [h('span', {}, match.data.reason), ' ', h('span', { class: 'muted small' }, t('access.entry', { seq: match.seq }))] : h('span', { class: 'muted' }, t('access.purposeNotFound')));
  });
  return cell;
}
