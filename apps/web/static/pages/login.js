import { api } from '../api.js';
import { t } from '../i18n.js';
import { errorText, field, fieldProblem, h, mount } from '../ui.js';

export function renderLogin(ctx) {
  const message = h('div', { role: 'alert' });
  const username = h('input', { name: 'username', autocomplete: 'username', required: true, autofocus: true });
  const password = h('input', { name: 'password', type: 'password', autocomplete: 'current-password', required: true });
  const submit = h('button', { class: 'btn', type: 'submit', style: 'justify-content:center' }, t('login.submit'));
  const form = h('form', { class: 'login-form', id: 'login-form', novalidate: true, 'data-page-title': t('login.title') },
    h('h2', { style: 'font-size:22px' }, t('login.title')),
    field(t('login.username'), username),
    field(t('login.password'), password),
    message,
    submit,
    h('p', { class: 'muted small', style: 'margin:0' }, t('login.hint')));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (!username.value.trim() || !password.value) {
      const notice = h('div', { class: 'notice bad' }, t('login.missing'));
      mount(message, notice);
      fieldProblem(username.value.trim() ? password : username, notice);
      return;
    }
    submit.disabled = true;
    mount(message);
    try {
      await api('/api/auth/login', { method: 'POST', body: { username: username.value, password: password.value } });
      await ctx.signedIn();
    } catch (error) {
      const minutes = Math.ceil((error.body?.retryAfterSeconds ?? 900) / 60);
      mount(message, h('div', { class: 'notice bad' }, error.status === 429 ? t('login.locked', { minutes }) : error.status === 401 || error.status === 400 ? t('login.wrong') : errorText(error)));
      submit.disabled = false;
    }
  });
  mount(ctx.main, h('div', { class: 'login-wrap' },
    h('div', { class: 'login-side' },
      h('div', { class: 'brand', style: 'margin-bottom:28px' }, h('span', { class: 'brand-mark' }, '平'), '天平 Tianping'),
      h('h1', {}, t('app.sub')),
      h('p', {}, t('login.lead')),
      h('ul', {}, h('li', {}, t('login.point1')), h('li', {}, t('login.point2')), h('li', {}, t('login.point3')))),
    form));
  // Signing in is all this page is for: the focus starts in the username (a mounted form's autofocus may not fire).
  username.focus();
}
