import { Injectable } from '@nestjs/common';
import { scoreBatch } from '@tianping/risk-model';
import { ColourPolicyService } from '../colour/colour-policy.service';
import { EnterpriseFeaturesRepository } from '../features/enterprise-features.repository';
import { ModelRegistryService } from '../models/model-registry.service';
import { ScoresRepository } from './scores.repository';

export interface ScoreRunResult {
  runId: string;
  asOf: string;
  modelVersion: string;
  colourPolicyVersion: string;
  enterprises: number;
  byColour: { green: number; yellow: number; red: number };
}

/** Today's date in China Standard Time, the calendar every as-of date is on. */
export function todayCst(): string {
  return new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
}

/**
 * Scores enterprises as of a date with the active model and colour policy: factors in bulk from the
 * projections, scored in columns, written a chunk at a time. The team (nuisance) term never enters.
 */
@Injectable()
export class ScoringService {
  constructor(
    private readonly features: EnterpriseFeaturesRepository,
    private readonly registry: ModelRegistryService,
    private readonly policies: ColourPolicyService,
    private readonly scores: ScoresRepository,
  ) {}

  async scoreAll(asOf: string = todayCst(), onProgress?: (enterprises: number) => void): Promise<ScoreRunResult> {
    return this.run('all', asOf, undefined, onProgress);
  }

  /** Re-scores the given enterprises (those intake changed); unknown or closed ones are skipped. */
  async scoreEnterprises(creditCodes: string[], asOf: string = todayCst()): Promise<ScoreRunResult> {
    return this.run('changes', asOf, creditCodes);
  }

  private async run(kind: 'all' | 'changes', asOf: string, creditCodes?: string[], onProgress?: (n: number) => void): Promise<ScoreRunResult> {
    const model = await this.registry.activeModel();
    if (!model) throw new Error('no active model: train one, have it approved, then activate it');
    const policy = await this.policies.active();
    const context = await this.features.industryContext(asOf);
    const runId = await this.scores.startRun(kind, asOf, model.version, policy.version);
    const byColour = { green: 0, yellow: 0, red: 0 };
    let enterprises = 0;
    let writing: Promise<void> = Promise.resolve();
    for await (const chunk of this.features.factorChunks(asOf, model.spec, context, { creditCodes })) {
      const batch = scoreBatch(model, chunk.factors, policy);
      for (let i = 0; i < batch.rows; i++) byColour[batch.colourOf(i)]++;
      // Write this chunk while the next one is featurised.
      await writing;
      writing = this.scores.writeChunk(runId, asOf, chunk.creditCodes, batch, chunk.factors);
      enterprises += batch.rows;
      onProgress?.(enterprises);
    }
    await writing;
    await this.scores.finishRun(runId, enterprises);
    if (kind === 'all') await this.scores.clearDirtyBefore(runId);
    return { runId, asOf, modelVersion: model.version, colourPolicyVersion: policy.version, enterprises, byColour };
  }
}
