// The accuracy audit drawn from its figures: the random share's AUC (in words when too few inspections
// measure it), calibration, results by colour, and model-chosen against random.
import { calibrationChart, COLOUR_FILLS, pct, rateChart } from '../audit-charts.js';
import { fmtNumber, t } from '../i18n.js';
import { h, state } from '../ui.js';
import { points, tile } from './audit-tiles.js';

export function accuracyFigures(a) {
  const r = a.samples.random;
  const validation = a.model?.validation?.validationAuc;
  if (r.inspections === 0) {
    const chosen = a.samples.model.inspections;
    return h('div', { id: 'accuracy-figures', 'data-empty': 'no-random-inspections' },
      state('empty', t('acc.noRandom'), t('acc.noRandomHelp'),
        h('div', { class: 'muted small' },
          chosen > 0 ? h('p', {}, t('acc.onlyChosen', { n: fmtNumber(chosen) })) : null,
          validation !== undefined ? h('p', {}, t('acc.validationOnly', { auc: validation.toFixed(3) })) : null)));
  }
  const effect = a.selectionEffect;
  return h('div', { id: 'accuracy-figures' },
    h('div', { class: 'tiles tiles-4' },
      aucTile(r),
      tile(t('acc.validationAuc'), validation !== undefined ? validation.toFixed(3) : '—', t('acc.validationSub')),
      tile(t('acc.inspections'), fmtNumber(r.inspections), r.unscored ? t('acc.unscored', { n: fmtNumber(r.unscored) }) : t('acc.found', { rate: pct(r.violationRate.rate, 1) })),
      tile(t('acc.ece'), r.expectedCalibrationError === null ? '—' : points(r.expectedCalibrationError), t('acc.eceSub', { brier: r.brier?.toFixed(3) ?? '—' }))),
    h('p', { class: 'muted small' }, t('acc.aucMeans')),
    h('div', { class: 'grid grid-2', style: 'margin-top:8px' },
      h('section', { class: 'subcard', id: 'calibration' }, h('h3', {}, t('acc.calibration')), h('p', { class: 'muted small', style: 'margin-top:0' }, t('acc.calibrationLead')),
        calibrationChart(r.calibration, { ariaLabel: t('acc.calibration') })),
      h('div', { class: 'stack' },
        h('section', { class: 'subcard', id: 'by-colour' }, h('h3', {}, t('acc.byColour')), h('p', { class: 'muted small', style: 'margin-top:0' }, t('acc.byColourLead')),
          rateChart(['red', 'yellow', 'green'].map((c) => ({ key: c, label: t(`colour.${c}`), p: r.violationRateByColour[c], fill: COLOUR_FILLS[c] })), { reference: r.violationRate.rate, labelWidth: 150, ariaLabel: t('acc.byColour'), attrs: { 'data-chart': 'by-colour' } }),
          thresholdLine(r)),
        h('section', { class: 'subcard', id: 'selection-effect' }, h('h3', {}, t('acc.effect')),
          rateChart([
            { key: 'model', label: t('acc.modelChosen'), p: effect.modelChosen, fill: '#e0604f' },
            { key: 'random', label: t('acc.randomShare'), p: effect.random, fill: '#3b82c4' },
          ], { labelWidth: 150, ariaLabel: t('acc.effect'), attrs: { 'data-chart': 'selection-effect' } }),
          effectLine(effect)))));
}

/** The AUC large only when the server reads it as a measurement; else why not, with the counts. */
function aucTile(r) {
  const auc = r.auc;
  const reading = r.aucReading;
  if (reading && !reading.measured) {
    const sub = reading.reason === 'too-wide' && auc
      ? t('acc.tooWideSub', { low: auc.interval.low.toFixed(3), high: auc.interval.high.toFixed(3), max: reading.maxWidth, n: fmtNumber(r.inspections) })
      : t('acc.tooFewSub', { min: reading.minEach, violations: fmtNumber(reading.violations), clean: fmtNumber(reading.clean), n: fmtNumber(r.inspections) });
    return tile(t('acc.auc'), t(reading.reason === 'too-wide' ? 'acc.tooWide' : 'acc.tooFew'), sub, 'unmeasured', { id: 'accuracy-auc', 'data-auc': reading.reason });
  }
  return tile(t('acc.auc'), auc ? auc.value.toFixed(3) : '—', auc ? t('acc.aucInterval', { low: auc.interval.low.toFixed(3), high: auc.interval.high.toFixed(3) }) : t('acc.aucNone'), '', { id: 'accuracy-auc', 'data-auc': auc ? 'measured' : 'none' });
}

function thresholdLine(r) {
  const red = r.atRed;
  return h('p', { class: 'small', style: 'margin-bottom:0' }, t('acc.atRed', { flagged: fmtNumber(red.flagged), precision: pct(red.precision.rate, 1), tpr: pct(red.truePositiveRate.rate, 1), fpr: pct(red.falsePositiveRate.rate, 1) }));
}

function effectLine(effect) {
  if (effect.difference === null) return h('p', { class: 'muted small' }, t('acc.effectNone'));
  const i = effect.interval;
  const reading = !i ? '' : i.low > 0 ? t('acc.effectHigher') : i.high < 0 ? t('acc.effectLower') : t('acc.effectUnclear');
  return h('p', { class: 'small', style: 'margin-bottom:0', id: 'selection-effect-line' },
    t('acc.effectLine', { diff: points(effect.difference), low: i ? points(i.low) : '—', high: i ? points(i.high) : '—' }), ' ', h('strong', {}, reading));
}
