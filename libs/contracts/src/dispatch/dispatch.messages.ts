export interface DrawCompleted {
  drawId: string;
  seed: string;
  window: { from: string; to: string };
  /** sha256 of the canonical inputs (enterprises with colours, plans, exemptions, triggers). */
  inputsFingerprint: string;
  /** True when oversight had suspended the model: the draw ignored risk. */
  modelSuspended: boolean;
  modelVersion: string | null;
  explorationShare: number;
  /**
   * The draw's tasks, or (`parts` > 1) this part's share of them: a large city's draw is sent in
   * parts, each with the same header, so that no message passes NATS's size limit.
   */
  tasks: { department: string; creditCode: string; reason: string }[];
  /** Which part this is, from 1, and of how many; absent in events older than parts (one part). */
  part?: number;
  parts?: number;
  /** Tasks in the whole draw, over all its parts. */
  taskCount?: number;
  /** What became of the plan built from this draw: the independent checker may have refused it. */
  planStatus?: 'published' | 'rejected';
  /** Violations the independent checker found in that plan (0 when published). */
  planViolations?: number;
  /** Present (true) when the window had begun: a plan made before the system, recorded afterwards. */
  backfill?: boolean;
  at: string;
}

export interface VisitItemResult {
  item: string;
  department: string;
  result: '未发现问题' | '责令整改' | '立案查处';
  violation?: string;
}

/** Why a visit's department went: a re-inspection (复查), a complaint it followed up, or the double-random draw. */
export type VisitOrigin = 'follow-up' | 'complaint' | 'random';

export interface VisitResultRecorded {
  visitId: string;
  /** The visit's number (检查编号, `TP-2026-000123`); absent from events recorded before visits were numbered. */
  visitNo?: string;
  creditCode: string;
  date: string;
  officerIds: string[];
  items: VisitItemResult[];
  /** Why each department (of `items`) went; absent from events recorded before it was sent (then: the draw). */
  origins?: Record<string, VisitOrigin>;
  /** The rectification deadline (整改期限) when an item is 责令整改: the re-inspection (复查) comes after it. */
  rectifyBy?: string;
  at: string;
}

/** A checked plan from a draw was published: its visits are scheduled (superseding overlapping plans). */
export interface PlanPublished {
  drawId: string;
  window: { from: string; to: string };
  visits: number;
  routes: number;
  unassignedTasks: number;
  /** Earlier plans beginning inside this window, which this one replaces whole. */
  supersededDrawIds: string[];
  /** Earlier plans begun before this window, cut at its first day (their visits from then on cancelled). */
  cutDrawIds?: string[];
  at: string;
}

/**
 * Which of dispatch's settings changed. A conflict of interest (回避) is declared or withdrawn, never edited.
 * An officer's absence (请假, 培训, 外出) is added (before null) or withdrawn (after null): its kind and days, never a reason.
 */
export const DISPATCH_SETTING_KINDS = [
  'plan',
  'policy',
  'checklist-item',
  'calendar-day',
  'conflict-declared',
  'conflict-withdrawn',
  'officer-absence',
] as const;
export type DispatchSettingKind = (typeof DISPATCH_SETTING_KINDS)[number];

/**
 * A bureau setting changed, sent in the transaction that changed it, for oversight's record. A
 * conflict's reason is never in it: it may name a relative.
 */
export interface DispatchSettingChanged {
  /** This change's own id: the record logs it once however often it arrives. */
  changeId: string;
  setting: DispatchSettingKind;
  /**
   * Which one: the department (SAMR), `policy`, the item (FIRE-02), the day (2027-01-01), `officerId/creditCode`,
   * or for an absence `officerId/from/to` (44060001/2027-03-01/2027-03-05).
   */
  key: string;
  /** The values before (null: it did not exist) and after (null: it was removed). */
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  /** A plan's exemptions are not repeated whole in before and after (they may be thousands): which were added and removed. */
  exemptionsAdded?: string[];
  exemptionsRemoved?: string[];
  /** The signed-in account that made the change; null for an operator's direct call to dispatch. */
  actor: string | null;
  at: string;
}

/**
 * One officer of a scheduled visit replaced by another. The reason the dispatcher gave stays in dispatch
 * (it may name a person); the record gets who, when, and how the officer was chosen.
 */
export interface VisitTeamChanged {
  /** Unique per change: the record's key. */
  changeId: string;
  visitId: string;
  visitNo: string;
  creditCode: string;
  date: string;
  officerOut: string;
  officerIn: string;
  /** The team after the change. */
  officerIds: string[];
  /** `picked`: the dispatcher chose; `random`: drawn from `candidates` (id order) with `seed`. */
  chosen: { how: 'picked' } | { how: 'random'; seed: string; candidates: string[] };
  actor: string | null;
  at: string;
}

/**
 * A done visit's rectification deadline (整改期限) moved later (延期整改), the enterprise having asked for
 * more time. The reason the bureau gave stays in dispatch (it may name a person); the record gets which
 * visit, from which day to which, who and when.
 */
export interface RectificationExtended {
  /** Unique per extension: the record's key. */
  extensionId: string;
  visitId: string;
  visitNo: string;
  creditCode: string;
  /** The visit's day. */
  date: string;
  /** The departments whose items ordered rectification (责令整改): their re-inspections wait for `to`. */
  departments: string[];
  /** The deadline before and after. */
  from: string;
  to: string;
  actor: string | null;
  at: string;
}

/**
 * A platform case's rectification deadline moved later (延期整改): the platform exports no deadline, so it
 * was the case's day + the policy's days until extended. As for a visit, the reason stays in dispatch.
 */
export interface CaseRectificationExtended {
  /** Unique per extension: the record's key. */
  extensionId: string;
  /** Intake's case number (the platform's). */
  caseNo: string;
  creditCode: string;
  /** The department that gave the order: its re-inspection waits for `to`. */
  department: string;
  /** The case's day. */
  date: string;
  /** The deadline before and after. */
  from: string;
  to: string;
  actor: string | null;
  at: string;
}

/**
 * An extension (延期整改) moved a deadline past the day of a scheduled visit that held the re-inspection: the
 * visit no longer carries it (its other work stays), or is cancelled when that was its only work. The next
 * draw plans the re-inspection on or after `deadline`.
 */
export interface FollowUpReleased {
  /** Unique per released visit: the record's key. */
  releaseId: string;
  /** The extension that moved the deadline (a visit's or a platform case's). */
  extensionId: string;
  visitId: string;
  visitNo: string;
  creditCode: string;
  /** The visit's day. */
  date: string;
  /** The re-inspections it no longer carries: the department and the inspection (visit or case number). */
  followUps: { department: string; inspectionRef: string }[];
  /** The new deadline. */
  deadline: string;
  /** Whether the visit was cancelled, the re-inspection having been its only work. */
  cancelled: boolean;
  /** The departments that left the visit with it (their checks only the re-inspection brought). */
  departmentsRemoved: string[];
  /**
   * The officers taken off the team with those departments (certificate numbers), certified for none of the
   * departments left, the rest still two or more covering them. Absent from events sent before it was kept.
   */
  officersRemoved?: string[];
  at: string;
}
