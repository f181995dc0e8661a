import { Injectable } from '@nestjs/common';
import {
  computeFactors,
  industryFailRatesByDay,
  loadBuiltInSpec,
  scoreBatch,
  testWindowMetrics,
  toDayNumber,
  trainGamModel,
  type FactorSpec,
  type FactorValues,
  type GamModel,
} from '@tianping/risk-model';
import type { ModelBuilder } from '@tianping/contracts';
import { EnterpriseFeaturesRepository } from '../features/enterprise-features.repository';
import { EnterpriseHistoryRepository } from '../features/enterprise-history.repository';
import { ModelRegistryService } from '../models/model-registry.service';
import { TrainingRowsBuilder } from './training-rows.util';

export interface TrainRequest {
  /** Train on inspections dated before this day (default: today). */
  asOf: string;
  seed: number;
  spec?: FactorSpec;
  createdBy: string;
  /** The bureau (default) or the contracted vendor that built it. */
  builtBy?: ModelBuilder;
  onProgress?: (enterprises: number, rows: number) => void;
}

export interface IngestedBacktestRequest {
  trainUntil: string;
  testFrom: string;
  testTo: string;
  seed: number;
  /** Truth per enterprise (e.g. the generated city's propensity) for the truth's own AUC. */
  truth?: Map<string, number>;
  onProgress?: (enterprises: number, rows: number) => void;
}

export interface TestRow {
  id: string;
  creditCode: string;
  date: string;
  label: number;
  probability: number;
}

const NEUTRAL_POLICY = { version: 'backtest', thresholds: { yellow: 0.5, red: 0.75 } };

/** Trains from the projections and registers drafts; backtests on ingested data. */
@Injectable()
export class TrainingService {
  constructor(
    private readonly features: EnterpriseFeaturesRepository,
    private readonly histories: EnterpriseHistoryRepository,
    private readonly registry: ModelRegistryService,
  ) {}

  async fit(
    spec: FactorSpec,
    until: string,
    seed: number,
    onProgress?: (enterprises: number, rows: number) => void,
  ): Promise<{ model: GamModel; seconds: number }> {
    // Each row as of its own inspection's date, the industry's rate included: never the rate as of `until`,
    // which would hold that inspection's own outcome and every later one.
    const contextAsOf = industryFailRatesByDay(await this.features.industryInspectionCounts(until));
    const rows = new TrainingRowsBuilder(spec, contextAsOf, { until });
    let enterprises = 0;
    for await (const chunk of this.histories.historyChunks()) {
      for (const history of chunk.histories) rows.add(history);
      enterprises += chunk.histories.length;
      onProgress?.(enterprises, rows.rows);
    }
    // Scoring learns enterprises only from intake's events: records ingested while it was not running are not here yet.
    if (enterprises === 0)
      throw new Error(`scoring holds no enterprise yet: it takes them from intake's events while it runs (npx tianping start); train once it has them`);
    if (rows.rows === 0) throw new Error(`no inspections before ${until} to train on (${enterprises} enterprises, none inspected before then)`);
    const started = performance.now();
    const model = await trainGamModel(spec, rows.build(), { seed });
    return { model, seconds: (performance.now() - started) / 1000 };
  }

  /** Fits on inspections before `asOf` and registers the model as a draft. */
  async train(request: TrainRequest): Promise<{ model: GamModel; trainSeconds: number }> {
    const spec = request.spec ?? loadBuiltInSpec('twelve-factor');
    const { model, seconds } = await this.fit(spec, request.asOf, request.seed, request.onProgress);
    await this.registry.register(model, request.createdBy, request.builtBy);
    return { model, trainSeconds: seconds };
  }

  /**
   * Trains on what was known before `trainUntil`; each test inspection (testFrom..testTo) is scored
   * as of `testFrom`, as the bureau would have ranked enterprises when planning that window.
   */
  async backtest(request: IngestedBacktestRequest): Promise<{ metrics: Record<string, unknown>; rows: TestRow[]; model: GamModel }> {
    if (toDayNumber(request.testFrom) < toDayNumber(request.trainUntil)) throw new Error('the test window must start on or after --train-until');
    if (toDayNumber(request.testTo) < toDayNumber(request.testFrom)) throw new Error('the test window must not end before it starts');
    const spec = loadBuiltInSpec('twelve-factor');
    const context = await this.features.industryContext(request.testFrom);
    const from = toDayNumber(request.testFrom);
    const to = toDayNumber(request.testTo);
    const factors: FactorValues[] = [];
    const rows: Omit<TestRow, 'probability'>[] = [];
    for await (const chunk of this.histories.historyChunks()) {
      chunk.histories.forEach((history, k) => {
        let asOfTestFrom: FactorValues | null = null;
        history.inspections.forEach((inspection, n) => {
          const day = toDayNumber(inspection.date);
          if (day < from || day > to) return;
          asOfTestFrom ??= computeFactors(history, request.testFrom, spec, context);
          factors.push(asOfTestFrom);
          rows.push({
            id: `${chunk.creditCodes[k]}#${n}`,
            creditCode: chunk.creditCodes[k],
            date: String(inspection.date),
            label: inspection.violationFound ? 1 : 0,
          });
        });
      });
    }
    // Said before the fit, which on a large city takes minutes to no purpose when nothing is to be tested.
    if (rows.length === 0) throw new Error(`no inspections in the test window (${request.testFrom} to ${request.testTo})`);
    const { model, seconds } = await this.fit(spec, request.trainUntil, request.seed, request.onProgress);
    const scored = scoreBatch(model, factors, NEUTRAL_POLICY);
    const labels = Uint8Array.from(rows, (r) => r.label);
    const days = Int32Array.from(rows, (r) => toDayNumber(r.date));
    const truth = request.truth ? Float64Array.from(rows, (r) => request.truth!.get(r.creditCode) ?? NaN) : null;
    return {
      model,
      rows: rows.map((r, i) => ({ ...r, probability: scored.probability[i] })),
      metrics: {
        modelVersion: model.version,
        trainRows: model.training.rows,
        ...testWindowMetrics({ score: scored.logit, probability: scored.probability, labels, days, truth, seed: request.seed }),
        trainSeconds: seconds,
      },
    };
  }
}
