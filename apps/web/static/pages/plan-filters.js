// The plan page's filters (调度计划筛选): a day, a department, an officer, a district, why drawn, a colour.
// They live in the page's address (#/plans/<id>?date=…&department=…), so a narrowed view can be shared,
// and dispatch applies them: the page asks only for what it shows.
import { fmtDate, t, valueLabel } from '../i18n.js';
import { districtsAround, regionCodeOf, regionName, regionOptions } from '../regions.js';
import { field, fieldProblem, h, mount, select } from '../ui.js';
import { DEPARTMENTS, departmentLabel, reasonLabel } from './bureau-calendar.js';

export const FILTERS = ['date', 'department', 'officer', 'region', 'reason', 'colour'];
const REASONS = ['risk', 'exploration', 'complaint', 'follow-up', 'random'];
const COLOURS = ['red', 'yellow', 'green'];

/** The filters an address's query holds, blanks left out. */
export function filtersOf(search) {
  const params = new URLSearchParams(search ?? '');
  return Object.fromEntries(FILTERS.map((name) => [name, (params.get(name) ?? '').trim()]).filter(([, value]) => value));
}

/** The address of a plan narrowed by `filters`. */
export function planAddress(id, filters = {}) {
  const query = new URLSearchParams(FILTERS.filter((name) => filters[name]).map((name) => [name, filters[name]])).toString();
  return `#/plans/${id}${query ? `?${query}` : ''}`;
}

/** The filters in words, for the titles of what they narrow. */
export function filtersText(filters) {
  const said = {
    date: (v) => fmtDate(v),
    department: departmentLabel,
    officer: (v) => `${t('visit.certNos')} ${v}`,
    region: (v) => regionName(v) ?? v,
    reason: reasonLabel,
    colour: (v) => valueLabel('colour', v),
  };
  return FILTERS.filter((name) => filters[name]).map((name) => said[name](filters[name])).join(' · ');
}

/**
 * The form over a plan's tasks and routes. `regions()` gives the districts seen so far, whose names
 * are offered and understood; the form goes to the narrowed address, which draws the page again.
 */
export function planFiltersForm(ctx, draw, filters, regions) {
  const date = h('input', { type: 'date', name: 'date', value: filters.date ?? '', min: draw.window.from, max: draw.window.to });
  const department = select('department', [['', t('common.all')], ...DEPARTMENTS.map((d) => [d, departmentLabel(d)])], filters.department ?? '');
  const officer = h('input', { name: 'officer', value: filters.officer ?? '', placeholder: t('visit.certNos'), maxlength: 64, size: 12, autocomplete: 'off' });
  const region = h('input', { name: 'region', value: filters.region ? regionName(filters.region) ?? filters.region : '', placeholder: t('bureau.regionHint'), list: 'plan-regions', size: 12, autocomplete: 'off' });
  const reason = select('reason', [['', t('common.all')], ...REASONS.map((r) => [r, reasonLabel(r)])], filters.reason ?? '');
  const colour = select('colour', [['', t('common.all')], ...COLOURS.map((c) => [c, valueLabel('colour', c)])], filters.colour ?? '');
  const suggestions = h('div');
  const problem = h('div');
  const clear = Object.keys(filters).length ? h('a', { class: 'btn secondary', href: planAddress(draw.id), id: 'plan-filters-clear' }, t('planFilter.clear')) : null;
  const form = h('form', { class: 'filters', id: 'plan-filters', novalidate: true },
    field(t('planFilter.day'), date), field(t('field.department'), department), field(t('planFilter.officer'), officer), field(t('field.region'), region),
    field(t('field.reasons'), reason), field(t('field.colour'), colour), h('button', { class: 'btn', type: 'submit' }, t('common.search')), clear);
  const candidates = () => districtsAround([...regions(), filters.region].filter(Boolean));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    // Checked here and said in words: dispatch takes a day of the plan and one six-digit district code.
    const text = region.value.trim();
    const code = text ? regionCodeOf(text, candidates()) : '';
    const outside = date.value && (date.value < draw.window.from || date.value > draw.window.to);
    const wrong = outside ? [t('planFilter.dayOutside', { from: fmtDate(draw.window.from), to: fmtDate(draw.window.to) }), date] : code === null || (code && !/^\d{6}$/.test(code)) ? [t('cal.badRegion'), region] : null;
    if (wrong) {
      mount(problem, fieldProblem(wrong[1], h('div', { class: 'notice bad', role: 'alert', id: 'plan-filters-invalid', style: 'margin-top:12px' }, wrong[0])));
      return;
    }
    ctx.go(planAddress(draw.id, { date: date.value, department: department.value, officer: officer.value.trim(), region: code, reason: reason.value, colour: colour.value }));
  });
  return {
    element: h('div', {}, form, suggestions, problem),
    /** Offers the names of the districts around those now seen. */
    knowRegions: () => mount(suggestions, regionOptions('plan-regions', candidates())),
  };
}
