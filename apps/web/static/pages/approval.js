// One approval request: what was proposed, by whom, each sign-off with its reasons, and the sign-off
// form. The server holds the four-eyes rules (not the trainer, one role per person); the page says
// what they are and shows the server's refusal when they are broken.
import { api } from '../api.js';
import { actorLabel, fmtDateTime, fmtNumber, fmtPeriod, fmtPercent, t } from '../i18n.js';
import { badge, card, chip, confirmStep, errorState, fieldProblem, h, mount, pageHead, section } from '../ui.js';
import { approvalBadge, builderText } from './models.js';
import { factorsCard } from './approval-factors.js';
import { evidenceCard } from './policy-evidence.js';

const PATHS = { 'model-version': 'models', 'colour-policy': 'colour-policies' };

export async function renderApproval(ctx, kind, ref) {
  const flash = h('div');
  const body = h('div');
  mount(ctx.main,
    pageHead(t(`approval.kind.${kind}`), h('span', { class: 'mono' }, ref), h('a', { class: 'btn secondary', href: '#/models' }, t('approval.back'))),
    h('div', { class: 'stack' }, flash, body));
  const load = () => section(body, async () => {
    const [request, registry, impact, factors, evidence] = await Promise.all([
      api(`/api/approvals/${PATHS[kind]}/${encodeURIComponent(ref)}`),
      api(kind === 'model-version' ? '/api/models' : '/api/colour-policies').catch(() => null),
      kind === 'colour-policy' ? api(`/api/colour-policies/${encodeURIComponent(ref)}/impact`).catch(() => null) : null,
      kind === 'model-version' ? api(`/api/models/${encodeURIComponent(ref)}/factors`).catch(() => null) : null,
      kind === 'colour-policy' ? api(`/api/audits/colour-policies/${encodeURIComponent(ref)}`).catch(() => null) : null,
    ]);
    const active = kind === 'model-version' ? registry?.find((r) => r.state === 'active' && r.version !== ref) ?? null : null;
    return { request, entry: registry?.find((r) => r.version === ref) ?? null, impact, active, factors, evidence };
  }, ({ request, entry, impact, active, factors, evidence }) => requestBody(ctx, request, entry, { impact, active, factors, evidence }, (signed) => {
    mount(flash, h('div', { class: 'notice ok', id: 'sign-off-done', role: 'status' }, t('signoff.done', { role: t(`signoff.role.${signed.role}`), decision: t(`signoff.decision.${signed.decision}`), seq: signed.auditSeq })));
    load();
  }), 'oversight');
  await load();
}

function requestBody(ctx, request, entry, { impact, active, factors, evidence }, onSigned) {
  const signed = new Map(request.signOffs.map((s) => [s.role, s]));
  const status = h('div', { class: `notice ${request.status === 'approved' ? 'ok' : request.status === 'rejected' ? 'bad' : 'warn'}`, id: 'approval-status', 'data-status': request.status },
    h('strong', {}, t(`approval.status.${request.status}`)),
    h('div', { class: 'small', style: 'margin-top:4px' }, request.status === 'pending'
      ? t('approval.pendingMeans', { roles: request.missing.map((r) => t(`signoff.role.${r}`)).join(t('common.listSep')) })
      : t(`approval.decidedMeans.${request.status}`, { date: fmtDateTime(request.decidedAt), seq: request.decisionSeq })));
  const canSign = ctx.me.role === 'oversight' && request.status === 'pending';
  // A colour policy's evidence (what it changes, what past inspections found) is read before signing, in the wide column.
  return h('div', { class: 'grid grid-main' },
    h('div', { class: 'stack' },
      card(t('approval.signOffs'), status,
        h('div', { class: 'signoffs', id: 'sign-offs' }, request.required.map((role) => roleSlot(request.subjectKind, role, signed.get(role))))),
      impact ? impactCard(impact) : null, evidenceCard(evidence),
      canSign ? signOffForm(ctx, request, onSigned) : null),
    h('div', { class: 'stack' }, proposalCard(request, entry),
      request.subjectKind === 'model-version' ? comparisonCard(request.proposal?.metrics ?? {}, active) : null,
      request.subjectKind === 'model-version' ? factorsCard(factors) : null));
}

/**
 * The candidate's held-out figures beside the model in use, each with the direction that is better,
 * so the technical reviewer judges an improvement (or a loss) rather than figures alone.
 */
function comparisonCard(m, active) {
  if (!active) return card(t('approval.compare'), h('p', { class: 'muted small', id: 'model-comparison', style: 'margin:0' }, t('approval.compareNone')));
  const a = active.metrics ?? {};
  const fixed = (v, digits) => (typeof v === 'number' ? v.toFixed(digits) : '—');
  const line = (key, mine, theirs, digits, higherBetter) => {
    const change = typeof mine === 'number' && typeof theirs === 'number' ? Number((Number(mine.toFixed(digits)) - Number(theirs.toFixed(digits))).toFixed(digits)) : null;
    return h('tr', { 'data-metric': key },
      h('td', {}, t(`approval.${key}`), h('div', { class: 'muted small' }, t(higherBetter ? 'approval.higherBetter' : 'approval.lowerBetter'))),
      h('td', { 'data-label': t('approval.thisVersion') }, fixed(mine, digits)),
      h('td', { 'data-label': t('approval.activeVersion') }, fixed(theirs, digits)),
      h('td', { 'data-label': t('approval.difference'), 'data-difference': key }, change === null ? '—' : change === 0 ? '0' : `${change > 0 ? '+' : '−'}${Math.abs(change).toFixed(digits)}`));
  };
  return card(t('approval.compare'),
    h('p', { class: 'muted small', style: 'margin-top:0' }, t('approval.compareLead', { version: active.version })),
    h('div', { class: 'table-wrap' }, h('table', { id: 'model-comparison', class: 'stack-rows' },
      h('thead', {}, h('tr', {}, [t('approval.metric'), t('approval.thisVersion'), t('approval.activeVersion'), t('approval.difference')].map((c) => h('th', {}, c)))),
      h('tbody', {},
        line('auc', m.validationAuc, a.validationAuc, 3, true),
        line('ece', m.validationEce, a.validationEce, 4, false),
        line('logLoss', m.validationLogLoss, a.validationLogLoss, 3, false)))),
    h('p', { class: 'muted small', style: 'margin-bottom:0' }, t('approval.compareNoise')));
}

/**
 * What a colour policy would change, for the person signing it off: today's scores coloured under its
 * thresholds beside the active policy's (the model's probabilities stay as they are).
 */
function impactCard(impact) {
  const share = (n) => (impact.counts.total ? fmtPercent(n / impact.counts.total, 1) : '—');
  const row = (colour) => {
    const now = impact.active.counts[colour];
    const then = impact.counts[colour];
    const change = then - now;
    return h('tr', { 'data-colour-row': colour },
      h('td', {}, chip(colour)),
      h('td', {}, fmtNumber(now, 0), h('span', { class: 'muted small' }, ` (${share(now)})`)),
      h('td', {}, fmtNumber(then, 0), h('span', { class: 'muted small' }, ` (${share(then)})`)),
      h('td', { class: change > 0 && colour === 'red' ? 'bad-text' : '' }, change === 0 ? '0' : `${change > 0 ? '+' : '−'}${fmtNumber(Math.abs(change), 0)}`));
  };
  const same = impact.version === impact.active.version;
  return card(t('impact.title'),
    h('p', { class: 'muted small', style: 'margin-top:0' }, same ? t('impact.isActive', { n: fmtNumber(impact.counts.total, 0) }) : t('impact.lead', { n: fmtNumber(impact.counts.total, 0), active: impact.active.version })),
    h('div', { class: 'table-wrap' }, h('table', { id: 'policy-impact' },
      h('thead', {}, h('tr', {}, [t('field.colour'), t('impact.now'), t('impact.then'), t('impact.change')].map((c) => h('th', {}, c)))),
      h('tbody', {}, ['red', 'yellow', 'green'].map(row)))),
    h('p', { class: 'muted small' }, t('impact.note')));
}

/** What a role checks: a colour policy's legal review weighs thresholds, not factors. */
function roleMeans(kind, role) {
  return t(kind === 'colour-policy' ? `signoff.policyMeans.${role}` : `signoff.roleMeans.${role}`);
}

function roleSlot(kind, role, signOff) {
  return h('div', { class: `signoff ${signOff ? signOff.decision : 'waiting'}`, 'data-role': role, 'data-signed': signOff ? signOff.decision : 'pending' },
    h('div', { class: 'row' },
      h('strong', {}, t(`signoff.role.${role}`)),
      h('span', { class: 'spacer' }),
      signOff ? badge(t(`signoff.decision.${signOff.decision}`), signOff.decision === 'approve' ? 'ok' : 'bad') : badge(t('signoff.waiting'), 'warn')),
    signOff
      ? [h('div', { class: 'small', style: 'margin-top:4px' }, t('signoff.byAt', { actor: signOff.actor, date: fmtDateTime(signOff.at) })),
        h('blockquote', { class: 'reasons' }, signOff.reasons),
        h('div', { class: 'muted small', style: 'margin-top:6px' }, t('signoff.seq', { seq: signOff.auditSeq }))]
      : h('p', { class: 'muted small', style: 'margin:6px 0 0' }, roleMeans(kind, role)));
}

/** What is asked to be approved: who built and trained it, on what, and how it did on held-out data. */
function proposalCard(request, entry) {
  const p = request.proposal ?? {};
  const rows = [
    [t(request.subjectKind === 'colour-policy' ? 'approval.policyProposedBy' : 'approval.proposedBy'), h('strong', { 'data-proposed-by': request.proposedBy }, actorLabel(request.proposedBy))],
    [t('approval.proposedAt'), fmtDateTime(request.proposedAt)],
  ];
  if (request.subjectKind === 'model-version') {
    const m = p.metrics ?? {};
    rows.unshift([t('approval.builtBy'), h('span', { 'data-built-by': request.builtBy?.kind ?? '' }, builderText(request.builtBy))]);
    rows.push(
      [t('approval.spec'), p.specName ?? '—'],
      [t('approval.window'), p.trainingWindow ? fmtPeriod(p.trainingWindow.from, p.trainingWindow.to) : '—'],
      [t('approval.rows'), m.trainRows !== undefined ? t('approval.rowsText', { rows: fmtNumber(m.trainRows), positives: fmtNumber(m.trainPositives) }) : '—'],
      [t('approval.auc'), m.validationAuc?.toFixed?.(3) ?? '—'],
      [t('approval.ece'), m.validationEce?.toFixed?.(4) ?? '—'],
      [t('approval.logLoss'), m.validationLogLoss?.toFixed?.(3) ?? '—'],
      [t('approval.fingerprint'), h('span', { class: 'mono' }, p.dataFingerprint ?? '—')],
    );
  } else {
    const th = p.thresholds ?? {};
    rows.push([t('models.thresholds'), t('models.thresholdText', { yellow: `${Math.round((th.yellow ?? 0) * 1000) / 10}%`, red: `${Math.round((th.red ?? 0) * 1000) / 10}%` })]);
  }
  if (entry) rows.push([t('approval.registryState'), badge(t(`models.state.${entry.state}`), entry.state === 'active' ? 'ok' : 'blue')]);
  const thin = request.subjectKind === 'model-version' ? thinData(p.metrics ?? {}) : [];
  return card(t('approval.proposal'),
    thin.length ? h('div', { class: 'notice warn', id: 'thin-data', role: 'note', style: 'margin-bottom:12px' }, thin.map((line) => h('p', { style: 'margin:0 0 4px' }, line))) : null,
    h('dl', { class: 'kv kv-narrow', id: 'proposal' }, rows.map(([k, v]) => [h('dt', {}, k), h('dd', {}, v)])),
    h('div', { style: 'margin-top:12px' }, approvalBadge(request)));
}

/**
 * Warnings a reviewer should read before signing: too few violations to fit the factors (the common
 * rule of ten events per factor), or a validation set too small for its figures to mean much.
 */
function thinData(m) {
  const factors = m.factors ?? 12;
  const lines = [];
  if (m.trainPositives !== undefined && m.trainPositives < 10 * factors) lines.push(t('approval.thinTraining', { positives: fmtNumber(m.trainPositives), need: fmtNumber(10 * factors), factors: fmtNumber(factors) }));
  if (m.validationRows !== undefined && m.validationRows < 200) lines.push(t('approval.thinValidation', { rows: fmtNumber(m.validationRows) }));
  return lines;
}

function signOffForm(ctx, request, onSigned) {
  const free = request.required.filter((r) => request.missing.includes(r));
  const roleChoices = request.required.map((role) => choice('role', role, t(`signoff.role.${role}`), roleMeans(request.subjectKind, role), { checked: role === free[0], disabled: !free.includes(role) }));
  const decisionChoices = ['approve', 'reject'].map((d) => choice('decision', d, t(`signoff.decision.${d}`), t(`signoff.decisionMeans.${d}`), { checked: d === 'approve' }));
  const reasons = h('textarea', { name: 'reasons', rows: 4, maxlength: 4000, placeholder: t(request.subjectKind === 'colour-policy' ? 'signoff.policyPlaceholder' : 'signoff.reasonsPlaceholder') });
  const message = h('div');
  const confirmBox = h('div');
  const submit = h('button', { class: 'btn', type: 'submit', id: 'sign-off-submit' }, t('signoff.submit'));
  const own = request.signOffs.find((s) => s.actor === ctx.me.username);
  const caution = ctx.me.username === request.proposedBy ? t('signoff.youProposed') : own ? t('signoff.youSigned', { role: t(`signoff.role.${own.role}`) }) : null;
  const form = h('form', { class: 'stack', id: 'sign-off-form', novalidate: true },
    h('p', { class: 'muted small', style: 'margin:0' }, t('signoff.rules')),
    caution ? h('div', { class: 'notice warn', id: 'sign-off-caution' }, caution) : null,
    h('fieldset', { class: 'plain' }, h('legend', {}, t('signoff.role')), h('div', { class: 'choices grid-2 grid' }, roleChoices)),
    h('fieldset', { class: 'plain' }, h('legend', {}, t('signoff.decision')), h('div', { class: 'choices grid-2 grid' }, decisionChoices)),
    h('label', { class: 'field' }, t('signoff.reasons'), reasons),
    message, confirmBox, h('div', { class: 'row' }, submit, h('span', { class: 'muted small' }, t('signoff.logged'))));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const role = form.querySelector('input[name=role]:checked')?.value;
    const decision = form.querySelector('input[name=decision]:checked')?.value;
    if (!role) { mount(message, h('div', { class: 'notice bad', role: 'alert' }, t('signoff.pickRole'))); return; }
    if (reasons.value.trim().length < 5) { mount(message, fieldProblem(reasons, h('div', { class: 'notice bad', role: 'alert' }, t('signoff.reasonsRequired')))); return; }
    mount(message);
    const line = t('signoff.confirm', { role: t(`signoff.role.${role}`), decision: t(`signoff.decision.${decision}`), subject: request.subjectRef });
    const yes = await confirmStep(confirmBox, line, t('signoff.confirmYes'), { danger: decision === 'reject', replaces: submit });
    if (!yes) return;
    submit.disabled = true;
    try {
      const after = await api(`/api/approvals/${PATHS[request.subjectKind]}/${encodeURIComponent(request.subjectRef)}/sign-offs`, { method: 'POST', body: { role, decision, reasons: reasons.value.trim() } });
      onSigned(after.signOffs.find((s) => s.actor === ctx.me.username && s.role === role) ?? { role, decision, auditSeq: '—' });
    } catch (error) {
      submit.disabled = false;
      mount(message, refusal(ctx, request, error));
    }
  });
  return h('section', { class: 'card', id: 'sign-off' }, h('div', { class: 'card-head' }, h('h2', {}, t('signoff.title'))), form);
}

/** The server's refusal, in the reader's language first and then in the server's own words. */
function refusal(ctx, request, error) {
  if (error.status !== 403 && error.status !== 409 && error.status !== 400) return errorState(error, null, 'oversight');
  const why = error.status === 409 ? t('signoff.conflict')
    : error.status === 400 ? t('signoff.badRole')
      : ctx.me.username === request.proposedBy ? t('signoff.refusedProposer')
        : request.signOffs.some((s) => s.actor === ctx.me.username) ? t('signoff.refusedTwoRoles') : t('signoff.refused');
  return h('div', { class: 'notice bad', role: 'alert', id: 'sign-off-refused', 'data-status': error.status },
    h('strong', {}, why),
    h('div', { class: 'small', style: 'margin-top:6px' }, t('signoff.server'), ' ', h('span', { class: 'server-words' }, error.message)));
}

function choice(name, value, label, help, { checked, disabled }) {
  return h('label', { class: `choice${disabled ? ' disabled' : ''}` },
    h('input', { type: 'radio', name, value, checked, disabled }),
    h('span', {}, h('strong', {}, label), h('span', { class: 'muted small' }, disabled ? t('signoff.roleTaken') : help)));
}
