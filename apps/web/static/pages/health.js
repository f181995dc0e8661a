// Administrators: is anything stuck, refused or lost? Every service's readiness, each app's outboxes
// and durable consumers with what looks stuck, events NATS refused (to send again), the dead letters
// and who acted on delivery. One dead letter, to read and replay, is dead-letter.js.
import { api } from '../api.js';
import { fmtDateTime, fmtNumber, plural, t, tKnown } from '../i18n.js';
import { badge, card, confirmStep, emptyState, errorText, fmtBytes, fmtDuration, h, mount, pageHead, pager, section, table } from '../ui.js';

const STATE_KIND = { ready: 'ok', 'not-ready': 'warn', 'not-answering': 'bad' };
const DEAD_LETTERS_PAGE = 20;
const NUMBER = { style: 'white-space:nowrap' };

/** A service by what it does, with its code name (数据接入 intake; in English the two are one: Intake). */
function appName(app) {
  const name = t(`health.app.${app}`);
  return name.toLowerCase().includes(app) ? name : `${name} ${app}`;
}

/** A warning of the apps' in words, with its figures; one it does not know by its code. */
function warningWords(w) {
  if (w.code === 'outbox_refused') return plural('health.warn.outbox_refused', w.count);
  const vars = { ...w, time: fmtDuration(w.seconds), waiting: w.waiting === undefined ? '' : fmtNumber(w.waiting) };
  return tKnown(`health.warn.${w.code}`, vars) ?? t('health.warn.other', { code: w.code });
}

function warningList(warnings) {
  if (!warnings?.length) return null;
  return h('ul', { class: 'list-plain', style: 'margin:4px 0 0' }, warnings.map((w) => h('li', { 'data-warning': w.code }, h('span', {}, h('strong', {}, t('health.attentionMark')), warningWords(w)))));
}

/** How many things a person should look at: services not ready, warnings, dead letters. */
function attentionCount(suite, deadLetters) {
  let n = deadLetters > 0 ? 1 : 0;
  for (const s of suite.services) {
    if (s.state !== 'ready') n += 1;
    else if (s.deliveryProblem || s.delivery?.natsProblem) n += 1;
    for (const part of [...(s.delivery?.outboxes ?? []), ...(s.delivery?.consumers ?? [])]) n += part.warnings?.length ?? 0;
  }
  return n;
}

export async function renderHealth(ctx) {
  const summary = h('div', { id: 'health-summary' });
  const services = h('div', { id: 'health-services' });
  const letters = h('div', { id: 'dead-letters' });
  const actions = h('div', { id: 'operator-actions' });
  const refresh = h('button', { class: 'btn secondary', type: 'button', id: 'health-refresh' }, t('health.refresh'));
  mount(ctx.main, pageHead(t('health.title'), t('health.lead'), refresh), h('div', { class: 'stack' }, summary, services, letters, actions));
  const load = async () => {
    refresh.disabled = true;
    let suite = null;
    let total = 0;
    await Promise.all([
      section(services, () => api('/api/ops/status'), (data) => { suite = data; return servicesView(data, load); }, 'web'),
      deadLettersSection(letters, (n) => { total = n; }),
      section(actions, () => api('/api/ops/actions', { query: { limit: 10 } }), actionsCard, 'web'),
    ]);
    mount(summary, suite ? summaryNotice(suite, total) : null);
    refresh.disabled = false;
  };
  refresh.addEventListener('click', async () => { await load(); refresh.focus(); });
  await load();
}

function summaryNotice(suite, deadLetters) {
  const n = attentionCount(suite, deadLetters);
  return h('div', { class: `notice ${n === 0 ? 'ok' : 'warn'}`, role: 'status', 'data-attention': n },
    h('strong', {}, n === 0 ? t('health.allWell') : plural('health.attention', n)),
    h('div', { class: 'small', style: 'margin-top:4px' }, t('health.checkedAt', { at: fmtDateTime(suite.checkedAt) })));
}

function servicesView(suite, reload) {
  const tiles = h('div', { class: 'tiles tiles-5' }, suite.services.map((s) => h('div', { class: `tile ${s.state === 'ready' ? 'good' : STATE_KIND[s.state]}`, 'data-app': s.app, 'data-state': s.state },
    h('span', { class: 'label' }, appName(s.app)),
    h('span', { class: 'value small-value' }, t(`health.state.${s.state}`)),
    s.state === 'ready' ? null : h('span', { class: 'small' }, t(`health.stateHelp.${s.state}`, { reason: s.reason ?? '' })))));
  return h('div', { class: 'stack' }, card(t('health.services'), tiles), suite.services.filter((s) => s.app !== 'web').map((s) => deliveryCard(s, reload)));
}

function deliveryCard(service, reload) {
  const d = service.delivery;
  const head = h('h2', {}, t('health.delivery', { app: appName(service.app) }));
  if (!d) {
    const why = service.state === 'not-answering' ? t('health.deliveryUnknown') : t('health.deliveryProblem', { message: service.deliveryProblem ?? '' });
    return h('section', { class: 'card', 'data-delivery': service.app }, h('div', { class: 'card-head' }, head), h('div', { class: 'notice warn' }, why));
  }
  return h('section', { class: 'card', 'data-delivery': service.app }, h('div', { class: 'card-head' }, head),
    h('p', { class: 'muted small', style: 'margin-top:0' }, t('health.deliveryLead')),
    h('h3', {}, t('health.outboxes')), outboxTable(d.outboxes),
    d.outboxes.filter((o) => o.warnings?.length).map((o) => h('div', { class: 'notice warn', style: 'margin-top:10px', 'data-outbox-warnings': o.name }, h('span', { class: 'mono small' }, o.name), warningList(o.warnings))),
    d.outboxes.filter((o) => o.refusedEvents?.length).map((o) => refusedList(service.app, o, reload)),
    h('h3', {}, t('health.consumers')),
    d.natsProblem ? h('div', { class: 'notice warn' }, t('health.natsProblem', { message: d.natsProblem })) : consumerTable(d.consumers),
    (d.consumers ?? []).filter((c) => c.warnings.length).map((c) => h('div', { class: 'notice warn', style: 'margin-top:10px', 'data-consumer-warnings': c.durable }, h('span', { class: 'mono small' }, c.durable), warningList(c.warnings))));
}

function outboxLabel(name) {
  return name === 'scoring.score_outbox' ? h('span', {}, t('health.outbox.scores'), ' ', h('span', { class: 'mono small muted' }, name)) : h('span', { class: 'mono' }, name);
}

function outboxTable(outboxes) {
  return h('div', { class: 'table-wrap' }, h('table', {},
    h('thead', {}, h('tr', {}, [t('health.col.outbox'), t('health.col.waiting'), t('health.col.oldest'), t('health.col.refused')].map((c) => h('th', {}, c)))),
    h('tbody', {}, outboxes.map((o) => h('tr', { 'data-outbox': o.name, 'data-waiting': o.waiting, 'data-refused': o.refused },
      h('th', { scope: 'row', style: 'font-weight:normal' }, outboxLabel(o.name)),
      h('td', NUMBER, fmtNumber(o.waiting)),
      h('td', {}, o.waiting > 0 ? fmtDuration(o.oldestWaitingSeconds) : '—'),
      h('td', NUMBER, fmtNumber(o.refused)))))));
}

/** Events NATS refused, one card each (they are few): each can be put back in line once the cause is fixed, after a second confirmation. */
function refusedList(app, outbox, reload) {
  return h('div', { 'data-refused-events': outbox.name },
    h('h3', {}, t('health.refusedEvents')),
    h('p', { class: 'muted small', style: 'margin-top:0' }, t('health.refusedLead')),
    h('div', { class: 'stack' }, outbox.refusedEvents.map((e) => h('div', { class: 'subcard', 'data-event': e.id }, refusedEvent(app, e, reload)))));
}

function refusedEvent(app, e, reload) {
  const outcome = h('div', { 'aria-live': 'polite' });
  const button = h('button', { class: 'btn secondary', type: 'button', 'data-resend': e.id }, t('health.resend'));
  button.addEventListener('click', async () => {
    const asking = confirmStep(outcome, t('health.confirmResend', { id: e.id, subject: e.subject }), t('health.resend'));
    button.disabled = true;
    const sure = await asking;
    if (!sure) { button.disabled = false; return; }
    try {
      await api(`/api/ops/${encodeURIComponent(app)}/outbox/${encodeURIComponent(e.id)}/resend`, { method: 'POST' });
      mount(outcome, h('div', { class: 'notice ok', role: 'status', tabindex: -1, 'data-resent': e.id }, t('health.resent', { id: e.id })));
      outcome.firstChild.focus();
      setTimeout(reload, 1500);
    } catch (error) {
      mount(outcome, h('div', { class: 'notice bad', role: 'alert' }, errorText(error)));
      button.disabled = false;
    }
  });
  return [
    h('div', { class: 'row', style: 'flex-wrap:wrap;gap:6px 12px' }, h('strong', { class: 'mono' }, `#${e.id}`), h('span', { class: 'mono small', style: 'overflow-wrap:anywhere' }, e.subject)),
    h('dl', { class: 'kv kv-narrow small', style: 'margin:8px 0' },
      h('dt', {}, t('health.col.reason')), h('dd', {}, e.refusal ?? '—'),
      h('dt', {}, t('health.col.refusedAt')), h('dd', {}, fmtDateTime(e.refusedAt)),
      h('dt', {}, t('health.col.size')), h('dd', {}, fmtBytes(e.bytes))),
    outcome,
    h('div', { style: 'margin-top:8px' }, button),
  ];
}

function consumerTable(consumers) {
  if (!consumers.length) return h('p', { class: 'muted small' }, t('health.noConsumers'));
  return h('div', { class: 'table-wrap' }, h('table', {},
    h('thead', {}, h('tr', {}, [t('health.col.consumer'), t('health.col.pending'), t('health.col.awaitingAck'), t('health.col.redelivered'), t('health.col.oldest'), t('health.col.sinceStart'), t('health.col.state')].map((c) => h('th', {}, c)))),
    h('tbody', {}, consumers.map((c) => h('tr', { 'data-consumer': c.durable, 'data-warnings': c.warnings.length },
      h('th', { scope: 'row', style: 'font-weight:normal;min-width:14em' }, h('span', { class: 'mono' }, c.durable), h('div', { class: 'mono small muted', style: 'overflow-wrap:anywhere' }, `${c.stream} · ${c.subject ?? '—'}`)),
      h('td', NUMBER, fmtNumber(c.pending)),
      h('td', NUMBER, fmtNumber(c.awaitingAck)),
      h('td', NUMBER, fmtNumber(c.redelivered)),
      h('td', {}, c.pending + c.awaitingAck > 0 ? fmtDuration(c.oldestWaitingSeconds) : '—'),
      h('td', { class: 'small' }, t('health.sinceStart', { handled: fmtNumber(c.sinceStart.handled), redelivered: fmtNumber(c.sinceStart.redelivered), deadLettered: fmtNumber(c.sinceStart.deadLettered) })),
      h('td', {}, c.warnings.length ? badge(t('health.attentionBadge'), 'warn') : badge(t('health.ok'), 'ok')))))));
}

/** The dead letters, oldest first, paged by sequence; `told` hears how many there are in all. */
function deadLettersSection(container, told) {
  const cursors = [0];
  let page = 0;
  const body = h('div');
  mount(container, h('section', { class: 'card' }, h('div', { class: 'card-head' }, h('h2', {}, t('deadLetters.title'))), h('p', { class: 'muted small', style: 'margin-top:0' }, t('deadLetters.lead')), body));
  const load = () => section(body, () => api('/api/dead-letters', { query: { after: cursors[page], limit: DEAD_LETTERS_PAGE } }), (data) => {
    told(data.total);
    if (data.next) cursors[page + 1] = data.next;
    if (data.total === 0) return emptyState(t('deadLetters.none'));
    return h('div', { 'data-total': data.total },
      h('p', { class: 'small', style: 'margin-top:0' }, h('strong', {}, plural('deadLetters.total', data.total))),
      deadLetterTable(data.deadLetters),
      pager(page, Infinity, undefined, (p) => { page = p; load(); }, { hasMore: data.next !== null }));
  }, 'intake');
  return load();
}

function deadLetterTable(letters) {
  return h('div', { class: 'table-wrap' }, h('table', { id: 'dead-letter-list' },
    h('thead', {}, h('tr', {}, [t('deadLetters.col.seq'), t('deadLetters.col.what'), t('deadLetters.col.deliveries'), t('deadLetters.col.at'), t('health.col.size')].map((c) => h('th', {}, c)))),
    h('tbody', {}, letters.map((l) => h('tr', { 'data-seq': l.seq },
      h('td', {}, h('a', { href: `#/health/dead-letters/${l.seq}`, 'data-dead-letter': l.seq, 'aria-label': t('deadLetters.open', { seq: l.seq }) }, `#${l.seq}`)),
      // The error under the consumer, not in a column of its own: on a phone it stays in view.
      h('td', { style: 'min-width:16em' }, h('span', { class: 'mono small' }, l.durable ?? '—'), h('div', { class: 'mono small muted', style: 'overflow-wrap:anywhere' }, l.originalSubject ?? '—'),
        h('div', { class: 'small bad-text', style: 'overflow-wrap:anywhere;margin-top:4px', 'data-error': '' }, l.error ?? '—')),
      h('td', NUMBER, l.deliveries ?? '—'),
      h('td', { class: 'small' }, fmtDateTime(l.at)),
      h('td', { class: 'small' }, fmtBytes(l.truncatedFrom ?? l.bytes)))))));
}

function actionsCard(rows) {
  return card(t('actions.title'), h('p', { class: 'muted small', style: 'margin-top:0' }, t('actions.lead')), table([
    [t('actions.col.at'), (a) => fmtDateTime(a.at)],
    [t('actions.col.who'), (a) => h('strong', {}, a.username)],
    [t('actions.col.action'), (a) => t(`actions.${a.action}`)],
    [t('actions.col.target'), (a) => h('span', {}, h('span', { class: 'mono' }, a.target), a.subject ? h('div', { class: 'mono small muted' }, a.subject) : null)],
    [t('actions.col.outcome'), (a) => h('span', { 'data-outcome': a.outcome },
      badge(t(`actions.outcome.${a.outcome ?? 'done'}`), { done: 'ok', refused: 'warn', failed: 'bad' }[a.outcome] ?? ''),
      a.detail?.message ? h('div', { class: 'small muted' }, String(a.detail.message)) : null)],
  ], rows, { empty: t('actions.none'), paged: false }));
}
