import { replacementRefusal, type TeamChangeInput, type TeamChangeRefusalCode } from './replacement.util';

export interface DayCoverRefusal {
  code: TeamChangeRefusalCode | 'no_candidate';
  message: string;
}

/** One visit of the absent officer's day, with what a team change of it must respect (`officerOut` the absent one). */
export interface DayCoverVisit {
  id: string;
  input: TeamChangeInput;
}

export interface DayCover {
  /** The one officer who takes the absent officer's place that day, or null when no one free may take any. */
  officerIn: string | null;
  /** Visits the replacement takes, in the order given. */
  covered: string[];
  /** Visits the replacement may not take (all of them with none), with the rule that keeps the replacement (or anyone) off. */
  uncovered: { id: string; refusal: DayCoverRefusal }[];
}

const NO_ONE: DayCoverRefusal = { code: 'no_candidate', message: 'no officer free that day may take this place' };

/**
 * One replacement for all of an absent officer's visits of a day, so every route keeps one team: among the
 * officers free that day (no visit yet, not on any of these teams), the one the draw's rules let take the most
 * visits, each checked with the visits it already took that day; ties go to the absent officer's department,
 * then to whoever is local to more of the visits, then to the lower id. Visits given in route order.
 */
export function proposeDayCover(visits: readonly DayCoverVisit[]): DayCover {
  if (visits.length === 0) return { officerIn: null, covered: [], uncovered: [] };
  const { officers, officerOut, visitsThatDay } = visits[0].input;
  const onTeams = new Set(visits.flatMap((v) => v.input.visit.officerIds));
  const out = officers.find((o) => o.id === officerOut);
  const free = officers.filter((o) => !onTeams.has(o.id) && (visitsThatDay.get(o.id) ?? 0) === 0);
  let best: { id: string; covered: string[]; sameDepartment: boolean; local: number } | null = null;
  for (const officer of free) {
    const covered = coverable(visits, officer.id).filter((c) => c.refusal === null);
    if (covered.length === 0) continue;
    const candidate = {
      id: officer.id,
      covered: covered.map((c) => c.id),
      sameDepartment: officer.department === out?.department,
      local: visits.filter((v) => v.input.visit.regionCode === officer.regionCode).length,
    };
    if (!best || better(candidate, best)) best = candidate;
  }
  if (!best) return { officerIn: null, covered: [], uncovered: visits.map((v) => ({ id: v.id, refusal: NO_ONE })) };
  const taken = new Set(best.covered);
  const refusals = coverable(visits, best.id);
  return {
    officerIn: best.id,
    covered: best.covered,
    uncovered: refusals.filter((r) => !taken.has(r.id)).map((r) => ({ id: r.id, refusal: r.refusal ?? NO_ONE })),
  };
}

/** Each visit's refusal for the officer, counting the visits the officer takes before it that day. */
function coverable(visits: readonly DayCoverVisit[], officerId: string): { id: string; refusal: DayCoverRefusal | null }[] {
  let load = 0;
  return visits.map((v) => {
    const visitsThatDay = new Map(v.input.visitsThatDay).set(officerId, load);
    const refusal = replacementRefusal({ ...v.input, visitsThatDay }, officerId);
    if (refusal === null) load++;
    return { id: v.id, refusal };
  });
}

function better(a: { id: string; covered: string[]; sameDepartment: boolean; local: number }, b: typeof a): boolean {
  if (a.covered.length !== b.covered.length) return a.covered.length > b.covered.length;
  if (a.sameDepartment !== b.sameDepartment) return a.sameDepartment;
  if (a.local !== b.local) return a.local > b.local;
  return a.id < b.id;
}
