// One quarantined record: its fields as the source sent them (masked), each problem beside its field,
// correcting the failing fields and replaying it, or discarding it with a reason.
import { api } from '../api.js';
import { fmtDateTime, t } from '../i18n.js';
import { QUARANTINE_FIELD_ORDER } from '../i18n-quarantine.js';
import { badge, card, errorText, fieldProblem, h, mount, pageHead, section } from '../ui.js';
import { fieldName, kindName, missingColumnKey, problemWords, sourceText, statusBadge } from './quarantine.js';
import { discardForm } from './quarantine-discard.js';
import { loadName } from './quarantine-runs.js';
import { cellsCard, insertable, insertedView, joinable, joinedView, maskedCell } from './quarantine-cells.js';
import { shortCellsCard } from './quarantine-short-cells.js';

/**
 * Fields intake shows masked. Typing the masked value back would replace the real one, so their
 * inputs start empty and are sent only when something is typed.
 */
const PERSONAL = { subjects: ['legal_rep_name', 'legal_rep_id'], officers: ['name'] };
const isPersonal = (kind, key) => (PERSONAL[kind] ?? []).includes(key);
const OUTCOMES = ['inserted', 'updated', 'duplicate', 'stale'];

export async function renderQuarantineRecord(ctx, id) {
  const body = h('div');
  mount(ctx.main, pageHead(t('quarantine.recordTitle', { id }), null, h('a', { class: 'btn secondary', href: '#/quarantine' }, t('quarantine.back'))), body);
  // What the person typed, the cells joined and the last act's outcome live outside the drawing, so a redraw keeps them.
  const kept = { typed: {}, outcome: null, joins: [], inserts: [], joinReasons: null, focus: null };
  let shownRecord = null;
  // After an act, the focus goes to what came of it (a status, an alert that names what is still wrong, the join pressed).
  const focusAfter = () => {
    const target = kept.outcome?.isConnected ? kept.outcome : kept.focus ? body.querySelector(kept.focus) : null;
    kept.focus = null;
    target?.focus();
  };
  const load = async () => {
    await section(body, () => api(`/api/quarantine/${encodeURIComponent(id)}`), (record) => {
      shownRecord = record;
      return recordPage(record, kept, load, redraw);
    }, 'intake');
    focusAfter();
  };
  // Joining cells changes only the preview: drawn again from the record shown, without asking intake.
  const redraw = () => {
    mount(body, recordPage(shownRecord, kept, load, redraw));
    focusAfter();
  };
  await load();
}

function recordPage(record, kept, reload, redraw) {
  const open = record.status === 'open';
  if (!joinable(record)) kept.joins = [];
  if (!insertable(record)) kept.inserts = [];
  return h('div', { class: 'stack', 'data-record': record.id, 'data-status': record.status },
    h('p', { class: 'muted', style: 'margin:0' }, statusBadge(record.status), ' ', t('quarantine.recordLead', { kind: kindName(record.kind), source: sourceText(record), at: fmtDateTime(record.createdAt) })),
    kept.outcome,
    record.status === 'open' ? null : resolutionNotice(record),
    joinable(record) ? cellsCard(record, kept, redraw) : insertable(record) ? shortCellsCard(record, kept, redraw) : null,
    typeof record.rawMasked === 'string' || record.rawMasked === null ? textCard(record) : fieldsCard(record, kept, reload),
    open ? discardCard(record, kept, reload) : null);
}

function resolutionNotice(record) {
  if (record.status === 'superseded') return supersededNotice(record);
  const r = record.resolution ?? {};
  const vars = { by: r.by ?? '—', at: fmtDateTime(record.resolvedAt) };
  const detail = record.status === 'discarded'
    ? t('quarantine.resolvedReason', { reason: r.reason ?? '—' })
    : (r.fields ?? []).length ? t('quarantine.resolvedFields', { fields: r.fields.map((f) => changeText(record, r, f)).join(t('common.listSep')) }) : (r.rejoined ?? r.emptyInserted ?? []).length ? null : t('quarantine.resolvedNoFields');
  const outcome = record.status === 'replayed' ? outcomeOf(r.counts) : null;
  const joined = (r.rejoined ?? []).length ? t('quarantine.resolvedRejoined', { cells: r.rejoined.map((i) => t('quarantine.cellPair', { a: i + 1, b: i + 2 })).join(t('common.listSep')) })
    : (r.emptyInserted ?? []).length ? t('quarantine.resolvedInserted', { cells: r.emptyInserted.map((i) => i + 1).join(t('common.listSep')) }) : null;
  return h('div', { class: `notice ${record.status === 'replayed' ? 'ok' : ''}`, id: 'quarantine-resolution' },
    h('strong', {}, t(record.status === 'discarded' ? 'quarantine.resolvedDiscarded' : 'quarantine.resolvedReplayed', vars)),
    [joined, detail, outcome ? t(`quarantine.outcome.${outcome}`) : null].filter(Boolean).map((line) => h('div', { class: 'small', style: 'margin-top:4px' }, line)));
}

/** What a replay did with the record: added it, updated the one held, found it identical, or older. */
const outcomeOf = (counts) => OUTCOMES.find((o) => (counts?.[o] ?? 0) > 0) ?? null;

/** A corrected field by name, with its value before and after where the replay kept them (masked as the view shows). */
function changeText(record, resolution, field) {
  const change = (resolution.changes ?? []).find((c) => c.field === field);
  const name = fieldName(record.kind, field);
  return change ? t('quarantine.resolvedChange', { field: name, from: plainValue(change.from), to: plainValue(change.to) }) : name;
}

const plainValue = (value) => (value === null || value === undefined || value === '' ? t('quarantine.blank') : typeof value === 'string' ? value : JSON.stringify(value));

/** Closed by itself: a valid version of the same record was stored since; which load brought it, and which version. */
function supersededNotice(record) {
  const by = record.resolution?.supersededBy ?? {};
  const from = by.source?.startsWith('replay:') ? t('quarantine.supersededByReplay', { id: by.source.slice('replay:'.length) }) : t('quarantine.supersededFrom', { source: by.source ? loadName(by) : '—' });
  const version = by.updatedAt ? t('quarantine.supersededVersion', { at: fmtDateTime(by.updatedAt) }) : t('quarantine.supersededLatest');
  return h('div', { class: 'notice ok', id: 'quarantine-resolution' },
    h('strong', {}, t('quarantine.resolvedSuperseded', { at: fmtDateTime(record.resolvedAt) })),
    [version, from, by.runId ? t('quarantine.supersededRun', { run: by.runId }) : null].filter(Boolean).map((line) => h('div', { class: 'small', style: 'margin-top:4px' }, line)));
}

/** A line that was not even a record (bad CSV, not JSON): its masked text, to discard or fix at the source. */
function textCard(record) {
  return card(t('quarantine.fields'),
    h('div', { class: 'notice warn' }, t('quarantine.notRecord')),
    rowProblems(record, record.reasons ?? []),
    h('pre', { class: 'mono small', style: 'white-space:pre-wrap;overflow-wrap:anywhere' }, String(record.rawMasked ?? '')));
}

function rowProblems(record, reasons) {
  if (reasons.length === 0) return null;
  return h('div', { class: 'notice bad', id: 'quarantine-row-problems', style: 'margin:10px 0' }, h('strong', {}, t('quarantine.rowProblems')),
    h('ul', { class: 'list-plain', style: 'margin:4px 0 0' }, reasons.map((r) => h('li', {}, problemWords(record.kind, r)))));
}

function shown(value, hidden) {
  if (hidden) return h('span', { class: 'muted' }, t('quarantine.preview.personal'));
  if (value === null || value === undefined || value === '') return h('span', { class: 'muted' }, t('quarantine.blank'));
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** The fields with their problems; for an open record each failing field (or one typed before) gets an input. */
function fieldsCard(record, kept, reload) {
  // With cells joined (or empty ones put in), the fields as they will be so repaired, and the reasons a replay so repaired was refused with.
  const inserting = insertable(record) && kept.inserts.length > 0;
  const preview = joinable(record) && kept.joins.length > 0 ? joinedView(record, kept.joins) : inserting ? insertedView(record, kept.inserts) : null;
  const raw = preview?.view ?? record.rawMasked ?? {};
  const reasons = preview ? kept.joinReasons ?? [] : Array.isArray(record.reasons) ? record.reasons : [];
  const hidden = (key) => Boolean(preview?.moved.has(key)) && isPersonal(record.kind, key);
  const byField = new Map();
  const whole = [];
  for (const r of reasons) {
    const key = missingColumnKey(r) ?? r.field;
    if (key.startsWith('_')) whole.push(r);
    else byField.set(key, [...(byField.get(key) ?? []), r]);
  }
  const order = QUARANTINE_FIELD_ORDER[record.kind] ?? [];
  const rank = (key) => (order.includes(key) ? order.indexOf(key) : order.length);
  const keys = [...new Set([...Object.keys(raw), ...byField.keys()])].sort((a, b) => rank(a) - rank(b));
  const open = record.status === 'open';
  // Replayed, it passed validation: each problem is resolved, and each corrected field shows what it became.
  const replayed = record.status === 'replayed';
  const corrected = new Set(replayed ? record.resolution?.fields ?? [] : []);
  const changes = new Map((replayed ? record.resolution?.changes ?? [] : []).map((c) => [c.field, c]));
  // Cells joined or put in moved values between fields: the resolution says so, a column of values after would not.
  const showAfter = replayed && !(record.resolution?.rejoined ?? []).length && !(record.resolution?.emptyInserted ?? []).length;
  const inputs = [];
  const rows = keys.map((key) => {
    const problems = byField.get(key) ?? [];
    const problemCell = h('td', { class: problems.length && !replayed ? 'small bad-text' : 'small muted', 'data-problem': key, 'data-resolved': replayed && problems.length ? 'true' : null },
      problems.length && replayed ? [badge(t('quarantine.problemResolved'), 'ok'), ' '] : null,
      problems.length ? h('ul', { class: 'list-plain', style: 'margin:0' }, problems.map((r) => h('li', { title: r.message }, problemWords(record.kind, r)))) : t('quarantine.noProblem'));
    const editable = open && (problems.length > 0 || key in kept.typed);
    const input = editable ? correctionInput(record.kind, key, raw[key], kept, problems) : null;
    if (input) inputs.push({ key, input, problems, problemCell });
    return h('tr', { 'data-field': key, style: problems.length && !replayed ? 'background:var(--red-soft)' : null },
      h('th', { scope: 'row', style: 'font-weight:normal' }, fieldName(record.kind, key), h('div', { class: 'mono small muted' }, key)),
      h('td', { class: 'small', style: 'overflow-wrap:break-word' }, shown(raw[key], hidden(key)), preview?.moved.has(key) && !hidden(key) ? movedNote(record, preview.from[key], inserting) : null),
      showAfter ? afterCell(key, corrected, changes) : null,
      problemCell,
      open ? h('td', {}, input?.element ?? null) : null);
  });
  // On a phone each field is a block (name, value, problem, the correction) rather than a table whose
  // problem and input columns sit off screen to the right.
  const table = h('div', { class: 'table-wrap' }, h('table', { id: 'quarantine-fields', class: 'form-rows' },
    h('thead', {}, h('tr', {}, [t('quarantine.col.field'), t('quarantine.col.value'), showAfter ? t('quarantine.col.after') : null, t('quarantine.col.problem'), open ? t('quarantine.col.correction') : null].filter(Boolean).map((c) => h('th', {}, c)))),
    h('tbody', {}, rows)));
  for (const { input, problems, problemCell } of inputs) if (problems.length) fieldProblem(input.control, problemCell, { focus: false });
  const lead = h('p', { class: 'muted small', style: 'margin-top:0' }, t(inserting ? 'quarantine.short.previewLead' : preview ? 'quarantine.preview.lead' : 'quarantine.fieldsLead'));
  if (!open) return card(t('quarantine.fields'), lead, rowProblems(record, whole), table);
  const title = inserting ? t('quarantine.short.previewTitle') : preview ? t('quarantine.preview.title', { n: kept.joins.length }) : t('quarantine.correct');
  return card(title, lead, h('p', { class: 'small', style: 'margin-top:0' }, t('quarantine.correctLead')), rowProblems(record, whole), replayForm(record, table, inputs, kept, reload));
}

/** What a replayed record's field became: the corrected value, or that it was taken in unchanged. */
function afterCell(key, corrected, changes) {
  const change = changes.get(key);
  const value = !corrected.has(key) ? h('span', { class: 'muted' }, t('quarantine.unchanged'))
    : change ? h('strong', {}, shown(change.to, false)) : h('span', { class: 'muted' }, t('quarantine.afterUnknown'));
  return h('td', { class: 'small', style: 'overflow-wrap:break-word', 'data-after': key }, value);
}

/** A field the joins (or the empty cells put in) moved: said so, and said masked where its value comes from a cell shown masked. */
function movedNote(record, from = [], inserting = false) {
  const masked = from.some((cell) => isPersonal(record.kind, cell) || maskedCell(record, cell));
  return h('div', {}, badge(t(inserting ? 'quarantine.short.moved' : 'quarantine.preview.moved'), 'blue'), masked ? [' ', badge(t('quarantine.preview.maskedSource'))] : null);
}

/**
 * An input for one field: the value sent to start with, what was typed kept across redraws. A masked one
 * starts empty, and so does one two columns of the export gave different values: the person types the right one.
 */
function correctionInput(kind, key, sent, kept, problems) {
  const personal = isPersonal(kind, key);
  const label = `${t('quarantine.col.correction')}: ${fieldName(kind, key)}`;
  if (key === 'verified' && kind === 'clues') {
    const control = h('select', { name: key, 'aria-label': label }, ['', 'true', 'false', 'null'].map((v) => h('option', { value: v, selected: (kept.typed[key] ?? '') === v }, t(`quarantine.verified.${v || 'keep'}`))));
    control.addEventListener('change', () => { kept.typed[key] = control.value; });
    return { control, element: control, changed: () => control.value !== '', value: () => ({ true: true, false: false, null: null })[control.value] };
  }
  const choose = !personal && problems.some((r) => r.code === 'conflicting_columns');
  const empty = personal || choose;
  const start = empty || sent === null || sent === undefined ? '' : String(sent);
  const hint = personal ? t('quarantine.personalHint') : choose ? t('quarantine.conflictHint') : null;
  const control = h('input', { name: key, value: kept.typed[key] ?? start, 'aria-label': label, autocomplete: 'off', size: 24, placeholder: hint });
  control.addEventListener('input', () => { kept.typed[key] = control.value; });
  const note = personal ? h('div', { class: 'muted small' }, t('quarantine.personalNote')) : null;
  return { control, element: h('div', {}, control, note), changed: () => (empty ? control.value.trim() !== '' : control.value.trim() !== start.trim()), value: () => control.value.trim() };
}

function replayForm(record, table, inputs, kept, reload) {
  const message = h('div');
  const submit = h('button', { class: 'btn', type: 'submit', id: 'replay-submit' }, t('quarantine.replay'));
  const form = h('form', { id: 'replay-form', novalidate: true }, table, message, h('div', { style: 'margin-top:12px' }, submit));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const corrections = Object.fromEntries(inputs.filter(({ input }) => input.changed()).map(({ key, input }) => [key, input.value()]));
    const rejoin = joinable(record) ? kept.joins : [];
    const insertEmpty = insertable(record) ? kept.inserts : [];
    if (Object.keys(corrections).length === 0 && rejoin.length === 0 && insertEmpty.length === 0) {
      const notice = h('div', { class: 'notice bad', role: 'alert', style: 'margin-top:10px' }, t('quarantine.nothingChanged'));
      mount(message, notice);
      if (inputs[0]) fieldProblem(inputs[0].control, notice);
      return;
    }
    submit.disabled = true;
    mount(message, h('div', { class: 'notice', role: 'status', style: 'margin-top:10px' }, t('quarantine.replaying')));
    try {
      const result = await api(`/api/quarantine/${encodeURIComponent(record.id)}/replay`, { method: 'POST', body: { corrections, ...(rejoin.length ? { rejoin } : {}), ...(insertEmpty.length ? { insertEmpty } : {}) } });
      if (result.accepted) {
        const outcome = outcomeOf(result.counts);
        kept.typed = {};
        kept.joins = [];
        kept.inserts = [];
        kept.joinReasons = null;
        kept.outcome = h('div', { class: 'notice ok', role: 'status', id: 'replay-outcome', 'data-accepted': 'true', tabindex: -1 }, t('quarantine.accepted', { outcome: outcome ? t(`quarantine.outcome.${outcome}`) : '' }));
      } else if (Array.isArray(result.rejoin) || Array.isArray(result.insertEmpty)) {
        // Refused so repaired, the record is as it came: the repair stays, with what is still wrong beside its field.
        kept.joinReasons = Array.isArray(result.reasons) ? result.reasons : [];
        kept.outcome = h('div', { class: 'notice warn', role: 'alert', id: 'replay-outcome', 'data-accepted': 'false', tabindex: -1 }, t(result.insertEmpty ? 'quarantine.short.held' : 'quarantine.joinedHeld'));
      } else {
        // Held back as a conflict with the version held, it passed validation: the banner says which.
        const conflict = (result.reasons ?? []).some((r) => r.code === 'conflict');
        kept.outcome = h('div', { class: 'notice warn', role: 'alert', id: 'replay-outcome', 'data-accepted': 'false', tabindex: -1 }, t(conflict ? 'quarantine.stillConflict' : 'quarantine.stillHeld'));
      }
      await reload();
    } catch (error) {
      submit.disabled = false;
      mount(message, actFailed(error, reload));
    }
  });
  return form;
}

/** A refused act in words, the form left as it was; a record someone else settled meanwhile can be reloaded. */
function actFailed(error, reload) {
  if (error.status === 409) return h('div', { class: 'notice bad', role: 'alert', style: 'margin-top:10px' }, t('quarantine.conflict'), ' ', h('button', { class: 'linkish', type: 'button', onclick: reload }, t('quarantine.reload')));
  if (error.status === 400) return h('div', { class: 'notice bad', role: 'alert', style: 'margin-top:10px' }, h('strong', {}, t('quarantine.refused')), h('div', { class: 'small' }, t('quarantine.serverMessage', { message: error.message })));
  return h('div', { class: 'notice bad', role: 'alert', style: 'margin-top:10px' }, errorText(error));
}

function discardCard(record, kept, reload) {
  const { form } = discardForm({
    ids: { form: 'discard-form', reason: 'discard-reason', submit: 'discard-submit' },
    label: t('quarantine.discardReason'),
    submitLabel: t('quarantine.discard'),
    placeholder: t('quarantine.discardPlaceholder'),
    confirm: () => t('quarantine.confirmDiscard', { id: record.id, kind: kindName(record.kind), source: sourceText(record) }),
    act: async (reason) => {
      await api(`/api/quarantine/${encodeURIComponent(record.id)}/discard`, { method: 'POST', body: { reason } });
      kept.typed = {};
      kept.outcome = h('div', { class: 'notice ok', role: 'status', id: 'discard-outcome', tabindex: -1 }, t('quarantine.discarded', { id: record.id }));
      await reload();
    },
    failed: (error) => actFailed(error, reload),
  });
  return card(t('quarantine.discard'), h('p', { class: 'small', style: 'margin-top:0' }, t('quarantine.discardLead')), form);
}
