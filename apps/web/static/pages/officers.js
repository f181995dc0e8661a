// The officers register (执法人员名录) as dispatch holds it, and their absences (请假, 培训, 外出): the dispatcher
// enters and withdraws them; oversight reads. An absence keeps the officer out of the next draw and of replacements.
import { api } from '../api.js';
import { fmtDate, fmtDateTime, fmtNumber, t } from '../i18n.js';
import { regionCell } from '../regions.js';
import { badge, card, confirmStep, errorText, field, h, mount, pageHead, refusalText, section, select, table } from '../ui.js';
import { departmentLabel } from './bureau-calendar.js';
import { isoDay } from '../days.js';
import { absenceCoverAction } from './absence-cover.js';

const KINDS = ['leave', 'training', 'secondment', 'other'];

export async function renderOfficers(ctx) {
  const canEdit = ctx.me.role === 'dispatcher';
  const registerBox = h('div', { 'data-testid': 'officer-register' });
  const absencesBox = h('div', { 'data-testid': 'officer-absences' });
  const formBox = h('div');
  const showAbsences = () => section(absencesBox, () => api('/api/absences', { query: { from: isoDay(0) } }), (absences) => absencesTable(absences, canEdit, show), 'dispatch');
  const showRegister = () => section(registerBox, () => api('/api/officers'), (officers) => {
    // The form is drawn once: what it said after an entry stays while the lists below are drawn again.
    if (canEdit && !formBox.firstChild) mount(formBox, absenceForm(officers, show));
    return filteredRegister(officers);
  }, 'dispatch');
  const show = () => Promise.all([showAbsences(), showRegister()]);
  mount(ctx.main, pageHead(t('officers.title'), t('officers.lead')), h('div', { class: 'stack' },
    canEdit ? card(t('absence.addTitle'), h('p', { class: 'small muted', style: 'margin:0 0 8px' }, t('absence.addLead')), formBox) : null,
    card(t('absence.listTitle'), h('p', { class: 'small muted', style: 'margin:0 0 8px' }, t('absence.listLead')), absencesBox),
    card(t('officers.registerTitle'), h('p', { class: 'small muted', style: 'margin:0 0 8px' }, t('officers.registerLead')), registerBox)));
  await show();
}

/** A certificate lapsed or lapsing within 30 days: the draw leaves the officer out from the day after it. */
function certCell(until) {
  const cell = [fmtDate(until)];
  if (until < isoDay(0)) cell.push(' ', badge(t('officers.certExpired'), 'bad'));
  else if (until <= isoDay(30)) cell.push(' ', badge(t('officers.certExpiring'), 'warn'));
  return h('span', { 'data-cert': until < isoDay(0) ? 'expired' : until <= isoDay(30) ? 'expiring' : 'valid' }, cell);
}

/** What needs the dispatcher's eye: a certificate lapsed or lapsing, off duty, or away in the next 30 days. */
function needsAttention(o) {
  return o.certValidUntil <= isoDay(30) || !o.onDuty || o.absences.length > 0;
}

/**
 * The register narrowed on the page: a department (its own or certified for it), those that need attention,
 * a piece of a certificate number. Hundreds of officers are a long table; the download holds the rows shown.
 */
function filteredRegister(officers) {
  const departments = [...new Set(officers.flatMap((o) => [o.department, ...o.domains]))].sort();
  const department = select('department', [['', t('officers.allDepartments')], ...departments.map((d) => [d, departmentLabel(d)])], '');
  const show = select('show', [['all', t('officers.showAll')], ['attention', t('officers.showAttention')]], 'all');
  const number = h('input', { name: 'certificate', type: 'search', inputmode: 'numeric', autocomplete: 'off', placeholder: t('officers.numberPlaceholder') });
  const count = h('p', { class: 'small muted', role: 'status', 'data-register-count': '' });
  const box = h('div');
  const draw = () => {
    const piece = number.value.trim();
    const rows = officers.filter((o) =>
      (!department.value || o.department === department.value || o.domains.includes(department.value)) &&
      (show.value === 'all' || needsAttention(o)) &&
      (!piece || o.officerId.includes(piece)));
    count.textContent = t('officers.shown', { n: fmtNumber(rows.length), total: fmtNumber(officers.length) });
    mount(box, registerTable(rows, officers.length ? t('officers.noneMatch') : t('officers.none')));
  };
  for (const control of [department, show]) control.addEventListener('change', draw);
  number.addEventListener('input', draw);
  draw();
  return h('div', { class: 'stack' },
    h('div', { class: 'grid grid-3', 'data-register-filters': '' },
      field(t('field.department'), department), field(t('officers.show'), show), field(t('officers.certificate'), number)),
    count, box);
}

function registerTable(officers, empty) {
  const absenceText = (a) => `${t(`absence.kind.${a.kind}`)} ${t('absence.days', { from: fmtDate(a.from), to: fmtDate(a.to) })}`;
  return table([
    [t('officers.certificate'), (o) => h('span', { class: 'mono', 'data-officer': o.officerId }, o.officerId)],
    [t('field.department'), (o) => departmentLabel(o.department)],
    [t('officers.domains'), (o) => o.domains.join('、')],
    [t('officers.certValidUntil'), (o) => certCell(o.certValidUntil), (o) => o.certValidUntil],
    [t('officers.onDuty'), (o) => (o.onDuty ? t('common.yes') : badge(t('officers.offDuty'), 'warn'))],
    [t('field.region'), (o) => regionCell(o.regionCode)],
    [t('officers.capacity'), (o) => fmtNumber(o.dailyCapacity)],
    [t('officers.conflicts'), (o) => fmtNumber(o.declaredConflicts)],
    [t('officers.visits14'), (o) => fmtNumber(o.visitsNext14Days)],
    [t('officers.absences30'), (o) => (o.absences.length ? o.absences.map((a) => h('div', { 'data-absence': a.id }, absenceText(a))) : '—'), (o) => o.absences.map(absenceText).join('; ')],
  ], officers, { pageSize: 20, stacked: true, empty, download: { name: 'officers' } });
}

/** Absences from today on, with the visits that still send each officer; the dispatcher replaces or withdraws. */
function absencesTable(absences, canEdit, changed) {
  return table([
    [t('officers.certificate'), (a) => h('span', { class: 'mono' }, a.officerId)],
    [t('field.kind'), (a) => badge(t(`absence.kind.${a.kind}`), 'blue')],
    [t('absence.daysTitle'), (a) => t('absence.days', { from: fmtDate(a.from), to: fmtDate(a.to) })],
    [t('absence.entered'), (a) => [fmtDateTime(a.createdAt), a.createdBy ? h('div', { class: 'small muted' }, a.createdBy) : null]],
    [t('absence.stillSentTitle'), (a) => (a.scheduledVisits.length ? visitLinks(a.officerId, a.scheduledVisits, canEdit) : '—')],
    ...(canEdit ? [[t('conflict.act'), (a) => h('div', { class: 'stack' }, a.scheduledVisits.length ? absenceCoverAction(a, changed) : null, withdrawButton(a, changed))]] : []),
  ], absences, { pageSize: 10, stacked: true, empty: t('absence.none') });
}

/** Each visit still sending the officer, with the way to replace the officer on it (更换执法人员). */
function visitLinks(officerId, visits, canReplace) {
  return h('ul', { style: 'margin:0;padding-left:18px' }, visits.map((v) => h('li', { 'data-visit': v.id },
    h('a', { href: `#/visits/${v.id}`, class: 'mono' }, v.number), ` (${fmtDate(v.date)}) `,
    canReplace ? h('a', { class: 'btn secondary small', href: `#/visits/${v.id}/replace/${encodeURIComponent(officerId)}`, 'data-team-replace': v.id }, t('team.title')) : null)));
}

function withdrawButton(a, changed) {
  const button = h('button', { class: 'btn secondary small', type: 'button', 'data-absence-withdraw': a.id }, t('absence.withdraw'));
  const step = h('div');
  button.addEventListener('click', async () => {
    const message = t('absence.withdrawConfirm', { officer: a.officerId, kind: t(`absence.kind.${a.kind}`), from: fmtDate(a.from), to: fmtDate(a.to) });
    if (!(await confirmStep(step, message, t('absence.withdraw'), { replaces: button }))) return;
    try {
      await api(`/api/absences/${a.id}`, { method: 'DELETE' });
      await changed();
    } catch (error) {
      mount(step, h('div', { class: 'notice bad', role: 'alert' }, errorText(error)));
    }
  });
  return h('div', {}, button, step);
}

/** Enter an absence: the officer, its kind and days. After it, the visits that still send the officer. */
function absenceForm(officers, changed) {
  // Typed, with the register offered as the officer types: a bureau's hundreds of officers are too many to scroll.
  const choices = h('datalist', { id: 'absence-officers' }, officers.map((o) => h('option', { value: o.officerId }, departmentLabel(o.department))));
  const officer = h('input', { name: 'officerId', list: 'absence-officers', required: true, autocomplete: 'off', inputmode: 'numeric', placeholder: t('absence.pickOfficer') });
  const known = new Set(officers.map((o) => o.officerId));
  const kind = select('kind', KINDS.map((k) => [k, t(`absence.kind.${k}`)]), 'leave');
  const from = h('input', { type: 'date', name: 'from', required: true, value: isoDay(0) });
  const to = h('input', { type: 'date', name: 'to', required: true, value: isoDay(0) });
  const button = h('button', { class: 'btn', type: 'submit', 'data-absence-add': '' }, t('absence.add'));
  const result = h('div', { 'aria-live': 'polite' });
  const form = h('form', { class: 'stack', id: 'absence-form' },
    h('div', { class: 'grid grid-2' }, field(t('absence.officer'), officer), field(t('field.kind'), kind), field(t('absence.from'), from), field(t('absence.to'), to)),
    choices,
    h('p', { class: 'small muted' }, t('absence.noReason')),
    h('div', {}, button), result);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    officer.value = officer.value.trim();
    if (!known.has(officer.value)) {
      mount(result, h('div', { class: 'notice bad', role: 'alert' }, officer.value ? t('absence.refused.officer_unknown') : t('absence.pickOfficer')));
      officer.focus();
      return;
    }
    if (from.value > to.value) { mount(result, h('div', { class: 'notice bad', role: 'alert' }, t('absence.badRange'))); to.focus(); return; }
    button.disabled = true;
    try {
      const added = await api('/api/absences', { method: 'POST', body: { officerId: officer.value, from: from.value, to: to.value, kind: kind.value } });
      mount(result, addedNotice(added, changed));
      await changed();
    } catch (error) {
      mount(result, h('div', { class: 'notice bad', role: 'alert', 'data-absence-refused': error?.body?.code ?? '' }, refusalText(error, 'absence.refused')));
    } finally {
      button.disabled = false;
    }
  });
  return form;
}

/** What entering the absence did, and the visits already published that still send the officer: each wants a replacement. */
function addedNotice(added, changed) {
  const saved = h('div', { class: 'notice ok', role: 'status', 'data-absence-added': added.id },
    t('absence.added', { officer: added.officerId, kind: t(`absence.kind.${added.kind}`), from: fmtDate(added.from), to: fmtDate(added.to), at: fmtDateTime(added.createdAt) }));
  if (!added.scheduledVisits.length) return h('div', { class: 'stack' }, saved, h('p', { class: 'small muted' }, t('absence.noVisits')));
  const sending = h('div', { class: 'stack' });
  mount(sending, h('div', { class: 'notice warn', role: 'status', 'data-absence-visits': '' },
    h('strong', {}, t('absence.stillSent', { n: fmtNumber(added.scheduledVisits.length) })), visitLinks(added.officerId, added.scheduledVisits, true)),
  absenceCoverAction(added, changed, sending));
  return h('div', { class: 'stack' }, saved, sending);
}
