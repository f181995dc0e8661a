// Small DOM helpers: elements are built, never parsed from strings, so data cannot inject markup.
import { cellText, toCsv } from './csv.js';
import { currentLang, fmtNumber, plural, t, tKnown } from './i18n.js';

export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'class') el.className = value;
    else if (key.startsWith('on') && typeof value === 'function') el.addEventListener(key.slice(2).toLowerCase(), value);
    else if (key === 'dataset') Object.assign(el.dataset, value);
    else el.setAttribute(key, value === true ? '' : String(value));
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

const SVG_NS = 'http://www.w3.org/2000/svg';
export function s(tag, attrs = {}, ...children) {
  const el = document.createElementNS(SVG_NS, tag);
  for (const [key, value] of Object.entries(attrs)) if (value !== undefined && value !== null) el.setAttribute(key, String(value));
  append(el, children);
  return el;
}

export function mount(target, ...children) {
  target.replaceChildren();
  append(target, children);
}

/** A scrolling box's name: its card's heading and the heading just before it in the card, else a plain name. */
function scrollerName(box) {
  const card = box.closest('section')?.querySelector('h2, h3')?.textContent?.trim();
  let before = null;
  for (let el = box.previousElementSibling; el && !before; el = el.previousElementSibling) if (el.matches('h2, h3, h4')) before = el.textContent.trim();
  return [card, before].filter((text, i, all) => text && all.indexOf(text) === i).join(' · ') || t('common.scrollRegion');
}

/**
 * A table or chart wider than its box scrolls sideways, and a keyboard can scroll only what it can
 * focus (WCAG 2.1.1): while one overflows it takes the focus, named after its card's heading. Watches
 * the page for new ones, and each one's size and its content's, for as long as the page lives.
 */
export function watchScrollers(root = document.body) {
  const sized = new WeakSet();
  // A box shown later (a tab, a fold) or whose content grows without a new element changes size, not the tree.
  const resized = new ResizeObserver(() => soon());
  const update = () => {
    for (const box of root.querySelectorAll('.table-wrap, .chart-scroll')) {
      if (!sized.has(box)) {
        sized.add(box);
        resized.observe(box);
        if (box.firstElementChild) resized.observe(box.firstElementChild);
      }
      const overflowing = box.scrollWidth > box.clientWidth + 1;
      if (overflowing && !box.hasAttribute('tabindex')) {
        box.dataset.scrollFocus = '';
        box.setAttribute('tabindex', '0');
        box.setAttribute('role', 'region');
        box.setAttribute('aria-label', scrollerName(box));
      } else if (!overflowing && box.dataset.scrollFocus !== undefined) {
        delete box.dataset.scrollFocus;
        for (const name of ['tabindex', 'role', 'aria-label']) box.removeAttribute(name);
      }
    }
  };
  let queued = false;
  const soon = () => {
    if (queued) return;
    queued = true;
    requestAnimationFrame(() => { queued = false; update(); });
  };
  new MutationObserver(soon).observe(root, { childList: true, subtree: true });
  soon();
}

export function pageHead(title, lead, ...actions) {
  return h('div', { class: 'page-head' }, h('div', {}, h('h1', {}, title), lead ? h('p', {}, lead) : null), actions.length ? h('div', { class: 'row' }, actions) : null);
}

/** Prints the page as it stands; the print stylesheet leaves out the header, buttons and paging. */
export function printButton() {
  return h('button', { class: 'btn secondary', type: 'button', id: 'print-page', onclick: () => window.print() }, t('common.print'));
}

export function card(title, ...children) {
  return h('section', { class: 'card' }, title ? h('div', { class: 'card-head' }, typeof title === 'string' ? h('h2', {}, title) : title) : null, children);
}

export function chip(colour, short = false) {
  const known = ['green', 'yellow', 'red'].includes(colour) ? colour : 'none';
  const label = known === 'none' ? t('colour.none') : t(short ? `colour.${known}Short` : `colour.${known}`);
  return h('span', { class: `chip ${known}`, 'data-colour': known }, label);
}

export function badge(text, kind = '', attrs = {}) {
  return h('span', { class: `badge ${kind}`, ...attrs }, text);
}

/** A state in words; `level` 1 where it is the whole page (no page found, not allowed), else a card's h3. */
export function state(kind, title, help, action, level = 3) {
  const icons = { empty: '∅', error: '!', unavailable: '…', forbidden: '⊘', loading: '' };
  return h('div', { class: `state ${kind}`, role: kind === 'error' ? 'alert' : 'status', 'data-state': kind }, h('div', { class: 'icon' }, icons[kind] ?? ''), h(`h${level}`, {}, title), help ? (Array.isArray(help) ? h('div', {}, h('p', {}, help[0]), help[1]) : h('p', {}, help)) : null, action ? h('div', { style: 'margin-top:14px' }, action) : null);
}

export function emptyState(help) {
  return state('empty', t('state.empty'), help);
}

/** How long grey bars alone may stand before the page says in words what it is waiting for. */
export const WAIT_NOTICE_MS = 2500;

/**
 * Grey bars where content will come; a screen reader hears "loading" instead of nothing. A call that
 * has not answered after WAIT_NOTICE_MS is said in words, naming the service `app` waited on, so a
 * hung service does not read as a broken page; the error, with its retry, follows when it comes.
 */
export function loading(app) {
  const note = h('div', { class: 'waiting-note' });
  const box = h('div', { 'data-state': 'loading', role: 'status' }, h('span', { class: 'visually-hidden' }, t('common.loading')), note, h('div', { class: 'skeleton', style: 'width:60%' }), h('div', { class: 'skeleton' }), h('div', { class: 'skeleton', style: 'width:80%' }));
  setTimeout(() => {
    if (!box.isConnected) return;
    box.dataset.waiting = 'long';
    mount(note, h('strong', {}, t('state.stillWaiting', { app: serviceInSentence(app) })), ' ', h('span', { class: 'muted' }, t('state.stillWaitingHelp')));
  }, WAIT_NOTICE_MS);
  return box;
}

/** A service by what it does ("评分服务"), never by its process name; unnamed, the one behind the page. */
export function serviceName(app) {
  return (app && tKnown(`service.${app}`)) || t('service.unknown');
}

/** The service's name inside a sentence: "the scoring service" in English, as it is in Chinese. */
function serviceInSentence(app) {
  const name = serviceName(app);
  return currentLang() === 'en' ? name.charAt(0).toLowerCase() + name.slice(1) : name;
}

/** The right words for a failed call: not there yet, not yours, not found, or an error with a retry. */
export function errorState(error, retry, app) {
  const retryButton = retry ? h('button', { class: 'btn secondary', onclick: retry }, t('common.retry')) : null;
  if (error?.offline) return state('unavailable', t('state.offline'), t('state.offlineHelp'), retryButton);
  if (error && error.status === 504) return state('unavailable', t('state.timedOut'), t('state.timedOutHelp', { app: serviceName(error.body?.app || app) }), retryButton);
  if (error && error.unavailable) return state('unavailable', t('state.unavailable'), t('state.unavailableHelp', { app: serviceName(error.body?.app || app) }), retryButton);
  if (error && error.status === 403) return state('forbidden', t('state.forbidden'), t('state.forbiddenHelp'));
  if (error && error.status === 404) return state('forbidden', t('state.notFound'), t('state.notFoundHelp'));
  const said = serverWords(error) ? h('p', { class: 'small muted server-words', style: 'margin-top:8px' }, t('state.serverSaid', { message: error.message })) : null;
  // A request refused as invalid fails the same way however often it is sent: "try again in a moment" would mislead.
  if (error && error.status === 400) return state('error', t('state.badRequest'), [t('state.badRequestHelp'), said]);
  return state('error', t('state.error'), [t('state.errorHelp'), said], retryButton);
}

/**
 * A failed call in one line for an inline message, in the page's language; the server's own words,
 * which may be English, follow as technical detail. Pages check what they can before calling.
 */
/** A service's refusal in the page's words when its code has a text under `prefix` (`team.refused`), else what it said. */
export function refusalText(error, prefix) {
  const code = error?.body?.code;
  return (code && tKnown(`${prefix}.${code}`)) || errorText(error);
}

export function errorText(error) {
  if (error?.status === 504) return t('state.timedOutHelp', { app: serviceName(error.body?.app) });
  if (error?.unavailable) return t('state.unavailableHelp', { app: serviceName(error.body?.app) });
  if (error?.status === 403) return t('state.forbiddenHelp');
  if (error?.status === 404) return t('state.notFoundHelp');
  if (error?.offline) return t('state.offlineHelp');
  return serverWords(error) ? `${t('state.error')}. ${t('state.serverSaid', { message: error.message })}` : t('state.error');
}

/**
 * Whether an error carries what a server said (an HTTP answer has a status). Anything else is this page's
 * own fault ("Cannot read properties of undefined"): not the server's words, so it goes to the console only.
 */
function serverWords(error) {
  if (typeof error?.status === 'number') return Boolean(error.message);
  if (error) console.error(error);
  return false;
}

/** Loads into a container, showing a skeleton, then the content or the right state. */
export async function section(container, load, render, app) {
  const run = async () => {
    mount(container, loading(app));
    try {
      const data = await load();
      mount(container, render(data));
    } catch (error) {
      mount(container, errorState(error, run, app));
    }
  };
  await run();
}

/** A column's heading; a column of buttons without a visible label is still named for a screen reader. */
export function headCell(label) {
  return h('th', {}, label === '' ? h('span', { class: 'visually-hidden' }, t('common.actions')) : label);
}

/**
 * A table of rows with client-side paging (`paged: false` when the server pages); columns are [label, row => cell].
 * `stacked`: on a phone each row becomes a block of labelled lines instead of a table scrolled sideways.
 * `download` ({ name, ready?, columns?, rows? }: the file's name without its extension) offers every row
 * as a CSV file of what the cells show (or of its own columns and rows). A column may then be
 * [label, cell, csv], where `csv` is the column's own text for the file, `false` to leave it out (a
 * drawing), or { label: value } for several columns in its place.
 */
export function table(columns, rows, { pageSize = 10, empty, onRow, paged = true, stacked = false, download } = {}) {
  if (!rows || rows.length === 0) return emptyState(empty);
  const wrap = h('div');
  const tools = download ? h('div', { class: 'table-tools' }, csvButton(download.columns ?? columns, download.rows ?? rows, download)) : null;
  let page = 0;
  let printing = false;
  // Unpaged, every row shows: one page as long as the rows.
  const pages = paged ? Math.ceil(rows.length / pageSize) : 1;
  const draw = () => {
    const slice = printing || !paged ? rows : rows.slice(page * pageSize, (page + 1) * pageSize);
    const body = h('tbody', {}, slice.map((row) => h('tr', onRow ? { onclick: () => onRow(row), style: 'cursor:pointer' } : {}, columns.map(([label, cell]) => h('td', stacked ? { 'data-label': label } : {}, cell(row))))));
    mount(
      wrap,
      tools,
      h('div', { class: 'table-wrap' }, h('table', stacked ? { class: 'stack-rows' } : {}, h('thead', {}, h('tr', {}, columns.map(([label]) => headCell(label)))), body)),
      paged && (pages > 1 || rows.length > 0) ? pager(page, pages, rows.length, (next) => { page = next; draw(); }) : null,
    );
  };
  draw();
  if (pages > 1) {
    wrap.dataset.paged = '';
    wrap.drawWhole = (on) => { printing = on; draw(); };
  }
  return wrap;
}

// Paper holds every row, not the page on screen: paged tables are drawn whole for printing, then go back
// to their page. Found in the document when asked, so a table that has left it is simply gone.
const drawTablesWhole = (on) => () => document.querySelectorAll('[data-paged]').forEach((wrap) => wrap.drawWhole?.(on));
window.addEventListener('beforeprint', drawTablesWhole(true));
window.addEventListener('afterprint', drawTablesWhole(false));

/**
 * Every row of a table, as the cells show them, saved as `<name>.csv`. Cells that fill themselves in
 * once asked (an enterprise's name) are drawn first; `ready` says when what they asked for is known.
 */
function csvButton(columns, rows, { name, ready }) {
  const fields = columns.flatMap(([label, cell, csv]) =>
    csv === false ? [] : typeof csv === 'function' ? [[label, csv]] : csv && typeof csv === 'object' ? Object.entries(csv) : [[label, cell]]);
  const button = h('button', { class: 'btn secondary', type: 'button', 'data-download': name }, t('common.downloadCsv'));
  button.addEventListener('click', async () => {
    button.disabled = true;
    try {
      const drawn = rows.map((row) => fields.map(([, value]) => value(row)));
      await ready?.();
      await new Promise((resolve) => setTimeout(resolve));
      const lines = drawn.map((cells) => cells.map(cellText));
      downloadCsv(name, fields.map(([label]) => cellText(label)), lines);
    } finally {
      button.disabled = false;
    }
  });
  return button;
}

export function pager(page, pages, total, go, { hasMore } = {}) {
  const more = hasMore ?? page < pages - 1;
  return h(
    'div',
    { class: 'pager' },
    // Where the pages are counted (a table paged here) the reader is told how many there are.
    h('span', {}, [Number.isFinite(pages) && pages > 1 ? t('common.pageOf', { page: fmtNumber(page + 1), pages: fmtNumber(pages) }) : t('common.page', { page: fmtNumber(page + 1) }), total !== undefined ? plural('common.items', total) : null].filter(Boolean).join(' · ')),
    // One page has nowhere to go: its count alone, without two buttons that do nothing.
    page === 0 && !more ? null : h('div', { class: 'row' },
      h('button', { class: 'btn secondary', disabled: page === 0, onclick: () => go(page - 1) }, t('common.prev')),
      h('button', { class: 'btn secondary', disabled: !more, onclick: () => go(page + 1) }, t('common.next'))),
  );
}

export function field(label, input) {
  return h('label', { class: 'field' }, label, input);
}

export function select(name, options, value) {
  return h('select', { name }, options.map(([v, label]) => h('option', { value: v, selected: v === value }, label)));
}

/** A progress panel for long operations: a bar and named steps that advance while the call runs. */
export function progressPanel(steps, message) {
  const bar = h('div');
  const list = h('ol', { class: 'steps' }, steps.map((step) => h('li', {}, step)));
  const elapsed = h('span', { class: 'muted small' });
  const panel = h('div', { class: 'notice', role: 'status', 'data-progress': 'running' }, h('div', { class: 'row' }, h('strong', {}, message), h('span', { class: 'spacer' }), elapsed), h('div', { class: 'progress indeterminate', style: 'margin-top:10px' }, bar), list);
  const started = Date.now();
  let index = 0;
  const mark = () => [...list.children].forEach((li, i) => (li.className = i < index ? 'done' : i === index ? 'now' : ''));
  mark();
  const timer = setInterval(() => {
    const seconds = Math.round((Date.now() - started) / 1000);
    elapsed.textContent = `${seconds}s`;
    if (index < steps.length - 1 && seconds >= (index + 1) * 2) { index += 1; mark(); }
  }, 500);
  return {
    element: panel,
    finish() {
      clearInterval(timer);
      index = steps.length;
      mark();
      panel.dataset.progress = 'done';
      panel.querySelector('.progress').classList.remove('indeterminate');
      bar.style.width = '100%';
    },
  };
}

/** Hands JSON to the browser as a file to keep (a receipt): built in memory, never parsed into the page. */
export function downloadJson(filename, data) {
  downloadFile(filename, `${JSON.stringify(data, null, 2)}\n`, 'application/json');
}

/** Hands rows to the browser as `<name>.csv`, for a spreadsheet (see csv.js). */
export function downloadCsv(name, header, rows) {
  downloadFile(`${name}.csv`, toCsv(header, rows), 'text/csv;charset=utf-8');
}

/** Hands text to the browser as a file to keep. */
export function downloadFile(filename, text, type) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = h('a', { href: url, download: filename, style: 'display:none' });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A button that fetches JSON and saves it as a file, saying in place why when it cannot. */
export function downloadButton(label, load, filename, attrs = {}) {
  const message = h('span', { class: 'small', role: 'status' });
  const button = h('button', { class: 'btn secondary', type: 'button', ...attrs }, label);
  button.addEventListener('click', async () => {
    button.disabled = true;
    message.textContent = '';
    try {
      downloadJson(filename, await load());
    } catch (error) {
      message.className = 'small bad-text';
      message.textContent = error?.status === 404 ? t('receipt.notYet') : errorText(error);
    } finally {
      button.disabled = false;
    }
  });
  return h('span', { class: 'row', style: 'gap:8px' }, button, message);
}

let confirmSteps = 0;

/**
 * The second step of a consequential act: what will happen, then "confirm" or "cancel". Resolves
 * true only when the person confirms. The focus goes to the step (to "cancel" when the act is
 * dangerous, so a second Enter does not do it), Escape cancels, and a cancel returns the focus to
 * what asked; a confirm leaves it where the step was, for the result that follows there.
 * `replaces`: the button that asked, hidden while the step stands in its place and shown again when
 * it is answered. Hide it no other way: a focused element that is hidden loses the focus at once, and
 * a cancel would then have nothing to return it to.
 */
export function confirmStep(container, message, confirmLabel, { danger = false, replaces = null } = {}) {
  const asked = document.activeElement;
  const id = `confirm-${++confirmSteps}`;
  return new Promise((resolve) => {
    const done = (answer) => {
      if (replaces) replaces.hidden = false;
      if (!answer) setTimeout(() => asked?.isConnected && asked.focus(), 0);
      else { container.tabIndex = -1; container.focus(); }
      container.replaceChildren();
      resolve(answer);
    };
    const yes = h('button', { class: `btn ${danger ? 'danger' : ''}`, type: 'button', 'data-confirm-yes': '', onclick: () => done(true) }, confirmLabel);
    const no = h('button', { class: 'btn secondary', type: 'button', onclick: () => done(false) }, t('common.cancel'));
    const dialog = h('div', { class: 'notice warn confirm', role: 'alertdialog', 'aria-labelledby': id, 'data-confirm': 'open', onkeydown: (event) => { if (event.key === 'Escape') { event.preventDefault(); done(false); } } },
      h('div', { id }, message),
      h('div', { class: 'row', style: 'margin-top:10px' }, yes, no));
    mount(container, dialog);
    if (replaces) replaces.hidden = true;
    (danger ? no : yes).focus();
  });
}

export function fmtBytes(n) {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(0)} KB`;
  return `${(n / 1024 / 1024).toFixed(n < 10 * 1024 * 1024 ? 1 : 0).replace(/\.0$/, '')} MB`;
}

/** Kinds of file by the type the browser reported, as people name them. */
const FILE_KINDS = [
  [/^application\/pdf$/, 'pdf'],
  [/^image\//, 'image'],
  [/^application\/(msword|vnd\.openxmlformats-officedocument\.wordprocessingml\.|vnd\.oasis\.opendocument\.text)/, 'word'],
  [/^application\/(vnd\.ms-excel|vnd\.openxmlformats-officedocument\.spreadsheetml\.|vnd\.oasis\.opendocument\.spreadsheet)/, 'spreadsheet'],
  [/^text\/csv$/, 'csv'],
  [/^text\/plain$/, 'text'],
  [/^application\/(zip|x-zip-compressed)$/, 'zip'],
];

/** What kind of file it is in the reader's words (PDF 文档, 图片); else its extension (DOCX 文件), never a MIME type. */
export function fileKind(contentType, name = '') {
  const type = String(contentType ?? '').trim().toLowerCase();
  const known = FILE_KINDS.find(([pattern]) => pattern.test(type));
  if (known) return t(`fileKind.${known[1]}`);
  const ext = /\.([A-Za-z0-9]{1,8})$/.exec(String(name))?.[1];
  return ext ? t('fileKind.other', { ext: ext.toUpperCase() }) : t('fileKind.unknown');
}

/** A duration in words: 45 秒, 3 分钟, 2 小时, 1.5 天. */
export function fmtDuration(seconds) {
  if (seconds === null || seconds === undefined) return '—';
  if (seconds < 60) return t('time.seconds', { n: Math.round(seconds) });
  if (seconds < 3600) return t('time.minutes', { n: Math.round(seconds / 60) });
  if (seconds < 86_400) return t('time.hours', { n: (seconds / 3600).toFixed(seconds < 36_000 ? 1 : 0) });
  return t('time.days', { n: (seconds / 86_400).toFixed(1) });
}

let tabSets = 0;

/**
 * Tabs as the ARIA tab pattern has them: the chosen one marked selected (not by colour alone), one
 * stop in the Tab order, arrow keys, Home and End to move between them, and the buttons kept across
 * a choice so the focus stays where the person is. `names` are the tabs' keys, `label(name)` draws a
 * tab's words (called again on every choice, so counts stay fresh), `attrs(name)` adds attributes,
 * `panel` is the element the tabs control.
 */
export function tabList(names, current, { label, attrs = () => ({}), panel, name: listName, onPick }) {
  const set = ++tabSets;
  let chosen = current;
  const id = (name) => `tabs-${set}-${String(name).replace(/[^\w-]/g, '_')}`;
  const buttons = names.map((name) => h('button', { type: 'button', role: 'tab', id: id(name), 'aria-controls': panel?.id, ...attrs(name) }));
  const list = h('div', { class: 'tabs', role: 'tablist', 'aria-label': listName }, buttons);
  if (panel) panel.setAttribute('role', 'tabpanel');
  const draw = () => buttons.forEach((button, i) => {
    const on = names[i] === chosen;
    button.className = on ? 'active' : '';
    button.setAttribute('aria-selected', String(on));
    button.tabIndex = on ? 0 : -1;
    mount(button, label(names[i]));
    if (on) panel?.setAttribute('aria-labelledby', button.id);
  });
  const pick = (i, focus = false) => {
    chosen = names[i];
    draw();
    if (focus) buttons[i].focus();
    onPick(chosen);
  };
  buttons.forEach((button, i) => button.addEventListener('click', () => pick(i)));
  list.addEventListener('keydown', (event) => {
    const at = buttons.indexOf(document.activeElement);
    if (at < 0) return;
    const to = { ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: buttons.length - 1 }[event.key];
    if (to === undefined) return;
    event.preventDefault();
    pick((to + buttons.length) % buttons.length, true);
  });
  draw();
  return list;
}

/**
 * After an act redraws the part of the page that held its button, the focus goes to what came of it
 * (the decision, the new state), not to the top of the document where the removed button left it.
 */
export function focusResult(element) {
  if (!element) return;
  if (!element.hasAttribute('tabindex')) element.tabIndex = -1;
  element.focus();
}

let problemIds = 0;

/**
 * Ties a problem to the field it is about: the field is marked invalid and reads the problem as its
 * description, and the focus goes there unless told otherwise. Editing the field clears the mark.
 */
export function fieldProblem(input, problem, { focus = true } = {}) {
  if (!problem.id) problem.id = `problem-${++problemIds}`;
  const others = (input.getAttribute('aria-describedby') ?? '').split(' ').filter((id) => id && id !== problem.id);
  input.setAttribute('aria-describedby', [...others, problem.id].join(' '));
  input.setAttribute('aria-invalid', 'true');
  input.addEventListener('input', () => {
    input.removeAttribute('aria-invalid');
    const rest = (input.getAttribute('aria-describedby') ?? '').split(' ').filter((id) => id && id !== problem.id);
    if (rest.length) input.setAttribute('aria-describedby', rest.join(' '));
    else input.removeAttribute('aria-describedby');
  }, { once: true });
  if (focus) input.focus();
  return problem;
}
