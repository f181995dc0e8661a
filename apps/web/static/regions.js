// District names for the codes the platforms export (GB/T 2260: 440605 is 南海区), asked once per
// page load. Until they arrive, or if they cannot, codes are shown as they are.
import { askedOnce } from './api.js';
import { h } from './ui.js';

let names = {};

export const loadRegions = askedOnce('/api/regions', (answer) => {
  names = answer?.names && typeof answer.names === 'object' ? answer.names : {};
});

/** The division's name, or null when the code is not one we know. */
export function regionName(code) {
  return code ? names[String(code)] ?? null : null;
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
  return Object.keys(names).filter((code) => cities.has(code.slice(0, 4)) && !code.endsWith('00')).sort();
}

/**
 * A district filter as typed: digits are a code (or its prefix) as they are; a name is the one
 * district among `candidates` it names or begins ("南海" for 南海区), else null.
 */
export function regionCodeOf(text, candidates) {
  if (/^\d+$/.test(text)) return text;
  const exact = candidates.filter((code) => names[code] === text);
  if (exact.length === 1) return exact[0];
  const begun = candidates.filter((code) => names[code]?.startsWith(text));
  return begun.length === 1 ? begun[0] : null;
}
