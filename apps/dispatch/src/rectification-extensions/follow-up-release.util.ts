import type { ChecklistEntry } from '@tianping/planner';

export interface HeldFollowUp {
  department: string;
  inspectionRef: string;
}

/** A scheduled visit as the plan stored it, with the draw's tasks it carries. */
export interface HoldingVisit {
  taskIds: string[];
  departments: string[];
  checklist: ChecklistEntry[];
  followUps: (HeldFollowUp & Record<string, unknown>)[];
  tasks: { id: string; department: string; reason: string; clueIds: string[]; followUps?: string[] }[];
}

export type Release =
  | { cancelled: true; followUps: HeldFollowUp[] }
  | {
      cancelled: false;
      followUps: HeldFollowUp[];
      /** The visit as it stays. */
      kept: { taskIds: string[]; departments: string[]; checklist: ChecklistEntry[]; followUps: HoldingVisit['followUps']; reasons: string[] };
      /** What only the released follow-ups brought into the visit. */
      removed: { taskIds: string[]; departments: string[]; checklist: ChecklistEntry[] };
    };

const same = (a: HeldFollowUp) => (b: HeldFollowUp) => a.department === b.department && a.inspectionRef === b.inspectionRef;

/**
 * What a visit keeps when it no longer carries `released` (re-inspections whose deadline moved to or past its day):
 * a task only those follow-ups brought (reason `follow-up`, no complaint, no other follow-up) leaves with its
 * department and checklist; a visit left with no task is cancelled whole, as a plan cut cancels.
 */
export function releaseFollowUps(visit: HoldingVisit, released: HeldFollowUp[]): Release {
  const followUps = visit.followUps.filter((f) => !released.some(same(f)));
  const stillHeld = (t: HoldingVisit['tasks'][number]) =>
    (t.followUps ?? []).some((ref) => followUps.some(same({ department: t.department, inspectionRef: ref })));
  const gone = new Set(visit.tasks.filter((t) => t.reason === 'follow-up' && t.clueIds.length === 0 && !stillHeld(t)).map((t) => t.id));
  const taskIds = visit.taskIds.filter((id) => !gone.has(id));
  const releasedRefs = visit.followUps.filter((f) => released.some(same(f))).map(({ department, inspectionRef }) => ({ department, inspectionRef }));
  if (taskIds.length === 0) return { cancelled: true, followUps: releasedRefs };
  const kept = visit.tasks.filter((t) => taskIds.includes(t.id));
  const keptDepartments = new Set(kept.map((t) => t.department));
  const departments = visit.departments.filter((d) => keptDepartments.has(d));
  const reasons = [...new Set([...kept.map((t) => t.reason), ...(followUps.length > 0 ? ['follow-up'] : [])])].sort();
  return {
    cancelled: false,
    followUps: releasedRefs,
    kept: { taskIds, departments, checklist: visit.checklist.filter((c) => keptDepartments.has(c.department)), followUps, reasons },
    removed: {
      taskIds: visit.taskIds.filter((id) => gone.has(id)),
      departments: visit.departments.filter((d) => !keptDepartments.has(d)),
      checklist: visit.checklist.filter((c) => !keptDepartments.has(c.department)),
    },
  };
}

/** An officer on the visit's team, as the register knows them (by certificate number). */
export interface TeamMember {
  id: string;
  domains: string[];
  certValidUntil: string;
}

/**
 * The officers a visit no longer needs once its departments shrank: those certified for none of the
 * departments left, taken off only when the rest is still a team the draw would form (at least two
 * officers certified on the day, every department left covered); otherwise the team stays whole.
 */
export function unneededOfficers(team: TeamMember[], departments: string[], date: string): string[] {
  const unneeded = team.filter((o) => !o.domains.some((d) => departments.includes(d)));
  const rest = team.filter((o) => !unneeded.includes(o));
  const certified = rest.every((o) => o.certValidUntil >= date);
  const covered = departments.every((d) => rest.some((o) => o.domains.includes(d)));
  if (unneeded.length === 0 || rest.length < 2 || !certified || !covered) return [];
  return unneeded.map((o) => o.id).sort();
}
