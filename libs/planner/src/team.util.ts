import { Prng } from '@tianping/common';
import { yearBefore } from './date.util';
import { Officer, PriorInspection } from './planner.model';

/** What the planner tracks about an officer while it fills the days. */
export interface OfficerState {
  officer: Officer;
  domains: Set<string>;
  conflicts: Set<string>;
  absent: Set<string>;
  /**
   * Every past inspection date per enterprise, for recusal (回避). All of them, not just the latest: a
   * case on or after the visit day must not hide an earlier one within the 12 months before it.
   */
  inspected: Map<string, string[]>;
  busyDays: Set<string>;
  routesWorked: number;
  visits: number;
}

/** What a team must be able to do: the enterprise's departments, without recusal. */
export interface TeamNeed {
  creditCode: string;
  regionCode: string;
  departments: readonly string[];
}

export interface TeamRules {
  maxTeamSize: number;
  nonLocalPenalty: number;
}

export function officerStates(officers: Officer[], prior: PriorInspection[]): OfficerState[] {
  const dates = new Map<string, Map<string, string[]>>();
  for (const inspection of prior) {
    for (const id of inspection.officerIds) {
      const seen = dates.get(id) ?? new Map<string, string[]>();
      seen.set(inspection.creditCode, [...(seen.get(inspection.creditCode) ?? []), inspection.date]);
      dates.set(id, seen);
    }
  }
  return [...officers]
    .sort((a, b) => a.id.localeCompare(b.id))
    .map((officer) => ({
      officer,
      domains: new Set(officer.domains),
      conflicts: new Set(officer.conflicts ?? []),
      absent: new Set(officer.absentDates ?? []),
      inspected: dates.get(officer.id) ?? new Map<string, string[]>(),
      busyDays: new Set<string>(),
      routesWorked: 0,
      visits: 0,
    }));
}

/** On duty, certified on the day, present, and (unless asked to ignore it) not already on a route that day. */
export function canWork(state: OfficerState, day: string, ignoreBusy = false): boolean {
  const o = state.officer;
  return o.onDuty && o.certValidUntil >= day && o.dailyCapacity >= 1 && !state.absent.has(day) && (ignoreBusy || !state.busyDays.has(day));
}

/** Declared conflict, or inspected the enterprise within the 12 months before the day. */
export function isRecused(state: OfficerState, creditCode: string, day: string, since = yearBefore(day)): boolean {
  if (state.conflicts.has(creditCode)) return true;
  return (state.inspected.get(creditCode) ?? []).some((date) => date >= since && date < day);
}

/**
 * Draws a team of at least two for one visit: eligible officers in random order, fewest visits so far first
 * (local officers ahead of others), each new member covering a department still uncovered (and every member
 * competent for at least one of the visit's departments). If that
 * balanced choice needs more than the largest team, a coverage-first choice is tried instead.
 */
export function drawTeam(need: TeamNeed, day: string, states: OfficerState[], rules: TeamRules, prng: Prng, ignoreBusy = false): OfficerState[] | null {
  const since = yearBefore(day);
  const eligible = states.filter((s) => canWork(s, day, ignoreBusy) && !isRecused(s, need.creditCode, day, since));
  if (eligible.length < 2) return null;
  const load = (s: OfficerState) => s.visits + (s.officer.regionCode === need.regionCode ? 0 : rules.nonLocalPenalty);
  const ordered = prng
    .shuffle(eligible)
    .map((s, rank) => ({ s, rank, load: load(s) }))
    .sort((a, b) => a.load - b.load || a.rank - b.rank)
    .map((x) => x.s);
  return coverGreedily(need, ordered, rules.maxTeamSize, false) ?? coverGreedily(need, ordered, rules.maxTeamSize, true);
}

/** Union of the team's domains. */
export function teamDomains(team: readonly OfficerState[]): Set<string> {
  const domains = new Set<string>();
  team.forEach((s) => s.domains.forEach((d) => domains.add(d)));
  return domains;
}

/** May the officer check at least one of the departments? */
export function isCompetentFor(state: OfficerState, departments: readonly string[]): boolean {
  return departments.some((d) => state.domains.has(d));
}

function coverGreedily(need: TeamNeed, ordered: OfficerState[], maxSize: number, coverageFirst: boolean): OfficerState[] | null {
  const uncovered = new Set(need.departments);
  const team: OfficerState[] = [];
  const gain = (s: OfficerState) => [...uncovered].filter((d) => s.domains.has(d)).length;
  while ((uncovered.size > 0 || team.length < 2) && team.length < maxSize) {
    const free = ordered.filter((s) => !team.includes(s));
    // Once every department is covered, a further member still has to be competent for one of them:
    // an officer with nothing to check there is not one of the two officers the law requires.
    const next = uncovered.size === 0 ? free.find((s) => isCompetentFor(s, need.departments)) : pickCovering(free, gain, coverageFirst);
    if (!next) return null;
    team.push(next);
    next.domains.forEach((d) => uncovered.delete(d));
  }
  return uncovered.size === 0 && team.length >= 2 ? team : null;
}

function pickCovering(free: OfficerState[], gain: (s: OfficerState) => number, coverageFirst: boolean): OfficerState | undefined {
  if (!coverageFirst) return free.find((s) => gain(s) > 0);
  let best: OfficerState | undefined;
  let bestGain = 0;
  for (const s of free) {
    const g = gain(s);
    if (g > bestGain) [best, bestGain] = [s, g];
  }
  return best;
}
