// What each checklist item asks (随机抽查事项清单): visits and plans carry codes such as FIRE-01, the
// bureau names them in dispatch. Asked once per page load; until then, or without a name, the code.
import { api } from './api.js';
import { currentLang } from './i18n.js';

let names = new Map();
let asked = null;

export function loadItemNames() {
  // Never a reason for a page not to draw: whatever goes wrong, codes are shown and the next page asks again.
  asked ??= api('/api/checklist-items')
    .then((rows) => { names = new Map((Array.isArray(rows) ? rows : []).filter((r) => r?.item && r?.zh).map((r) => [r.item, r])); })
    .catch(() => { asked = null; });
  return asked;
}

/** The item's name in the page's language (Chinese when no English one is given), or null. */
export function itemName(code) {
  const row = names.get(String(code));
  if (!row) return null;
  return currentLang() === 'en' ? row.en ?? row.zh : row.zh;
}
