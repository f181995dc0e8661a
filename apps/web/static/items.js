// What each checklist item asks (随机抽查事项清单): visits and plans carry codes such as FIRE-01, the
// bureau names them in dispatch; and how an item's result is shown. Asked once per page load; until then, or without a name, the code.
import { askedOnce } from './api.js';
import { currentLang, valueLabel } from './i18n.js';
import { badge } from './ui.js';

let names = new Map();

export const loadItemNames = askedOnce('/api/checklist-items', (rows) => {
  names = new Map((Array.isArray(rows) ? rows : []).filter((r) => r?.item && r?.zh).map((r) => [r.item, r]));
});

/** The item's name in the page's language (Chinese when no English one is given), or null. */
export function itemName(code) {
  const row = names.get(String(code));
  if (!row) return null;
  return currentLang() === 'en' ? row.en ?? row.zh : row.zh;
}

const RESULT_KIND = { 未发现问题: 'ok', 责令整改: 'warn', 立案查处: 'bad' };

/** An item's result in words, coloured by what it means: nothing found, rectification ordered, a case opened. */
export function resultBadge(result) {
  return badge(valueLabel('caseResult', result), RESULT_KIND[result] ?? '');
}
