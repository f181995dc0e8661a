// Administrators: every open record of one load (a file, an upload, a push) given up at once, with a reason:
// a test file taken in by mistake, or an export refused whole for one file-level reason.
import { api } from '../api.js';
import { fmtDateTime, plural, t } from '../i18n.js';
import { card, errorText, h, headCell, mount } from '../ui.js';
import { discardForm } from './quarantine-discard.js';
import { kindName, sourceText } from './quarantine.js';

/** The load in words: the file's name, or how it came when it was no file. */
export function loadName(run) {
  if (run.source === 'http') return t('quarantine.runs.http');
  if (String(run.source).startsWith('nats:')) return t('quarantine.runs.nats');
  return sourceText({ source: run.source, line: 0 });
}

/** The loads holding the most open records, each with its own "discard all N" act; `done` reloads the page. */
export function runsCard(openRuns, done) {
  if (openRuns.length === 0) return null;
  const form = h('div', { id: 'discard-run-form' });
  const rows = openRuns.map((run) =>
    h('tr', { 'data-run': run.runId },
      h('td', { title: run.source }, loadName(run)),
      h('td', {}, kindName(run.kind)),
      h('td', { class: 'small' }, run.startedAt ? fmtDateTime(run.startedAt) : '—'),
      h('td', { style: 'text-align:right' }, run.count),
      // The open copies of earlier loads this one closed as superseded (none shown while it runs).
      h('td', { style: 'text-align:right', 'data-superseded': run.superseded ?? '' }, run.superseded ?? '—'),
      h('td', {}, h('button', { class: 'btn secondary', type: 'button', 'data-discard-run': run.runId, onclick: () => mount(form, reasonForm(run, done)) }, plural('quarantine.runs.discardAll', run.count)))));
  return card(t('quarantine.runs.title'),
    h('p', { class: 'small', style: 'margin-top:0' }, t('quarantine.runs.lead')),
    h('div', { class: 'table-wrap' }, h('table', { id: 'quarantine-runs' },
      h('thead', {}, h('tr', {}, [t('quarantine.runs.col.load'), t('quarantine.kind'), t('quarantine.runs.col.startedAt'), t('quarantine.runs.col.open'), t('quarantine.runs.col.superseded'), ''].map(headCell))),
      h('tbody', {}, rows))),
    form);
}

/** The reason first, then the page's second step naming how many records go, and from where. */
function reasonForm(run, done) {
  const what = { load: loadName(run), at: run.startedAt ? fmtDateTime(run.startedAt) : '—' };
  const { form, reason } = discardForm({
    ids: { form: 'discard-run', reason: 'discard-run-reason', submit: 'discard-run-submit' },
    label: t('quarantine.runs.reason'),
    submitLabel: plural('quarantine.runs.discardAllFrom', run.count, what),
    placeholder: t('quarantine.runs.placeholder'),
    confirm: () => plural('quarantine.runs.confirm', run.count, what),
    act: async (text) => {
      const { discarded } = await api('/api/quarantine/discard', { method: 'POST', body: { runId: run.runId, reason: text } });
      await done(h('div', { class: 'notice ok', role: 'status', id: 'discard-run-outcome', tabindex: -1 }, plural('quarantine.runs.discarded', discarded, { load: what.load })));
    },
    failed: (error) => h('div', { class: 'notice bad', role: 'alert', style: 'margin-top:10px' }, errorText(error)),
    rows: 2,
    style: 'margin-top:14px',
  });
  setTimeout(() => reason.focus(), 0);
  return form;
}
