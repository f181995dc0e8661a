// What a model version weighs and how far, for the legal sign-off: the factors with their sources, whether
// an enterprise can act on each, their shape, and the range of each one's pull on the odds of a finding.
import { currentLang, fmtNumber, t } from '../i18n.js';
import { badge, h, table } from '../ui.js';

/** exp of a contribution: the factor multiplies the odds of a finding by this much. */
const times = (logit) => `×${fmtNumber(Number(Math.exp(logit).toPrecision(2)))}`;

/** The card, or nothing where the factors could not be had: the sign-off stands without them. */
export function factorsCard(read) {
  if (!Array.isArray(read?.factors)) return null;
  const label = (f) => (currentLang() === 'en' ? f.label?.en : f.label?.zh) ?? f.name;
  return h('section', { class: 'card', id: 'model-factors' },
    h('div', { class: 'card-head' }, h('h2', {}, t('approval.factors', { n: fmtNumber(read.factors.length) }))),
    h('p', { class: 'muted small', style: 'margin-top:0' }, t('approval.factorsLead')),
    table([
      [t('approval.factor'), (f) => h('span', { 'data-factor': f.name }, label(f), h('div', { class: 'mono small muted' }, f.source))],
      [t('approval.factorActionable'), (f) => badge(t(f.actionable ? 'common.yes' : 'common.no'), f.actionable ? 'ok' : '')],
      [t('approval.factorShape'), (f) => t(`approval.shape.${f.monotone ?? 'free'}`)],
      [t('approval.factorReach'), (f) => h('span', { 'data-reach': f.name }, `${times(f.effect.low)} – ${times(f.effect.high)}`)],
    ], read.factors, { paged: false, stacked: true }));
}
