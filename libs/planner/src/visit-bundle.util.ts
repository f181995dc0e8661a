import { ChecklistEntry, DrawResult, Enterprise, InspectionTask } from './planner.model';

/** The tasks for one enterprise that can share a day, waiting for that day and a team. */
export interface PendingVisit {
  /** The credit code; `<code>#2` for the enterprise's second visit in the window (see `timeGroups`), and so on. */
  key: string;
  creditCode: string;
  regionCode: string;
  lng?: number;
  lat?: number;
  tasks: InspectionTask[];
  departments: string[];
  /** Sort key: earlier due complaints and follow-ups first, then complaints, then by colour. */
  priority: string;
  /** Earliest day it may take place: the latest day after its follow-ups' rectification deadlines (absent: any day). */
  notBefore?: string;
  placed: boolean;
  /** The enterprise's groups this visit joins again (see `joinedOn`); absent for a group as bundled. */
  parts?: PendingVisit[];
}

const COLOUR_RANK: Record<string, string> = { red: '0', yellow: '1', green: '2' };
const UNKNOWN_REGION = '000000';
const NO_DUE_DAY = '9999-12-31';

/** Whether the visit may take place on that day: never on or before its follow-ups' rectification deadline. */
export function isAllowedOn(visit: PendingVisit, day: string): boolean {
  return !visit.notBefore || day >= visit.notBefore;
}

/**
 * Splits an enterprise's tasks into the fewest groups whose tasks can share one day: each task may take
 * place from the day after its rectification deadline (`notBefore`) to its due day (`dueBy`), both counted from the
 * window's first day (a deadline already passed allows any day; a complaint already overdue is due at
 * once). Inspect once: one group whenever one day suits every task, as when a random check waits for a
 * re-inspection. More when a complaint is due before a re-inspection's deadline: the complaint (with the
 * checks that need not wait) is not held back to the deadline. Greedy by earliest due day, which gives the
 * fewest days that meet every task's range (interval stabbing).
 */
export function timeGroups<T extends Pick<InspectionTask, 'id' | 'notBefore' | 'dueBy'>>(tasks: readonly T[], windowStart: string): T[][] {
  const from = (t: T) => (t.notBefore && t.notBefore > windowStart ? t.notBefore : windowStart);
  const to = (t: T) => (t.dueBy === undefined ? NO_DUE_DAY : t.dueBy > windowStart ? t.dueBy : windowStart);
  let rest = [...tasks].sort((a, b) => to(a).localeCompare(to(b)) || a.id.localeCompare(b.id));
  const groups: T[][] = [];
  while (rest.length > 0) {
    const day = to(rest[0]);
    const fits = (t: T, i: number) => i === 0 || from(t) <= day;
    groups.push(rest.filter(fits));
    rest = rest.filter((t, i) => !fits(t, i));
  }
  return groups;
}

/** Bundles the draw into one pending visit per enterprise (进一次门、查多项事), more only where a complaint cannot wait. */
export function bundleVisits(draw: DrawResult, enterprises: Enterprise[]): PendingVisit[] {
  const tasksByCode = new Map<string, InspectionTask[]>();
  for (const task of draw.tasks) {
    const list = tasksByCode.get(task.creditCode) ?? [];
    list.push(task);
    tasksByCode.set(task.creditCode, list);
  }
  // Only the drawn enterprises are looked up: the city may hold hundreds of thousands more.
  const byCode = new Map(enterprises.filter((e) => tasksByCode.has(e.creditCode)).map((e) => [e.creditCode, e]));
  const visits: PendingVisit[] = [];
  for (const [creditCode, all] of tasksByCode) {
    const enterprise = byCode.get(creditCode);
    timeGroups(all, draw.window.start).forEach((tasks, i) => {
      const key = i === 0 ? creditCode : `${creditCode}#${i + 1}`;
      const due = tasks.map((t) => t.dueBy ?? NO_DUE_DAY).sort()[0];
      const complaint = tasks.some((t) => t.clueIds.length > 0) ? '0' : '1';
      const colour = COLOUR_RANK[tasks.find((t) => t.colour)?.colour ?? ''] ?? '3';
      const notBefore = tasks.map((t) => t.notBefore ?? '').sort()[tasks.length - 1] || undefined;
      visits.push({
        key,
        creditCode,
        regionCode: enterprise?.regionCode ?? UNKNOWN_REGION,
        lng: enterprise?.lng,
        lat: enterprise?.lat,
        tasks: [...tasks].sort((a, b) => a.department.localeCompare(b.department) || a.id.localeCompare(b.id)),
        departments: [...new Set(tasks.map((t) => t.department))].sort(),
        priority: `${due}|${complaint}|${colour}|${key}`,
        ...(notBefore ? { notBefore } : {}),
        placed: false,
      });
    });
  }
  return visits.sort((a, b) => a.priority.localeCompare(b.priority));
}

/** An enterprise's groups, in the order `timeGroups` made them, for enterprises with more than one. */
export function siblingsOf(visits: PendingVisit[]): Map<string, PendingVisit[]> {
  const byCode = new Map<string, PendingVisit[]>();
  for (const v of visits) byCode.set(v.creditCode, [...(byCode.get(v.creditCode) ?? []), v]);
  for (const [code, groups] of byCode) {
    if (groups.length < 2) byCode.delete(code);
    else groups.sort((a, b) => a.key.length - b.key.length || a.key.localeCompare(b.key));
  }
  return byCode;
}

/**
 * The visit as it would go on `day`: with the enterprise's other groups still waiting that may go that day
 * too. A split is kept only while it lets a complaint go before a deadline; once the complaint's visit
 * slips to a day the re-inspection may take, one visit does both (inspect once). Null when another of the
 * groups stands for them (the earliest waiting one does), so a joined visit is offered once.
 */
export function joinedOn(visit: PendingVisit, day: string, siblings: Map<string, PendingVisit[]>): PendingVisit | null {
  const groups = siblings.get(visit.creditCode);
  if (!groups) return visit;
  const parts = groups.filter((g) => !g.placed && isAllowedOn(g, day));
  if (parts.length < 2) return visit;
  if (parts[0] !== visit) return null;
  const tasks = parts.flatMap((g) => g.tasks).sort((a, b) => a.department.localeCompare(b.department) || a.id.localeCompare(b.id));
  const notBefore = parts.map((g) => g.notBefore ?? '').sort()[parts.length - 1] || undefined;
  return {
    ...visit,
    tasks,
    departments: [...new Set(tasks.map((t) => t.department))].sort(),
    ...(notBefore ? { notBefore } : {}),
    parts,
  };
}

/** Marks the visit placed, with every group it joins; returns how many groups that is. */
export function markPlaced(visit: PendingVisit): number {
  visit.placed = true;
  visit.parts?.forEach((g) => (g.placed = true));
  return visit.parts?.length ?? 1;
}

/** The combined checklist (一表通查): each department's items once, in department order. */
export function combinedChecklist(tasks: readonly InspectionTask[]): ChecklistEntry[] {
  const seen = new Set<string>();
  const entries: ChecklistEntry[] = [];
  for (const task of [...tasks].sort((a, b) => a.department.localeCompare(b.department))) {
    for (const item of [...task.items].sort()) {
      const key = `${task.department}|${item}`;
      if (seen.has(key)) continue;
      seen.add(key);
      entries.push({ department: task.department, item });
    }
  }
  return entries;
}
