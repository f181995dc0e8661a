import { Prng, hashSeed } from '@tianping/common';
import { workingDaysIn, yearBefore } from './date.util';
import { DrawResult, JointVisit, Plan, PlanInput, Route, UnassignedTask } from './planner.model';
import { distanceKm, isLocated, orderRoute, pathLengthKm, type Stop } from './route.util';
import { OfficerState, TeamRules, canWork, drawTeam, isCompetentFor, isRecused, officerStates, teamDomains } from './team.util';
import { PendingVisit, bundleVisits, combinedChecklist, isAllowedOn, joinedOn, markPlaced, siblingsOf } from './visit-bundle.util';

const DEFAULT_RULES: TeamRules = { maxTeamSize: 4, nonLocalPenalty: 1 };

interface Schedule {
  seed: string;
  rules: TeamRules;
  states: OfficerState[];
  byRegion: Map<string, PendingVisit[]>;
  /** Enterprises whose checks were split in time (a complaint before a re-inspection's deadline). */
  siblings: Map<string, PendingVisit[]>;
  visits: JointVisit[];
  routes: Route[];
}

/**
 * Places the bundled visits on working days in team routes. Days are filled evenly (each day takes
 * its share of what is left); a route starts from the most urgent visit a freshly drawn team can do,
 * then grows with the nearest visits in the same district that the same team may also check.
 * Whatever cannot be staffed is returned as unassigned with a reason, never dropped.
 */
export function buildPlan(draw: DrawResult, input: PlanInput): Plan {
  const workingDays = workingDaysIn(draw.window, input.calendar);
  const states = officerStates(input.officers, input.priorInspections ?? []);
  // A department nobody may check on any working day cannot hold up the other departments' checks
  // at the same enterprises: its tasks are unassigned up front and the rest bundle without it.
  const unstaffable = departmentsNobodyCanCheck(draw, workingDays, states);
  const pending = bundleVisits({ ...draw, tasks: draw.tasks.filter((t) => !unstaffable.has(t.department)) }, input.enterprises);
  const schedule: Schedule = {
    seed: draw.seed,
    rules: { ...DEFAULT_RULES, ...input.options },
    states,
    byRegion: groupByRegion(pending),
    siblings: siblingsOf(pending),
    visits: [],
    routes: [],
  };
  let left = pending.length;
  workingDays.forEach((day, index) => {
    const quota = Math.ceil(left / (workingDays.length - index));
    left -= fillDay(schedule, day, pending, quota);
  });
  // A second pass lets officers still free on some day take what the even split left behind.
  for (const day of workingDays) {
    if (left === 0) break;
    left -= fillDay(schedule, day, pending, Infinity);
  }
  return {
    seed: draw.seed,
    window: { ...draw.window },
    workingDays,
    visits: schedule.visits.sort((a, b) => a.date.localeCompare(b.date) || a.routeId.localeCompare(b.routeId) || a.routeOrder - b.routeOrder),
    routes: schedule.routes,
    unassigned: [
      ...pending.filter((v) => !v.placed).flatMap((v) => unassign(v, workingDays, schedule)),
      ...draw.tasks
        .filter((t) => unstaffable.has(t.department))
        .map((t) => ({
          taskId: t.id,
          creditCode: t.creditCode,
          department: t.department,
          reason: 'no_eligible_team' as const,
          detail: `No certified, on-duty, present officer may check ${t.department} on any working day in the window.`,
        })),
    ],
  };
}

/** Departments drawn in the window for which no officer could work on any of its working days. */
function departmentsNobodyCanCheck(draw: DrawResult, workingDays: string[], states: OfficerState[]): Set<string> {
  if (workingDays.length === 0) return new Set();
  const drawn = new Set(draw.tasks.map((t) => t.department));
  const checkable = new Set<string>();
  for (const s of states) {
    if (workingDays.some((day) => canWork(s, day, true))) s.domains.forEach((d) => checkable.add(d));
  }
  return new Set([...drawn].filter((d) => !checkable.has(d)));
}

/** Fills one day with routes until its quota is met or no team can be drawn; returns the pending visits placed. */
function fillDay(schedule: Schedule, day: string, pending: PendingVisit[], quota: number): number {
  let placed = 0;
  for (const seed of pending) {
    if (placed >= quota) break;
    if (seed.placed || !isAllowedOn(seed, day)) continue;
    const free = schedule.states.filter((s) => !s.busyDays.has(day)).length;
    if (free < 2) break;
    // With the enterprise's other groups that may go this day, if a team can do them all; else alone.
    const joined = joinedOn(seed, day, schedule.siblings) ?? seed;
    const teamFor = (v: PendingVisit) => drawTeam(v, day, schedule.states, schedule.rules, new Prng(hashSeed(`${schedule.seed}|team|${day}|${v.key}`)));
    let visit = joined;
    let team = teamFor(joined);
    if (!team && joined !== seed) [visit, team] = [seed, teamFor(seed)];
    if (!team) continue;
    placed += commitRoute(schedule, day, team, growRoute(schedule, day, team, visit));
  }
  return placed;
}

/**
 * Adds the nearest visits of the same district the team may check (every department covered, every
 * member competent for one of them), up to the team's daily capacity.
 */
function growRoute(schedule: Schedule, day: string, team: OfficerState[], seed: PendingVisit): PendingVisit[] {
  const capacity = Math.min(...team.map((s) => s.officer.dailyCapacity));
  const domains = teamDomains(team);
  const since = yearBefore(day);
  const route = [seed];
  markPlaced(seed);
  const candidates = (schedule.byRegion.get(seed.regionCode) ?? [])
    .flatMap((v) => (v.placed ? [] : (joinedOn(v, day, schedule.siblings) ?? [])))
    .filter(
      (v) =>
        v.creditCode !== seed.creditCode &&
        isAllowedOn(v, day) &&
        v.departments.every((d) => domains.has(d)) &&
        team.every((s) => isCompetentFor(s, v.departments) && !isRecused(s, v.creditCode, day, since)),
    );
  // Measured from the route's last located stop. A visit without coordinates is not "next door" to
  // everything: it joins a route only when no located visit is left to add.
  let anchor: Stop | null = isLocated(seed) ? seed : null;
  while (route.length < capacity) {
    let best = -1;
    let bestDistance = Infinity;
    candidates.forEach((v, i) => {
      if (v.placed) return;
      const d = !isLocated(v) ? Number.MAX_VALUE : anchor ? distanceKm(anchor, v) : 0;
      if (d < bestDistance) [best, bestDistance] = [i, d];
    });
    if (best < 0) break;
    markPlaced(candidates[best]);
    route.push(candidates[best]);
    if (isLocated(candidates[best])) anchor = candidates[best];
  }
  return route;
}

function commitRoute(schedule: Schedule, day: string, team: OfficerState[], stops: PendingVisit[]): number {
  const routeId = `${day}#${String(schedule.routes.length + 1).padStart(5, '0')}`;
  const ordered = orderRoute(stops).map((i) => stops[i]);
  const officerIds = team.map((s) => s.officer.id).sort();
  team.forEach((s) => {
    s.busyDays.add(day);
    s.routesWorked++;
    s.visits += ordered.length;
    // An enterprise's later visit in the window (a re-inspection after a complaint) takes other officers.
    for (const v of ordered) s.inspected.set(v.creditCode, [...(s.inspected.get(v.creditCode) ?? []), day]);
  });
  ordered.forEach((v, routeOrder) => {
    schedule.visits.push({
      id: `visit:${v.key}`,
      creditCode: v.creditCode,
      regionCode: v.regionCode,
      date: day,
      officerIds,
      departments: v.departments,
      taskIds: v.tasks.map((t) => t.id),
      checklist: combinedChecklist(v.tasks),
      exploration: v.tasks.some((t) => t.reason === 'exploration'),
      routeId,
      routeOrder,
    });
  });
  schedule.routes.push({
    id: routeId,
    date: day,
    regionCode: stops[0].regionCode,
    officerIds,
    visitIds: ordered.map((v) => `visit:${v.key}`),
    distanceKm: pathLengthKm(ordered),
  });
  return ordered.reduce((groups, v) => groups + (v.parts?.length ?? 1), 0);
}

/** Tells capacity apart from eligibility: could some team have been drawn on some day had officers been free? */
function unassign(visit: PendingVisit, workingDays: string[], schedule: Schedule): UnassignedTask[] {
  const prng = new Prng(hashSeed(`${schedule.seed}|unassigned|${visit.key}`));
  const days = workingDays.filter((day) => isAllowedOn(visit, day));
  const staffable = days.some((day) => drawTeam(visit, day, schedule.states, schedule.rules, prng, true) !== null);
  const reason = days.length === 0 ? 'no_working_day' : staffable ? 'capacity_exhausted' : 'no_eligible_team';
  const detail = {
    no_working_day:
      workingDays.length === 0
        ? 'The window holds no working day.'
        : `No working day in the window falls on or after ${visit.notBefore}, the day after the rectification deadline.`,
    capacity_exhausted: 'Eligible teams exist, but every one was already on a route on each working day.',
    no_eligible_team: `No team of at most ${schedule.rules.maxTeamSize} certified, on-duty, non-recused officers covers ${visit.departments.join(', ')} on any working day.`,
  }[reason];
  return visit.tasks.map((t) => ({ taskId: t.id, creditCode: t.creditCode, department: t.department, reason, detail }));
}

function groupByRegion(visits: PendingVisit[]): Map<string, PendingVisit[]> {
  const byRegion = new Map<string, PendingVisit[]>();
  for (const v of visits) {
    const list = byRegion.get(v.regionCode) ?? [];
    list.push(v);
    byRegion.set(v.regionCode, list);
  }
  return byRegion;
}
