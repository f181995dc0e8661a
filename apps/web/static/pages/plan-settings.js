// The dispatcher changes a department's plan (yearly shares by colour and while the model is suspended, the
// yearly cap per enterprise, checklist, advance notice, shared random numbers), the dispatch policy and the
// working-day calendar. Dispatch validates; its refusals are shown beside the field they name.
import { api } from '../api.js';
import { t } from '../i18n.js';
import { loadItemNames } from '../items.js';
import { card, field, h, mount, section } from '../ui.js';
import { checklistItem, departmentLabel } from './bureau-calendar.js';
import { policySettings } from './policy-settings.js';
import { changedLine, countInput, explainedField, numberOf, onSave, percentInput, shareOf } from './setting-form.js';
import { workCalendar } from './work-calendar.js';

const COLOURS = ['red', 'yellow', 'green'];

/** The plan editor, the dispatch policy and the calendar, for the dispatcher only; anyone else gets nothing. `changed` redraws the plans shown. */
export function planSettings(ctx, changed = () => {}) {
  if (ctx.me.role !== 'dispatcher') return null;
  const editor = h('div', { id: 'plan-settings' });
  section(editor, async () => {
    const [plans, items] = await Promise.all([api('/api/plans'), api('/api/checklist-items'), loadItemNames()]);
    return { plans, items };
  }, ({ plans, items }) => planEditor(plans, items, changed), 'dispatch');
  return h('div', { class: 'stack' }, editor, policySettings(), workCalendar());
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

function planForm(plan, items, saved, reload) {
  const ratios = Object.fromEntries(COLOURS.map((c) => [c, percentInput(`ratio-${c}`, plan.annualRatios?.[c])]));
  const uniform = percentInput('uniformAnnualRatio', plan.uniformAnnualRatio);
  const cap = countInput('annualCapPerEnterprise', plan.annualCapPerEnterprise);
  const own = items.filter((i) => i.item.startsWith(`${plan.department}-`)).map((i) => i.item);
  const choices = [...new Set([...own, ...plan.checklist])].sort();
  const boxes = choices.map((item) => h('input', { type: 'checkbox', name: 'checklist', value: item, checked: plan.checklist.includes(item) }));
  const checklist = h('fieldset', { class: 'field', id: 'plan-edit-checklist' }, h('legend', {}, t('field.checklist')),
    boxes.map((box) => h('label', { class: 'small', style: 'display:block' }, box, ' ', checklistItem(box.value))));
  const notice = h('input', { type: 'checkbox', name: 'advanceNotice', checked: plan.advanceNotice });
  const coordinated = h('input', { type: 'checkbox', name: 'coordinated', checked: plan.coordinated !== false });
  const message = h('div', { 'aria-live': 'polite' });
  const save = h('button', { class: 'btn', type: 'button', id: 'plan-edit-save' }, t('common.save'));
  onSave(save, {
    id: 'plan-edit',
    stale: { by: 'planEdit.staleBy', at: 'planEdit.staleAt' },
    message,
    fields: { ...ratios, uniformAnnualRatio: uniform, annualCapPerEnterprise: cap, checklist, advanceNotice: notice, coordinated },
    fieldOf: FIELD_OF,
    send: () => api(`/api/plans/${encodeURIComponent(plan.department)}`, { method: 'PUT', body: planBody(plan, {
      annualRatios: Object.fromEntries(COLOURS.map((c) => [c, shareOf(ratios[c])])),
      uniformAnnualRatio: shareOf(uniform),
      annualCapPerEnterprise: numberOf(cap),
      checklist: boxes.filter((b) => b.checked).map((b) => b.value),
      coordinated: coordinated.checked,
      advanceNotice: notice.checked,
    }) }),
    saved,
    reload,
  });
  return h('div', { class: 'stack', 'data-department': plan.department },
    h('div', {}, COLOURS.map((c) => explainedField(t(`planEdit.ratio.${c}`), ratios[c], t('planEdit.ratioMeans', { colour: t(`colour.${c}Short`).toLowerCase() }), '%'))),
    explainedField(t('planEdit.uniform'), uniform, t('planEdit.uniformMeans'), '%'),
    explainedField(t('planEdit.cap'), cap, t('planEdit.capMeans'), t('setting.unit.times')),
    checklist,
    h('label', { class: 'row', style: 'justify-content:flex-start' }, notice, t('planEdit.advanceNotice')),
    h('div', { class: 'field-group' }, h('label', { class: 'row', style: 'justify-content:flex-start' }, coordinated, t('planEdit.coordinated')), h('p', { class: 'small muted' }, t('planEdit.coordinatedMeans'))),
    changedLine('plan-edit-changed', plan),
    h('p', { class: 'small' }, t('planEdit.nextDraw')),
    h('div', { class: 'row' }, save), message);
}

/** The whole plan as dispatch takes it (PUT replaces it), with what the form changed and the version it was read at. */
function planBody(plan, changed) {
  return {
    version: plan.version,
    annualRatios: changed.annualRatios,
    uniformAnnualRatio: changed.uniformAnnualRatio,
    annualCapPerEnterprise: changed.annualCapPerEnterprise,
    checklist: changed.checklist,
    exemptions: plan.exemptions ?? [],
    supervisedSections: plan.supervisedSections ?? null,
    coordinated: changed.coordinated,
    advanceNotice: changed.advanceNotice,
  };
}

/** Which form field a dispatch refusal is about, read from the property path it starts with. */
const FIELD_OF = [
  [/^annualRatios\.red\b/, 'red', 'planEdit.badRatio'],
  [/^annualRatios\.yellow\b/, 'yellow', 'planEdit.badRatio'],
  [/^annualRatios\.green\b/, 'green', 'planEdit.badRatio'],
  [/^uniformAnnualRatio\b/, 'uniformAnnualRatio', 'planEdit.badRatio'],
  [/^annualCapPerEnterprise\b/, 'annualCapPerEnterprise', 'setting.badWhole', { min: 0, max: 52 }],
  [/^coordinated\b/, 'coordinated', 'planEdit.badCoordinated'],
  [/^checklist items must belong/, 'checklist', 'planEdit.foreignItems'],
  [/^checklist\b/, 'checklist', 'planEdit.badChecklist'],
  [/^advanceNotice\b/, 'advanceNotice', 'planEdit.badNotice'],
];
