// Figures the public copy of an audit report withholds: groups of fewer than k enterprises (or
// inspections), and a few larger ones with them so none can be worked out by subtraction. The public
// page says so in place of the number; the officers' pages show the number and mark it.
import { t } from '../i18n.js';
import { h } from '../ui.js';

/** The figures of a group published or withheld together (apps/oversight public-fairness.util FAMILIES). */
export const FAMILY = { population: 'population', selectionRate: 'population', flaggedRate: 'population', violationFoundRate: 'inspections', sample: 'sample', truePositiveRate: 'truePositiveRate', falsePositiveRate: 'falsePositiveRate' };

/** In place of a withheld number: "fewer than k" when it counts fewer, "withheld" when it is withheld with one that does. */
export function withheldText(why, k) {
  return why === 'under-k' ? t('withheld.underK', { k }) : t('withheld.complement');
}

/** What the view knows: `k`, and for officers `hidden`, what the public copy withholds (the report's publicWithheld). */
export function viewOf(report, publicWithheld) {
  if (report.disclosure) return { k: report.disclosure.minGroupSize, hidden: null };
  return publicWithheld ? { k: publicWithheld.minGroupSize, hidden: publicWithheld } : { k: null, hidden: null };
}

/** Officers: why the public copy withholds this figure of this group, or null. */
export function hiddenWhy(view, dimension, group, family) {
  return view.hidden?.groups?.[dimension]?.[group]?.[family] ?? null;
}

/** The one line above the fairness figures: on the public copy why numbers are missing, for officers which are marked. */
export function withheldNote(view) {
  if (view.k === null) return null;
  if (!view.hidden) return h('div', { class: 'notice', id: 'withheld-note', 'data-k': String(view.k), style: 'margin-top:14px' }, t('withheld.note', { k: view.k }));
  const marked = Object.values(view.hidden.groups).reduce((n, groups) => n + Object.keys(groups).length, 0);
  if (marked === 0 && view.hidden.driftFactors.length === 0) return null;
  return h('div', { class: 'notice warn', id: 'withheld-note', 'data-k': String(view.k), 'data-marked': String(marked), style: 'margin-top:14px' },
    t(view.hidden.stored ? 'withheld.officerNote' : 'withheld.officerPreview', { k: view.k, n: marked }));
}
