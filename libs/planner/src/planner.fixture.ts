import { DepartmentPlan, Enterprise, Officer, RiskColour } from './planner.model';
import { PlanningScenario, generateScenario } from './scenario.generator';

/** Small hand-made inputs shared by the planner's specs (never imported by the library itself). */
export function plan(department: string, overrides: Partial<DepartmentPlan> = {}): DepartmentPlan {
  return {
    department,
    annualRatios: { red: 1, yellow: 0.2, green: 0.03 },
    uniformAnnualRatio: 0.1,
    annualCapPerEnterprise: 2,
    checklist: [`${department}-01`, `${department}-02`],
    ...overrides,
  };
}

export function enterprise(code: string, colour: RiskColour, overrides: Partial<Enterprise> = {}): Enterprise {
  return { creditCode: code, colour, regionCode: '440604', lng: 113.1, lat: 23.0, ...overrides };
}

export function officer(id: string, domains: string[], overrides: Partial<Officer> = {}): Officer {
  return { id, department: domains[0], domains, certValidUntil: '2030-12-31', regionCode: '440604', onDuty: true, dailyCapacity: 4, ...overrides };
}

/** Enterprises with made-up codes and a fixed colour mix: 10 % red, 30 % yellow, 60 % green. */
export function population(size: number, departments?: (i: number) => string[]): Enterprise[] {
  return Array.from({ length: size }, (_, i) => {
    const colour: RiskColour = i % 10 === 0 ? 'red' : i % 10 <= 3 ? 'yellow' : 'green';
    return enterprise(`E${String(i).padStart(6, '0')}`, colour, { departments: departments?.(i), lng: 113 + (i % 97) / 500, lat: 23 + (i % 89) / 500 });
  });
}

/** A small generated city for one month, enough for a few hundred visits. */
export function smallCity(seed = 'spec'): PlanningScenario {
  return generateScenario({ seed, enterprises: 15_000, officers: 60, window: { start: '2025-03-01', end: '2025-03-31' }, regions: 5 });
}
