// A score's reasons in words: the factor's value with plurals and percentages, and how much it
// moves the odds against the average enterprise. Shared by the enterprise's, the bureau's and
// the reviewer's pages, so one score reads the same wherever it is shown.
import { oddsChange } from '../charts.js';
import { currentLang, factorName, fmtNumber, fmtPercent, plural, t, tKnown } from '../i18n.js';

/** The scoring service's sentence in the page's language, with one percent style ("15.5%", not "15.5 %"). */
export function serverText(r) {
  return String((currentLang() === 'en' ? r.en : r.zh) ?? '').replace(/(\d)\s+%/g, '$1%');
}

/** What each known factor's value says, in words with plurals and percentages; null leaves the server's sentence. */
const FACTOR_WORDS = {
  years_in_operation: (v) => typeof v === 'number' && plural('why.years_in_operation', Number(v.toFixed(1))),
  shareholder_subscribed_capital: (v) => typeof v === 'number' && t('why.shareholder_subscribed_capital', { n: fmtNumber(v), yuan: fmtNumber(v * 10_000, 0) }),
  employees: (v) => typeof v === 'number' && plural('why.employees', v),
  industry: (v) => typeof v === 'string' && Boolean(industryName(v)) && t('why.industry', { code: v, name: industryName(v) }),
  registered_capital: (v) => typeof v === 'number' && t('why.registered_capital', { n: fmtNumber(v), yuan: fmtNumber(v * 10_000, 0) }),
  violations_3y: (v) => typeof v === 'number' && plural('why.violations_3y', v),
  inspection_fail_rate: (v) => typeof v === 'number' && t('why.inspection_fail_rate', { pct: fmtPercent(v) }),
  complaints_12m: (v) => typeof v === 'number' && plural('why.complaints_12m', Number(v.toFixed(1))),
  abnormal_listed: (v) => typeof v === 'boolean' && t(v ? 'why.abnormal_listed.yes' : 'why.abnormal_listed.no'),
  legal_rep_changes_2y: (v) => typeof v === 'number' && plural('why.legal_rep_changes_2y', v),
  days_since_last_inspection: (v) => typeof v === 'number' && plural('why.days_since_last_inspection', Math.round(v)),
  shared_address_count: (v) => typeof v === 'number' && plural('why.shared_address_count', v),
};

/** Whether the model holds no value for a factor: its "missing" state, which carries a risk of its own. */
export const isMissing = (value) => value === null || value === undefined || value === '';

/** The missing state in words: never inspected is a fact; any other unknown value is one the records do not give. */
export function missingText(factor) {
  return t(factor === 'days_since_last_inspection' ? 'factorValue.neverInspected' : 'factorValue.unknown');
}

/**
 * A reason: the factor's value in words and how much it moves the odds against the average enterprise. `brief`
 * leaves out how a value is counted (complaints), for lists that show many scores' reasons one under another.
 */
export function reasonText(r, contributions, { brief = false } = {}) {
  const c = contributions.find((x) => x.factor === r.factor);
  const words = c && (isMissing(c.value) ? t('why.missing', { factor: factorName(r.factor), value: missingText(r.factor) }) : FACTOR_WORDS[r.factor]?.(c.value));
  if (!words) return serverText(r);
  const change = oddsChange(c.contribution);
  const odds = change.times
    ? t('why.oddsTimes', { x: change.times })
    : change.negligible
      ? t('why.oddsSame')
      : t(change.raises ? 'why.oddsAbove' : 'why.oddsBelow', { pct: change.pct });
  // How complaints are counted follows the odds, not a second bracket beside them.
  const note = !brief && r.factor === 'complaints_12m' ? t('why.complaints_12m.note') : '';
  const text = `${words}${odds}${note}`;
  return currentLang() === 'en' ? text[0].toUpperCase() + text.slice(1) : text;
}

/** What each known factor's value is, with its unit, for a table of factors; other values as they are. */
const FACTOR_VALUES = {
  years_in_operation: (v) => t('factorValue.years', { n: fmtNumber(v) }),
  shareholder_subscribed_capital: (v) => t('factorValue.capital', { n: fmtNumber(v), yuan: fmtNumber(v * 10_000, 0) }),
  registered_capital: (v) => t('factorValue.capital', { n: fmtNumber(v), yuan: fmtNumber(v * 10_000, 0) }),
  inspection_fail_rate: (v) => fmtPercent(v),
  complaints_12m: (v) => fmtNumber(v),
  days_since_last_inspection: (v) => t('factorValue.days', { n: fmtNumber(v, 0) }),
};

/** A factor's value in a table cell: the industry with its section's name, amounts and rates with their units, yes or no, the missing state in words. */
export function factorValueText(factor, value) {
  if (isMissing(value)) return missingText(factor);
  if (factor === 'industry') return industryLabel(value);
  if (typeof value === 'boolean') return value ? t('common.yes') : t('common.no');
  if (typeof value !== 'number') return String(value);
  return FACTOR_VALUES[factor]?.(value) ?? fmtNumber(value, 2);
}

/** An industry code (GB/T 4754, e.g. C1431) with the name of its section. */
export function industryLabel(code) {
  if (!code) return '—';
  const name = industryName(code);
  return name ? t('ent.industrySection', { code, name }) : code;
}

export function industryName(code) {
  return tKnown(`industry.${String(code)[0].toUpperCase()}`) ?? '';
}

/** Reasons with their sentences in words, in the shape the contribution chart reads (`zh`/`en`). */
export function readableReasons(reasons, contributions) {
  return reasons.map((r) => {
    const text = reasonText(r, contributions);
    return { ...r, zh: text, en: text };
  });
}
