// District names for the codes the platforms export (GB/T 2260: 440605 is 南海区, Nanhai District),
// asked once per page load in each language the pages are read in. Until they arrive, or if they
// cannot, codes are shown as they are.
import { askedOnce } from './api.js';
import { currentLang } from './i18n.js';
import { h } from './ui.js';

const byLang = { zh: {}, en: {} };
const keep = (lang) => (answer) => {
  byLang[lang] = answer?.names && typeof answer.names === 'object' ? answer.names : {};
};
const askers = { zh: askedOnce('/api/regions', keep('zh')), en: askedOnce('/api/regions?lang=en', keep('en')) };

/**
 * The names in the page's language (an English page also asks the Chinese ones, which people type too):
 * called before each page draws, it asks only the first time.
 */
export const loadRegions = () => (currentLang() === 'en' ? Promise.all([askers.en(), askers.zh()]) : askers.zh());

/** The names in the page's language; an English page whose names could not come reads the Chinese ones. */
const names = () => (currentLang() === 'en' && Object.keys(byLang.en).length ? byLang.en : byLang.zh);

/** The division's name, or null when the code is not one we know. */
export function regionName(code) {
  return code ? names()[String(code)] ?? null : null;
}

/** A district for a table or a fact: its name, the code beside it for those who work in codes. */
export function regionCell(code) {
  if (!code) return '—';
  const name = regionName(code);
  return name ? h('span', { class: 'region', 'data-region': code }, h('span', { class: 'region-name' }, name), h('span', { class: 'muted small mono' }, code)) : h('span', { class: 'mono' }, code);
}

/** Suggestions for a district filter: each code with its name, as a datalist the input names. */
export function regionOptions(id, codes) {
  const unique = [...new Set(codes.filter(Boolean).map(String))].sort();
  return h('datalist', { id }, unique.map((code) => h('option', { value: code }, regionName(code) ?? code)));
}

/** The districts (county level) of the cities these codes lie in: a bureau's own patch, for suggestions. */
export function districtsAround(codes) {
  const cities = new Set(codes.filter(Boolean).map((c) => String(c).slice(0, 4)));
  return Object.keys(names()).filter((code) => cities.has(code.slice(0, 4)) && !code.endsWith('00')).sort();
}

/**
 * A district filter as typed: digits are a code (or its prefix) as they are; a name is the one
 * district among `candidates` it names or begins ("南海" for 南海区), else null.
 */
export function regionCodeOf(text, candidates) {
  if (/^\d+$/.test(text)) return text;
  // An English page takes the English name in any case ("nanhai" for Nanhai District) or the Chinese one.
  const sets = currentLang() === 'en' ? [byLang.en, byLang.zh] : [byLang.zh];
  const typed = text.toLowerCase();
  const named = (code) => sets.map((set) => set[code]?.toLowerCase()).filter(Boolean);
  const exact = candidates.filter((code) => named(code).includes(typed));
  if (exact.length === 1) return exact[0];
  const begun = candidates.filter((code) => named(code).some((name) => name.startsWith(typed)));
  return begun.length === 1 ? begun[0] : null;
}
