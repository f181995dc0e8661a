// One dead letter: where it came from, why no retry could deliver it, its payload (personal data
// masked), and replaying it to its subject after a second confirmation.
import { api } from '../api.js';
import { fmtDateTime, t } from '../i18n.js';
import { card, confirmStep, errorText, fmtBytes, h, mount, pageHead, section } from '../ui.js';

export async function renderDeadLetter(ctx, seq) {
  const body = h('div');
  mount(ctx.main, pageHead(t('deadLetter.title', { seq }), null, h('a', { class: 'btn secondary', href: '#/health' }, t('deadLetter.back'))), body);
  const kept = { outcome: null };
  await section(body, () => api(`/api/dead-letters/${encodeURIComponent(seq)}`), (letter) => letterPage(letter, kept), 'intake');
}

function letterPage(letter, kept) {
  const rows = [
    [t('deadLetter.originalSubject'), h('span', { class: 'mono' }, letter.originalSubject ?? '—')],
    [t('deadLetter.consumer'), h('span', { class: 'mono' }, letter.durable ?? '—')],
    [t('deadLetter.original'), h('span', { class: 'mono' }, `${letter.originalStream ?? '—'} · ${letter.originalSequence ?? '—'}`)],
    [t('deadLetter.error'), h('span', { id: 'dead-letter-error' }, letter.error ?? '—')],
    [t('deadLetter.deliveries'), String(letter.deliveries ?? '—')],
    [t('deadLetter.at'), fmtDateTime(letter.at)],
    [t('deadLetter.size'), fmtBytes(letter.truncatedFrom ?? letter.bytes)],
  ];
  return h('div', { class: 'stack', 'data-dead-letter': letter.seq },
    card(t('deadLetter.about'), h('dl', { class: 'kv kv-narrow' }, rows.map(([k, v]) => [h('dt', {}, k), h('dd', {}, v)])),
      letter.truncatedFrom ? h('div', { class: 'notice', style: 'margin-top:10px' }, t('deadLetter.truncated', { size: fmtBytes(letter.truncatedFrom) })) : null),
    payloadCard(letter),
    replayCard(letter, kept));
}

function payloadCard(letter) {
  const shown = letter.payload;
  return card(t('deadLetter.payload'),
    h('p', { class: 'muted small', style: 'margin-top:0' }, t('deadLetter.payloadLead')),
    shown === null
      ? h('div', { class: 'notice bad' }, t('deadLetter.payloadMissing', { message: letter.payloadProblem ?? '' }))
      : [
        shown.cutShort ? h('div', { class: 'notice warn' }, t('deadLetter.cutShort', { shown: fmtBytes(shown.text.length), size: fmtBytes(shown.bytes) })) : null,
        h('pre', { class: 'mono small', id: 'dead-letter-payload', tabindex: 0, style: 'white-space:pre-wrap;overflow-wrap:anywhere;max-height:60vh;overflow:auto;background:#f7f9fc;padding:10px;border-radius:6px' }, shown.text),
      ]);
}

/** Replay: what it does, then a second confirmation; the outcome takes the focus. */
function replayCard(letter, kept) {
  const place = h('div', { 'aria-live': 'polite' });
  const button = h('button', { class: 'btn', type: 'button', id: 'dead-letter-replay' }, t('deadLetter.replay'));
  button.addEventListener('click', async () => {
    const sure = await confirmStep(place, t('deadLetter.confirmReplay', { seq: letter.seq, subject: letter.originalSubject ?? '—' }), t('deadLetter.replay'), { replaces: button });
    if (!sure) return;
    button.hidden = true;
    try {
      const done = await api(`/api/dead-letters/${encodeURIComponent(letter.seq)}/replay`, { method: 'POST' });
      kept.outcome = h('div', { class: 'notice ok', role: 'status', tabindex: -1, id: 'dead-letter-outcome', 'data-replayed': letter.seq }, t('deadLetter.replayed', { subject: done.republishedTo, newSequence: done.newSequence }));
    } catch (error) {
      kept.outcome = h('div', { class: 'notice bad', role: 'alert', tabindex: -1, id: 'dead-letter-outcome' }, error?.status === 404 ? t('deadLetter.gone') : errorText(error));
      button.hidden = false;
    }
    mount(place, kept.outcome);
    kept.outcome.focus();
  });
  return card(t('deadLetter.replay'), h('p', { class: 'small', style: 'margin-top:0' }, t('deadLetter.replayLead')), place, h('div', { style: 'margin-top:10px' }, button));
}
