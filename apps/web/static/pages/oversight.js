// Oversight: the tamper-evident record with its verification, and what waits in the review queue.
import { api } from '../api.js';
import { fmtDateTime, t } from '../i18n.js';
import { badge, card, emptyState, errorState, field, h, mount, pageHead, pager, section, select } from '../ui.js';

const PAGE = 20;

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
      mount(verifyBox, h('div', { class: `notice ${result.ok ? 'ok' : 'bad'}`, id: 'verify-result' }, result.ok ? t('audit.ok', { n: result.entries ?? result.treeSize ?? 0 }) : t('audit.bad', { seq: result.firstBad?.seq, problem: result.firstBad?.problem ?? '' })));
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
    h('dt', {}, 'Tree size'), h('dd', {}, c.treeSize ?? '—'),
    h('dt', {}, 'Root'), h('dd', { class: 'mono' }, c.rootHash ?? '—'),
    h('dt', {}, 'Key'), h('dd', { class: 'mono' }, c.keyId ?? '—'),
    h('dt', {}, 'Time'), h('dd', {}, c.timestamp ?? '—')) : emptyState(t('audit.noEntries'))), 'oversight');
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

async function entriesTable(container) {
  const kind = select('kind', [['', t('common.all')], ...['score', 'model-version', 'colour-policy', 'sign-off', 'approval', 'colour-decision', 'appeal', 'kill-switch', 'algorithm-audit', 'algorithm-audit-publication'].map((k) => [k, k])], '');
  const subject = h('input', { name: 'subjectRef', placeholder: t('field.creditCode'), size: 22 });
  const form = h('form', { class: 'filters' }, field(t('audit.kind'), kind), field(t('field.subject'), subject), h('button', { class: 'btn secondary', type: 'submit' }, t('common.search')));
  const list = h('div');
  const cursors = [-1];
  let page = 0;
  const load = () => section(list, () => api('/api/audit/entries', { query: { after: cursors[page], limit: PAGE, kind: kind.value, subjectRef: subject.value.trim() } }), (rows) => {
    cursors[page + 1] = rows.length ? rows[rows.length - 1].seq : undefined;
    if (rows.length === 0 && page === 0) return emptyState(t('audit.noEntries'));
    return h('div', {},
      h('div', { class: 'table-wrap' }, h('table', { id: 'audit-table' },
        h('thead', {}, h('tr', {}, [t('field.seq'), t('audit.kind'), t('field.subject'), t('field.recordedAt'), 'Leaf hash'].map((c) => h('th', {}, c)))),
        h('tbody', {}, rows.map((e) => h('tr', {}, h('td', {}, e.seq), h('td', {}, badge(e.kind, 'blue')), h('td', { class: 'mono' }, e.subjectRef ?? '—'), h('td', {}, fmtDateTime(e.recordedAt)), h('td', { class: 'mono' }, `${e.leafHash.slice(0, 16)}…`)))))),
      pager(page, Infinity, undefined, (p) => { page = p; load(); }, { hasMore: rows.length === PAGE }));
  }, 'oversight');
  form.addEventListener('submit', (event) => { event.preventDefault(); cursors.length = 1; page = 0; load(); });
  mount(container, card(t('audit.title'), form, h('div', { style: 'margin-top:14px' }, list)));
  await load();
}
