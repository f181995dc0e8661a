// The dispatcher changes the dispatch policy: the rules every draw applies, whatever the department.
// Dispatch validates; its refusals are shown beside the field they name, and a save over a newer version is refused.
import { api } from '../api.js';
import { t } from '../i18n.js';
import { card, h, section } from '../ui.js';
import { changedLine, countInput, explainedField, numberOf, onSave, percentInput, shareOf } from './setting-form.js';

const COLOURS = ['red', 'yellow', 'green'];
/** The whole-number keys and the bounds dispatch holds them to (PolicyDto; setting-form-bounds.spec keeps them equal). */
const COUNTS = {
  officerDailyCapacity: [1, 20],
  complaintDueDays: [1, 90],
  complaintLookbackDays: [1, 3650],
  maxTeamSize: [2, 8],
  rectificationDays: [1, 180],
  followUpWithinDays: [1, 90],
  followUpLookbackDays: [1, 3650],
};
/** What each whole number counts, said after its input. */
const UNITS = {
  officerDailyCapacity: 'visits',
  complaintDueDays: 'days',
  complaintLookbackDays: 'days',
  maxTeamSize: 'officers',
  rectificationDays: 'days',
  followUpWithinDays: 'days',
  followUpLookbackDays: 'days',
};

/** The policy card; `notice` is said under it once drawn (after a save). */
export function policySettings() {
  const box = h('div', { id: 'policy-settings' });
  const load = (notice) => section(box, () => api('/api/policy'), (policy) => policyCard(policy, load, notice), 'dispatch');
  load();
  return box;
}

function policyCard(policy, load, notice) {
  const exploration = percentInput('explorationShare', policy.explorationShare);
  const counts = Object.fromEntries(Object.keys(COUNTS).map((key) => [key, countInput(key, policy[key])]));
  const unscored = h('select', { name: 'unscoredColour' }, COLOURS.map((c) => h('option', { value: c, selected: c === policy.unscoredColour }, t(`colour.${c}`))));
  const message = h('div', { 'aria-live': 'polite' }, notice);
  const save = h('button', { class: 'btn', type: 'button', id: 'policy-edit-save' }, t('common.save'));
  onSave(save, {
    id: 'policy-edit',
    stale: { by: 'policyEdit.staleBy', at: 'policyEdit.staleAt' },
    message,
    fields: { explorationShare: exploration, ...counts, unscoredColour: unscored },
    fieldOf: FIELD_OF,
    send: () => api('/api/policy', { method: 'PUT', body: {
      version: policy.version,
      explorationShare: shareOf(exploration),
      ...Object.fromEntries(Object.entries(counts).map(([key, input]) => [key, numberOf(input)])),
      unscoredColour: unscored.value,
    } }),
    saved: () => load(h('div', { class: 'notice ok', role: 'status', id: 'policy-edit-saved' }, t('policyEdit.saved'))),
    // Someone saved since this page read the policy: show what is stored now, this page's edits dropped.
    reload: () => load(),
  });
  const explained = (key, input, suffix) => explainedField(t(`policyEdit.${key}`), input, t(`policyEdit.${key}Means`), suffix);
  return card(t('policyEdit.title'), h('p', { class: 'small muted' }, t('policyEdit.lead')),
    h('div', { class: 'stack', 'data-version': policy.version },
      explained('explorationShare', exploration, '%'),
      explained('unscoredColour', unscored),
      Object.entries(counts).map(([key, input]) => explained(key, input, t(`setting.unit.${UNITS[key]}`))),
      changedLine('policy-edit-changed', policy),
      h('p', { class: 'small' }, t('planEdit.nextDraw')),
      h('div', { class: 'row' }, save), message));
}

/** Which field a dispatch refusal is about: its messages start with the key. */
const FIELD_OF = [
  [/^explorationShare\b/, 'explorationShare', 'planEdit.badRatio'],
  [/^unscoredColour\b/, 'unscoredColour', 'policyEdit.badColour'],
  ...Object.entries(COUNTS).map(([key, [min, max]]) => [new RegExp(`^${key}\\b`), key, 'setting.badWhole', { min, max }]),
];
