import { Injectable, NotFoundException } from '@nestjs/common';
import { accuracyFigures, RANDOM_REASONS, MODEL_REASONS, SELECTION_REASONS, type AccuracyFigures } from './accuracy.util';
import { AGE_BANDS, SIZE_BANDS } from './audit-groups.util';
import type { AuditPeriod } from './audit-period.util';
import { AuditDriftRepository, type Snapshot } from './audit-drift.repository';
import { AuditsRepository, type ModelVersionFacts } from './audits.repository';
import { colourPolicyEvidence, type ColourPolicyEvidence } from './colour-policy-evidence.util';
import { cutPoints, DECILES, driftComparison, factorDrift, type DriftComparison, type FactorDrift } from './drift.util';
import { fairnessByDimension, fairnessOverall, type FairnessDimension, type FairnessGroup } from './fairness.util';

export type FairnessSample = 'random' | 'model' | 'all';
export type FlagLevel = 'red' | 'yellow';

export interface FairnessOptions {
  /** Which inspections the true/false-positive rates and calibration are read on; the random share by default. */
  sample?: FairnessSample;
  /** 'red' flags red scores; 'yellow' flags yellow and red. */
  flag?: FlagLevel;
  /** Groups with fewer observations behind a figure are shown but left out of its gap. */
  minGroupSize?: number;
}

export const DEFAULT_MIN_GROUP_SIZE = 30;

export interface FairnessAudit {
  period: AuditPeriod;
  flaggedColours: string[];
  sample: { name: FairnessSample; reasons: string[] | null };
  minGroupSize: number;
  overall: FairnessGroup;
  /** Of the red enterprises, those whose red awaits an oversight officer's confirmation (counted as yellow until then); null where withheld. */
  redAwaitingConfirmation: number | null;
  dimensions: FairnessDimension[];
}

export interface AccuracyAudit extends AccuracyFigures {
  period: AuditPeriod;
  /** What the model claimed on its own validation data, to set against the random share. */
  model: { version: string; validation: Record<string, number> } | null;
}

export interface DriftBaseline {
  /** 'training-window': scores as of days inside the model's training window; 'first-scoring': the model's first as-of day. */
  kind: 'training-window' | 'first-scoring';
  from: string;
  to: string;
  enterprises: number;
}

export interface DriftAudit {
  period: AuditPeriod;
  modelVersion: string | null;
  trainingWindow: { from: string | null; to: string | null } | null;
  baselines: { factors: DriftBaseline | null; score: DriftBaseline | null };
  /** Whether the PSIs mean anything: not when a baseline lies inside the period. */
  comparison: DriftComparison;
  current: { factors: number; score: number };
  factors: FactorDrift[];
  score: FactorDrift | null;
  largestFactorShift: { factor: string; psi: number } | null;
}

const SAMPLE_REASONS: Record<FairnessSample, readonly string[] | null> = { random: RANDOM_REASONS, model: MODEL_REASONS, all: null };

/** The three audits of the algorithm, each over a period: fairness, accuracy on the random share, drift. */
@Injectable()
export class AuditsService {
  constructor(
    private readonly repository: AuditsRepository,
    private readonly driftRepository: AuditDriftRepository,
  ) {}

  async fairness(period: AuditPeriod, options: FairnessOptions = {}): Promise<FairnessAudit> {
    const sample = options.sample ?? 'random';
    const flaggedColours = options.flag === 'yellow' ? ['yellow', 'red'] : ['red'];
    const minGroupSize = options.minGroupSize ?? DEFAULT_MIN_GROUP_SIZE;
    const [cells, redAwaitingConfirmation] = await Promise.all([
      this.repository.fairnessCells(period, {
        selectionReasons: SELECTION_REASONS,
        sampleReasons: SAMPLE_REASONS[sample],
        flaggedColours,
        sizeThresholds: SIZE_BANDS.thresholds,
        ageThresholds: AGE_BANDS.thresholds,
      }),
      this.repository.redAwaitingConfirmation(period),
    ]);
    return {
      period,
      flaggedColours,
      sample: { name: sample, reasons: SAMPLE_REASONS[sample] ? [...(SAMPLE_REASONS[sample] as string[])] : null },
      minGroupSize,
      overall: fairnessOverall(cells),
      redAwaitingConfirmation,
      dimensions: fairnessByDimension(cells, minGroupSize),
    };
  }

  async accuracy(period: AuditPeriod): Promise<AccuracyAudit> {
    const [outcomes, model] = await Promise.all([this.repository.inspectionOutcomes(period), this.modelFor(period)]);
    return { period, model: model ? { version: model.version, validation: model.metrics } : null, ...accuracyFigures(outcomes) };
  }

  /** What past inspections found in each colour under a policy's thresholds, beside the active policy's. */
  async colourPolicyEvidence(version: string, period: AuditPeriod): Promise<ColourPolicyEvidence> {
    const [policy, active, outcomes] = await Promise.all([
      this.repository.colourPolicy(version),
      this.repository.activeColourPolicy(),
      this.repository.inspectionOutcomes(period),
    ]);
    if (!policy) throw new NotFoundException(`no colour policy ${version} in the record`);
    return colourPolicyEvidence(period, outcomes, policy, active);
  }

  /** PSI of each factor and of the scores, the period against the model's training window (or its first scoring). */
  async drift(period: AuditPeriod, modelVersion?: string): Promise<DriftAudit> {
    const model = await this.modelFor(period, modelVersion);
    if (modelVersion && !model) throw new NotFoundException(`no model version ${modelVersion} in the record`);
    const version = model?.version ?? modelVersion ?? null;
    const [factorBaseline, scoreBaseline] = await Promise.all([this.baseline(model, version, null), version ? this.baseline(model, version, version) : null]);
    const [factors, scores] = await Promise.all([
      factorBaseline ? this.distributionDrift(factorBaseline.snapshot, { ...period, modelVersion: null, of: 'factors' }) : null,
      scoreBaseline ? this.distributionDrift({ ...scoreBaseline.snapshot, of: 'score' }, { ...period, modelVersion: version, of: 'score' }) : null,
    ]);
    const described = (b: typeof factorBaseline, d: typeof factors): DriftBaseline | null => (b && d ? { ...b.described, enterprises: d.baselineSize } : null);
    const baselines = { factors: described(factorBaseline, factors), score: described(scoreBaseline, scores) };
    const shifts = (factors?.drifts ?? []).filter((f): f is FactorDrift & { psi: number } => f.psi !== null).sort((a, b) => b.psi - a.psi);
    return {
      period,
      modelVersion: version,
      trainingWindow: model?.trainingWindow ?? null,
      baselines,
      comparison: driftComparison(period, [baselines.factors, baselines.score]),
      current: { factors: factors?.currentSize ?? 0, score: scores?.currentSize ?? 0 },
      factors: factors?.drifts ?? [],
      score: scores?.drifts[0] ?? null,
      largestFactorShift: shifts[0] ? { factor: shifts[0].factor, psi: shifts[0].psi } : null,
    };
  }

  /** The active model (from scoring's events), else the model that scored most in the period. */
  async modelFor(period: AuditPeriod, requested?: string): Promise<ModelVersionFacts | null> {
    const version = requested ?? (await this.repository.activeModelVersion()) ?? (await this.repository.busiestModel(period));
    return version ? this.repository.modelVersion(version) : null;
  }

  /** Scores as of days inside the training window when there are any, else the model's first scoring. */
  private async baseline(model: ModelVersionFacts | null, version: string | null, only: string | null) {
    const window = model?.trainingWindow;
    if (window?.from && window.to) {
      const snapshot: Snapshot = { from: window.from, to: window.to, modelVersion: only, of: 'factors' };
      if (await this.driftRepository.hasScores(snapshot))
        return { snapshot, described: { kind: 'training-window' as const, from: window.from, to: window.to } };
    }
    const first = version ? await this.driftRepository.firstAsOf(version) : null;
    if (!first) return null;
    return {
      snapshot: { from: first, to: first, modelVersion: version, of: 'factors' } as Snapshot,
      described: { kind: 'first-scoring' as const, from: first, to: first },
    };
  }

  /** Each factor's bins cut at the baseline's deciles, counted in both snapshots. */
  private async distributionDrift(baseline: Snapshot, current: Snapshot) {
    const { names, cuts, baseline: baselineCounts, current: currentCounts } = await this.driftRepository.distributions(baseline, current, DECILES, cutPoints);
    const drifts = names.map((factor) =>
      factorDrift(factor, baselineCounts.get(factor) ?? new Map(), currentCounts.get(factor) ?? new Map(), cuts.get(factor)),
    );
    // Every enterprise of a snapshot falls in one bin of each factor.
    return {
      drifts,
      baselineSize: Math.max(0, ...drifts.map((d) => d.baselineCount)),
      currentSize: Math.max(0, ...drifts.map((d) => d.currentCount)),
    };
  }
}
