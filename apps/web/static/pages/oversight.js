// Oversight: the tamper-evident record with its verification, and what waits in the review queue.
import { api } from '../api.js';
import { fmtDateTime, fmtNumber, t, tKnown } from '../i18n.js';
import { badge, card, emptyState, errorState, field, h, mount, pageHead, pager, section, select } from '../ui.js';

const PAGE = 20;
const KINDS = ['score', 'colour-decision', 'appeal', 'model-version', 'colour-policy', 'sign-off', 'approval', 'kill-switch', 'dispatch-draw', 'dispatch-plan', 'dispatch-setting', 'visit-result', 'visit-team-change', 'rectification-extension', 'follow-up-release', 'personal-data-read', 'algorithm-audit', 'algorithm-audit-publication', 'algorithm-audit-public-copy', 'archive'];

/** A record entry's kind in words; a kind this page does not know yet is shown as stored. */
function kindLabel(kind) {
  return tKnown(`auditKind.${kind}`) ?? kind;
}

/**
 * The verification in words: intact, the first entry that does not fit, or (entries intact) the
 * checkpoints or archive files refused; then what became of the archived score bodies.
 */
function verdict(result) {
  return h('div', {}, entriesVerdict(result), archivesVerdict(result));
}

function entriesVerdict(result) {
  if (result.ok) return t('audit.ok', { n: fmtNumber(result.entries ?? result.treeSize ?? 0) });
  if (result.firstBad) return t('audit.bad', { seq: result.firstBad.seq, problem: result.firstBad.problem ?? '' });
  const failures = result.checkpointFailures ?? [];
  const badFiles = (result.archives ?? []).filter((a) => !a.ok);
  return h('div', {},
    failures.length > 0 || badFiles.length === 0 ? [t('audit.badCheckpoints', { n: fmtNumber(failures.length) }), h('ul', {}, failures.map((f) => h('li', {}, t('audit.badCheckpoint', { size: f.treeSize, reason: f.reason }))))] : null,
    badFiles.length > 0 ? [t('audit.badArchives'), h('ul', {}, badFiles.map((a) => h('li', { 'data-archive': a.file }, t('audit.archiveBad', { file: a.file, problem: a.problem ?? '' }))))] : null);
}

/** Archived score bodies: checked against their files (AUDIT_ARCHIVE_DIR set on oversight), or how many were not. */
function archivesVerdict(result) {
  const files = result.archives ?? [];
  if (files.length > 0 && files.every((a) => a.ok)) {
    return h('p', { class: 'small', id: 'verify-archives', style: 'margin:6px 0 0' }, t('audit.archivesOk', { files: fmtNumber(files.length), n: fmtNumber(files.reduce((n, a) => n + a.bodiesChecked, 0)) }));
  }
  if (!result.bodiesUnchecked || files.length > 0) return null;
  return h('p', { class: 'small', id: 'verify-archives', style: 'margin:6px 0 0' }, t('audit.bodiesUnchecked', { n: fmtNumber(result.bodiesUnchecked) }));
}

export async function renderAudit(ctx) {
  const verifyBox = h('div');
  const checkpoint = h('div');
  const entries = h('div');
  const verify = h('button', { class: 'btn', id: 'verify-button' }, t('audit.verify'));
  verify.addEventListener('click', async () => {
    verify.disabled = true;
    mount(verifyBox, h('div', { class: 'notice', 'data-progress': 'running' }, t('audit.verifying'), h('div', { class: 'progress indeterminate', style: 'margin-top:8px' }, h('div'))));
    try {
      const result = await api('/api/audit/verify', { method: 'POST' });
      mount(verifyBox, h('div', { class: `notice ${result.ok ? 'ok' : 'bad'}`, id: 'verify-result' }, verdict(result)));
    } catch (error) {
      mount(verifyBox, errorState(error, null, 'oversight'));
    } finally {
      verify.disabled = false;
    }
  });
  mount(ctx.main, pageHead(t('audit.title'), t('audit.lead'), verify),
    h('div', { class: 'stack' },
      verifyBox,
      h('div', { class: 'grid grid-2' }, queueCard(), card(t('audit.checkpoint'), checkpoint)),
      entries));
  section(checkpoint, () => api('/api/audit/checkpoints/latest'), (c) => (c ? h('dl', { class: 'kv' },
    h('dt', {}, t('audit.treeSize')), h('dd', {}, fmtNumber(c.treeSize)),
    h('dt', {}, t('audit.root')), h('dd', { class: 'mono small' }, c.rootHash ?? '—'),
    h('dt', {}, t('audit.keyId')), h('dd', { class: 'mono small' }, c.keyId ?? '—'),
    h('dt', {}, t('audit.signedAt')), h('dd', {}, fmtDateTime(c.timestamp))) : emptyState(t('audit.noEntries'))), 'oversight');
  await entriesTable(entries);
}

/** What waits for a person, with the way to the queue. */
function queueCard() {
  const body = h('div');
  section(body, () => api('/api/reviews/summary'), (s) => h('div', {},
    h('dl', { class: 'kv', id: 'queue-summary' },
      h('dt', {}, t('reviews.pendingConfirmations')), h('dd', {}, s.pendingConfirmations),
      h('dt', {}, t('audit.openAppeals')), h('dd', {}, s.appeals.filed + s.appeals['in-review']),
      h('dt', {}, t('appeal.overdue')), h('dd', {}, s.appeals.overdue > 0 ? badge(String(s.appeals.overdue), 'bad') : '0')),
    h('a', { class: 'btn secondary', href: '#/reviews', style: 'margin-top:14px' }, t('audit.openQueue'))), 'oversight');
  return card(t('audit.queue'), body);
}

/** A changed bureau setting says what it was, who changed it, and which values changed from what to what. */
function settingNote(entry) {
  const change = entry.kind === 'dispatch-setting' ? entry.body?.data : null;
  if (!change) return null;
  const what = tKnown(`auditSetting.${change.setting}`) ?? change.setting;
  if (change.setting === 'officer-absence') return absenceNote(change, what);
  const changed = change.setting.startsWith('conflict-') ? [] : changedValues(change.before, change.after);
  const exemptions = [['+', change.exemptionsAdded], ['−', change.exemptionsRemoved]].filter(([, codes]) => codes?.length).map(([sign, codes]) => `${sign}${fmtNumber(codes.length)}`);
  return h('div', { class: 'small muted', 'data-setting': change.setting },
    change.actor ? t('audit.settingBy', { what, who: change.actor }) : t('audit.settingByApi', { what }),
    changed.map(([key, was, now]) => h('div', { 'data-changed': key }, t('audit.settingChange', { field: tKnown(`settingField.${key}`) ?? key, was: settingValue(key, was), now: settingValue(key, now) }))),
    exemptions.length ? h('div', { 'data-changed': 'exemptions' }, t('audit.exemptionsChanged', { n: exemptions.join(' / ') })) : null);
}

/** An officer's absence entered or withdrawn: whose, which kind, which days, by whom (never a reason: none is kept). */
function absenceNote(change, what) {
  const absence = change.after ?? change.before ?? {};
  const done = t(change.after ? 'audit.absenceAdded' : 'audit.absenceWithdrawn', {
    officer: absence.officerId ?? '—',
    kind: tKnown(`absence.kind.${absence.kind}`) ?? absence.kind ?? '—',
    from: absence.from ?? '—',
    to: absence.to ?? '—',
  });
  return h('div', { class: 'small muted', 'data-setting': change.setting },
    change.actor ? t('audit.settingBy', { what, who: change.actor }) : t('audit.settingByApi', { what }),
    h('div', { 'data-absence': change.after ? 'added' : 'withdrawn' }, done));
}

/** A visit's team change says which visit, who left, who came, and how the newcomer was chosen (the reason stays in dispatch). */
function teamChangeNote(entry) {
  const change = entry.kind === 'visit-team-change' ? entry.body?.data : null;
  if (!change) return null;
  const how = change.chosen?.how === 'random' ? t('audit.teamRandom', { n: fmtNumber(change.chosen.candidates?.length ?? 0), seed: change.chosen.seed }) : t('audit.teamPicked');
  return h('div', { class: 'small muted', 'data-team-change': change.visitNo ?? change.visitId },
    t('audit.teamChange', { visit: change.visitNo ?? change.visitId, date: change.date, out: change.officerOut, into: change.officerIn, by: change.actor ?? '—' }),
    h('div', {}, how));
}

/** An extended rectification deadline (延期整改) says which visit or platform case, from which day to which, and who (the reason stays in dispatch). */
function extensionNote(entry) {
  const extension = entry.kind === 'rectification-extension' ? entry.body?.data : null;
  if (!extension) return null;
  const ref = extension.visitNo ?? extension.caseNo ?? extension.visitId;
  return h('div', { class: 'small muted', 'data-rectification-extension': ref },
    t('audit.extension', { visit: ref, date: extension.date, from: extension.from, to: extension.to, by: extension.actor ?? '—' }));
}

/** A re-inspection released by an extension says which visit gave it up, which inspection's, and whether the visit was cancelled. */
function releaseNote(entry) {
  const release = entry.kind === 'follow-up-release' ? entry.body?.data : null;
  if (!release) return null;
  const refs = (release.followUps ?? []).map((f) => f.inspectionRef).join(', ');
  return h('div', { class: 'small muted', 'data-follow-up-release': release.visitNo ?? release.visitId },
    t(release.cancelled ? 'audit.releaseCancelled' : 'audit.releaseKept', { visit: release.visitNo ?? release.visitId, date: release.date, refs, deadline: release.deadline }));
}

/** What names the setting (the entry's subject already says it) and its version are no change to show. */
const SETTING_IDENTITY = new Set(['version', 'date', 'department', 'item']);

/** The values (nested keys flattened, `annualRatios.red`) that differ between before and after. */
function changedValues(before, after) {
  const flat = (value, prefix, out) => {
    if (value && typeof value === 'object' && !Array.isArray(value)) for (const [k, v] of Object.entries(value)) flat(v, prefix ? `${prefix}.${k}` : k, out);
    else if (prefix) out[prefix] = value;
    return out;
  };
  const [was, now] = [flat(before ?? {}, '', {}), flat(after ?? {}, '', {})];
  return [...new Set([...Object.keys(was), ...Object.keys(now)])]
    .filter((key) => !SETTING_IDENTITY.has(key) && JSON.stringify(was[key]) !== JSON.stringify(now[key]))
    .map((key) => [key, was[key], now[key]]);
}

function settingValue(key, value) {
  if (value === undefined || value === null || value === '') return '—';
  if (typeof value === 'boolean') return t(value ? 'common.yes' : 'common.no');
  if (typeof value === 'number' && (key.startsWith('annualRatios.') || key === 'uniformAnnualRatio' || key === 'explorationShare')) return `${+(value * 100).toFixed(4)}%`;
  if (key === 'kind') return tKnown(`calendarEdit.${value}`) ?? String(value);
  if (Array.isArray(value)) return value.length > 8 ? `${value.slice(0, 8).join('、')}… (${fmtNumber(value.length)})` : value.join('、') || '—';
  return typeof value === 'number' ? fmtNumber(value) : String(value);
}

/** An entry whose body went to an archive file: its hash is still here, its body in that file. */
function archivedNote(entry) {
  return entry.bodyArchivedIn ? h('div', { class: 'small muted', 'data-archived-in': entry.bodyArchivedIn }, t('audit.bodyArchived', { file: entry.bodyArchivedIn })) : null;
}

async function entriesTable(container) {
  const kind = select('kind', [['', t('common.all')], ...KINDS.map((k) => [k, kindLabel(k)])], '');
  const subject = h('input', { name: 'subjectRef', placeholder: t('field.creditCode'), size: 22 });
  const form = h('form', { class: 'filters' }, field(t('audit.kind'), kind), field(t('field.subject'), subject), h('button', { class: 'btn secondary', type: 'submit' }, t('common.search')));
  const list = h('div');
  // The latest entries first, as people read a log; each page goes further back.
  const cursors = [undefined];
  let page = 0;
  const load = () => section(list, () => api('/api/audit/entries', { query: { order: 'newest', before: cursors[page], limit: PAGE, kind: kind.value, subjectRef: subject.value.trim() } }), (rows) => {
    cursors[page + 1] = rows.length ? rows[rows.length - 1].seq : undefined;
    // Nothing under a filter is not an empty record: saying "entries appear once scoring is at work" then misleads.
    if (rows.length === 0 && page === 0) return emptyState(kind.value || subject.value.trim() ? t('audit.noMatches') : t('audit.noEntries'));
    return h('div', {},
      h('div', { class: 'table-wrap' }, h('table', { id: 'audit-table' },
        h('thead', {}, h('tr', {}, [t('field.seq'), t('audit.kind'), t('field.subject'), t('field.recordedAt'), t('audit.leafHash')].map((c) => h('th', {}, c)))),
        h('tbody', {}, rows.map((e) => h('tr', { 'data-seq': e.seq }, h('td', {}, e.seq), h('td', {}, badge(kindLabel(e.kind), 'blue'), settingNote(e), teamChangeNote(e), extensionNote(e), releaseNote(e), archivedNote(e)), h('td', { class: 'mono' }, e.subjectRef ?? '—'), h('td', {}, fmtDateTime(e.recordedAt)), h('td', { class: 'mono' }, `${e.leafHash.slice(0, 16)}…`)))))),
      pager(page, Infinity, undefined, (p) => { page = p; load(); }, { hasMore: rows.length === PAGE }));
  }, 'oversight');
  form.addEventListener('submit', (event) => { event.preventDefault(); cursors.length = 1; page = 0; load(); });
  mount(container, card(t('audit.title'), form, h('div', { style: 'margin-top:14px' }, list)));
  await load();
}
