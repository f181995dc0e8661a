// A readable view of /api/openapi.json: each route, who may call it, and what it does.
import { api } from './api.js';
import { t } from './i18n.js';
import { badge, card, errorState, h, mount, pageHead, watchScrollers } from './ui.js';

const main = document.getElementById('main');
watchScrollers(main);

/** The example request body the document gives, as a client would send it. */
function example(op) {
  const body = op.requestBody?.content?.['application/json']?.schema?.example;
  return body === undefined ? null : h('pre', { class: 'mono small', 'data-testid': 'body-example' }, JSON.stringify(body, null, 2));
}
try {
  const doc = await api('/api/openapi.json');
  const byTag = new Map();
  for (const [path, ops] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(ops)) {
      const tag = op.tags?.[0] ?? 'other';
      if (!byTag.has(tag)) byTag.set(tag, []);
      byTag.get(tag).push({ path, method: method.toUpperCase(), op });
    }
  }
  mount(main, pageHead(t('docs.title'), t('docs.lead'), h('a', { class: 'btn secondary', href: '/api/openapi.json' }, 'openapi.json')),
    h('div', { class: 'stack' }, [...byTag.entries()].map(([tag, ops]) => card(tag, h('div', { class: 'table-wrap' }, h('table', {},
      h('thead', {}, h('tr', {}, h('th', {}, 'Method'), h('th', {}, 'Path'), h('th', {}, 'Who'), h('th', {}, 'What'))),
      h('tbody', {}, ops.map(({ path, method, op }) => h('tr', {},
        h('td', {}, badge(method, method === 'GET' ? 'blue' : 'ok')),
        h('td', { class: 'mono' }, path),
        h('td', {}, Array.isArray(op['x-roles']) ? op['x-roles'].map((r) => [badge(r), ' ']) : badge(op['x-roles'])),
        h('td', {}, h('div', {}, op.summary), h('div', { class: 'muted small' }, op.description), example(op)))))))))));
} catch (error) {
  mount(main, errorState(error));
}
