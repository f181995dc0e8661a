// What an extension (延期整改) did to the visits that held the re-inspection on or before the new deadline: each
// gave it up (its other checks stay, and officers sent only for the departments that left go) or was cancelled,
// the re-inspection having been its only work.
import { fmtDate, t } from '../i18n.js';
import { h } from '../ui.js';

/** The released visits of an extension's answer, each linked, with what became of it; nothing when none. */
export function releasedNotice(released) {
  if (!released?.length) return null;
  return h('div', { class: 'notice', 'data-released': '', style: 'margin-top:8px' }, t('extend.released'),
    h('ul', {}, released.map((v) => h('li', { 'data-released-visit': v.number, 'data-cancelled': String(v.cancelled) },
      h('a', { href: `#/visits/${v.id}` }, v.number), ' ', fmtDate(v.date), ' · ', t(v.cancelled ? 'extend.releasedCancelled' : 'extend.releasedKept'),
      v.officersRemoved?.length ? h('span', { 'data-officers-removed': String(v.officersRemoved.length) }, ' · ', t('extend.releasedOfficers', { count: v.officersRemoved.length })) : null))));
}
