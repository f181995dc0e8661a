// The dispatcher changes a department's plan (yearly shares by colour, checklist, advance notice) and the
// working-day calendar. Dispatch validates; its refusals are shown beside the field they name.
import { api } from '../api.js';
import { fmtDateTime, t } from '../i18n.js';
import { loadItemNames } from '../items.js';
import { card, errorText, field, fieldProblem, h, mount, section } from '../ui.js';
import { checklistItem, departmentLabel } from './bureau-calendar.js';
import { workCalendar } from './work-calendar.js';

const COLOURS = ['red', 'yellow', 'green'];

/** The plan editor and the calendar, for the dispatcher only; anyone else gets nothing. `changed` redraws the plans shown. */
export function planSettings(ctx, changed = () => {}) {
  if (ctx.me.role !== 'dispatcher') return null;
  const editor = h('div', { id: 'plan-settings' });
  section(editor, async () => {
    const [plans, items] = await Promise.all([api('/api/plans'), api('/api/checklist-items'), loadItemNames()]);
    return { plans, items };
  }, ({ plans, items }) => planEditor(plans, items, changed), 'dispatch');
  return h('div', { class: 'stack' }, editor, workCalendar());
}

function planEditor(plans, items, changed) {
  const body = h('div');
  const picker = h('select', { name: 'department', id: 'plan-edit-department' }, plans.map((p) => h('option', { value: p.department }, departmentLabel(p.department))));
  const show = () => mount(body, planForm(plans.find((p) => p.department === picker.value), items, (saved) => {
    plans.splice(plans.findIndex((p) => p.department === saved.department), 1, saved);
    show();
    mount(status, h('div', { class: 'notice ok', role: 'status', id: 'plan-edit-saved' }, t('planEdit.saved', { department: departmentLabel(saved.department) })));
    changed();
  }, async () => {
    // Someone saved since this page read the plans: show what is stored now, this page's edits dropped.
    plans.splice(0, plans.length, ...(await api('/api/plans')));
    show();
  }));
  const status = h('div', { 'aria-live': 'polite' });
  picker.addEventListener('change', () => mount(status));
  picker.addEventListener('change', show);
  if (plans.length) show();
  return card(t('planEdit.title'), h('p', { class: 'small muted' }, t('planEdit.lead')), field(t('field.department'), picker), body, status);
}

/** A percent input for a share between 0 and 1; the page does not check it, dispatch does. */
function percentInput(name, share) {
  return h('input', { type: 'number', name, step: 'any', inputmode: 'decimal', value: share === undefined ? '' : String(Math.round(share * 10_000) / 100) });
}

function planForm(plan, items, saved, reload) {
  const ratios = Object.fromEntries(COLOURS.map((c) => [c, percentInput(`ratio-${c}`, plan.annualRatios?.[c])]));
  const own = items.filter((i) => i.item.startsWith(`${plan.department}-`)).map((i) => i.item);
  const choices = [...new Set([...own, ...plan.checklist])].sort();
  const boxes = choices.map((item) => h('input', { type: 'checkbox', name: 'checklist', value: item, checked: plan.checklist.includes(item) }));
  const checklist = h('fieldset', { class: 'field', id: 'plan-edit-checklist' }, h('legend', {}, t('field.checklist')),
    boxes.map((box) => h('label', { class: 'small', style: 'display:block' }, box, ' ', checklistItem(box.value))));
  const notice = h('input', { type: 'checkbox', name: 'advanceNotice', checked: plan.advanceNotice });
  const message = h('div', { 'aria-live': 'polite' });
  const problems = [];
  const save = h('button', { class: 'btn', type: 'button', id: 'plan-edit-save' }, t('common.save'));
  save.addEventListener('click', async () => {
    problems.splice(0).forEach((p) => p.remove());
    mount(message);
    save.disabled = true;
    try {
      const body = planBody(plan, {
        annualRatios: Object.fromEntries(COLOURS.map((c) => [c, ratios[c].value.trim() === '' ? null : Number(ratios[c].value) / 100])),
        checklist: boxes.filter((b) => b.checked).map((b) => b.value),
        advanceNotice: notice.checked,
      });
      const after = await api(`/api/plans/${encodeURIComponent(plan.department)}`, { method: 'PUT', body });
      saved(after);
    } catch (error) {
      if (error.status === 409) return mount(message, staleNotice(error, reload));
      const shown = error.status === 400 ? placeProblems(error, { ...ratios, checklist, advanceNotice: notice }, problems) : 0;
      if (!shown) mount(message, h('div', { class: 'notice bad', role: 'alert' }, errorText(error)));
    } finally {
      save.disabled = false;
    }
  });
  return h('div', { class: 'stack', 'data-department': plan.department },
    h('div', {}, COLOURS.map((c) => h('div', { class: 'field-group' },
      field(t(`planEdit.ratio.${c}`), h('span', { class: 'row' }, ratios[c], '%')),
      h('p', { class: 'small muted' }, t('planEdit.ratioMeans', { colour: t(`colour.${c}Short`).toLowerCase() }))))),
    checklist,
    h('label', { class: 'row', style: 'justify-content:flex-start' }, notice, t('planEdit.advanceNotice')),
    h('p', { class: 'small muted', id: 'plan-edit-changed' }, plan.updatedBy
      ? t('planEdit.changedBy', { who: plan.updatedBy, at: fmtDateTime(plan.updatedAt) })
      : t('planEdit.changedAt', { at: fmtDateTime(plan.updatedAt) })),
    h('p', { class: 'small' }, t('planEdit.nextDraw')),
    h('div', { class: 'row' }, save), message);
}

/** Another dispatcher saved the plan after this page read it: say who and when, and offer the stored values. */
function staleNotice(error, reload) {
  const who = error.body?.updatedBy;
  const at = error.body?.updatedAt ? fmtDateTime(error.body.updatedAt) : '—';
  const again = h('button', { class: 'btn secondary', type: 'button', id: 'plan-edit-reload' }, t('planEdit.reload'));
  again.addEventListener('click', () => reload());
  return h('div', { class: 'notice bad', role: 'alert', id: 'plan-edit-stale' },
    h('p', {}, who ? t('planEdit.staleBy', { who, at }) : t('planEdit.staleAt', { at })), again);
}

/** The whole plan as dispatch takes it (PUT replaces it), with what the form changed and the version it was read at. */
function planBody(plan, changed) {
  return {
    version: plan.version,
    annualRatios: changed.annualRatios,
    uniformAnnualRatio: plan.uniformAnnualRatio,
    annualCapPerEnterprise: plan.annualCapPerEnterprise,
    checklist: changed.checklist,
    exemptions: plan.exemptions ?? [],
    supervisedSections: plan.supervisedSections ?? null,
    coordinated: plan.coordinated,
    advanceNotice: changed.advanceNotice,
  };
}

/** Which form field a dispatch refusal is about, read from the property path it starts with. */
const FIELD_OF = [
  [/^annualRatios\.red\b/, 'red', 'planEdit.badRatio'],
  [/^annualRatios\.yellow\b/, 'yellow', 'planEdit.badRatio'],
  [/^annualRatios\.green\b/, 'green', 'planEdit.badRatio'],
  [/^checklist items must belong/, 'checklist', 'planEdit.foreignItems'],
  [/^checklist\b/, 'checklist', 'planEdit.badChecklist'],
  [/^advanceNotice\b/, 'advanceNotice', 'planEdit.badNotice'],
];

/** Puts each refusal beside its field, in the page's language; answers how many it placed. */
function placeProblems(error, fields, problems) {
  const said = Array.isArray(error.body?.message) ? error.body.message : [error.body?.message ?? ''];
  const placed = new Set();
  for (const words of said) {
    const match = FIELD_OF.find(([pattern]) => pattern.test(String(words)));
    if (!match || placed.has(match[1])) continue;
    placed.add(match[1]);
    const problem = h('p', { class: 'notice bad small', role: 'alert', 'data-field': match[1] }, t(match[2]));
    fields[match[1]].closest('.field-group, fieldset, .field').after(problem);
    fieldProblem(fields[match[1]], problem, { focus: placed.size === 1 });
    problems.push(problem);
  }
  return placed.size;
}
