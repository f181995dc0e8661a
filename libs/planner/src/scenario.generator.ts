import { Prng, creditCodeCheckChar } from '@tianping/common';
import { workingDaysIn } from './date.util';
import {
  DEPARTMENT_CODES,
  DepartmentPlan,
  Enterprise,
  Officer,
  PlanningWindow,
  PriorInspection,
  RiskColour,
  ComplaintTrigger,
  WorkCalendar,
} from './planner.model';

export interface ScenarioOptions {
  seed: string;
  enterprises: number;
  officers: number;
  window: PlanningWindow;
  regions?: number;
  calendar?: WorkCalendar;
}

/** A generated city: everything the dispatch app would load before planning a window. */
export interface PlanningScenario {
  window: PlanningWindow;
  plans: DepartmentPlan[];
  enterprises: Enterprise[];
  officers: Officer[];
  calendar: WorkCalendar;
  priorInspections: PriorInspection[];
  triggeredTasks: ComplaintTrigger[];
}

/** Which departments supervise which kind of business, with each kind's share of the city. */
const SECTORS: { share: number; departments: string[] }[] = [
  { share: 0.33, departments: ['SAMR', 'FIRE', 'CITY', 'HRSS'] },
  { share: 0.2, departments: ['SAMR', 'FIRE', 'HEALTH', 'CITY', 'HRSS'] },
  { share: 0.2, departments: ['SAMR', 'ENV', 'EMG', 'FIRE', 'HRSS'] },
  { share: 0.05, departments: ['SAMR', 'ENV', 'EMG', 'FIRE', 'HRSS'] },
  { share: 0.05, departments: ['SAMR', 'HEALTH', 'FIRE', 'ENV', 'HRSS'] },
  { share: 0.07, departments: ['SAMR', 'AGRI', 'ENV', 'HRSS'] },
  { share: 0.1, departments: ['SAMR', 'HRSS', 'CITY'] },
];
const COLOUR_SHARES: [RiskColour, number][] = [
  ['red', 0.05],
  ['yellow', 0.25],
  ['green', 0.7],
];
const ORIGIN = { lng: 113.12, lat: 23.02 };

/** A small, pure generator of a planning scenario; the same options always give the same city. */
export function generateScenario(options: ScenarioOptions): PlanningScenario {
  const prng = new Prng(`scenario|${options.seed}`);
  const regions = regionCentres(options.regions ?? 10, prng.fork('regions'));
  const enterprises = generateEnterprises(options.enterprises, regions, prng.fork('enterprises'));
  const calendar = options.calendar ?? {};
  const officers = generateOfficers(options, regions, enterprises, calendar, prng.fork('officers'));
  return {
    window: options.window,
    plans: DEPARTMENT_CODES.map((d, i) => departmentPlan(d, i, enterprises, prng.fork(`plan:${d}`))),
    enterprises,
    officers,
    calendar,
    priorInspections: generatePrior(options.window, enterprises, officers, prng.fork('prior')),
    triggeredTasks: generateComplaints(options.window, enterprises, prng.fork('complaints')),
  };
}

function regionCentres(count: number, prng: Prng): { code: string; lng: number; lat: number }[] {
  return Array.from({ length: count }, (_, i) => ({
    code: `4406${String(i + 1).padStart(2, '0')}`,
    lng: ORIGIN.lng + prng.normal(0, 0.15),
    lat: ORIGIN.lat + prng.normal(0, 0.12),
  }));
}

function generateEnterprises(count: number, regions: ReturnType<typeof regionCentres>, prng: Prng): Enterprise[] {
  const codes = new Set<string>();
  const enterprises: Enterprise[] = [];
  while (enterprises.length < count) {
    const code = creditCode(prng);
    if (codes.has(code)) continue;
    codes.add(code);
    const region = prng.pick(regions);
    enterprises.push({
      creditCode: code,
      colour: weighted(COLOUR_SHARES, prng),
      regionCode: region.code,
      lng: region.lng + prng.normal(0, 0.03),
      lat: region.lat + prng.normal(0, 0.025),
      departments: weighted(
        SECTORS.map((s) => [s.departments, s.share] as [string[], number]),
        prng,
      ),
    });
  }
  return enterprises;
}

function creditCode(prng: Prng): string {
  const body = `91${'4406'}${String(prng.int(0, 99)).padStart(2, '0')}MA${Array.from({ length: 7 }, () => '0123456789ABCDEFGHJKLMNPQRTUWXY'[prng.int(0, 30)]).join('')}`;
  return body + (creditCodeCheckChar(body) ?? '0');
}

function departmentPlan(department: string, index: number, enterprises: Enterprise[], prng: Prng): DepartmentPlan {
  const supervised = enterprises.filter((e) => e.departments?.includes(department));
  return {
    department,
    annualRatios: { red: 1, yellow: 0.2 + 0.05 * (index % 2), green: 0.03 + 0.01 * (index % 3) },
    uniformAnnualRatio: 0.08,
    annualCapPerEnterprise: 2,
    exemptions: supervised.filter(() => prng.bernoulli(0.005)).map((e) => e.creditCode),
    checklist: Array.from({ length: 3 + (index % 3) }, (_, i) => `${department}-${String(i + 1).padStart(2, '0')}`),
  };
}

/** Officers of each department; about 40 % are comprehensive-enforcement officers (综合执法) holding several domains. */
function generateOfficers(
  options: ScenarioOptions,
  regions: ReturnType<typeof regionCentres>,
  enterprises: Enterprise[],
  calendar: WorkCalendar,
  prng: Prng,
): Officer[] {
  const days = workingDaysIn(options.window, calendar);
  return Array.from({ length: options.officers }, (_, i) => {
    const department = DEPARTMENT_CODES[i % DEPARTMENT_CODES.length];
    const extra = prng.bernoulli(0.4) ? prng.int(2, 4) : prng.int(0, 1);
    const domains = [department, ...prng.shuffle(DEPARTMENT_CODES.filter((d) => d !== department)).slice(0, extra)];
    const expiring = prng.bernoulli(0.03) && days.length > 0;
    return {
      id: `44${String(100000 + i)}`,
      department,
      domains,
      certValidUntil: expiring ? prng.pick(days) : `${Number(options.window.end.slice(0, 4)) + 2}-06-30`,
      regionCode: prng.pick(regions).code,
      onDuty: prng.bernoulli(0.95),
      dailyCapacity: prng.int(3, 5),
      conflicts: prng.bernoulli(0.05) ? [prng.pick(enterprises).creditCode] : [],
      absentDates: days.filter(() => prng.bernoulli(0.04)),
    };
  });
}

/** Past inspections over the year before the window, so that recusal and annual caps have something to bite on. */
function generatePrior(window: PlanningWindow, enterprises: Enterprise[], officers: Officer[], prng: Prng): PriorInspection[] {
  const start = Date.parse(`${window.start}T00:00:00Z`);
  const prior: PriorInspection[] = [];
  for (const e of enterprises) {
    if (!prng.bernoulli(e.colour === 'red' ? 0.5 : 0.08)) continue;
    const department = prng.pick(e.departments ?? DEPARTMENT_CODES);
    const pool = officers.filter((o) => o.domains.includes(department));
    if (pool.length < 2) continue;
    const date = new Date(start - prng.int(1, 360) * 86_400_000).toISOString().slice(0, 10);
    const team = prng
      .shuffle(pool)
      .slice(0, 2)
      .map((o) => o.id);
    const times = e.colour === 'red' && prng.bernoulli(0.2) ? 2 : 1;
    for (let k = 0; k < times; k++) prior.push({ creditCode: e.creditCode, department, date, officerIds: team });
  }
  return prior;
}

function generateComplaints(window: PlanningWindow, enterprises: Enterprise[], prng: Prng): ComplaintTrigger[] {
  const due = new Date(Date.parse(`${window.start}T00:00:00Z`) + 10 * 86_400_000).toISOString().slice(0, 10);
  return enterprises
    .filter(() => prng.bernoulli(0.002))
    .map((e, i) => ({
      creditCode: e.creditCode,
      department: prng.pick(e.departments ?? DEPARTMENT_CODES),
      clueId: `CLUE-${String(i).padStart(6, '0')}`,
      dueBy: due,
    }));
}

function weighted<T>(options: [T, number][], prng: Prng): T {
  let x = prng.next() * options.reduce((n, [, w]) => n + w, 0);
  for (const [value, w] of options) {
    x -= w;
    if (x < 0) return value;
  }
  return options[options.length - 1][0];
}
