/** Inputs and outputs of the dispatch planner (联合抽查 "inspect once" scheduling). Dates are ISO `YYYY-MM-DD`. */

export const DEPARTMENT_CODES = ['SAMR', 'ENV', 'EMG', 'FIRE', 'HEALTH', 'HRSS', 'CITY', 'AGRI'] as const;
/** A department code; kept as a string so another region's departments load the same way. */
export type DepartmentCode = string;
export type RiskColour = 'red' | 'yellow' | 'green';
export const RISK_COLOURS: readonly RiskColour[] = ['red', 'yellow', 'green'];

/** Inclusive date range of the planning period. */
export interface PlanningWindow {
  start: string;
  end: string;
}

export interface Enterprise {
  creditCode: string;
  colour: RiskColour;
  regionCode: string;
  lng?: number;
  lat?: number;
  /** Departments that supervise this enterprise; absent = every planned department. */
  departments?: DepartmentCode[];
}

/** One department's double-random plan for the period. Ratios are shares per year. */
export interface DepartmentPlan {
  department: DepartmentCode;
  annualRatios: Record<RiskColour, number>;
  /** Annual ratio used when the risk model is suspended (kill switch): no colour in it. */
  uniformAnnualRatio: number;
  /** Most visits by this department to one enterprise in a calendar year (complaints excepted). */
  annualCapPerEnterprise: number;
  /** Enterprises exempt from random selection (complaints still reach them). */
  exemptions?: string[];
  /** Item codes on this department's part of the combined checklist, e.g. `FIRE-02`. */
  checklist: string[];
  /** false = this department draws on its own random numbers instead of the shared ones. */
  coordinated?: boolean;
}

interface TriggerBase {
  creditCode: string;
  department: DepartmentCode;
  items?: string[];
  /** Latest date the visit should happen; placed first when given. */
  dueBy?: string;
}

/** A task raised by a verified complaint (投诉举报属实): always inspected, never capped. `kind` is absent on draws stored before follow-ups. */
export interface ComplaintTrigger extends TriggerBase {
  kind?: 'complaint';
  clueId: string;
}

/**
 * A re-inspection (整改复查) after an order to rectify (责令整改): always inspected, never capped, and
 * never before `notBefore`, the day after the rectification deadline: the deadline day is the enterprise's,
 * and a check on or before it proves nothing.
 */
export interface FollowUpTrigger extends TriggerBase {
  kind: 'follow-up';
  /** The inspection that ordered it: a case number (`FS-SAMR-2024-000101`) or a visit number (`TP-2026-000123`). */
  inspectionRef: string;
  /** The day of that inspection, for people reading the plan. */
  inspectedOn: string;
  /** The rectification deadline (整改期限), for people reading the plan: the enterprise's last day to rectify. */
  rectifyBy: string;
  /** The earliest day of the re-inspection: the day after the deadline. */
  notBefore: string;
}

export type TriggeredTask = ComplaintTrigger | FollowUpTrigger;

export function isFollowUp(t: TriggeredTask): t is FollowUpTrigger {
  return t.kind === 'follow-up';
}

/** What raised a triggered task: the clue id, or the inspection a follow-up checks on. */
export function triggerRef(t: TriggeredTask): string {
  return isFollowUp(t) ? t.inspectionRef : t.clueId;
}

/** A past inspection case (one per department even when the visit was joint). */
export interface PriorInspection {
  creditCode: string;
  department: DepartmentCode;
  date: string;
  officerIds: string[];
}

export interface Officer {
  /** Certificate number (执法证号); never the name. */
  id: string;
  department: DepartmentCode;
  domains: DepartmentCode[];
  certValidUntil: string;
  regionCode: string;
  onDuty: boolean;
  /** Most visits this officer can make in one day. */
  dailyCapacity: number;
  /** Enterprises the officer declared a conflict of interest with (回避). */
  conflicts?: string[];
  /** Days off (leave, training). */
  absentDates?: string[];
}

/** Either an explicit list of working days, or Mon–Fri minus holidays plus make-up workdays (调休). */
export interface WorkCalendar {
  workingDays?: string[];
  holidays?: string[];
  makeUpWorkdays?: string[];
}

export type TaskReason = 'risk' | 'exploration' | 'complaint' | 'follow-up' | 'random';

/** A task's id: one task per department and enterprise in a window. */
export function taskId(department: string, creditCode: string): string {
  return `${department}:${creditCode}`;
}

/**
 * The id of a re-inspection that cannot share its department's task: a complaint there is due before
 * the rectification deadline, so the complaint is inspected first and the re-inspection after it.
 */
export function followUpTaskId(department: string, creditCode: string): string {
  return `${taskId(department, creditCode)}:follow-up`;
}

export interface InspectionTask {
  /** `<department>:<creditCode>` (`taskId`), or `followUpTaskId` for a re-inspection that waits apart from a complaint. */
  id: string;
  department: DepartmentCode;
  creditCode: string;
  reason: TaskReason;
  /** Colour at draw time; null when the model was suspended (the draw must not see it). */
  colour: RiskColour | null;
  items: string[];
  clueIds: string[];
  dueBy?: string;
  /** Inspections (their references) this task re-inspects after an order to rectify; absent when none. */
  followUps?: string[];
  /** Earliest day of the visit: the latest first re-inspection day (the day after the deadline) among its follow-ups. */
  notBefore?: string;
}

export interface DrawInput {
  seed: string;
  window: PlanningWindow;
  plans: DepartmentPlan[];
  enterprises: Enterprise[];
  triggeredTasks?: TriggeredTask[];
  priorInspections?: PriorInspection[];
  suspended?: boolean;
  /** Share of each department's draw that ignores risk (default 0.1). */
  explorationShare?: number;
}

/** What was drawn from one department's frame, for audit and re-drawing. */
export interface StratumDraw {
  department: DepartmentCode;
  /** A colour, or 'all' when suspended. */
  stratum: RiskColour | 'all';
  frameSize: number;
  eligible: number;
  target: number;
  risk: number;
  exploration: number;
}

export interface DrawResult {
  seed: string;
  window: PlanningWindow;
  suspended: boolean;
  explorationShare: number;
  tasks: InspectionTask[];
  strata: StratumDraw[];
}

export interface PlanOptions {
  /** Largest team allowed when covering many departments (default 4). */
  maxTeamSize?: number;
  /** Extra load, in visits, counted against an officer from another district when drawing teams (default 1). */
  nonLocalPenalty?: number;
}

export interface PlanInput {
  enterprises: Enterprise[];
  officers: Officer[];
  calendar: WorkCalendar;
  priorInspections?: PriorInspection[];
  options?: PlanOptions;
}

export interface ChecklistEntry {
  department: DepartmentCode;
  item: string;
}

/** One trip to one enterprise by one team covering several departments' tasks (进一次门、查多项事). */
export interface JointVisit {
  id: string;
  creditCode: string;
  regionCode: string;
  date: string;
  officerIds: string[];
  departments: DepartmentCode[];
  taskIds: string[];
  /** The combined checklist (一表通查). */
  checklist: ChecklistEntry[];
  exploration: boolean;
  routeId: string;
  /** Position of the visit in its route, from 0. */
  routeOrder: number;
}

/** A team's day: visits in travel order. */
export interface Route {
  id: string;
  date: string;
  regionCode: string;
  officerIds: string[];
  visitIds: string[];
  distanceKm: number;
}

export type UnassignedReason = 'no_eligible_team' | 'capacity_exhausted' | 'no_working_day';

export interface UnassignedTask {
  taskId: string;
  creditCode: string;
  department: DepartmentCode;
  reason: UnassignedReason;
  detail: string;
}

export interface Plan {
  seed: string;
  window: PlanningWindow;
  workingDays: string[];
  visits: JointVisit[];
  routes: Route[];
  unassigned: UnassignedTask[];
}
