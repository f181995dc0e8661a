// The bureau's list by risk as a spreadsheet file (导出企业风险清单): every enterprise the filters keep,
// riskiest first, not only the page on screen; e.g. all reds of one district for a special campaign.
import { api } from '../api.js';
import { fmtNumber, t } from '../i18n.js';
import { regionName } from '../regions.js';
import { downloadCsv, errorText, h, mount } from '../ui.js';
import { enterprisesByCode } from './bureau-calendar.js';
import { industryName } from './reasons.js';

/** At most this many rows in one file: past it, the filters should narrow the list. */
export const EXPORT_MAX = 20_000;
const SCORES_PER_PAGE = 1000;
/** As many as oversight takes in one look-up by codes. */
const REVIEWS_PER_ASK = 100;

/** What oversight's review of a colour can say of it. */
const STATES = ['awaiting-confirmation', 'confirmed', 'overridden'];

/** Rows of a scores answer, whatever its envelope ({items, next} or a plain array). */
export const rowsOf = (answer) => (Array.isArray(answer) ? answer : answer?.items ?? answer?.scores ?? []);

/** A button that saves the list the filters keep, saying in `status` how far along it is and what it left out. */
export function exportButton(filters) {
  const status = h('span', { class: 'small muted', role: 'status', id: 'export-status' });
  const button = h('button', { class: 'btn secondary', type: 'button', id: 'export-list' }, t('common.downloadCsv'));
  button.addEventListener('click', async () => {
    button.disabled = true;
    status.className = 'small muted';
    try {
      const { rows, capped } = await riskList(filters, (n) => { status.textContent = t('bureau.export.fetching', { n: fmtNumber(n) }); });
      status.textContent = t('bureau.export.naming', { n: fmtNumber(rows.length) });
      const codes = rows.map((row) => row.creditCode);
      const [places, reviews] = await Promise.all([enterprisesByCode(codes), colourReviews(codes)]);
      downloadCsv(fileName(filters), HEADER(), rows.map((row) => line(row, places.get(row.creditCode), reviews.get(row.creditCode))));
      mount(status, capped ? h('span', { class: 'bad-text', id: 'export-capped' }, t('bureau.export.capped', { n: fmtNumber(EXPORT_MAX) })) : t('bureau.export.done', { n: fmtNumber(rows.length) }));
    } catch (error) {
      status.className = 'small bad-text';
      status.textContent = t('bureau.export.failed', { error: errorText(error) });
    } finally {
      button.disabled = false;
    }
  });
  return h('div', { class: 'table-tools row', style: 'gap:8px' }, status, button);
}

/** The current scores the filters keep, riskiest first, page by page up to EXPORT_MAX. */
async function riskList(filters, progress) {
  const rows = [];
  let after;
  do {
    const answer = await api('/api/scores', { query: { order: 'risk', colour: filters.colour, region: filters.region, industry: filters.industry, after, limit: SCORES_PER_PAGE } });
    rows.push(...rowsOf(answer));
    after = answer?.next ?? undefined;
    progress(rows.length);
  } while (after && rows.length < EXPORT_MAX);
  return { rows: rows.slice(0, EXPORT_MAX), capped: Boolean(after) || rows.length > EXPORT_MAX };
}

/**
 * Oversight's word on the colours of the named enterprises' current scores, by credit code, asked
 * REVIEWS_PER_ASK at a time. Where oversight does not answer, the model's colours stand alone, as on the page.
 */
export async function colourReviews(codes) {
  const found = new Map();
  for (let i = 0; i < codes.length; i += REVIEWS_PER_ASK) {
    const reviews = await api('/api/reviews/colours', { query: { codes: codes.slice(i, i + REVIEWS_PER_ASK).join(',') } }).catch(() => []);
    for (const review of Array.isArray(reviews) ? reviews : []) found.set(review.creditCode, review);
  }
  return found;
}

const HEADER = () => [
  t('field.creditCode'), t('field.name'), t('field.address'), t('field.region'), t('field.industry'),
  t('bureau.export.modelColour'), t('bureau.export.colourInForce'), t('bureau.export.review'), t('field.findingChance'), t('bureau.export.asOf'),
];

/** One enterprise: the colour in force is oversight's where it has spoken, else the model's (a red waits as yellow). */
function line(row, place, review) {
  const inForce = review?.scoreId === row.scoreId ? review.effectiveColour : row.colour === 'red' ? 'yellow' : row.colour;
  const said = review?.scoreId === row.scoreId ? review.state : row.colour === 'red' ? 'awaiting-confirmation' : null;
  const state = STATES.includes(said) ? t(`bureau.export.state.${said}`) : '';
  return [
    row.creditCode,
    place?.name ?? '',
    place?.address ?? '',
    row.regionCode ? `${row.regionCode} ${regionName(row.regionCode) ?? ''}`.trim() : '',
    row.industryCode ? `${row.industryCode} ${industryName(row.industryCode) ?? ''}`.trim() : '',
    row.colour ? t(`colour.${row.colour}Short`) : '',
    inForce ? t(`colour.${inForce}Short`) : '',
    state,
    typeof row.probability === 'number' ? `${(row.probability * 100).toFixed(1)}%` : '',
    row.asOf ?? '',
  ];
}

function fileName(filters) {
  return ['tianping-enterprises-by-risk', filters.colour, filters.region, filters.industry].filter(Boolean).join('-');
}
