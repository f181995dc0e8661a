// The bureau's view: enterprises by risk with filters and a map, and one enterprise's file.
import { api, ApiError } from '../api.js';
import { colourMix, contributionChart, riskMap } from '../charts.js';
import { currentLang, fmtDate, fmtPercent, t } from '../i18n.js';
import { badge, card, chip, emptyState, errorState, errorText, field, fieldProblem, h, loading, mount, pageHead, pager, section, select, state, table } from '../ui.js';
import { casesTable, cluesTable, industryName, subjectFacts, technicalDetails } from './enterprise.js';
import { readableReasons } from './reasons.js';
import { scoreHistoryCard } from './score-history.js';
import { colourReviews, exportButton, rowsOf } from './enterprise-export.js';
import { departmentLabel, enterprisesByCode, officerBadges, reasonLabel } from './bureau-calendar.js';
import { districtsAround, regionCell, regionCodeOf, regionOptions } from '../regions.js';
import { asCreditCode } from '../credit-code.js';
import { conflictCard } from './conflicts.js';

const PAGE = 25;
const SECTIONS = 'ABCDEFGHIJKLMNOPQRST'.split('');
const RANK = { red: 3, yellow: 2, green: 1 };

/**
 * Whether the model's colour is the one in effect: a red counts as yellow until an oversight officer
 * confirms it, and an officer may have overridden it. Nothing is added when the model's colour simply holds.
 */
function reviewMark(review, score) {
  if (!review || review.score?.scoreId !== score.scoreId) return null;
  const short = review.effectiveColour ? t(`colour.${review.effectiveColour}Short`) : '';
  const colour = currentLang() === 'en' ? short.toLowerCase() : short;
  const marks = {
    'awaiting-confirmation': [t('bureau.review.awaiting', { colour }), 'warn'],
    confirmed: [t('bureau.review.confirmed'), 'ok'],
    overridden: [t('bureau.review.overridden', { colour }), 'warn'],
  };
  const mark = marks[review.state];
  return mark ? h('span', { 'data-review-state': review.state, title: t('bureau.review.help') }, badge(...mark)) : null;
}

/** Scores carry no name or place: fill them in from intake, one look-up by code for the whole page. */
async function withPlaces(rows) {
  const missing = rows.filter((row) => !(row.name && Number.isFinite(row.lng))).map((row) => row.creditCode);
  if (missing.length === 0) return rows;
  const byCode = await enterprisesByCode(missing).catch(() => new Map());
  return rows.map((row) => {
    const f = byCode.get(row.creditCode);
    return f && !(row.name && Number.isFinite(row.lng)) ? { ...f, ...row, name: f.name, lng: f.lng, lat: f.lat } : row;
  });
}

/** A page of current scores, the riskiest first (keyset cursor `after`); the filters apply on the server. */
async function riskPage(filters, after) {
  const answer = await api('/api/scores', { query: { order: 'risk', colour: filters.colour, region: filters.region, industry: filters.industry, after, limit: PAGE } });
  const rows = rowsOf(answer);
  return { rows: await withPlaces(rows), next: answer?.next ?? undefined, scored: true };
}

/**
 * A page of intake's name or code search (paged by credit code), each hit with its colour from one
 * scoring call; the other filters narrow the page, and within it the riskiest come first.
 */
async function searchPage(filters, after) {
  const hits = await api('/api/enterprises', { query: { q: filters.q, after, limit: PAGE } });
  const next = hits.length === PAGE ? hits[hits.length - 1].creditCode : undefined;
  let scores = [];
  let scored = true;
  if (hits.length) {
    try {
      scores = rowsOf(await api('/api/scores', { query: { codes: hits.map((e) => e.creditCode).join(','), limit: PAGE } }));
    } catch (error) {
      if (!(error instanceof ApiError && error.unavailable)) throw error;
      scored = false;
    }
  }
  const byCode = new Map(scores.map((sc) => [sc.creditCode, sc]));
  const rows = hits.map((e) => ({ ...e, ...byCode.get(e.creditCode), name: e.name, regionCode: e.regionCode, industryCode: e.industryCode }))
    .filter((r) => (!filters.colour || r.colour === filters.colour) && (!filters.region || String(r.regionCode ?? '').startsWith(filters.region))
      && (!filters.industry || String(r.industryCode ?? '').toUpperCase().startsWith(filters.industry)))
    .sort((a, b) => (RANK[b.colour] ?? 0) - (RANK[a.colour] ?? 0) || (b.probability ?? -1) - (a.probability ?? -1));
  return { rows, next, scored };
}

/** Nothing scored yet (or scoring not answering): enterprises by credit code, without colours. */
async function unscoredPage(after) {
  const rows = await api('/api/enterprises', { query: { after, limit: PAGE } });
  return { rows, next: rows.length === PAGE ? rows[rows.length - 1].creditCode : undefined, scored: false };
}

/**
 * What oversight says of each listed score, by credit code: a red counts as yellow until an officer
 * confirms it. One call for the page; without it (oversight not answering) the model's colours show alone.
 */
async function reviewsOf(rows) {
  const scored = rows.filter((r) => r.scoreId);
  if (scored.length === 0) return new Map();
  const found = await colourReviews(scored.map((r) => r.creditCode));
  return new Map([...found].map(([code, f]) => [code, { ...f, score: { scoreId: f.scoreId } }]));
}

/** Oversight reads the list by risk but not the bureau's files (the server refuses them): its rows lead nowhere. */
const opensFiles = (ctx) => ctx.me?.role === 'department' || ctx.me?.role === 'dispatcher';

function enterpriseTable(ctx, rows, reviews) {
  const open = opensFiles(ctx);
  const labels = [t('field.colour'), t('field.nameAndCode'), t('field.region'), t('field.industry'), t('field.findingChance')];
  // On a phone each enterprise is a block of labelled lines, so the chance of a finding is not scrolled out of sight.
  const cells = (r) => [
    [chip(r.colour, true), reviewMark(reviews.get(r.creditCode), r)],
    // The code under the name, as on a licence: one column fewer keeps the table in its box beside the map.
    [open ? h('a', { href: `#/enterprises/${r.creditCode}` }, r.name ?? r.creditCode) : h('span', {}, r.name ?? r.creditCode), r.name ? h('div', { class: 'mono small muted', 'data-credit-code': '' }, r.creditCode) : null],
    [regionCell(r.regionCode)],
    [r.industryCode ?? '—', r.industryCode ? h('div', { class: 'small muted' }, industryName(r.industryCode)) : null],
    [typeof r.probability === 'number' ? fmtPercent(r.probability, 1) : '—'],
  ];
  return h('div', { class: 'table-wrap' }, h('table', { id: 'enterprise-table', class: 'fits stack-rows' },
    h('thead', {}, h('tr', {}, labels.map((c) => h('th', {}, c)))),
    h('tbody', {}, rows.map((r) => h('tr', open ? { style: 'cursor:pointer', onclick: () => ctx.go(`#/enterprises/${r.creditCode}`) } : {},
      cells(r).map((content, i) => h('td', { 'data-label': labels[i] }, ...content)))))));
}

/** What intake takes for a piece of a code (the old organisation code is one): 6 to 17 letters and digits, a digit among them. */
const isCodePiece = (code) => /^(?=.*\d)[0-9A-Z]{6,17}$/.test(code);

/** What the list shows for a query: an enterprise by its code, those whose code or name holds a piece, or by name. */
function searchNote(q) {
  const code = asCreditCode(q);
  if (/^[0-9A-Z]{18}$/.test(code)) return t('bureau.searchCode', { q });
  return t(isCodePiece(code) ? 'bureau.searchCodePiece' : 'bureau.searchName', { q });
}

/**
 * Why the list is empty, in words: a name no enterprise holds, a piece of a code none holds, a piece too short
 * to look codes up by, or filters that leave no one; not "no data" twice.
 */
function noneFound(q) {
  if (!q) return t('bureau.noneFiltered');
  const code = asCreditCode(q);
  if (isCodePiece(code)) return t('bureau.noneCodePiece', { q });
  return /^[0-9A-Z]+$/.test(code) && /\d/.test(code) && code.length < 6 ? t('bureau.shortCodePiece', { q, n: code.length }) : t('bureau.noneNamed', { q });
}

export async function renderEnterprises(ctx) {
  const filters = { colour: '', region: '', industry: '', q: '' };
  const cursors = [''];
  let page = 0;
  const problem = h('div', { role: 'alert' });
  const form = h('form', { class: 'filters', id: 'enterprise-filters', novalidate: true },
    field(t('field.colour'), select('colour', [['', t('common.all')], ['red', t('colour.redShort')], ['yellow', t('colour.yellowShort')], ['green', t('colour.greenShort')]], '')),
    field(t('field.region'), h('input', { name: 'region', placeholder: t('bureau.regionHint'), list: 'region-options', size: 12, autocomplete: 'off' })),
    field(t('field.industry'), select('industry', [['', t('bureau.allIndustries')], ...SECTIONS.map((l) => [l, `${l} ${t(`industry.${l}`)}`])], '')),
    field(t('bureau.q'), h('input', { name: 'q', type: 'search', size: 18 })),
    h('button', { class: 'btn', type: 'submit' }, t('common.search')),
    h('button', { class: 'btn secondary', type: 'reset' }, t('common.reset')));
  // The districts of the cities the listed enterprises are in, suggested by name as the filter is typed.
  const seenRegions = new Set();
  const suggestions = h('div');
  const summary = h('div', { id: 'colour-mix' });
  const list = h('div');
  const map = h('div');
  mount(ctx.main, pageHead(t('bureau.title'), t('bureau.lead')),
    h('div', { class: 'stack' },
      card(null, form, suggestions, problem),
      h('div', { class: 'grid grid-main' }, card(null, list), h('div', { class: 'stack' }, card(t('bureau.mapTitle'), h('p', { class: 'muted small', style: 'margin-top:0' }, t('bureau.mapLead')), map), card(t('bureau.summary'), summary)))));

  const load = async () => {
    // A search is intake's to answer; the list by risk, scoring's.
    const app = filters.q ? 'intake' : 'scoring';
    mount(list, loading(app));
    mount(map, loading(app));
    const after = cursors[page];
    let result;
    try {
      if (filters.q) result = await searchPage(filters, after);
      else {
        try {
          result = await riskPage(filters, after);
          // Nothing scored at all yet: list the enterprises anyway, without colours, and say so.
          if (result.rows.length === 0 && page === 0 && !filters.colour && !filters.region && !filters.industry) throw new ApiError(503, { app: 'scoring' });
        } catch (error) {
          if (!(error instanceof ApiError && error.unavailable)) throw error;
          result = await unscoredPage(after);
        }
      }
    } catch (error) {
      mount(list, errorState(error, load, filters.q ? 'intake' : 'scoring'));
      mount(map);
      return;
    }
    const { rows, next, scored } = result;
    const reviews = scored ? await reviewsOf(rows) : new Map();
    cursors[page + 1] = next;
    for (const r of rows) if (r.regionCode) seenRegions.add(r.regionCode);
    mount(suggestions, regionOptions('region-options', districtsAround([...seenRegions])));
    mount(list,
      filters.q ? h('p', { class: 'muted small', style: 'margin-top:0', id: 'search-note' }, searchNote(filters.q)) : null,
      scored ? null : h('div', { class: 'notice warn', style: 'margin-bottom:12px' }, t('bureau.fallback')),
      // The list by risk (not a name search's page) saves whole, as far as the filters keep it.
      scored && !filters.q && rows.length > 0 ? exportButton(filters) : null,
      rows.length === 0 ? emptyState(noneFound(filters.q)) : enterpriseTable(ctx, rows, reviews),
      pager(page, Infinity, undefined, (p) => { page = p; load(); }, { hasMore: Boolean(next) }));
    mount(map, riskMap(rows, opensFiles(ctx) ? { onSelect: (p) => ctx.go(`#/enterprises/${p.creditCode}`) } : {}));
  };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const data = new FormData(form);
    const next = {};
    for (const key of Object.keys(filters)) next[key] = String(data.get(key) ?? '').trim();
    if (next.region) next.region = regionCodeOf(next.region, districtsAround([...seenRegions])) ?? next.region;
    if (next.region && !/^\d{2,12}$/.test(next.region)) {
      mount(problem, h('div', { class: 'notice bad', style: 'margin-top:12px' }, t('bureau.badRegion')));
      return;
    }
    mount(problem);
    Object.assign(filters, next);
    cursors.length = 1;
    page = 0;
    load();
  });
  form.addEventListener('reset', () => setTimeout(() => form.requestSubmit(), 0));
  // The model's colours from scoring; how many reds await confirmation from oversight, which holds the decisions.
  const reds = () => api('/api/reviews/reds').catch(() => null);
  section(summary, () => Promise.all([api('/api/scoring/summary'), reds()]),
    ([s, r]) => colourMix(s.byColour ?? s.colours ?? s.counts ?? s, { redAwaiting: r?.awaitingConfirmation ?? 0 }), 'scoring');
  await load();
}

/**
 * The legal representative's name and ID number in full, for case handling: asked for with a reason,
 * logged in oversight's tamper-evident record before the server shows it.
 */
function fullIdentity(code) {
  const box = h('div', { style: 'margin-top:14px' });
  const reason = h('input', { name: 'reason', maxlength: 500, placeholder: t('pii.reasonHint'), 'aria-label': t('pii.reason'), style: 'flex:1;min-width:220px' });
  const button = h('button', { class: 'btn secondary', type: 'submit', id: 'pii-full' }, t('pii.show'));
  const form = h('form', { class: 'row' }, reason, button);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const why = reason.value.trim();
    if (why.length < 5 || why.length > 500) { mount(message, fieldProblem(reason, h('div', { class: 'notice bad', role: 'alert' }, t('pii.reasonShort')))); return; }
    mount(message);
    button.disabled = true;
    try {
      const data = await api(`/api/enterprises/${code}/personal-data`, { query: { reason: why } });
      mount(box, h('div', { class: 'notice warn', 'data-testid': 'pii-full' },
        h('dl', { class: 'kv' }, h('dt', {}, t('pii.name')), h('dd', {}, data.legalRepName ?? '—'), h('dt', {}, t('pii.id')), h('dd', { class: 'mono' }, data.legalRepId ?? '—')),
        h('p', { class: 'small muted', style: 'margin:8px 0 0' }, t('pii.logged'))));
    } catch (error) {
      button.disabled = false;
      mount(message, h('div', { class: 'notice bad', role: 'alert' }, errorText(error)));
    }
  });
  const message = h('div');
  mount(box, h('p', { class: 'small muted', style: 'margin:0 0 8px' }, t('pii.lead')), form, message);
  return box;
}

export async function renderEnterpriseFile(ctx, code) {
  const head = h('div');
  const scoreBox = h('div');
  const fileBox = h('div');
  const visitsBox = h('div');
  mount(ctx.main, head, h('div', { class: 'stack' }, scoreBox, fileBox, visitsBox));
  mount(head, pageHead(t('bureau.file'), code, h('a', { class: 'btn secondary', href: '#/enterprises' }, t('common.back'))));
  const fileLoad = section(fileBox, () => api(`/api/enterprises/${code}`), (file) => {
    mount(head, pageHead(file.subject.name, code, h('a', { class: 'btn secondary', href: '#/enterprises' }, t('common.back'))));
    // The complaints take the full width: the bureau's table has seven columns (channel and status too), which half a page cut off.
    return h('div', { class: 'stack' },
      card(t('ent.subject'), subjectFacts(file.subject), ctx.me.role === 'department' ? fullIdentity(code) : null),
      conflictCard(ctx, code),
      card(t('ent.complaints'), cluesTable(file.clues, t('ent.noComplaints'))),
      card(t('ent.inspections'), casesTable(file.cases, t('ent.noInspections'))));
  }, 'intake');
  const scoreLoad = (async () => {
    mount(scoreBox, loading('scoring'));
    // Where the colour stands with oversight: the page still shows the score if that cannot be said.
    const reviewed = api(`/api/reviews/enterprises/${code}`).catch(() => null);
    try {
      const score = await api(`/api/scores/${code}`);
      const review = await reviewed;
      mount(scoreBox, h('div', { class: 'stack' }, card(h('div', { class: 'row' }, h('h2', { style: 'margin:0' }, t('ent.reasons')), chip(score.colour), reviewMark(review, score), badge(fmtPercent(score.probability, 1), 'blue'), h('span', { class: 'muted small' }, t('ent.asOfDate', { date: fmtDate(score.asOf) }))),
        h('p', { class: 'muted small', style: 'margin-top:0' }, t('ent.reasonsLead')),
        contributionChart(score.contributions ?? [], readableReasons(score.reasons ?? [], score.contributions ?? []), { lang: currentLang(), factors: score.factors ?? [] }),
        technicalDetails(score)), scoreHistoryCard(code)));
    } catch (error) {
      mount(scoreBox, card(t('ent.reasons'), error.status === 404 ? state('empty', t('ent.noScore'), t('ent.noScoreHelp')) : errorState(error, null, 'scoring')));
    }
  })();
  // The officers' calendar for this one enterprise, unannounced visits included (the enterprise's own list leaves those out), newest first.
  const visitsLoad = section(visitsBox, async () => (await api('/api/visits', { query: { creditCode: code, limit: 200 } })).reverse(), (visits) => card(t('field.visits'), table([
    [t('field.date'), (v) => h('a', { href: `#/visits/${v.id}` }, fmtDate(v.date))],
    [t('visit.no'), (v) => h('span', { class: 'mono small', style: 'white-space:nowrap', 'data-visit-no': v.visitNo ?? '' }, v.visitNo ?? '—')],
    [t('field.status'), (v) => [badge(t(`visit.${v.status}`), v.status === 'done' ? 'ok' : 'blue'), ' ', badge(v.noticeAllowed ? t('visit.notice') : t('visit.unannounced'))]],
    [t('field.department'), (v) => (v.departments ?? []).map(departmentLabel).join(' · ')],
    [t('field.team'), (v) => officerBadges(v.officerIds)],
    [t('field.reasons'), (v) => (v.reasons ?? []).map((r) => [badge(reasonLabel(r)), ' '])],
  ], visits, { empty: t('ent.fileNoVisits'), onRow: (v) => ctx.go(`#/visits/${v.id}`), stacked: true })), 'dispatch');
  await Promise.all([fileLoad, scoreLoad, visitsLoad]);
}
