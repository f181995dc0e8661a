import { createHash } from 'node:crypto';
import { canonicalJson, type JsonValue } from '@tianping/audit-log';
import {
  DISPATCH_SETTING_KINDS,
  DispatchSubjects,
  type DispatchSettingChanged,
  type DrawCompleted,
  type FollowUpReleased,
  type CaseRectificationExtended,
  type RectificationExtended,
  type VisitResultRecorded,
  type VisitTeamChanged,
} from '@tianping/contracts';
import type { EntryDraft } from './audit-record.util';
import { InvalidEvent } from './scoring-events.mapper';

function object(payload: unknown): Record<string, unknown> {
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) throw new InvalidEvent('payload is not a JSON object');
  return payload as Record<string, unknown>;
}

function requireFields(payload: Record<string, unknown>, fields: string[], name: string): void {
  const missing = fields.filter((f) => payload[f] === undefined || payload[f] === null);
  if (missing.length) throw new InvalidEvent(`invalid ${name}: ${missing.join(', ')}`);
}

/** Values as the record keeps them: whatever a sender put in, never a reason (a conflict's may name a relative, an absence's be health data). */
function withoutReason(values: unknown): JsonValue {
  if (typeof values !== 'object' || values === null || Array.isArray(values)) return null;
  const { reason: _reason, ...kept } = values as Record<string, JsonValue>;
  return kept;
}

function settingEntry(event: Record<string, unknown>): EntryDraft {
  requireFields(event, ['changeId', 'setting', 'key', 'at'], 'DispatchSettingChanged');
  const change = event as unknown as DispatchSettingChanged;
  if (!(DISPATCH_SETTING_KINDS as readonly string[]).includes(change.setting))
    throw new InvalidEvent(`invalid DispatchSettingChanged: setting ${change.setting}`);
  // A conflict's reason may name a relative, an absence's would be health data (sick leave): neither is kept.
  const personal = change.setting.startsWith('conflict-') || change.setting === 'officer-absence';
  const data = personal ? { ...event, before: withoutReason(change.before), after: withoutReason(change.after) } : event;
  return { kind: 'dispatch-setting', subjectRef: `${change.setting}:${change.key}`, data: data as JsonValue, eventKey: `dispatch-setting:${change.changeId}` };
}

/**
 * What the record logs for dispatch: every draw with its seed, inputs fingerprint and result (so
 * anyone holding them can re-draw), every published plan, every visit's recorded results, and every
 * change of a bureau setting (plans, policy, checklist items, calendar days, conflicts of interest) or of
 * a scheduled visit's team (with the seed and candidates of a random pick, to re-check it), and every
 * extension of a rectification deadline (延期整改), a visit's or a platform case's, with the re-inspections it
 * released from visits planned before the new day.
 */
export function dispatchEventEntries(subject: string, payload: unknown): EntryDraft[] {
  const event = object(payload);
  switch (subject) {
    case DispatchSubjects.drawCompleted: {
      requireFields(event, ['drawId', 'seed', 'inputsFingerprint', 'window', 'tasks', 'modelSuspended'], 'DrawCompleted');
      const draw = event as unknown as DrawCompleted;
      // A draw sent in parts is logged part by part (each with the header); a draw of one part keeps the old key.
      const key = (draw.parts ?? 1) > 1 ? `draw:${draw.drawId}:part:${draw.part}` : `draw:${draw.drawId}`;
      return [{ kind: 'dispatch-draw', subjectRef: draw.drawId, data: event as JsonValue, eventKey: key }];
    }
    case DispatchSubjects.planPublished: {
      requireFields(event, ['drawId'], 'PlanPublished');
      const key = createHash('sha256')
        .update(canonicalJson(event as JsonValue))
        .digest('hex');
      return [{ kind: 'dispatch-plan', subjectRef: String(event.drawId), data: event as JsonValue, eventKey: `plan:${key}` }];
    }
    case DispatchSubjects.visitResultRecorded: {
      requireFields(event, ['visitId', 'creditCode', 'items', 'at'], 'VisitResultRecorded');
      const result = event as unknown as VisitResultRecorded;
      return [{ kind: 'visit-result', subjectRef: result.creditCode, data: event as JsonValue, eventKey: `visit-result:${result.visitId}:${result.at}` }];
    }
    case DispatchSubjects.settingChanged:
      return [settingEntry(event)];
    case DispatchSubjects.visitTeamChanged: {
      requireFields(event, ['changeId', 'visitId', 'creditCode', 'date', 'officerOut', 'officerIn', 'chosen', 'at'], 'VisitTeamChanged');
      const change = event as unknown as VisitTeamChanged;
      // The dispatcher's reason stays in dispatch (it may name a person): were a sender to include it, it is dropped.
      return [{ kind: 'visit-team-change', subjectRef: change.creditCode, data: withoutReason(event), eventKey: `visit-team-change:${change.changeId}` }];
    }
    case DispatchSubjects.rectificationExtended:
      requireFields(event, ['extensionId', 'visitId', 'creditCode', 'from', 'to', 'at'], 'RectificationExtended');
      return [extensionEntry(event as unknown as RectificationExtended)];
    // One kind with the visit's: the record lists every extension of a deadline together.
    case DispatchSubjects.caseRectificationExtended:
      requireFields(event, ['extensionId', 'caseNo', 'creditCode', 'from', 'to', 'at'], 'CaseRectificationExtended');
      return [extensionEntry(event as unknown as CaseRectificationExtended)];
    case DispatchSubjects.followUpReleased: {
      requireFields(event, ['releaseId', 'extensionId', 'visitId', 'creditCode', 'followUps', 'deadline', 'cancelled', 'at'], 'FollowUpReleased');
      const release = event as unknown as FollowUpReleased;
      return [{ kind: 'follow-up-release', subjectRef: release.creditCode, data: event as JsonValue, eventKey: `follow-up-release:${release.releaseId}` }];
    }
    default:
      throw new InvalidEvent(`no record mapping for subject ${subject}`);
  }
}

/** A deadline extended (延期整改), a visit's or a platform case's; the reason stays in dispatch (it may name a person): were a sender to include it, it is dropped. */
function extensionEntry(extension: RectificationExtended | CaseRectificationExtended): EntryDraft {
  return {
    kind: 'rectification-extension',
    subjectRef: extension.creditCode,
    data: withoutReason(extension),
    eventKey: `rectification-extension:${extension.extensionId}`,
  };
}
