// One stored audit report: what it covers, its fingerprint in the record, its figures (those its public
// copy withholds marked †), and publishing its public copy for outside scrutiny (社会监督).
import { api } from '../api.js';
import { fmtDate, fmtDateTime, fmtPeriod, t } from '../i18n.js';
import { badge, card, confirmStep, downloadButton, errorState, focusResult, h, mount, pageHead, section } from '../ui.js';
import { headlineTiles, reportFigures } from './audit-figures.js';
import { viewOf } from './audit-withheld.js';

export async function renderAuditReport(ctx, id) {
  const body = h('div');
  mount(ctx.main, body);
  const load = () => section(body, () => api(`/api/audits/reports/${encodeURIComponent(id)}`), (r) => reportPage(r, load), 'oversight');
  await load();
}

function reportPage(r, reload) {
  return h('div', { 'data-report': r.id },
    pageHead(t('report.title', { from: fmtDate(r.period.from), to: fmtDate(r.period.to) }), t(`reports.trigger.${r.trigger}`),
      downloadButton(t('report.download'), async () => r.report, `audit-report-${r.period.from}-${r.period.to}.json`),
      h('a', { class: 'btn secondary', href: '#/audits' }, t('report.back'))),
    h('div', { class: 'stack' },
      h('div', { class: 'grid grid-main' },
        card(t('report.about'), h('dl', { class: 'kv' },
          h('dt', {}, t('reports.period')), h('dd', {}, fmtPeriod(r.period.from, r.period.to)),
          h('dt', {}, t('reports.createdAt')), h('dd', {}, fmtDateTime(r.createdAt)),
          h('dt', {}, t('reports.requestedBy')), h('dd', {}, r.requestedBy),
          h('dt', {}, t('report.model')), h('dd', { class: 'mono' }, r.report.model?.version ?? '—'),
          h('dt', {}, 'SHA-256'), h('dd', { class: 'mono', id: 'report-sha' }, r.sha256),
          h('dt', {}, t('report.recordEntry')), h('dd', {}, t('report.recordEntryText', { seq: r.auditSeq })))),
        publishCard(r, reload)),
      headlineTiles(r.headline, r.report.drift),
      reportFigures(r.report, viewOf(r.report, r.publicWithheld))));
}

function publishCard(r, reload) {
  const publicHref = `/register.html#/reports/${r.id}`;
  if (r.publication) {
    return card(t('report.publication'), h('div', { class: 'notice ok', id: 'report-published', 'data-published': 'true' },
      t('report.publishedOn', { date: fmtDateTime(r.publication.publishedAt), actor: r.publication.publishedBy, seq: r.publication.auditSeq })),
    r.publicCopy ? h('dl', { class: 'kv', style: 'margin-top:10px' },
      h('dt', {}, t('report.publicSha')), h('dd', { class: 'mono', id: 'public-sha' }, r.publicCopy.sha256),
      h('dt', {}, t('report.publicRule')), h('dd', {}, t('report.publicRuleText', { k: r.publicCopy.minGroupSize, seq: r.publicCopy.auditSeq }))) : null,
    h('p', { style: 'margin-bottom:0' }, h('a', { class: 'btn secondary', href: publicHref, target: '_blank', rel: 'noopener', id: 'public-copy' }, t('report.publicCopy'))));
  }
  const message = h('div');
  const confirmBox = h('div');
  const publish = h('button', { class: 'btn', type: 'button', id: 'publish-report' }, t('report.publish'));
  publish.addEventListener('click', async () => {
    const yes = await confirmStep(confirmBox, t('report.confirmPublish'), t('report.publishYes'), { replaces: publish });
    if (!yes) return;
    publish.disabled = true;
    try {
      await api(`/api/audits/reports/${encodeURIComponent(r.id)}/publish`, { method: 'POST', body: {} });
      await reload();
      focusResult(document.getElementById('report-published'));
    } catch (error) {
      publish.disabled = false;
      mount(message, error.status === 409 ? h('div', { class: 'notice warn', role: 'alert' }, t('report.alreadyPublished'), ' ', h('button', { class: 'linkish', type: 'button', onclick: reload }, t('common.retry'))) : errorState(error, null, 'oversight'));
    }
  });
  return card(t('report.publication'),
    h('p', { class: 'small', style: 'margin-top:0' }, t('report.publishLead', { k: r.publicWithheld?.minGroupSize ?? '—' })),
    badge(t('reports.notPublished')), message, confirmBox, h('div', { style: 'margin-top:12px' }, publish));
}
