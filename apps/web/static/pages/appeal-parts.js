// Pieces of an appeal both sides see: its status, deadline, step timeline with receipts, the
// decision, the grounds and challenged records, and the evidence files.
import { api } from '../api.js';
import { currentLang, factorName, fmtChance, fmtDate, fmtDateTime, fmtNumber, fmtPercent, t, tKnown, valueLabel } from '../i18n.js';
import { factorValueText } from './reasons.js';
import { badge, card, chip, downloadButton, fileKind, fmtBytes, h } from '../ui.js';

const STEPS = ['filed', 'in-review', 'decided', 'correction-sent', 'corrections-applied', 'rescored'];
const DAY = 86_400_000;

export function appealStatusBadge(appeal) {
  const kind = { filed: 'blue', 'in-review': 'blue', 'awaiting-rescore': '', decided: 'ok', withdrawn: '' }[appeal.status] ?? '';
  return h('span', { class: 'row', style: 'gap:6px;display:inline-flex', 'data-status': appeal.status },
    badge(t(`appeal.status.${appeal.status}`), kind), appeal.overdue ? badge(t('appeal.overdue'), 'bad') : null);
}

export function outcomeText(outcome) {
  return outcome ? t(`appeal.outcome.${outcome}`) : '—';
}

/** The deadline in words: days left, days late, or when it was decided or withdrawn (the deadline no longer runs). */
export function dueText(appeal) {
  if (appeal.decidedAt) return t('appeal.decidedOn', { date: fmtDate(appeal.decidedAt) });
  if (appeal.status === 'withdrawn') return t('appeal.withdrawnOn', { date: fmtDate(appeal.closedAt) });
  const days = Math.ceil((Date.parse(appeal.dueAt) - Date.now()) / DAY);
  if (appeal.overdue || days < 0) return t('appeal.lateBy', { date: fmtDate(appeal.dueAt), n: Math.max(1, -days) });
  return t('appeal.dueIn', { date: fmtDate(appeal.dueAt), n: Math.max(0, days) });
}

/**
 * How a record of an appeal is named: a case by its number; a complaint by the reference the
 * enterprise knows it by, and for officers also by its id (the enterprise is never sent the id).
 */
export function recordName(record) {
  if (!record.ref) return record.recordId;
  return record.recordId ? `${record.ref} (${record.recordId})` : record.ref;
}

/** Who took a step, in the words the reader needs: an enterprise sees roles, oversight sees accounts. */
function actorOf(step, forEnterprise) {
  if (step.step === 'rescored') return t('appeal.actor.scoring');
  if (step.step === 'corrections-applied') return t('appeal.actor.intake');
  if (!forEnterprise) return step.actor;
  return step.step === 'filed' || step.step === 'withdrawn' ? t('appeal.actor.you') : t('appeal.actor.officer');
}

/**
 * Steps this appeal will take: corrections and a re-score only when the decision corrected records;
 * no re-score when none was applied (no record changed); no report of the corrections for an appeal
 * closed before the records service reported them.
 */
function expectedSteps(appeal) {
  if (appeal.status === 'withdrawn') return ['filed', 'in-review', 'withdrawn'];
  if (appeal.outcome && appeal.outcome !== 'corrected') return STEPS.slice(0, 3);
  const applied = appeal.steps.find((s) => s.step === 'corrections-applied');
  if (applied) return (applied.detail?.applied ?? 0) === 0 ? STEPS.filter((name) => name !== 'rescored') : STEPS;
  return appeal.status === 'decided' ? STEPS.filter((name) => name !== 'corrections-applied') : STEPS;
}

/**
 * The steps to draw: those taken and those still to come. A step passed over did not happen and is
 * left out — an officer may decide without taking the appeal first, an enterprise withdraw it before
 * anyone did — so it is never shown as the one the appeal is waiting for.
 */
function shownSteps(appeal, taken) {
  const expected = expectedSteps(appeal);
  const last = Math.max(-1, ...expected.map((name, i) => (taken.has(name) ? i : -1)));
  return expected.filter((name, i) => taken.has(name) || i > last);
}

export function appealTimeline(appeal, { forEnterprise = false } = {}) {
  const taken = new Map(appeal.steps.map((s) => [s.step, s]));
  const steps = shownSteps(appeal, taken);
  const firstOpen = steps.find((name) => !taken.has(name));
  return h('ol', { class: 'timeline', id: 'appeal-timeline' }, steps.map((name) => {
    const step = taken.get(name);
    const state = step ? 'done' : name === firstOpen ? 'now' : 'later';
    // Done, current or to come is drawn by the dot's colour; the current step is also marked for screen readers.
    return h('li', { class: state, 'data-step': name, 'aria-current': state === 'now' ? 'step' : null },
      h('div', { class: 'row', style: 'gap:10px' },
        h('strong', {}, t(`appeal.step.${name}`)),
        step ? h('span', { class: 'muted small' }, `${fmtDateTime(step.at)} · ${actorOf(step, forEnterprise)}`) : h('span', { class: 'muted small' }, pendingHint(appeal, name)),
        h('span', { class: 'spacer' }),
        step?.auditSeq !== null && step?.auditSeq !== undefined ? receiptButton(appeal.id, step) : null),
      step ? stepBody(appeal, step, forEnterprise) : null);
  }));
}

function pendingHint(appeal, name) {
  if (name === 'in-review') return t('appeal.hint.inReview');
  if (name === 'decided') return `${t('appeal.hint.decided')} · ${dueText(appeal)}`;
  if (name === 'correction-sent') return t('appeal.hint.correction');
  if (name === 'corrections-applied') return t('appeal.hint.applied');
  return t('appeal.hint.rescored');
}

/** A colour's badge word inside an English sentence: "a red score", not "a Red score". */
function inSentence(word) {
  return currentLang() === 'en' ? word.toLowerCase() : word;
}

function stepBody(appeal, step, forEnterprise) {
  const d = step.detail ?? {};
  if (step.step === 'filed') {
    const records = (d.challenges ?? []).length;
    const files = (d.evidence ?? []).length;
    return h('p', { class: 'small muted step-body', 'data-filed-detail': '' }, t('appeal.filedDetail', {
      colour: inSentence(t(`colour.${d.colour ?? appeal.colour}Short`)),
      // "challenged 0 records" reads as a mistake: an appeal on its grounds alone says so.
      records: records ? t('appeal.filedRecords', { n: fmtNumber(records) }) : t('appeal.filedNoRecords'),
      files: files ? t('appeal.filedFiles', { n: fmtNumber(files) }) : t('appeal.filedNoFiles'),
    }));
  }
  if (step.step === 'decided') {
    return h('div', { class: 'step-body' },
      h('div', { class: 'row', style: 'gap:8px' }, badge(outcomeText(d.outcome ?? appeal.outcome), d.outcome === 'upheld' ? '' : 'ok'),
        d.overrideColour ? h('span', { class: 'row', style: 'gap:6px' }, chip(appeal.colour), '→', chip(d.overrideColour)) : null),
      step.note ? h('blockquote', { class: 'reasons' }, step.note) : null);
  }
  if (step.step === 'correction-sent') {
    return h('ul', { class: 'small step-body' }, (d.corrections ?? []).map((c) => h('li', {}, `${t(`record.${c.kind}`)} ${recordName(c)} · ${t(`correction.${c.action}`)}`)));
  }
  if (step.step === 'corrections-applied') return correctionsApplied(d);
  if (step.step === 'withdrawn') {
    return h('div', { class: 'step-body' }, h('p', { class: 'small muted', style: 'margin:0' }, t('appeal.withdrawnDetail')),
      appeal.withdrawalReason ? h('blockquote', { class: 'reasons', id: 'withdrawal-reason' }, appeal.withdrawalReason) : null);
  }
  if (step.step === 'rescored') return rescoredBody(appeal, step, forEnterprise);
  return null;
}

/**
 * Before and after the re-score. When the colour and the figure as shown stay the same, "红 约52% → 红 约52%"
 * would look like nothing happened: it says so in words, with the exact figures, and what the correction moved.
 */
function rescoredBody(appeal, step, forEnterprise) {
  const d = step.detail ?? {};
  // The enterprise reads its chances as its risk page words them; officers the figures to a tenth.
  const figure = (p) => (forEnterprise ? fmtChance(p ?? 0) : fmtPercent(p ?? 0, 1));
  const same = d.previousColour === d.colour && figure(d.previousProbability) === figure(d.probability);
  const moved = h('div', { class: 'small', 'data-rescore-moved': '' });
  // The same probability to the sixth place: no factor's weight moved, which the figures alone leave unexplained.
  const unchanged = d.previousProbability !== undefined && Math.abs((d.probability ?? 0) - d.previousProbability) < 1e-6;
  if (d.previousProbability !== undefined) fillMovedFactors(moved, appeal.creditCode, d.scoreId, step.at);
  return h('div', { class: 'step-body' },
    same
      ? h('p', { class: 'small', style: 'margin:0', 'data-rescore-same': d.colour ?? '' }, t('appeal.rescoredSame', {
        colour: inSentence(t(`colour.${d.colour}Short`)), figure: figure(d.probability), from: fmtPercent(d.previousProbability ?? 0, 2), to: fmtPercent(d.probability ?? 0, 2),
      }))
      : h('div', { class: 'row', style: 'gap:8px' },
        chip(d.previousColour), h('span', { class: 'muted small' }, figure(d.previousProbability)), '→',
        chip(d.colour), h('span', { class: 'muted small' }, figure(d.probability))),
    unchanged ? h('p', { class: 'small muted', style: 'margin:4px 0 0', 'data-same-band': '' }, t('appeal.sameBand')) : null,
    moved);
}

/**
 * The factors the correction moved, from the score's history: the stretch the re-score began (its latest score
 * is the re-score's, or a later identical one), its change from the stretch before. Nothing when it cannot be told.
 */
async function fillMovedFactors(box, creditCode, scoreId, at) {
  try {
    const history = await api(`/api/scores/${encodeURIComponent(creditCode)}/history`);
    const periods = Array.isArray(history?.periods) ? history.periods : [];
    const day = String(at ?? '').slice(0, 10);
    const period = periods.find((p) => p.scoreId === scoreId) ?? periods.find((p) => p.from <= day);
    const factors = period?.change?.factors ?? [];
    if (factors.length === 0) return;
    const value = (f, v) => (v === undefined ? '—' : factorValueText(f, v));
    box.append(h('div', { class: 'muted' }, t('appeal.rescoredMoved')),
      h('ul', { class: 'list-plain' }, factors.map((f) => h('li', { 'data-moved': f.factor },
        t('history.moved', { factor: factorName(f.factor), from: value(f.factor, f.from), to: value(f.factor, f.to) })))));
  } catch {
    // The history is a help, not the result: without it the figures above still say what the re-score gave.
  }
}

/** Which corrections the records service applied, and why any was not: when none was, no record changed and no re-score follows. */
export function correctionsApplied(detail) {
  const applied = detail.applied ?? 0;
  return h('div', { class: 'step-body', 'data-applied': applied },
    applied === 0 ? h('p', { class: 'small', style: 'margin:0 0 6px', id: 'none-applied' }, t('appeal.noneApplied')) : null,
    h('ul', { class: 'list-plain small verdicts' }, (detail.verdicts ?? []).map((v) => h('li', { 'data-verdict': v.status, 'data-record': v.ref ?? v.recordId },
      badge(t(`correction.status.${v.status}`), v.status === 'applied' ? 'ok' : 'warn'),
      h('div', {},
        h('div', {}, `${t(`record.${v.kind}`)} ${recordName(v)} · ${t(`correction.${v.action}`)}`),
        v.reason ? h('div', { class: 'muted' }, tKnown(`correction.reason.${v.reason}`) ?? v.reason) : null)))));
}

function receiptButton(appealId, step) {
  return downloadButton(t('appeal.receipt'), () => api(`/api/appeals/${encodeURIComponent(appealId)}/receipts/${step.auditSeq}`),
    `tianping-receipt-${appealId}-${step.step}-${step.auditSeq}.json`, { 'data-receipt': step.step });
}

/** The score appealed against and where the appeal stands. */
export function appealFacts(appeal, { forEnterprise = false } = {}) {
  return h('dl', { class: 'kv' },
    h('dt', {}, t('appeal.id')), h('dd', { class: 'mono' }, appeal.id),
    forEnterprise ? null : [h('dt', {}, t('field.creditCode')), h('dd', { class: 'mono' }, appeal.creditCode)],
    h('dt', {}, t('appeal.against')), h('dd', { class: 'row', style: 'gap:8px' }, chip(appeal.colour),
      // The model's engineering id is for officers; the enterprise finds it under the score's technical details.
      h('span', { class: 'muted small', title: appeal.modelVersion ?? '' }, forEnterprise ? t('appeal.findingChance', { pct: fmtChance(appeal.probability) }) : `${fmtPercent(appeal.probability, 1)} · ${appeal.modelVersion}`)),
    h('dt', {}, t('field.status')), h('dd', {}, appealStatusBadge(appeal)),
    h('dt', {}, t('appeal.filedAt')), h('dd', {}, fmtDateTime(appeal.filedAt)),
    h('dt', {}, t('appeal.due')), h('dd', { id: 'appeal-due' }, dueText(appeal)),
    forEnterprise ? null : [h('dt', {}, t('appeal.reviewer')), h('dd', {}, appeal.reviewer ?? '—')]);
}

export function decisionCard(appeal) {
  if (!appeal.outcome) return null;
  return card(t('appeal.decision'),
    h('div', { id: 'appeal-decision', 'data-outcome': appeal.outcome },
      h('div', { class: 'row', style: 'gap:10px' }, h('strong', { style: 'font-size:18px' }, outcomeText(appeal.outcome)),
        appeal.overrideColour ? h('span', { class: 'row', style: 'gap:6px' }, chip(appeal.colour), '→', chip(appeal.overrideColour)) : null),
      outcomeNow(appeal),
      h('h3', {}, t('appeal.reasons')),
      h('blockquote', { class: 'reasons' }, appeal.decisionReasons ?? '—')));
}

/**
 * What the decision means now: a correction promises a re-score until it happens, then says what the
 * re-score gave (or that no record changed), in the past tense, beside the decision itself.
 */
function outcomeNow(appeal) {
  const step = (name) => appeal.steps.find((s) => s.step === name);
  const rescored = appeal.outcome === 'corrected' ? step('rescored') : null;
  if (rescored) {
    const d = rescored.detail ?? {};
    return h('p', { class: 'small row', id: 'appeal-outcome-now', 'data-rescored': d.colour ?? '', style: 'gap:6px' },
      t('appeal.outcomeMeans.correctedDone', { date: fmtDate(rescored.at) }),
      ...(d.previousColour === d.colour ? [chip(d.colour), h('span', { class: 'muted' }, t('appeal.levelUnchanged'))] : [chip(d.previousColour), '→', chip(d.colour)]));
  }
  const applied = appeal.outcome === 'corrected' ? step('corrections-applied') : null;
  if (applied && (applied.detail?.applied ?? 0) === 0) return h('p', { class: 'small', id: 'appeal-outcome-now' }, t('appeal.outcomeMeans.correctedNone'));
  return h('p', { class: 'muted small' }, t(`appeal.outcomeMeans.${appeal.outcome}`));
}

export function groundsCard(appeal) {
  return card(t('appeal.grounds'),
    h('p', { class: 'grounds' }, appeal.grounds),
    appeal.challenges.length === 0 ? null : [
      h('h3', { style: 'margin-top:16px' }, t('appeal.challenged')),
      h('ul', { class: 'list-plain', id: 'appeal-challenges' }, appeal.challenges.map((c) => h('li', {},
        badge(t(`record.${c.kind}`), 'blue'), h('div', {}, h('div', { class: 'mono' }, recordName(c)), h('div', {}, c.claim), recordFacts(c))))),
    ]);
}

/** What the enterprise's file said of a challenged record when the appeal was filed: what its claim is weighed against. */
export function recordFacts(c) {
  const r = c.record;
  if (!r || typeof r !== 'object') return null;
  const rows = c.kind === 'case'
    ? [
      [t('field.date'), r.date ? fmtDate(r.date) : null],
      [t('field.department'), r.department ? valueLabel('dept', r.department) : null],
      [t('field.kind'), r.kind ? [valueLabel('caseKind', r.kind), r.origin ? ` · ${valueLabel('caseOrigin', r.origin)}` : ''] : null],
      [t('field.result'), r.result ? [valueLabel('caseResult', r.result), r.violation ? h('div', { class: 'muted' }, r.violation) : null] : null],
      [t('field.penalty'), r.penaltyYuan ? fmtNumber(r.penaltyYuan, 2) : null],
    ]
    : [
      [t('field.date'), r.receivedOn ? fmtDate(r.receivedOn) : null],
      [t('field.category'), r.category ? valueLabel('category', r.category) : null],
      [t('field.department'), r.department ? valueLabel('dept', r.department) : null],
      [t('field.verified'), typeof r.verified === 'boolean' ? t(r.verified ? 'common.yes' : 'common.no') : null],
      [t('field.status'), r.status ? valueLabel('clueStatus', r.status) : null],
    ];
  const shown = rows.filter(([, value]) => value !== null);
  if (shown.length === 0) return null;
  return h('div', { class: 'record-facts', 'data-record-facts': c.kind },
    h('div', { class: 'small muted' }, t('appeal.recordAsFiled')),
    h('dl', { class: 'kv small' }, shown.map(([label, value]) => [h('dt', {}, label), h('dd', {}, value)])));
}

/**
 * The evidence files. An officer checks each file's SHA-256 as they read it; the enterprise finds
 * the fingerprints folded away, for whoever verifies what it sent.
 */
export function evidenceCard(appeal, { forEnterprise = false } = {}) {
  const base = `/api/appeals/${encodeURIComponent(appeal.id)}/evidence`;
  const fingerprint = (f) => h('div', { class: 'mono muted', title: 'SHA-256' }, `SHA-256 ${f.sha256}`);
  if (appeal.evidence.length === 0) return card(t('appeal.evidence'), h('p', { class: 'muted' }, t('appeal.noEvidence')));
  return card(t('appeal.evidence'),
    h('ul', { class: 'list-plain', id: 'appeal-evidence' }, appeal.evidence.map((f) => h('li', {},
      h('span', { class: 'num' }, f.n + 1),
      h('div', { style: 'min-width:0' },
        h('a', { href: `${base}/${f.n}`, download: f.name }, f.name),
        h('div', { class: 'muted small', 'data-file-kind': '' }, `${fmtBytes(f.size)} · ${fileKind(f.contentType, f.name)}`),
        forEnterprise ? null : fingerprint(f))))),
    forEnterprise ? verificationDetails('evidence-verification', t('appeal.evidenceCheckFor'),
      h('ul', { class: 'list-plain' }, appeal.evidence.map((f) => h('li', {}, h('div', { style: 'min-width:0' }, h('div', {}, f.name), fingerprint(f)))))) : null);
}

/** Where the enterprise follows its appeal: how a receipt is checked, folded away for whoever checks it. */
export function receiptVerification() {
  return verificationDetails('receipt-verification', t('appeal.receiptCheckFor'),
    h('p', {}, t('appeal.receiptCheckHow', { key: `${location.origin}/api/audit/public-key` })));
}

/** Checking details (fingerprints, keys) under "核验信息", with one sentence of whom they are for. */
function verificationDetails(id, forWhom, ...body) {
  return h('details', { class: 'receipt-help', id, 'data-verification': '' }, h('summary', {}, t('appeal.verification')), h('p', {}, forWhom), body);
}
