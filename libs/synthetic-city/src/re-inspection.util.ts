import type { Prng } from '@tianping/common';
import type { Enterprise } from './enterprise.model';
import type { OfficerRoster } from './officer-roster.util';
import { penaltyAfter, teamDetection } from './inspection-outcome.util';
import type { Inspection } from './violation-process.util';

/**
 * Re-inspections (整改复查): an order to rectify (责令整改) is checked by the same department some days
 * after its deadline. The rules, kept simple:
 * - the deadline is the inspection's day + 30 (dispatch's default `rectificationDays`), and the
 *   re-inspection comes 0–15 days after it (dispatch's `followUpWithinDays`), if the enterprise still
 *   trades then and the day is before the window's end;
 * - most enterprises rectify: the enterprise is still in violation with half its propensity of the
 *   day (drift and persistence included), and the team detects it as any team does;
 * - one still in violation has a case opened (立案查处) half the time, else is ordered to rectify
 *   again, which leads to one more re-inspection; the second re-inspection always opens a case.
 */
export const RE_INSPECTION = {
  rectificationDays: 30,
  withinDays: 15,
  propensityFactor: 0.5,
  caseOpenedShare: 0.5,
  maxRounds: 2,
} as const;

interface Waiting {
  day: number;
  order: Inspection;
  round: number;
}

/**
 * One enterprise's re-inspections waiting for their day. Every draw comes from a stream of their own,
 * so the rest of the city (the enterprise's violations, complaints and other inspections) is the same
 * with or without them.
 */
export class ReInspectionSchedule {
  private waiting: Waiting[] = [];

  constructor(
    private readonly e: Enterprise,
    /** The day the enterprise stopped trading, or the window's end. */
    private readonly lastDay: number,
    private readonly endDay: number,
    private readonly roster: OfficerRoster,
    private readonly prng: Prng,
  ) {}

  /** Schedules the re-inspection an order to rectify leads to, when its day comes while the enterprise trades. */
  after(inspection: Inspection, round = 1): void {
    if (inspection.result !== '责令整改' || round > RE_INSPECTION.maxRounds) return;
    const day = inspection.day + RE_INSPECTION.rectificationDays + this.prng.int(0, RE_INSPECTION.withinDays);
    if (day < this.lastDay) this.waiting.push({ day, order: inspection, round });
  }

  /** Carries out the re-inspections due before `stop`, with `p` the enterprise's propensity of the period. */
  carryOut(stop: number, p: number): Inspection[] {
    const due = this.waiting.filter((w) => w.day < stop);
    if (due.length === 0) return [];
    this.waiting = this.waiting.filter((w) => w.day >= stop);
    const done: Inspection[] = [];
    for (const w of due) {
      const inspection = this.reinspect(w, p);
      done.push(inspection);
      this.after(inspection, w.round + 1);
    }
    return done;
  }

  private reinspect({ day, order, round }: Waiting, p: number): Inspection {
    const prng = this.prng;
    const team = this.roster.team(order.department, this.e.districtIndex, day, prng);
    const detection = teamDetection(team);
    const stillInViolation = p * RE_INSPECTION.propensityFactor;
    const found = prng.bernoulli(stillInViolation) && prng.bernoulli(detection);
    const filed = found && (round === RE_INSPECTION.maxRounds || prng.bernoulli(RE_INSPECTION.caseOpenedShare));
    return {
      day,
      department: order.department,
      origin: '其他',
      team,
      // The re-inspection checks what the order was about.
      items: order.items,
      found,
      result: !found ? '未发现问题' : filed ? '立案查处' : '责令整改',
      violation: found ? order.violation : '',
      probabilityFound: stillInViolation * detection,
      penalty: penaltyAfter(filed, day + prng.int(15, 90), this.endDay, prng),
      follows: order,
    };
  }
}
