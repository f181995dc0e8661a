// Filing an appeal (陈述申辩): grounds, records challenged from the enterprise's own file with a claim
// each, and evidence files read in the browser. Sizes are checked here so a filing is never refused
// for its size after the person has written it.
import { api } from '../api.js';
import { fmtDate, fmtNumber, t, valueLabel } from '../i18n.js';
import { badge, card, errorState, field, fieldProblem, fmtBytes, h, mount, progressPanel } from '../ui.js';

export const LIMITS = { files: 5, fileBytes: 2 * 1024 * 1024, totalBytes: 3 * 1024 * 1024, grounds: [10, 8000], claim: 1000, name: 200 };

/** The form; `onFiled(appeal)` runs once the server has the appeal and its first step is in the record. */
export function appealForm(ctx, enterpriseFile, { onFiled, openAppealLink }) {
  const grounds = h('textarea', { name: 'grounds', rows: 7, maxlength: LIMITS.grounds[1], required: true, placeholder: t('appealForm.groundsPlaceholder'), 'aria-describedby': 'appeal-grounds-help appeal-grounds-count' });
  const counter = h('span', { class: 'muted small', id: 'appeal-grounds-count' });
  const countGrounds = () => { counter.textContent = t('appealForm.count', { n: fmtNumber(grounds.value.trim().length), max: fmtNumber(LIMITS.grounds[1]) }); };
  grounds.addEventListener('input', countGrounds);
  countGrounds();
  const picker = challengePicker(enterpriseFile);
  const evidence = evidencePicker();
  const submit = h('button', { class: 'btn', type: 'submit', id: 'appeal-submit' }, t('appealForm.submit'));
  const out = h('div');
  const form = h('form', { class: 'stack', id: 'appeal-form', novalidate: true },
    h('div', {}, field(t('appealForm.grounds'), grounds), h('div', { class: 'row', style: 'justify-content:space-between;margin-top:4px' }, h('span', { class: 'muted small', id: 'appeal-grounds-help' }, t('appealForm.groundsHelp')), counter)),
    picker.element,
    evidence.element,
    out,
    h('div', { class: 'row' }, submit, h('span', { class: 'muted small' }, t('appealForm.afterSubmit'))));
  // What was wrong at the last try goes once the person edits: a list that no longer holds misleads.
  form.addEventListener('input', () => {
    if (!out.querySelector('#appeal-problems')) return;
    mount(out);
    for (const marked of form.querySelectorAll('[aria-invalid]')) {
      marked.removeAttribute('aria-invalid');
      marked.setAttribute('aria-describedby', (marked.getAttribute('aria-describedby') ?? '').split(' ').filter((id) => id && !id.startsWith('problem-')).join(' '));
    }
  });
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    // Each problem is a line of the list and, where it is about a field, that field's description.
    const problems = [];
    const text = grounds.value.trim();
    if (text.length < LIMITS.grounds[0]) problems.push({ text: t('appealForm.groundsShort', { n: fmtNumber(LIMITS.grounds[0]) }), field: grounds });
    const challenges = picker.value(problems);
    problems.push(...evidence.problems().map((p) => ({ text: p })));
    if (problems.length) {
      const lines = problems.map((p) => h('li', {}, p.text));
      mount(out, h('div', { class: 'notice bad', role: 'alert', id: 'appeal-problems' }, h('ul', { style: 'margin:0;padding-left:18px' }, lines)));
      problems.forEach((p, i) => p.field && fieldProblem(p.field, lines[i], { focus: false }));
      problems.find((p) => p.field)?.field.focus();
      return;
    }
    submit.disabled = true;
    const progress = progressPanel([t('appealForm.stepRead'), t('appealForm.stepSend'), t('appealForm.stepRecord')], t('appealForm.sending'));
    mount(out, progress.element);
    try {
      const files = await evidence.read();
      const appeal = await api('/api/appeals', { method: 'POST', body: { creditCode: ctx.me.creditCode, grounds: text, challenges, evidence: files } });
      progress.finish();
      onFiled(appeal);
    } catch (error) {
      if (error.status === 409) mount(out, h('div', { class: 'notice bad', role: 'alert' }, t('appealForm.alreadyOpen'), ' ', openAppealLink ?? null));
      else if (error.status === 413) mount(out, h('div', { class: 'notice bad', role: 'alert' }, t('appealForm.tooLarge')));
      else mount(out, errorState(error, null, 'oversight'));
    } finally {
      submit.disabled = false;
    }
  });
  return card(t('appealForm.title'), h('p', { class: 'muted small', style: 'margin-top:0' }, t('appealForm.lead')), form);
}

/** The enterprise's own cases and complaints, each with a box to tick and the claim to make about it. */
function challengePicker(file) {
  const rows = [
    ...(file?.cases ?? []).map((c) => ({ kind: 'case', recordId: c.caseNo, text: [fmtDate(c.date), valueLabel('dept', c.department), valueLabel('caseKind', c.kind), c.result ? valueLabel('caseResult', c.result) : null, c.violation].filter(Boolean).join(' · '), bad: c.violationFound })),
    // A complaint is named by its reference: the page is never sent its id (it could point to who complained).
    ...(file?.clues ?? []).map((c) => ({ kind: 'clue', recordId: c.ref, text: [fmtDate(c.receivedOn ?? c.receivedAt), c.channel && valueLabel('channel', c.channel), valueLabel('category', c.category), valueLabel('clueStatus', c.status)].filter(Boolean).join(' · '), bad: c.verified })),
  ];
  const chosen = new Map();
  const list = h('ul', { class: 'picker', id: 'challenge-picker' }, rows.map((row) => {
    const claim = h('input', { name: 'claim', maxlength: LIMITS.claim, placeholder: t(`appealForm.claimPlaceholder.${row.kind}`), 'aria-label': t('appealForm.claim') });
    const claimBox = h('div', { class: 'claim', hidden: true }, field(t('appealForm.claim'), claim));
    const box = h('input', { type: 'checkbox', 'data-record': row.recordId });
    box.addEventListener('change', () => {
      claimBox.hidden = !box.checked;
      if (box.checked) { chosen.set(row.recordId, { row, claim }); claim.focus(); } else chosen.delete(row.recordId);
    });
    return h('li', {}, h('label', { class: 'row', style: 'gap:10px;align-items:flex-start' }, box,
      h('span', {}, badge(t(`record.${row.kind}`), row.bad ? 'bad' : ''), ' ', h('span', { class: 'mono' }, row.recordId), h('div', { class: 'small muted' }, row.text))), claimBox);
  }));
  const element = h('fieldset', { class: 'plain' }, h('legend', {}, t('appealForm.challenge')), h('p', { class: 'muted small', style: 'margin:0 0 8px' }, t('appealForm.challengeHelp')),
    rows.length ? list : h('p', { class: 'muted' }, t('appealForm.noRecords')));
  return {
    element,
    value(problems) {
      const out = [];
      for (const { row, claim } of chosen.values()) {
        const text = claim.value.trim();
        if (!text) problems.push({ text: t('appealForm.claimMissing', { id: row.recordId }), field: claim });
        out.push(row.kind === 'clue' ? { kind: 'clue', ref: row.recordId, claim: text } : { kind: row.kind, recordId: row.recordId, claim: text });
      }
      return out;
    },
  };
}

/** Files to attach: at most five, each and all together within the limits, read only on submit. */
function evidencePicker() {
  const files = [];
  const input = h('input', { type: 'file', multiple: true, id: 'evidence-input', name: 'evidence', class: 'visually-hidden' });
  const chooser = h('label', { class: 'dropzone' }, input, h('span', { class: 'btn secondary' }, t('appealForm.choose')), h('span', { class: 'muted small' }, t('appealForm.chooseHelp')));
  const list = h('ul', { class: 'list-plain', id: 'evidence-list' });
  const messages = h('div', { id: 'evidence-messages' });
  const total = () => files.reduce((n, f) => n + f.size, 0);
  const draw = (notes = []) => {
    mount(list, files.map((f, i) => h('li', {}, h('span', { class: 'num' }, i + 1), h('span', { style: 'flex:1' }, f.name), h('span', { class: 'muted small' }, fmtBytes(f.size)),
      h('button', { type: 'button', class: 'linkish remove', onclick: () => { files.splice(i, 1); draw(); } }, t('appealForm.remove')))));
    mount(messages, notes.length ? h('div', { class: 'notice bad', role: 'alert' }, h('ul', { style: 'margin:0;padding-left:18px' }, notes.map((n) => h('li', {}, n)))) : null,
      h('p', { class: 'muted small' }, t('appealForm.evidenceTotal', { used: fmtBytes(total()), max: fmtBytes(LIMITS.totalBytes), n: files.length, files: LIMITS.files })));
  };
  input.addEventListener('change', () => {
    const notes = [];
    for (const file of input.files) {
      if (files.length >= LIMITS.files) { notes.push(t('appealForm.tooMany', { name: file.name, n: LIMITS.files })); continue; }
      if (file.size === 0) { notes.push(t('appealForm.emptyFile', { name: file.name })); continue; }
      if (file.size > LIMITS.fileBytes) { notes.push(t('appealForm.fileTooBig', { name: file.name, size: fmtBytes(file.size), max: fmtBytes(LIMITS.fileBytes) })); continue; }
      if (total() + file.size > LIMITS.totalBytes) { notes.push(t('appealForm.totalTooBig', { name: file.name, max: fmtBytes(LIMITS.totalBytes) })); continue; }
      files.push(file);
    }
    input.value = '';
    draw(notes);
  });
  draw();
  const element = h('fieldset', { class: 'plain' }, h('legend', {}, t('appealForm.evidence')),
    h('p', { class: 'muted small', style: 'margin:0 0 8px' }, t('appealForm.evidenceHelp', { n: LIMITS.files, each: fmtBytes(LIMITS.fileBytes), max: fmtBytes(LIMITS.totalBytes) })),
    chooser, list, messages);
  return {
    element,
    problems: () => (total() > LIMITS.totalBytes ? [t('appealForm.totalTooBig', { name: '', max: fmtBytes(LIMITS.totalBytes) })] : []),
    read: () => Promise.all(files.map(async (f) => ({ name: f.name.slice(-LIMITS.name), contentType: contentTypeOf(f), contentBase64: await base64Of(f) }))),
  };
}

/** The browser's type when it knows one the server accepts, else plain bytes. */
function contentTypeOf(file) {
  return /^[\w.+-]+\/[\w.+-]+$/.test(file.type) ? file.type : 'application/octet-stream';
}

function base64Of(file) {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).slice(String(reader.result).indexOf(',') + 1));
    reader.onerror = () => reject(new Error(t('appealForm.readFailed', { name: file.name })));
    reader.readAsDataURL(file);
  });
}
