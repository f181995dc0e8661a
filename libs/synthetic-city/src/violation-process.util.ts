import type { Prng } from '@tianping/common';
import { DEPARTMENTS, DEPARTMENT_CODES, type DepartmentCode } from './department.data';
import type { Enterprise } from './enterprise.model';
import type { IndustrySection } from './industry.data';
import { penaltyAfter, teamDetection } from './inspection-outcome.util';
import type { Officer, OfficerRoster } from './officer-roster.util';
import { ageEffect, PROCESS, sigmoid } from './propensity.model';
import { ReInspectionSchedule } from './re-inspection.util';
import { cumulative, pickWeighted } from './sampling.util';

export type CaseOrigin = '双随机' | '投诉举报' | '专项检查' | '线索移送' | '其他';
export type ClueChannel = '12345' | 'grid' | 'city_brain' | 'online';

export interface Inspection {
  day: number;
  department: DepartmentCode;
  origin: CaseOrigin;
  team: Officer[];
  items: string;
  found: boolean;
  result: '未发现问题' | '责令整改' | '立案查处';
  violation: string;
  /** Exactly the probability used to draw `found`: P(in violation) × P(team detects). */
  probabilityFound: number;
  penalty: Penalty | null;
  /** For a re-inspection (整改复查): the inspection whose order to rectify it checks. */
  follows: Inspection | null;
}

export interface Penalty {
  day: number;
  amountYuan: number;
}

export interface Complaint {
  day: number;
  second: number;
  channel: ClueChannel;
  department: DepartmentCode;
  /** Hidden: the complaint reports a violation that really happened. */
  genuine: boolean;
  triggered: Inspection | null;
}

export interface EnterpriseHistory {
  inspections: Inspection[];
  /** Re-inspections of orders to rectify, drawn from their own stream (see re-inspection.util.ts). */
  reInspections: Inspection[];
  complaints: Complaint[];
  /** Probability of being in violation at the end date (drift and persistence included). */
  propensityAtEnd: number;
}

const RANDOM_PER_YEAR = 0.85;
const SPECIAL_PER_YEAR = 0.1;
const OTHER_PER_YEAR = 0.03;
const CAMPAIGN_SECTIONS = new Set(['C', 'H', 'E', 'G']);
const CHANNELS: readonly ClueChannel[] = ['12345', 'online', 'grid', 'city_brain'];
const CHANNEL_CUMULATIVE = cumulative([0.45, 0.25, 0.2, 0.1]);
const departmentPicker = new Map<IndustrySection, { codes: DepartmentCode[]; cumulative: number[] }>();

/**
 * Simulates one enterprise's hidden violations, its complaints and its inspections over the window;
 * the re-inspections of its orders to rectify draw from `reInspectionPrng` alone. What a re-inspection
 * finds is the violation its order was about, counted once already in persistence: it adds nothing
 * there, so the rest of the enterprise's history is the same with or without re-inspections.
 */
export function simulateEnterprise(
  e: Enterprise,
  windowStartDay: number,
  endDay: number,
  roster: OfficerRoster,
  prng: Prng,
  reInspectionPrng: Prng,
): EnterpriseHistory {
  const history: EnterpriseHistory = { inspections: [], reInspections: [], complaints: [], propensityAtEnd: 0 };
  const firstDay = Math.max(windowStartDay, e.establishedDay + 1);
  const lastDay = e.closedDay === null ? endDay : Math.min(e.closedDay, endDay);
  const reInspections = new ReInspectionSchedule(e, lastDay, endDay, roster, reInspectionPrng);
  const perPeriod = PROCESS.periodDays / 365.25;
  const specialRate = CAMPAIGN_SECTIONS.has(e.section.letter) ? SPECIAL_PER_YEAR * perPeriod : 0;
  const randomRate = RANDOM_PER_YEAR * perPeriod;
  const otherRate = OTHER_PER_YEAR * perPeriod;
  const innovation = Math.sqrt(1 - PROCESS.driftRho ** 2) * PROCESS.driftSd;
  const base = e.observableLogit + e.unobservedEffect;
  let drift = prng.normal(0, PROCESS.driftSd);
  let persistence = 0;
  let p = sigmoid(base + ageEffect((endDay - e.establishedDay) / 365.25) + drift);
  for (let start = firstDay; start < lastDay; start += PROCESS.periodDays) {
    const stop = Math.min(start + PROCESS.periodDays, lastDay);
    p = sigmoid(base + ageEffect((start - e.establishedDay) / 365.25) + drift + PROCESS.persistenceWeight * persistence);
    history.reInspections.push(...reInspections.carryOut(stop, p));
    const event = prng.bernoulli(PROCESS.eventRate * p);
    let violations = event ? 1 : 0;
    const genuine = event && prng.bernoulli(0.45);
    if (genuine || prng.bernoulli(0.0025 + 0.01 * p)) {
      const complaint = drawComplaint(e, start, stop, genuine, prng);
      if (prng.bernoulli(0.55)) {
        const day = Math.min(complaint.day + prng.int(1, 12), lastDay - 1, endDay - 1);
        const origin = complaint.channel === 'grid' || complaint.channel === 'city_brain' ? '线索移送' : '投诉举报';
        complaint.triggered = inspect(e, day, complaint.department, origin, p, endDay, roster, prng);
        history.inspections.push(complaint.triggered);
        reInspections.after(complaint.triggered);
        violations += complaint.triggered.found ? 1 : 0;
      }
      history.complaints.push(complaint);
    }
    const roll = prng.next();
    const origin: CaseOrigin | null =
      roll < randomRate ? '双随机' : roll < randomRate + specialRate ? '专项检查' : roll < randomRate + specialRate + otherRate ? '其他' : null;
    if (origin) {
      const inspection = inspect(e, prng.int(start, stop - 1), pickDepartment(e.section, prng), origin, p, endDay, roster, prng);
      history.inspections.push(inspection);
      reInspections.after(inspection);
      violations += inspection.found ? 1 : 0;
    }
    persistence = PROCESS.persistenceDecay * persistence + violations;
    drift = PROCESS.driftRho * drift + innovation * prng.normal();
  }
  history.propensityAtEnd = p;
  return history;
}

function inspect(
  e: Enterprise,
  day: number,
  department: DepartmentCode,
  origin: CaseOrigin,
  p: number,
  endDay: number,
  roster: OfficerRoster,
  prng: Prng,
): Inspection {
  const team = roster.team(department, e.districtIndex, day, prng);
  const detection = teamDetection(team);
  // An inspection records a violation only when one exists and the team notices it.
  const found = prng.bernoulli(p) && prng.bernoulli(detection);
  const spec = DEPARTMENTS[department];
  const filed = found && prng.bernoulli(0.25);
  const penaltyDay = day + prng.int(15, 90);
  return {
    day,
    department,
    origin,
    team,
    items: itemCodes(department, spec.itemCount, prng),
    found,
    result: !found ? '未发现问题' : filed ? '立案查处' : '责令整改',
    violation: found && prng.bernoulli(0.9) ? prng.pick(spec.findings) : '',
    probabilityFound: p * detection,
    penalty: penaltyAfter(filed, penaltyDay, endDay, prng),
    follows: null,
  };
}

function drawComplaint(e: Enterprise, start: number, stop: number, genuine: boolean, prng: Prng): Complaint {
  const channel = CHANNELS[pickWeighted(CHANNEL_CUMULATIVE, prng.next())];
  return {
    day: prng.int(start, stop - 1),
    second: prng.int(6 * 3600, 23 * 3600),
    channel,
    department: pickDepartment(e.section, prng),
    genuine,
    triggered: null,
  };
}

function pickDepartment(section: IndustrySection, prng: Prng): DepartmentCode {
  let picker = departmentPicker.get(section);
  if (!picker) {
    const codes = DEPARTMENT_CODES.filter((code) => section.departments[code] !== undefined);
    picker = { codes, cumulative: cumulative(codes.map((code) => section.departments[code] ?? 0)) };
    departmentPicker.set(section, picker);
  }
  return picker.codes[pickWeighted(picker.cumulative, prng.next())];
}

function itemCodes(department: DepartmentCode, itemCount: number, prng: Prng): string {
  const count = 1 + (prng.bernoulli(0.4) ? 1 : 0) + (prng.bernoulli(0.15) ? 1 : 0);
  const picked = new Set<number>();
  while (picked.size < Math.min(count, itemCount)) picked.add(prng.int(1, itemCount));
  return [...picked]
    .sort((a, b) => a - b)
    .map((n) => `${department}-${n < 10 ? '0' : ''}${n}`)
    .join(';');
}
