// What an extension (延期整改) did to the visits that held the re-inspection on or before the new deadline: each
// gave it up (its other checks stay, and officers sent only for the departments that left go) or was cancelled,
// the re-inspection having been its only work. A visit whose day has passed is left as it was.
import { fmtDate, t } from '../i18n.js';
import { h } from '../ui.js';

/**
 * The released visits of an extension's answer, each linked, with what became of it; then the visits whose day
 * had passed, left as they were (`heldBefore`): their results may still come. Nothing when there are neither.
 */
export function releasedNotice({ released, heldBefore }) {
  const link = (v) => [h('a', { href: `#/visits/${v.id}` }, v.number), ' ', fmtDate(v.date)];
  return [
    released?.length
      ? h('div', { class: 'notice', 'data-released': '', style: 'margin-top:8px' }, t('extend.released'),
        h('ul', {}, released.map((v) => h('li', { 'data-released-visit': v.number, 'data-cancelled': String(v.cancelled) },
          link(v), ' · ', t(v.cancelled ? 'extend.releasedCancelled' : 'extend.releasedKept'),
          v.officersRemoved?.length ? h('span', { 'data-officers-removed': String(v.officersRemoved.length) }, ' · ', t('extend.releasedOfficers', { count: v.officersRemoved.length })) : null))))
      : null,
    heldBefore?.length
      ? h('div', { class: 'notice warn', 'data-held-before': '', style: 'margin-top:8px' }, t('extend.heldBefore'),
        h('ul', {}, heldBefore.map((v) => h('li', { 'data-held-visit': v.number }, link(v)))))
      : null,
  ];
}
