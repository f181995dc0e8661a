// The model registry and colour policies with their approvals (four eyes), and the kill switch.
import { api } from '../api.js';
import { actorLabel, fmtDateTime, fmtNumber, fmtPeriod, t } from '../i18n.js';
import { badge, confirmStep, errorState, field, fieldProblem, focusResult, h, mount, pageHead, section, table } from '../ui.js';

const STATE_KIND = { active: 'ok', approved: 'blue', suspended: 'bad', retired: '', draft: '', proposed: '' };

/** Where a version's approval is read and signed. */
export function approvalHref(kind, ref) {
  return `#/models/${kind === 'colour-policy' ? 'colour-policies' : 'versions'}/${encodeURIComponent(ref)}`;
}

export function builderText(builtBy) {
  if (!builtBy) return '—';
  return builtBy.kind === 'vendor' ? t('approval.vendor', { name: builtBy.name }) : t('approval.bureau');
}

/** The approval's state in a word, with the roles still missing while it is pending. */
export function approvalBadge(request) {
  if (!request) return h('span', { class: 'muted small' }, t('approval.none'));
  if (request.status === 'approved') return badge(t('approval.status.approved'), 'ok');
  if (request.status === 'rejected') return badge(t('approval.status.rejected'), 'bad');
  return h('span', { class: 'row', style: 'gap:6px', 'data-approval': 'pending' }, badge(t('approval.status.pending'), 'warn'),
    h('span', { class: 'small muted' }, t('approval.missing', { roles: request.missing.map((r) => t(`signoff.role.${r}`)).join(t('common.listSep')) })));
}

export async function renderModels(ctx) {
  const oversight = ctx.me.role === 'oversight';
  const registry = h('div');
  const killSwitch = h('div');
  mount(ctx.main, pageHead(t('models.title'), t('models.lead'), oversight ? h('a', { class: 'btn secondary', href: '#/audits' }, t('models.toAudits')) : null),
    h('div', { class: 'stack' },
      registry,
      h('section', { class: 'card', id: 'kill-switch' }, h('div', { class: 'card-head' }, h('h2', {}, t('models.kill'))), killSwitch)));
  // One request serves both the switch's card and the registry's "suspended" badge; a failed one is asked again on retry.
  let killRequest = null;
  const killState = () => (killRequest ??= api('/api/kill-switch', { query: { limit: 50 } }).catch((error) => {
    killRequest = null;
    throw error;
  }));
  const loadRegistry = () => section(registry, async () => {
    // Approvals are oversight's to read; the registry stands without them when they cannot be had.
    const [models, policies, approvals, kill] = await Promise.all([
      api('/api/models'),
      api('/api/colour-policies').catch(() => null),
      oversight ? api('/api/approvals', { query: { limit: 500 } }).catch(() => null) : null,
      killState().catch(() => null),
    ]);
    return { models, policies, approvals, oversight, suspended: kill?.suspended === true };
  }, (data) => registryBody(data), 'scoring');
  const loadKillSwitch = () => section(killSwitch, killState, (k) => killSwitchBody(ctx, k, reload), 'oversight');
  // An act on the switch changes what the registry says of the model in use.
  const reload = () => {
    killRequest = null;
    return Promise.all([loadKillSwitch(), loadRegistry()]);
  };
  loadKillSwitch();
  await loadRegistry();
}

/** The model in use reads "suspended" while the kill switch is on: dispatch then draws at random, whatever scoring's registry says. */
function stateBadge(m, suspended) {
  const state = m.state === 'active' && suspended ? 'suspended' : m.state;
  return h('span', { 'data-model-state': state }, badge(t(`models.state.${state}`), STATE_KIND[state] ?? ''));
}

function registryBody({ models, policies, approvals, oversight, suspended }) {
  const requests = new Map((approvals ?? []).map((a) => [`${a.subjectKind}/${a.subjectRef}`, a]));
  const request = (kind, ref) => requests.get(`${kind}/${ref}`);
  const pending = (approvals ?? []).filter((a) => a.status === 'pending');
  const link = (kind, ref, text) => (approvals ? h('a', { href: approvalHref(kind, ref), class: 'mono' }, text) : h('span', { class: 'mono' }, text));
  // Without the approvals (an administrator may not read them) say where they are, never that there are none.
  const approvalCell = (kind, ref) => (approvals ? approvalBadge(request(kind, ref)) : h('span', { class: 'muted small', 'data-approval': 'oversight-only' }, t(oversight ? 'approval.unavailable' : 'approval.oversightOnly')));
  return h('div', { class: 'stack' },
    approvals ? pendingCard(pending) : null,
    h('section', { class: 'card', id: 'model-registry' }, h('div', { class: 'card-head' }, h('h2', {}, t('models.versions'))), table([
      [t('field.version'), (m) => link('model-version', m.version, m.version)],
      [t('field.state'), (m) => stateBadge(m, suspended)],
      [t('approval.title'), (m) => approvalCell('model-version', m.version)],
      [t('approval.builtBy'), (m) => builderText(m.builtBy)],
      [t('approval.trainedBy'), (m) => m.createdBy],
      [t('approval.window'), (m) => (m.trainingWindow ? fmtPeriod(m.trainingWindow.from, m.trainingWindow.to) : '—')],
      [t('approval.auc'), (m) => m.metrics?.validationAuc?.toFixed?.(3) ?? '—'],
      [t('field.recordedAt'), (m) => fmtDateTime(m.createdAt)],
    ], models, { empty: t('models.none'), stacked: true }),
    models.length ? h('p', { class: 'muted small', id: 'auc-means' }, t('acc.aucMeans')) : null),
    policies ? h('section', { class: 'card', id: 'colour-policies' }, h('div', { class: 'card-head' }, h('h2', {}, t('models.policies'))),
      h('p', { class: 'muted small', style: 'margin-top:0' }, t('models.policiesLead')), table([
        [t('field.version'), (p) => link('colour-policy', p.version, p.version)],
        [t('models.thresholds'), (p) => t('models.thresholdText', { yellow: pctText(p.thresholds.yellow), red: pctText(p.thresholds.red) })],
        [t('field.state'), (p) => badge(t(`models.state.${p.state}`), STATE_KIND[p.state] ?? '')],
        [t('approval.title'), (p) => (p.createdBy === 'migration' ? h('span', { class: 'muted small' }, t('models.policyBuiltIn')) : approvalCell('colour-policy', p.version))],
        [t('approval.proposedBy'), (p) => actorLabel(p.createdBy)],
        [t('field.recordedAt'), (p) => fmtDateTime(p.createdAt)],
      ], policies, { empty: t('models.noPolicies'), pageSize: 5, stacked: true })) : null);
}

function pctText(p) {
  return `${Math.round(p * 1000) / 10}%`;
}

/** What waits for a sign-off, oldest first, each a link to its approval. */
function pendingCard(pending) {
  if (pending.length === 0) return h('div', { class: 'notice ok', id: 'approvals-pending', 'data-pending': 0 }, t('approval.nonePending'));
  return h('section', { class: 'card attention', id: 'approvals-pending', 'data-pending': pending.length },
    h('div', { class: 'card-head' }, h('h2', {}, t('approval.pendingTitle', { n: fmtNumber(pending.length) }))),
    h('p', { class: 'muted small', style: 'margin-top:0' }, t('approval.pendingLead')),
    table([
      [t('approval.subject'), (a) => h('div', {}, badge(t(`approval.kind.${a.subjectKind}`), 'blue'), ' ', h('a', { class: 'mono', href: approvalHref(a.subjectKind, a.subjectRef) }, a.subjectRef))],
      [t('approval.builtBy'), (a) => builderText(a.builtBy)],
      [t('approval.proposedBy'), (a) => actorLabel(a.proposedBy)],
      [t('approval.proposedAt'), (a) => fmtDateTime(a.proposedAt)],
      [t('approval.waitingFor'), (a) => a.missing.map((r) => [badge(t(`signoff.role.${r}`), 'warn'), ' '])],
      ['', (a) => h('a', { class: 'btn secondary', style: 'white-space:nowrap', href: approvalHref(a.subjectKind, a.subjectRef), 'data-sign': a.subjectRef }, t('approval.open'))],
    ], [...pending].reverse(), { pageSize: 5 }));
}

/** The switch's state and why, the act that changes it (reason, then a second confirmation), and its history. */
function killSwitchBody(ctx, k, reload) {
  const since = k.since;
  const status = h('div', { class: `notice ${k.suspended ? 'bad' : 'ok'}`, id: 'kill-switch-state', 'data-suspended': String(k.suspended) },
    h('strong', {}, t(k.suspended ? 'kill.suspended' : 'kill.running')),
    h('div', { class: 'small', style: 'margin-top:4px' }, t(k.suspended ? 'kill.suspendedMeans' : 'kill.runningMeans')),
    since ? h('div', { class: 'small', style: 'margin-top:6px' }, t('kill.since', { date: fmtDateTime(since.at), actor: since.actor, reason: since.reason })) : null);
  return h('div', { class: 'grid grid-2' },
    h('div', { class: 'stack' }, status, ctx.me.role === 'oversight' ? killSwitchForm(k.suspended, reload) : h('p', { class: 'muted small' }, t('kill.onlyOversight'))),
    h('div', {}, h('h3', {}, t('kill.history')), k.history.length === 0 ? h('p', { class: 'muted small' }, t('kill.noHistory')) : table([
      [t('field.recordedAt'), (c) => fmtDateTime(c.at)],
      [t('kill.act'), (c) => badge(t(c.suspended ? 'kill.actSuspend' : 'kill.actResume'), c.suspended ? 'bad' : 'ok')],
      [t('kill.actor'), (c) => c.actor],
      [t('kill.reason'), (c) => c.reason],
      [t('field.seq'), (c) => c.auditSeq],
    ], k.history, { empty: t('kill.noHistory'), pageSize: 5 })));
}

function killSwitchForm(suspended, reload) {
  const reason = h('input', { name: 'reason', maxlength: 2000, required: true, placeholder: t(suspended ? 'kill.resumePlaceholder' : 'kill.suspendPlaceholder') });
  const submit = h('button', { class: `btn ${suspended ? '' : 'danger'}`, type: 'submit', id: 'kill-switch-act' }, t(suspended ? 'kill.resume' : 'kill.suspend'));
  const message = h('div');
  const confirmBox = h('div');
  const form = h('form', { class: 'stack', id: 'kill-switch-form', novalidate: true }, field(t('kill.reason'), reason), message, confirmBox, h('div', {}, submit));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (reason.value.trim().length < 5) { mount(message, fieldProblem(reason, h('div', { class: 'notice bad', role: 'alert' }, t('kill.reasonRequired')))); return; }
    mount(message);
    const yes = await confirmStep(confirmBox, t(suspended ? 'kill.confirmResume' : 'kill.confirmSuspend'), t(suspended ? 'kill.resume' : 'kill.suspend'), { danger: !suspended, replaces: submit });
    if (!yes) return;
    submit.disabled = true;
    try {
      await api(`/api/kill-switch/${suspended ? 'resume' : 'suspend'}`, { method: 'POST', body: { reason: reason.value.trim() } });
      await reload();
      focusResult(document.getElementById('kill-switch-state'));
    } catch (error) {
      submit.disabled = false;
      mount(message, error.status === 409 ? h('div', { class: 'notice bad', role: 'alert' }, t('kill.changed'), ' ', h('button', { class: 'linkish', type: 'button', onclick: reload }, t('common.retry'))) : errorState(error, null, 'oversight'));
    }
  });
  return form;
}

