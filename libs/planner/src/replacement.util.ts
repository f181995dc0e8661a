import { Prng } from '@tianping/common';
import { Officer, PriorInspection } from './planner.model';
import { canWork, isCompetentFor, isRecused, officerStates, teamDomains, type OfficerState } from './team.util';

/** A scheduled visit whose team one officer is to leave. */
export interface TeamChangeVisit {
  creditCode: string;
  regionCode: string;
  date: string;
  departments: readonly string[];
  officerIds: readonly string[];
}

export interface TeamChangeInput {
  visit: TeamChangeVisit;
  officerOut: string;
  /** The register, with declared conflicts and daily capacities as the draw reads them. */
  officers: Officer[];
  /** Past inspections of the visit's enterprise (cases and other visits), for the 12-month recusal. */
  priorInspections: PriorInspection[];
  /**
   * The enterprise's visits still to come in the 12 months after the day (its re-inspection, next plans'):
   * an officer on one of them would inspect it twice within 12 months.
   */
  laterVisits?: PriorInspection[];
  /** Scheduled visits per officer on the visit's day. */
  visitsThatDay: ReadonlyMap<string, number>;
}

export type TeamChangeRefusalCode =
  | 'officer_not_on_team'
  | 'already_on_team'
  | 'officer_unknown'
  | 'officer_absent'
  | 'cannot_work'
  | 'declared_conflict'
  | 'recent_inspection'
  | 'later_inspection'
  | 'not_competent'
  | 'departments_uncovered'
  | 'over_capacity';

export interface TeamChangeRefusal {
  code: TeamChangeRefusalCode;
  message: string;
}

export interface ReplacementCandidate {
  officerId: string;
  department: string;
  /** Visits already scheduled for the officer on the day, and how many the officer may make. */
  visitsThatDay: number;
  dailyCapacity: number;
  local: boolean;
}

/**
 * Why `candidateId` may not take `officerOut`'s place on the visit, or null when it may. The rules are the
 * draw's (team.util, checkPlan): not absent that day, on duty with a certificate valid on it, no declared conflict and no
 * inspection of the enterprise in the 12 months before (nor one scheduled in the 12 months after), competent for one of the visit's departments, the
 * new team covering all of them, and no more visits that day than the officer's daily capacity.
 */
export function replacementRefusal(input: TeamChangeInput, candidateId: string): TeamChangeRefusal | null {
  const { visit, officerOut } = input;
  if (!visit.officerIds.includes(officerOut)) return { code: 'officer_not_on_team', message: `officer ${officerOut} is not on this visit's team` };
  if (visit.officerIds.includes(candidateId)) return { code: 'already_on_team', message: `officer ${candidateId} is already on this visit's team` };
  const officer = input.officers.find((o) => o.id === candidateId);
  if (!officer) return { code: 'officer_unknown', message: `officer ${candidateId} is not in the register` };
  const [state] = officerStates([officer], input.priorInspections);
  return refusalOf(input, state);
}

/** Every officer who may take `officerOut`'s place, fewest visits that day first, local officers ahead, then by id. */
export function eligibleReplacements(input: TeamChangeInput): ReplacementCandidate[] {
  if (!input.visit.officerIds.includes(input.officerOut)) return [];
  return officerStates(
    input.officers.filter((o) => !input.visit.officerIds.includes(o.id)),
    input.priorInspections,
  )
    .filter((state) => refusalOf(input, state) === null)
    .map((s) => ({
      officerId: s.officer.id,
      department: s.officer.department,
      visitsThatDay: input.visitsThatDay.get(s.officer.id) ?? 0,
      dailyCapacity: s.officer.dailyCapacity,
      local: s.officer.regionCode === input.visit.regionCode,
    }))
    .sort((a, b) => a.visitsThatDay - b.visitsThatDay || Number(b.local) - Number(a.local) || (a.officerId < b.officerId ? -1 : 1));
}

/**
 * Why each officer not on the team may not take `officerOut`'s place, counted by rule: when no one may, the
 * dispatcher sees what stands in the way (certificates, absences, the day's capacity) rather than a bare "no one".
 */
export function refusalCounts(input: TeamChangeInput): Partial<Record<TeamChangeRefusalCode, number>> {
  const counts: Partial<Record<TeamChangeRefusalCode, number>> = {};
  if (!input.visit.officerIds.includes(input.officerOut)) return counts;
  const others = input.officers.filter((o) => !input.visit.officerIds.includes(o.id));
  for (const state of officerStates(others, input.priorInspections)) {
    const code = refusalOf(input, state)?.code;
    if (code) counts[code] = (counts[code] ?? 0) + 1;
  }
  return counts;
}

/**
 * One of the candidates at random (双随机), reproducible from the seed: the candidates are put in id
 * order first, so anyone holding the seed and the list picks the same officer.
 */
export function drawReplacement(candidateIds: readonly string[], seed: string): string | null {
  if (candidateIds.length === 0) return null;
  return new Prng(`team-change|${seed}`).pick([...candidateIds].sort());
}

function refusalOf(input: TeamChangeInput, state: OfficerState): TeamChangeRefusal | null {
  const { visit } = input;
  const id = state.officer.id;
  if (state.absent.has(visit.date)) return { code: 'officer_absent', message: `officer ${id} is absent (leave, training or away) on ${visit.date}` };
  // Busy days are the planner's one-route-a-day bookkeeping, not a rule: capacity is checked below.
  if (!canWork(state, visit.date, true)) return { code: 'cannot_work', message: `officer ${id} is not on duty with a certificate valid on ${visit.date}` };
  if (state.conflicts.has(visit.creditCode))
    return { code: 'declared_conflict', message: `officer ${id} declared a conflict of interest with this enterprise` };
  if (isRecused(state, visit.creditCode, visit.date))
    return { code: 'recent_inspection', message: `officer ${id} inspected this enterprise within the 12 months before ${visit.date}` };
  const later = (input.laterVisits ?? []).find((v) => v.officerIds.includes(id));
  if (later)
    return { code: 'later_inspection', message: `officer ${id} is to inspect this enterprise on ${later.date}, within the 12 months after ${visit.date}` };
  if (!isCompetentFor(state, visit.departments))
    return { code: 'not_competent', message: `officer ${id} is certified for none of ${visit.departments.join(', ')}` };
  const partners = officerStates(
    input.officers.filter((o) => visit.officerIds.includes(o.id) && o.id !== input.officerOut),
    [],
  );
  const covered = teamDomains([...partners, state]);
  const uncovered = visit.departments.filter((d) => !covered.has(d));
  if (uncovered.length > 0) return { code: 'departments_uncovered', message: `with officer ${id} the team would not cover ${uncovered.join(', ')}` };
  const load = input.visitsThatDay.get(id) ?? 0;
  if (load + 1 > state.officer.dailyCapacity)
    return {
      code: 'over_capacity',
      message: `officer ${id} already has ${load} visits on ${visit.date}; the daily capacity is ${state.officer.dailyCapacity}`,
    };
  return null;
}
