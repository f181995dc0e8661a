import {
  computeFactors,
  toDayNumber,
  type DateInput,
  type EnterpriseHistory,
  type FactorContext,
  type FactorSpec,
  type FactorValues,
  type TrainingData,
} from '@tianping/risk-model';

/** Teams seen fewer times than this share the "unknown team" level of the nuisance term. */
export const MIN_TEAM_INSPECTIONS = 20;

export interface InspectionWindow {
  /** First day (inclusive); none = from the beginning. */
  from?: string;
  /** Last day, exclusive. */
  until: string;
}

/** Accumulates training rows: each inspection's factors as of its own date, its outcome, its team. */
export class TrainingRowsBuilder {
  private readonly factors: FactorValues[] = [];
  private readonly labels: number[] = [];
  private readonly days: number[] = [];
  private readonly teams: (string | null)[] = [];
  private readonly fromDay: number;
  private readonly untilDay: number;

  /**
   * `context` is the fail-rate prior; a function gives it as of each inspection's date (as training
   * must, so that no row reads a later outcome through its industry's rate), an object the same for all.
   */
  constructor(
    private readonly spec: FactorSpec,
    private readonly context: FactorContext | ((asOf: DateInput) => FactorContext),
    window: InspectionWindow,
  ) {
    this.fromDay = window.from ? toDayNumber(window.from) : -Infinity;
    this.untilDay = toDayNumber(window.until);
  }

  add(history: EnterpriseHistory): void {
    for (const inspection of history.inspections) {
      const day = toDayNumber(inspection.date);
      if (day < this.fromDay || day >= this.untilDay) continue;
      // computeFactors reads only records dated before the inspection's day: its own outcome is never an input.
      const context = typeof this.context === 'function' ? this.context(inspection.date) : this.context;
      this.factors.push(computeFactors(history, inspection.date, this.spec, context));
      this.labels.push(inspection.violationFound ? 1 : 0);
      this.days.push(day);
      this.teams.push(inspection.officerIds.length ? [...inspection.officerIds].sort().join('+') : null);
    }
  }

  get rows(): number {
    return this.labels.length;
  }

  build(): TrainingData {
    const counts = new Map<string, number>();
    for (const t of this.teams) if (t) counts.set(t, (counts.get(t) ?? 0) + 1);
    return {
      factors: this.factors,
      labels: Uint8Array.from(this.labels),
      days: Int32Array.from(this.days),
      nuisance: this.spec.nuisance ? this.teams.map((t) => (t && (counts.get(t) ?? 0) >= MIN_TEAM_INSPECTIONS ? t : null)) : null,
    };
  }
}
