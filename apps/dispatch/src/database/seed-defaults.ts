/**
 * Frozen seed of migration 1763890000000: the defaults a new installation starts from. Change
 * them over HTTP (PUT /api/plans/:department, PUT /api/policy/:key) or in a new migration, never here.
 */
export interface DepartmentPlanSeed {
  department: string;
  annualRatios: { red: number; yellow: number; green: number };
  uniformAnnualRatio: number;
  annualCapPerEnterprise: number;
  checklist: string[];
  /** GB/T 4754 section letters the department supervises; null = every enterprise. */
  supervisedSections: string[] | null;
}

/** Who supervises which industries (GB/T 4754-2017 sections). */
const SECTIONS: Record<string, string[] | null> = {
  SAMR: null,
  HRSS: null,
  FIRE: null,
  ENV: ['B', 'C', 'D', 'N'],
  EMG: ['B', 'C', 'D', 'E', 'G'],
  HEALTH: ['H', 'O', 'P', 'Q', 'R'],
  CITY: ['E', 'F', 'H', 'K', 'O'],
  AGRI: ['A'],
};

// Red every year, yellow one in five, green 3 %; when the model is suspended, 12 % of everyone,
// which is what a typical mix (5 % red, 25 % yellow, 70 % green) costs under the risk ratios.
export const DEFAULT_DEPARTMENT_PLANS: DepartmentPlanSeed[] = Object.entries(SECTIONS).map(([department, supervisedSections]) => ({
  department,
  annualRatios: { red: 1, yellow: 0.2, green: 0.03 },
  uniformAnnualRatio: 0.12,
  annualCapPerEnterprise: 2,
  checklist: ['01', '02', '03', '04'].map((n) => `${department}-${n}`),
  supervisedSections,
}));

export const DEFAULT_POLICY = {
  /** Share of each department's draw that ignores risk (exploration). */
  explorationShare: 0.1,
  /** Visits an officer can make in a day unless set on the officer. */
  officerDailyCapacity: 4,
  /** Days from a verified complaint's receipt by which its visit should happen. */
  complaintDueDays: 15,
  /** Colour given to an enterprise scoring has not reached yet. */
  unscoredColour: 'yellow',
  maxTeamSize: 4,
};

/** Public holidays and make-up workdays (调休) for 2025, per the State Council notice. */
export const HOLIDAYS_2025: { date: string; kind: 'holiday' | 'workday'; name: string }[] = [
  ...range('2025-01-01', 1, '元旦'),
  ...range('2025-01-28', 8, '春节'),
  ...range('2025-04-04', 3, '清明节'),
  ...range('2025-05-01', 5, '劳动节'),
  ...range('2025-05-31', 3, '端午节'),
  ...range('2025-10-01', 8, '国庆节、中秋节'),
  ...['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11'].map((date) => ({ date, kind: 'workday' as const, name: '调休上班' })),
];

function range(first: string, days: number, name: string) {
  const start = Date.parse(`${first}T00:00:00Z`);
  return Array.from({ length: days }, (_, i) => ({ date: new Date(start + i * 86_400_000).toISOString().slice(0, 10), kind: 'holiday' as const, name }));
}
