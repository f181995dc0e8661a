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
      mount(message, h('div', { class: 'notice bad' }, failureText(error)));
      // A slowed sign-in may go again in a few seconds: the button waits with it, so a retry is not refused again.
      const wait = error.status === 429 && error.body?.reason === 'slowed' ? error.body.retryAfterSeconds : 0;
      setTimeout(() => { submit.disabled = false; }, wait * 1000);
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

function failureText(error) {
  if (error.status === 401 || error.status === 400) return t('login.wrong');
  if (error.status !== 429) return errorText(error);
  const seconds = error.body?.retryAfterSeconds ?? 900;
  if (error.body?.reason === 'slowed') return t('login.slowed', { seconds });
  return t('login.locked', { minutes: Math.ceil(seconds / 60) });
}
