import { ChecklistEntry, DrawResult, Enterprise, InspectionTask } from './planner.model';

/** Every department's tasks for one enterprise in the window, waiting for a day and a team. */
export interface PendingVisit {
  creditCode: string;
  regionCode: string;
  lng?: number;
  lat?: number;
  tasks: InspectionTask[];
  departments: string[];
  /** Sort key: earlier due complaints and follow-ups first, then complaints, then by colour. */
  priority: string;
  /** Earliest day it may take place: the latest rectification deadline of its follow-ups (absent: any day). */
  notBefore?: string;
  placed: boolean;
}

const COLOUR_RANK: Record<string, string> = { red: '0', yellow: '1', green: '2' };
const UNKNOWN_REGION = '000000';

/** Whether the visit may take place on that day: never before its follow-ups' rectification deadline. */
export function isAllowedOn(visit: PendingVisit, day: string): boolean {
  return !visit.notBefore || day >= visit.notBefore;
}

/** Bundles the draw into one pending visit per enterprise (进一次门、查多项事). */
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
  for (const [creditCode, tasks] of tasksByCode) {
    const enterprise = byCode.get(creditCode);
    const due = tasks.map((t) => t.dueBy ?? '9999-12-31').sort()[0];
    const complaint = tasks.some((t) => t.clueIds.length > 0) ? '0' : '1';
    const colour = COLOUR_RANK[tasks.find((t) => t.colour)?.colour ?? ''] ?? '3';
    // Inspect once: the other departments' checks wait for the deadline with the re-inspection.
    const notBefore = tasks.map((t) => t.notBefore ?? '').sort()[tasks.length - 1] || undefined;
    visits.push({
      creditCode,
      regionCode: enterprise?.regionCode ?? UNKNOWN_REGION,
      lng: enterprise?.lng,
      lat: enterprise?.lat,
      tasks: [...tasks].sort((a, b) => a.department.localeCompare(b.department)),
      departments: [...new Set(tasks.map((t) => t.department))].sort(),
      priority: `${due}|${complaint}|${colour}|${creditCode}`,
      ...(notBefore ? { notBefore } : {}),
      placed: false,
    });
  }
  return visits.sort((a, b) => a.priority.localeCompare(b.priority));
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
