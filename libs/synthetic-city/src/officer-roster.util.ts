import type { Prng } from '@tianping/common';
import { DEPARTMENT_CODES, type DepartmentCode } from './department.data';
import { DISTRICTS } from './foshan-geography.data';
import { personName } from './people.util';
import { cumulative, pickWeighted } from './sampling.util';

export interface Officer {
  officerId: string;
  name: string;
  department: DepartmentCode;
  domains: DepartmentCode[];
  districtIndex: number;
  certValidUntilDay: number;
  onDuty: boolean;
  /** Hidden: probability that this officer notices a violation that is there. */
  stringency: number;
}

const DEPARTMENT_CUMULATIVE = cumulative([0.3, 0.1, 0.12, 0.12, 0.07, 0.08, 0.15, 0.06]);
/** Guaranteed always-eligible officers per department and district, so every team can be staffed. */
const CORE_PER_CELL = 2;

/**
 * The register of certified officers and the drawing of inspection teams. Only officers on duty,
 * holding the department in their domains and with a certificate valid on the day are drawn.
 */
export class OfficerRoster {
  readonly officers: Officer[] = [];
  private readonly byCell = new Map<string, number[]>();
  private readonly byDepartment = new Map<DepartmentCode, number[]>();

  constructor(enterprises: number, windowStartDay: number, endDay: number, prng: Prng) {
    const total = Math.max(DEPARTMENT_CODES.length * DISTRICTS.length * CORE_PER_CELL + 20, Math.round(enterprises * 0.003));
    let serial = 0;
    const mint = (districtIndex: number): string => `${DISTRICTS[districtIndex].regionCode}${String(++serial).padStart(5, '0')}`;
    for (const department of DEPARTMENT_CODES) {
      for (let d = 0; d < DISTRICTS.length; d++) {
        for (let k = 0; k < CORE_PER_CELL; k++) this.add(this.draw(mint(d), department, d, endDay + prng.int(200, 4 * 365), true, prng));
      }
    }
    const core = this.officers.length;
    while (this.officers.length < total) {
      // The first two extra officers make sure even a tiny city has an expired certificate and an officer off duty.
      const department = DEPARTMENT_CODES[pickWeighted(DEPARTMENT_CUMULATIVE, prng.next())];
      const d = prng.int(0, DISTRICTS.length - 1);
      const expired = prng.bernoulli(0.08) || this.officers.length === core;
      const until = expired ? prng.int(windowStartDay, endDay - 1) : endDay + prng.int(30, 5 * 365);
      this.add(this.draw(mint(d), department, d, until, !prng.bernoulli(0.06) && this.officers.length !== core + 1, prng));
    }
  }

  /** Two officers (sometimes three) for an inspection; prefers the enterprise's own district. */
  team(department: DepartmentCode, districtIndex: number, day: number, prng: Prng): Officer[] {
    const local = this.byCell.get(`${department}:${districtIndex}`) ?? [];
    const pool = prng.bernoulli(0.85) ? local : (this.byDepartment.get(department) ?? local);
    const size = prng.bernoulli(0.15) ? 3 : 2;
    const chosen: Officer[] = [];
    for (let attempt = 0; attempt < 24 && chosen.length < size; attempt++) {
      const officer = this.officers[pool[prng.int(0, pool.length - 1)]];
      if (officer.certValidUntilDay > day && !chosen.includes(officer)) chosen.push(officer);
    }
    // The core officers of the cell are always eligible: fall back on them.
    for (let k = 0; chosen.length < 2; k++) {
      const officer = this.officers[local[k]];
      if (!chosen.includes(officer)) chosen.push(officer);
    }
    return chosen;
  }

  private draw(officerId: string, department: DepartmentCode, districtIndex: number, until: number, onDuty: boolean, prng: Prng): Officer {
    const domains: DepartmentCode[] = [department];
    const comprehensive = department === 'CITY' ? 0.5 : department === 'SAMR' ? 0.2 : 0.05;
    if (prng.bernoulli(comprehensive)) {
      for (const extra of prng.shuffle(DEPARTMENT_CODES).slice(0, prng.int(1, 3))) if (!domains.includes(extra)) domains.push(extra);
    }
    return {
      officerId,
      name: personName(prng),
      department,
      domains,
      districtIndex,
      certValidUntilDay: until,
      onDuty,
      stringency: 0.45 + 0.5 * prng.next(),
    };
  }

  private add(officer: Officer): void {
    const position = this.officers.push(officer) - 1;
    if (!officer.onDuty) return;
    for (const domain of officer.domains) {
      const cell = `${domain}:${officer.districtIndex}`;
      if (!this.byCell.has(cell)) this.byCell.set(cell, []);
      this.byCell.get(cell)!.push(position);
      if (!this.byDepartment.has(domain)) this.byDepartment.set(domain, []);
      this.byDepartment.get(domain)!.push(position);
    }
  }
}
