import { createHash } from 'node:crypto';
import { canonicalJson } from '@tianping/audit-log';
import type { ColourPolicyEvent, DrawCompleted, ModelVersionEvent, ScoreRecord, SubjectChange, VisitResultRecorded } from '@tianping/contracts';
import { checkedRecords, failedFields, failedInList, PoisonMessage, refuseIfFailed, instant, isObject, isoDay, num, str } from '@tianping/messaging';

/**
 * Checks other apps' events at the edge and turns them into the audits' projection rows. A message
 * with one malformed record is refused whole (to the dead letters, intact) rather than half applied.
 */

/** Visit results that count as a violation found (dispatch's VisitItemResult). */
const VIOLATION_RESULTS = new Set(['责令整改', '立案查处']);
const COLOURS = new Set(['green', 'yellow', 'red']);

export interface ScoreRow {
  credit_code: string;
  as_of: string;
  model_version: string;
  score_id: string;
  computed_at: string;
  probability: number;
  colour: string;
  /** Factor name → value as used by the model (numbers, categories, booleans or null). */
  factors: Record<string, unknown>;
}

export interface EnterpriseRow {
  credit_code: string;
  industry_code: string | null;
  region_code: string | null;
  employees: number | null;
  established_on: string | null;
  updated_at: string;
}

export interface DrawRow {
  draw_id: string;
  window_from: string;
  window_to: string;
  model_version: string | null;
  model_suspended: boolean;
  exploration_share: number | null;
  plan_status: string | null;
  drawn_at: string;
  tasks: { department: string; credit_code: string; reason: string }[];
}

export interface InspectionRow {
  visit_id: string;
  department: string;
  credit_code: string;
  date: string;
  violation_found: boolean;
  recorded_at: string;
}

export interface ModelEventRow {
  event_key: string;
  model_version: string;
  state: string;
  actor: string;
  reason: string | null;
  spec_name: string;
  training_from: string | null;
  training_to: string | null;
  data_fingerprint: string;
  metrics: Record<string, number>;
  at: string;
}

export interface ColourPolicyEventRow {
  event_key: string;
  version: string;
  yellow: number;
  red: number;
  state: string;
  actor: string;
  at: string;
}

/** Events without an id are identified by their content: the same event sent again is the same. */
function contentKey(prefix: string, payload: unknown): string {
  return `${prefix}:${createHash('sha256').update(canonicalJson(payload)).digest('hex')}`;
}

export function scoreRows(payload: unknown): ScoreRow[] {
  const scores = checkedRecords<ScoreRecord>(payload, 'scores', 'score batch', (s) => ({
    scoreId: str(s.scoreId),
    creditCode: str(s.creditCode),
    asOf: isoDay(s.asOf),
    modelVersion: str(s.modelVersion),
    computedAt: instant(s.computedAt),
    probability: num(s.probability) && s.probability >= 0 && s.probability <= 1,
    colour: COLOURS.has(s.colour as string),
    contributions: Array.isArray(s.contributions) && s.contributions.every((c) => isObject(c) && str(c.factor)),
  }));
  return scores.map((s) => {
    const factors: Record<string, unknown> = {};
    for (const c of s.contributions!) factors[c.factor] = c.value === undefined ? null : c.value;
    return {
      credit_code: s.creditCode!,
      as_of: s.asOf!.slice(0, 10),
      model_version: s.modelVersion!,
      score_id: s.scoreId!,
      computed_at: s.computedAt!,
      probability: s.probability!,
      colour: s.colour!,
      factors,
    };
  });
}

export function enterpriseRows(payload: unknown): EnterpriseRow[] {
  const subjects = checkedRecords<SubjectChange>(payload, 'records', 'subject batch', (s) => ({
    creditCode: str(s.creditCode),
    updatedAt: instant(s.updatedAt),
  }));
  return subjects.map((s) => {
    return {
      credit_code: s.creditCode,
      industry_code: str(s.industryCode) ? s.industryCode : null,
      region_code: str(s.regionCode) ? s.regionCode : null,
      employees: num(s.employees) ? Math.round(s.employees) : null,
      established_on: isoDay(s.establishedOn) ? s.establishedOn.slice(0, 10) : null,
      updated_at: s.updatedAt,
    };
  });
}

export function drawRow(payload: unknown): DrawRow {
  if (!isObject(payload)) throw new PoisonMessage('draw: payload is not a JSON object');
  const d = payload as Partial<DrawCompleted>;
  const tasks = Array.isArray(d.tasks) ? d.tasks : null;
  refuseIfFailed('draw', [
    ...failedFields({
      drawId: str(d.drawId),
      'window.from': isObject(d.window) && isoDay(d.window.from),
      'window.to': isObject(d.window) && isoDay(d.window.to),
      modelSuspended: typeof d.modelSuspended === 'boolean',
      at: instant(d.at),
      tasks: tasks !== null,
    }),
    ...failedInList(tasks ?? [], 'tasks', (t) => ({ department: str(t.department), creditCode: str(t.creditCode), reason: str(t.reason) })),
  ]);
  return {
    draw_id: d.drawId!,
    window_from: d.window!.from.slice(0, 10),
    window_to: d.window!.to.slice(0, 10),
    model_version: str(d.modelVersion) ? d.modelVersion : null,
    model_suspended: d.modelSuspended!,
    exploration_share: num(d.explorationShare) ? d.explorationShare : null,
    plan_status: str(d.planStatus) ? d.planStatus : null,
    drawn_at: d.at!,
    tasks: tasks!.map((t) => ({ department: t.department, credit_code: t.creditCode, reason: t.reason })),
  };
}

/** One inspection per department on the visit: found a violation when any of its items did. */
export function inspectionRows(payload: unknown): InspectionRow[] {
  if (!isObject(payload)) throw new PoisonMessage('visit result: payload is not a JSON object');
  const v = payload as Partial<VisitResultRecorded>;
  const items = Array.isArray(v.items) ? v.items : null;
  refuseIfFailed('visit result', [
    ...failedFields({ visitId: str(v.visitId), creditCode: str(v.creditCode), date: isoDay(v.date), at: instant(v.at), items: items !== null }),
    ...failedInList(items ?? [], 'items', (item) => ({ department: str(item.department), result: str(item.result) })),
  ]);
  const found = new Map<string, boolean>();
  for (const item of items!) found.set(item.department, (found.get(item.department) ?? false) || VIOLATION_RESULTS.has(item.result));
  return [...found].map(([department, violationFound]) => ({
    visit_id: v.visitId!,
    department,
    credit_code: v.creditCode!,
    date: v.date!.slice(0, 10),
    violation_found: violationFound,
    recorded_at: v.at!,
  }));
}

export function modelEventRow(payload: unknown): ModelEventRow {
  if (!isObject(payload)) throw new PoisonMessage('model version: payload is not a JSON object');
  const e = payload as Partial<ModelVersionEvent>;
  refuseIfFailed(
    'model version',
    failedFields({
      modelVersion: str(e.modelVersion),
      state: str(e.state),
      actor: str(e.actor),
      specName: typeof e.specName === 'string',
      trainingWindow: isObject(e.trainingWindow),
      dataFingerprint: typeof e.dataFingerprint === 'string',
      metrics: isObject(e.metrics),
      at: instant(e.at),
    }),
  );
  const metrics: Record<string, number> = {};
  for (const [k, value] of Object.entries(e.metrics!)) if (num(value)) metrics[k] = value;
  return {
    event_key: contentKey('model-version', payload),
    model_version: e.modelVersion!,
    state: e.state!,
    actor: e.actor!,
    reason: str(e.reason) ? e.reason : null,
    spec_name: e.specName!,
    training_from: isoDay(e.trainingWindow!.from) ? e.trainingWindow!.from.slice(0, 10) : null,
    training_to: isoDay(e.trainingWindow!.to) ? e.trainingWindow!.to.slice(0, 10) : null,
    data_fingerprint: e.dataFingerprint!,
    metrics,
    at: e.at!,
  };
}

export function colourPolicyEventRow(payload: unknown): ColourPolicyEventRow {
  if (!isObject(payload)) throw new PoisonMessage('colour policy: payload is not a JSON object');
  const e = payload as Partial<ColourPolicyEvent>;
  refuseIfFailed(
    'colour policy',
    failedFields({
      version: str(e.version),
      'thresholds.yellow': isObject(e.thresholds) && num(e.thresholds.yellow),
      'thresholds.red': isObject(e.thresholds) && num(e.thresholds.red),
      state: str(e.state),
      actor: str(e.actor),
      at: instant(e.at),
    }),
  );
  return {
    event_key: contentKey('colour-policy', payload),
    version: e.version!,
    yellow: e.thresholds!.yellow,
    red: e.thresholds!.red,
    state: e.state!,
    actor: e.actor!,
    at: e.at!,
  };
}
