// The form both discards use, one record or a whole load: a reason (at least 3 characters), then the page's
// second step (confirmStep) saying what goes; `act(reason)` does it, and a failure is shown by `failed(error)`.
import { t } from '../i18n.js';
import { confirmStep, field, fieldProblem, h, mount } from '../ui.js';

export function discardForm({ ids, label, submitLabel, placeholder, confirm, act, failed, rows = 3, style }) {
  const reason = h('textarea', { name: 'reason', id: ids.reason, rows, maxlength: 2000, placeholder });
  const message = h('div');
  const confirmBox = h('div');
  const submit = h('button', { class: 'btn secondary', type: 'submit', id: ids.submit }, submitLabel);
  const form = h('form', { id: ids.form, novalidate: true, style }, field(label, reason), message, confirmBox, h('div', { style: 'margin-top:12px' }, submit));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const text = reason.value.trim();
    if (text.length < 3) {
      const notice = h('div', { class: 'notice bad', role: 'alert', style: 'margin-top:10px' }, t('quarantine.discardShort'));
      mount(message, notice);
      fieldProblem(reason, notice);
      return;
    }
    mount(message);
    if (!(await confirmStep(confirmBox, confirm(), submitLabel, { danger: true, replaces: submit }))) return;
    submit.disabled = true;
    try {
      await act(text);
    } catch (error) {
      submit.disabled = false;
      mount(message, failed(error));
    }
  });
  return { form, reason };
}
