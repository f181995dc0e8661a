// What the dispatcher's versioned settings forms share (a department plan, the dispatch policy): inputs as
// people think of the values, who changed them last, dispatch's refusals beside their fields, and a save
// over a newer version refused with who saved it since.
import { fmtDateTime, t } from '../i18n.js';
import { errorText, field, fieldProblem, h, mount } from '../ui.js';

/** A percent input for a share between 0 and 1; the page does not check it, dispatch does. */
export function percentInput(name, share) {
  return h('input', { type: 'number', name, step: 'any', inputmode: 'decimal', value: share === undefined ? '' : String(Math.round(share * 10_000) / 100) });
}

/** A whole-number input; dispatch checks its bounds. */
export function countInput(name, value) {
  return h('input', { type: 'number', name, step: '1', inputmode: 'numeric', value: value === undefined || value === null ? '' : String(value) });
}

/** A percent input's value as a share, null when left empty (dispatch refuses it, beside the field). */
export const shareOf = (input) => (input.value.trim() === '' ? null : Number(input.value) / 100);
/** A number input's value, null when left empty. */
export const numberOf = (input) => (input.value.trim() === '' ? null : Number(input.value));

/** A field with what it means said under it, in a group a refusal is placed after; `suffix` is its unit (%, days). */
export function explainedField(label, input, means, suffix) {
  return h('div', { class: 'field-group' }, field(label, h('span', { class: 'row' }, input, suffix)), h('p', { class: 'small muted' }, means));
}

/** "Last changed by … on …" of a setting read with its updatedBy and updatedAt. */
export function changedLine(id, setting) {
  if (!setting.updatedAt) return h('p', { class: 'small muted', id });
  return h('p', { class: 'small muted', id }, setting.updatedBy
    ? t('planEdit.changedBy', { who: setting.updatedBy, at: fmtDateTime(setting.updatedAt) })
    : t('planEdit.changedAt', { at: fmtDateTime(setting.updatedAt) }));
}

/**
 * Wires a save button: clears the last refusals, sends, and says why a save was refused: a 409 (someone
 * saved since this page read the setting) with who and when and the stored values a click away, a 400
 * beside the fields it names (`fieldOf`: [pattern of dispatch's message, field, text key, text values?]).
 */
export function onSave(button, { id, stale, message, fields, fieldOf, send, saved, reload }) {
  const problems = [];
  button.addEventListener('click', async () => {
    problems.splice(0).forEach((p) => p.remove());
    mount(message);
    button.disabled = true;
    try {
      saved(await send());
    } catch (error) {
      if (error.status === 409) return mount(message, staleNotice(error, reload, id, stale));
      const shown = error.status === 400 ? placeProblems(error, fields, fieldOf, problems) : 0;
      if (!shown) mount(message, h('div', { class: 'notice bad', role: 'alert' }, errorText(error)));
    } finally {
      button.disabled = false;
    }
  });
}

/** Another dispatcher saved after this page read the setting: say who and when, and offer the stored values. */
function staleNotice(error, reload, id, stale) {
  const who = error.body?.updatedBy;
  const at = error.body?.updatedAt ? fmtDateTime(error.body.updatedAt) : '—';
  const again = h('button', { class: 'btn secondary', type: 'button', id: `${id}-reload` }, t('planEdit.reload'));
  again.addEventListener('click', () => reload());
  return h('div', { class: 'notice bad', role: 'alert', id: `${id}-stale` }, h('p', {}, who ? t(stale.by, { who, at }) : t(stale.at, { at })), again);
}

/** Puts each refusal beside its field, in the page's language; answers how many it placed. */
function placeProblems(error, fields, fieldOf, problems) {
  const said = Array.isArray(error.body?.message) ? error.body.message : [error.body?.message ?? ''];
  const placed = new Set();
  for (const words of said) {
    const match = fieldOf.find(([pattern]) => pattern.test(String(words)));
    if (!match || placed.has(match[1])) continue;
    placed.add(match[1]);
    const problem = h('p', { class: 'notice bad small', role: 'alert', 'data-field': match[1] }, t(match[2], match[3]));
    fields[match[1]].closest('.field-group, fieldset, .field').after(problem);
    fieldProblem(fields[match[1]], problem, { focus: placed.size === 1 });
    problems.push(problem);
  }
  return placed.size;
}
