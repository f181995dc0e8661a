// Withdrawing an appeal (撤回申辩): the enterprise takes back its appeal before it is decided, with an
// optional short reason and a confirm step. The withdrawal is logged in the record like every step.
import { api } from '../api.js';
import { t } from '../i18n.js';
import { card, confirmStep, errorText, field, h, mount } from '../ui.js';

const REASON_MAX = 500;

/** The form on the enterprise's open appeal; `onWithdrawn(appeal)` runs once the server has closed it. */
export function withdrawCard(appeal, { onWithdrawn, reload }) {
  const reason = h('textarea', { name: 'reason', id: 'withdraw-reason', rows: 2, maxlength: REASON_MAX, placeholder: t('withdraw.reasonPlaceholder'), 'aria-describedby': 'withdraw-reason-help' });
  const message = h('div');
  const confirmBox = h('div');
  const submit = h('button', { class: 'btn secondary', type: 'submit', id: 'withdraw-submit' }, t('withdraw.submit'));
  const form = h('form', { id: 'withdraw-form', novalidate: true },
    field(t('withdraw.reason'), reason),
    h('p', { class: 'muted small', id: 'withdraw-reason-help', style: 'margin:4px 0 0' }, t('withdraw.reasonHelp')),
    message, confirmBox, h('div', { style: 'margin-top:12px' }, submit));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    mount(message);
    if (!(await confirmStep(confirmBox, t('withdraw.confirm', { id: appeal.id }), t('withdraw.yes'), { danger: true, replaces: submit }))) return;
    submit.disabled = true;
    try {
      onWithdrawn(await api(`/api/appeals/${encodeURIComponent(appeal.id)}/withdrawal`, { method: 'POST', body: { reason: reason.value.trim() } }));
    } catch (error) {
      submit.disabled = false;
      mount(message, refusal(error, reload));
    }
  });
  return card(t('withdraw.title'), h('p', { class: 'small', style: 'margin-top:0' }, t('withdraw.lead')), form);
}

/** Decided (or withdrawn) meanwhile: say so, with the server's words, and offer to reload. */
function refusal(error, reload) {
  if (error.status !== 409) return h('div', { class: 'notice bad', role: 'alert', style: 'margin-top:10px' }, errorText(error));
  return h('div', { class: 'notice bad', role: 'alert', id: 'withdraw-refused', style: 'margin-top:10px' },
    h('strong', {}, t('withdraw.conflict')), ' ', h('button', { class: 'linkish', type: 'button', onclick: reload }, t('common.retry')),
    error.message ? h('div', { class: 'small muted', style: 'margin-top:4px' }, t('state.serverSaid', { message: error.message })) : null);
}
