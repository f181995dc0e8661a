// The public side of the random inspections (双随机、一公开), on the register page without sign-in:
// each plan by its scope (which departments check what, and how many enterprises), and each inspection's
// result once recorded. Which enterprises a plan drew is told only after they were inspected.
import { api } from '../api.js';
import { currentLang, fmtDate, fmtNumber, fmtPeriod, t, valueLabel } from '../i18n.js';
import { itemName, loadItemNames, resultBadge } from '../items.js';
import { card, emptyState, errorState, field, h, mount, select, table } from '../ui.js';
import { asCreditCode } from '../credit-code.js';

const RESULTS_PAGE = 50;

const departmentLabel = (code) => valueLabel('dept', code);
/** Lists in running text: 、 and ； in Chinese, commas and semicolons in English. */
const joined = (parts, strong = false) => parts.join(currentLang() === 'en' ? (strong ? '; ' : ', ') : strong ? '；' : '、');
const itemLabel = (code) => (itemName(code) ? `${code} ${itemName(code)}` : code);

/** `show` puts the page in place, unless the reader has gone elsewhere meanwhile. */
export async function inspectionsPage(show) {
  const [plans] = await Promise.all([api('/api/public/inspection-plans', { query: { limit: 20 } }), loadItemNames().catch(() => null)]);
  const results = h('div', { id: 'inspection-results' });
  show(
    h('div', { class: 'page-head' }, h('div', {}, h('h1', {}, t('disclose.title')), h('p', {}, t('disclose.lead')))),
    h('div', { class: 'stack' }, plansCard(plans), card(t('disclose.results'), h('p', { class: 'muted small', style: 'margin-top:0' }, t('disclose.resultsLead')), resultFilters(plans, results), results)));
  await showResults(results, {}, () => {});
}

function plansCard(plans) {
  return h('section', { class: 'card', id: 'inspection-plans' }, h('div', { class: 'card-head' }, h('h2', {}, t('disclose.plans'))),
    h('p', { class: 'muted small', style: 'margin-top:0' }, t('disclose.plansLead')),
    table([
      [t('disclose.period'), (p) => h('div', {}, fmtPeriod(p.from, p.to), p.cutFrom ? h('div', { class: 'muted small' }, t('disclose.cutFrom', { date: fmtDate(p.cutFrom) })) : null)],
      [t('disclose.scope'), (p) => h('ul', { class: 'cell-list' }, p.departments.map((d) => h('li', { 'data-department': d.department },
        h('strong', {}, departmentLabel(d.department)), ' ', t('disclose.deptEnterprises', { n: fmtNumber(d.enterprises) }),
        h('div', { class: 'muted small' }, joined(d.items.map(itemLabel), true)))))],
      [t('disclose.totals'), (p) => h('div', {}, t('disclose.enterprises', { n: fmtNumber(p.enterprises) }), h('div', { class: 'muted small' }, t('disclose.visits', { visits: fmtNumber(p.visits), checks: fmtNumber(p.checks) })))],
      [t('disclose.seed'), (p) => h('div', {}, h('span', { class: 'mono' }, p.seed), h('div', { class: 'muted small mono', title: p.resultFingerprint }, `${p.resultFingerprint.slice(0, 16)}…`))],
      [t('register.publishedAt'), (p) => fmtDate(p.publishedAt)],
    ], plans, { empty: t('disclose.noPlans'), pageSize: 5, stacked: true }));
}

function resultFilters(plans, results) {
  const departments = [...new Set(plans.flatMap((p) => p.departments.map((d) => d.department)))].sort();
  const department = select('department', [['', t('disclose.allDepartments')], ...departments.map((d) => [d, departmentLabel(d)])], '');
  const from = h('input', { type: 'date', name: 'from' });
  const to = h('input', { type: 'date', name: 'to' });
  // A name, or a code in any spelling people type (lower case, full-width, spaced): dispatch folds it; a wrong length is refused in words.
  const enterprise = h('input', { type: 'search', name: 'enterprise', maxlength: 60, autocomplete: 'off', spellcheck: 'false', placeholder: t('disclose.enterpriseHint') });
  const apply = () => {
    const filter = enterpriseFilter(enterprise.value.trim());
    // A code of the wrong length is said here in words: the server's refusal is English and reads as an outage ("try again later").
    const length = filter.creditCode ? codeLength(filter.creditCode) : CODE_LENGTH;
    if (length !== CODE_LENGTH) return mount(results, h('div', { class: 'notice warn', role: 'alert', id: 'code-length' }, t('disclose.codeLength', { n: length })));
    return showResults(results, { department: department.value, from: from.value, to: to.value, ...filter }, choose);
  };
  const choose = (code) => {
    enterprise.value = code;
    apply();
  };
  return h('form', { class: 'filters', id: 'inspection-results-filters', onsubmit: (event) => { event.preventDefault(); apply(); } },
    field(t('disclose.enterpriseFilter'), enterprise), field(t('disclose.department'), department), field(t('disclose.from'), from), field(t('disclose.to'), to),
    h('button', { class: 'btn', type: 'submit' }, t('disclose.show')));
}

const CODE_LENGTH = 18;

/** How many characters a code typed in any spelling has, read as the services read it (a full-width character counts as one). */
const codeLength = (text) => asCreditCode(text).length;

/** Letters and digits only (half- or full-width, spaced) is a code; anything else, a part of a registered name. */
function enterpriseFilter(text) {
  if (!text) return {};
  return /^[0-9A-Za-z０-９Ａ-Ｚａ-ｚ\s]+$/.test(text) ? { creditCode: text } : { name: text };
}

/** What a name matched: the enterprises whose results these are, or too many to show, each one to choose. */
function matchesNotice(name, matches, moreMatches, choose) {
  if (!matches) return null;
  const key = moreMatches ? 'disclose.nameMatchedMany' : ['disclose.nameMatchedNone', 'disclose.nameMatchedOne'][matches.length] ?? 'disclose.nameMatched';
  return h('div', { class: `notice ${moreMatches ? 'warn' : ''}`, id: 'name-matches', 'data-more': String(moreMatches) },
    h('p', { style: 'margin:0' }, t(key, { name, n: matches.length })),
    matches.length ? h('ul', { class: 'cell-list' }, matches.map((m) => h('li', {},
      h('button', { class: 'linkish', type: 'button', 'data-code': m.creditCode, onclick: () => choose(m.creditCode) }, m.name), ' ',
      h('span', { class: 'muted small mono' }, m.creditCode)))) : null);
}

/** The results, a page at a time from the newest; "more" adds the next page below the ones shown. */
async function showResults(target, filter, choose) {
  const shown = [];
  let notice = null;
  const more = async (after) => {
    let page;
    try {
      page = await api('/api/public/inspection-results', { query: { ...filter, after, limit: RESULTS_PAGE } });
    } catch (error) {
      mount(target, errorState(error, () => showResults(target, filter, choose), filter.name ? 'intake' : 'dispatch'));
      return;
    }
    shown.push(...page.results);
    if (after === undefined) notice = matchesNotice(filter.name, page.matches, page.moreMatches, choose);
    mount(target, notice,
      shown.length === 0 ? (page.moreMatches ? null : emptyState(t('disclose.noResults'))) : resultsTable(shown),
      page.next ? h('div', { class: 'row', style: 'margin-top:12px' }, h('button', { class: 'btn secondary', id: 'more-results', onclick: () => more(page.next) }, t('disclose.more'))) : null);
  };
  await more(undefined);
}

function resultsTable(rows) {
  return table([
    [t('disclose.date'), (r) => h('div', { style: 'white-space:nowrap' }, fmtDate(r.date), r.visitNo ? h('div', { class: 'muted small mono', 'data-visit-no': r.visitNo }, r.visitNo) : null)],
    [t('disclose.enterprise'), (r) => h('div', {}, r.name ?? '—', h('div', { class: 'muted small mono' }, r.creditCode))],
    [t('disclose.departments'), (r) => joined(r.departments.map(departmentLabel))],
    [t('disclose.outcome'), (r) => h('ul', { class: 'cell-list' }, r.items.map((i) => h('li', { 'data-item': i.item }, itemLabel(i.item), ' ', resultBadge(i.result))))],
  ], rows, { paged: false, stacked: true });
}
