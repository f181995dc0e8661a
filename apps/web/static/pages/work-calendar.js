// The working-day calendar plans are scheduled on: this year's holidays and make-up working days (调休),
// added or removed by the dispatcher.
import { api } from '../api.js';
import { fmtDate, fmtDateTime, t } from '../i18n.js';
import { card, errorText, field, h, mount, section, select, table } from '../ui.js';
import { isoDay } from '../days.js';

/** This year's calendar, or next year's: holidays for the coming year are announced late in the year. */
export function workCalendar() {
  const box = h('div', { id: 'work-calendar' });
  const thisYear = Number(isoDay(0).slice(0, 4));
  const years = select('calendar-year', [thisYear, thisYear + 1].map((y) => [String(y), String(y)]), String(thisYear));
  const load = () => {
    const year = Number(years.value);
    return section(box, () => api('/api/calendar', { query: { year } }), (days) => calendarCard(year, days, load, years), 'dispatch');
  };
  years.addEventListener('change', load);
  load();
  return box;
}

/** Who last set the day and when, as the plans say it; days set before that was kept say nothing. */
function changedNote(day) {
  if (!day.updatedAt) return '—';
  const at = fmtDateTime(day.updatedAt);
  return h('span', { class: 'small muted', 'data-changed': day.date }, day.updatedBy ? t('planEdit.changedBy', { who: day.updatedBy, at }) : t('planEdit.changedAt', { at }));
}

function calendarCard(year, days, reload, years) {
  const message = h('div', { 'aria-live': 'polite' });
  const act = async (call) => {
    mount(message);
    try {
      await call();
      await reload();
    } catch (error) {
      mount(message, h('div', { class: 'notice bad', role: 'alert' }, errorText(error)));
    }
  };
  const remove = (day) => h('button', { class: 'btn secondary', type: 'button', 'data-remove': day.date, onclick: () => act(() => api(`/api/calendar/${day.date}`, { method: 'DELETE' })) }, t('calendarEdit.remove'));
  const date = h('input', { type: 'date', name: 'calendar-date', min: `${year}-01-01`, max: `${year}-12-31`, required: true });
  const kind = select('calendar-kind', [['holiday', t('calendarEdit.holiday')], ['workday', t('calendarEdit.workday')]], 'holiday');
  const name = h('input', { type: 'text', name: 'calendar-name', maxlength: 100 });
  const add = h('button', { class: 'btn', type: 'button', id: 'calendar-add' }, t('calendarEdit.add'));
  add.addEventListener('click', () => {
    if (!date.value) return mount(message, h('div', { class: 'notice bad', role: 'alert' }, t('calendarEdit.needDate')));
    return act(() => api(`/api/calendar/${date.value}`, { method: 'PUT', body: { kind: kind.value, ...(name.value.trim() ? { name: name.value.trim() } : {}) } }));
  });
  return card(t('calendarEdit.title', { year }),
    h('p', { class: 'small muted' }, t('calendarEdit.lead')),
    field(t('calendarEdit.year'), years),
    table([
      [t('calendarEdit.date'), (d) => fmtDate(d.date)],
      [t('calendarEdit.kind'), (d) => t(`calendarEdit.${d.kind}`)],
      [t('calendarEdit.name'), (d) => d.name ?? '—'],
      [t('calendarEdit.changed'), (d) => changedNote(d)],
      [t('calendarEdit.actions'), (d) => remove(d)],
    ], days, { pageSize: 20, empty: t('calendarEdit.none') }),
    h('div', { class: 'row' }, field(t('calendarEdit.date'), date), field(t('calendarEdit.kind'), kind), field(t('calendarEdit.name'), name), add),
    message);
}
